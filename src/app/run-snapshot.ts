/**
 * A run as the page holds it, written down as plain JSON data: the scenario (as edits to the
 * shipped file it came from, or whole) with the run's live changes as its timed `events`, the
 * seed, the what-if settings the run started from and the simulated time.
 * Share links and the autosaved draft both carry it, and both read it back through `readSnapshot`,
 * which checks everything with the same schemas as a scenario file: nothing in it is trusted, and
 * nothing in it is a URL or anything else the page would fetch.
 */
import { z } from 'zod';
import type { Scenario } from '../model/scenario/scenario-schema';
import { formatPath, validateScenario, validateWithSchema, type ScenarioProblem } from '../model/scenario/parse-scenario';
import { migrateScenarioDocument, stampFormatVersion } from '../model/scenario/scenario-migrations';
import { DAY_SEC } from '../model/scenario/calendar-schema';
import { MAX_STAFF, id, wholeNumberIn } from '../model/scenario/schema-primitives';
import {
  AHT_PERCENT_RANGE,
  ARRIVAL_PERCENT_RANGE,
  BACK_OFFICE_ARRIVAL_PERCENT_RANGE,
  DIALER_MODES,
  DIALER_RATIO_RANGE,
  PATIENCE_PERCENT_RANGE,
  applyWhatIf,
  clerksRange,
  defaultWhatIf,
  headCountRange,
  sameWhatIf,
  type ControlRange,
  type WhatIfSettings,
} from './what-if';
import { applyPatch, diff, type Json } from './json-merge-patch';
import type { CatalogEntry } from './scenario-catalog';

export interface RunSnapshot {
  /** The shipped scenario file the run's scenario was opened from (and maybe edited), or null for a file of the user's. */
  readonly baseFile: string | null;
  /** The scenario with the run's live changes among its `events` (scenarioWithEvents): opening it replays them. */
  readonly scenario: Scenario;
  readonly seed: number;
  /** The what-if settings the run started from at midnight (startScenario). */
  readonly whatIf: WhatIfSettings;
  /** Simulated seconds from the start of the run that the page had reached. */
  readonly timeSec: number;
}

/** A scenario shipped with this Kituo (in scenarios/, bundled into the page). */
export interface ShippedScenario {
  readonly file: string;
  readonly scenario: Scenario;
}

export type SnapshotResult = { ok: true; snapshot: RunSnapshot } | { ok: false; problems: ScenarioProblem[] };

const within = (range: ControlRange) =>
  z
    .number()
    .refine(Number.isFinite, { message: 'must be a finite number' })
    .refine((v) => v >= range.min && v <= range.max, { message: `must be from ${range.min} to ${range.max}` });

const whatIfSchema = z.strictObject({
  agentsByGroup: z.record(id(), wholeNumberIn(0, MAX_STAFF)),
  arrivalPercent: within(ARRIVAL_PERCENT_RANGE),
  ahtPercent: within(AHT_PERCENT_RANGE),
  patiencePercent: within(PATIENCE_PERCENT_RANGE),
  clerksByTeam: z.record(id(), wholeNumberIn(0, MAX_STAFF)),
  backOfficeArrivalPercent: within(BACK_OFFICE_ARRIVAL_PERCENT_RANGE),
  dialerByCampaign: z.record(id(), z.strictObject({ mode: z.enum(DIALER_MODES), ratio: within(DIALER_RATIO_RANGE) })),
});

/**
 * A JSON object passed on as it is: z.record would copy it key by key, and a key named
 * `__proto__` would then set the copy's prototype and vanish instead of reaching the schema.
 */
const jsonObject = () =>
  z.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), { message: 'must be an object' });

/** The scenario is either `base` + `baseHash` + `patch` (edits to a shipped file) or `document` (whole). */
const snapshotSchema = z
  .strictObject({
    base: z.string().max(100).optional(),
    baseHash: z.string().regex(/^[0-9a-f]{8}$/, { message: 'must be 8 hexadecimal digits' }).optional(),
    patch: jsonObject().optional(),
    document: jsonObject().optional(),
    seed: wholeNumberIn(0, Number.MAX_SAFE_INTEGER),
    whatIf: whatIfSchema.optional(),
    timeSec: z.number().refine(Number.isFinite, { message: 'must be a finite number' }).min(0, { message: 'must be >= 0' }),
  })
  .superRefine((data, ctx) => {
    const based = data.base !== undefined || data.baseHash !== undefined || data.patch !== undefined;
    if (based && data.document !== undefined) ctx.addIssue({ code: 'custom', path: ['document'], message: 'must not be given with base: a scenario is either edits to a shipped one or whole' });
    else if (!based && data.document === undefined) ctx.addIssue({ code: 'custom', path: ['document'], message: 'is required (or base, baseHash and patch)' });
    else if (based) {
      for (const field of ['base', 'baseHash', 'patch'] as const) {
        if (data[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required with base' });
      }
    }
  });

export type SnapshotData = z.infer<typeof snapshotSchema>;

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;

/**
 * A short fingerprint of a shipped scenario (32-bit FNV-1a of its JSON), so edits made against
 * one version of a shipped file are not silently applied to a different one.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const text = JSON.stringify(scenario);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The snapshot as JSON data: edits against its shipped base when it has one, else the whole scenario. */
export function snapshotData(snapshot: RunSnapshot, shipped: readonly ShippedScenario[]): SnapshotData {
  const base = shipped.find((s) => s.file === snapshot.baseFile);
  const patch = base ? diff(asJson(base.scenario), asJson(snapshot.scenario)) : null;
  const scenario =
    base && patch !== null && typeof patch === 'object' && !Array.isArray(patch)
      ? { base: base.file, baseHash: scenarioFingerprint(base.scenario), patch }
      : { document: stampFormatVersion(asJson(snapshot.scenario) as Record<string, Json>) };
  const untouched = sameWhatIf(snapshot.whatIf, defaultWhatIf(snapshot.scenario));
  return { ...scenario, seed: snapshot.seed, ...(untouched ? {} : { whatIf: snapshot.whatIf }), timeSec: snapshot.timeSec };
}

/**
 * The snapshot in `data`, every part checked: the wrapper by its schema, the scenario by the
 * scenario schema (after the format migrations), the what-if settings against that scenario's
 * groups, teams and campaigns and the page's control ranges, and the time against its horizon.
 */
export function readSnapshot(data: unknown, shipped: readonly ShippedScenario[]): SnapshotResult {
  const wrapper = validateWithSchema(snapshotSchema, data);
  if (!wrapper.ok) return wrapper;
  const snapshot = wrapper.data;
  let baseFile: string | null = null;
  let document: unknown = snapshot.document;
  if (snapshot.base !== undefined) {
    const base = shipped.find((s) => s.file === snapshot.base);
    if (!base) return problem(['base'], `names no scenario shipped with this Kituo (got ${JSON.stringify(snapshot.base.slice(0, 60))})`);
    if (scenarioFingerprint(base.scenario) !== snapshot.baseHash) {
      return problem(['baseHash'], `does not match ${base.file} as shipped with this Kituo: the edits were made to a different version of it`);
    }
    baseFile = base.file;
    document = applyPatch(asJson(base.scenario), snapshot.patch as Json);
  }
  const migrated = migrateScenarioDocument(document);
  const parsed = migrated.ok ? validateScenario(migrated.data) : migrated;
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ path: p.path === '' ? 'scenario' : `scenario.${p.path}`, message: p.message })) };
  const scenario = parsed.scenario;
  const whatIf = snapshot.whatIf ?? defaultWhatIf(scenario);
  const whatIfProblems = settingsProblems(scenario, whatIf);
  if (whatIfProblems.length > 0) return { ok: false, problems: whatIfProblems };
  const horizonSec = scenario.days * DAY_SEC;
  if (snapshot.timeSec > horizonSec) return problem(['timeSec'], `must be at most the scenario's ${horizonSec} s (${scenario.days} days) (got ${snapshot.timeSec})`);
  return { ok: true, snapshot: { baseFile, scenario, seed: snapshot.seed, whatIf, timeSec: snapshot.timeSec } };
}

/** What-if settings that name exactly the scenario's groups, teams and campaigns, in the panel's ranges, and give a valid scenario. */
function settingsProblems(scenario: Scenario, whatIf: WhatIfSettings): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const sameKeys = (field: string, given: Readonly<Record<string, unknown>>, expected: readonly string[], what: string) => {
    for (const key of Object.keys(given)) if (!expected.includes(key)) problems.push(at(['whatIf', field, key], `names no ${what} of the scenario`));
    for (const key of expected) if (!Object.hasOwn(given, key)) problems.push(at(['whatIf', field, key], 'is required'));
  };
  const inRange = (path: PropertyKey[], value: number, range: ControlRange) => {
    if (value < range.min || value > range.max) problems.push(at(path, `must be from ${range.min} to ${range.max} (got ${value})`));
  };
  sameKeys('agentsByGroup', whatIf.agentsByGroup, scenario.agentGroups.map((g) => g.id), 'agent group');
  for (const group of scenario.agentGroups) {
    if (Object.hasOwn(whatIf.agentsByGroup, group.id)) inRange(['whatIf', 'agentsByGroup', group.id], whatIf.agentsByGroup[group.id], headCountRange(group.agents));
  }
  const backOffice = scenario.backOffice;
  sameKeys('clerksByTeam', whatIf.clerksByTeam, backOffice?.teams.map((t) => t.id) ?? [], 'back-office team');
  for (const team of backOffice?.teams ?? []) {
    if (Object.hasOwn(whatIf.clerksByTeam, team.id)) inRange(['whatIf', 'clerksByTeam', team.id], whatIf.clerksByTeam[team.id], clerksRange(team, backOffice!));
  }
  sameKeys('dialerByCampaign', whatIf.dialerByCampaign, scenario.campaigns?.map((c) => c.id) ?? [], 'campaign');
  if (problems.length > 0) return problems;
  const applied = applyWhatIf(scenario, whatIf);
  return applied.ok ? [] : applied.problems.map((p) => ({ path: p.path === '' ? 'whatIf' : `whatIf (scenario ${p.path})`, message: p.message }));
}

const at = (path: PropertyKey[], message: string): ScenarioProblem => ({ path: formatPath(path), message });

function problem(path: PropertyKey[], message: string): { ok: false; problems: ScenarioProblem[] } {
  return { ok: false, problems: [at(path, message)] };
}

/** The shipped scenarios a snapshot may name as its base: the catalogue's valid entries. */
export function shippedScenarios(entries: readonly CatalogEntry[]): ShippedScenario[] {
  return entries.flatMap((entry) => (entry.result.ok ? [{ file: entry.file, scenario: entry.result.scenario }] : []));
}
