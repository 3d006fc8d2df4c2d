/**
 * What-if settings: the page's controls (agents per group, arrival volume, handle time,
 * patience; clerks per back-office team and back-office arrival volume; each outbound campaign's
 * dialer mode and ratio) as one value. The page applies an edit at once, as interventions of the
 * Site's knobs (`changesBetween`); Reset starts a run from midnight with the controls' values as
 * its start configuration (`startScenario`). `applyWhatIf` turns the settings into a whole
 * scenario for a day-long comparison (the Plan view).
 *
 * Scaling a duration multiplies every time parameter of its distribution and leaves shape
 * parameters (cv, weights) alone, so the mean scales by the factor and the shape stays.
 */
import type { Duration, Scenario } from '../model/scenario/scenario-schema';
import { validateScenario, type ParseResult } from '../model/scenario/parse-scenario';
import type { Intervention } from '../model/scenario/events-schema';
import type { InterventionChange } from '../model/site/site-knobs';

export interface WhatIfSettings {
  /** Agents in each group, by group id. */
  readonly agentsByGroup: Readonly<Record<string, number>>;
  /** Arrival volume as a percentage of the scenario's. */
  readonly arrivalPercent: number;
  /** Talk and ACW times as a percentage of the scenario's. */
  readonly ahtPercent: number;
  /** Caller patience as a percentage of the scenario's. */
  readonly patiencePercent: number;
  /** Clerks in each back-office team, by team id. */
  readonly clerksByTeam: Readonly<Record<string, number>>;
  /** Back-office arrivals (stream rate and batch sizes) as a percentage of the scenario's. */
  readonly backOfficeArrivalPercent: number;
  /** Each outbound campaign's dialer, by campaign id. */
  readonly dialerByCampaign: Readonly<Record<string, DialerSetting>>;
}

export type DialerMode = 'preview' | 'progressive' | 'predictive';

export interface DialerSetting {
  readonly mode: DialerMode;
  /** Predictive only: dials in flight per available agent at most (the campaign's maxLinesPerAgent). */
  readonly ratio: number;
}

/** The bounds of a what-if control: the panel's slider, and the two ends the tests try. */
export interface ControlRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export const ARRIVAL_PERCENT_RANGE: ControlRange = { min: 25, max: 300, step: 5 };
export const AHT_PERCENT_RANGE: ControlRange = { min: 50, max: 200, step: 5 };
export const PATIENCE_PERCENT_RANGE: ControlRange = { min: 25, max: 400, step: 5 };
export const BACK_OFFICE_ARRIVAL_PERCENT_RANGE: ControlRange = { min: 25, max: 300, step: 5 };
export const DIALER_RATIO_RANGE: ControlRange = { min: 1, max: 6, step: 0.25 };
export const DIALER_MODES: readonly DialerMode[] = ['preview', 'progressive', 'predictive'];

/** Agents of a group or clerks of a team: from none to twice the scenario's (at least ten more). */
export function headCountRange(scenarioCount: number): ControlRange {
  return { min: 0, max: Math.max(scenarioCount * 2, scenarioCount + 10), step: 1 };
}

/**
 * Clerks of a back-office team. A team that does work with a quality check keeps two clerks at
 * least (a maker and a different checker, as the schema requires), unless the scenario gives it
 * fewer.
 */
export function clerksRange(team: BackOfficeTeam, backOffice: BackOffice): ControlRange {
  const checked = backOffice.workTypes.some((w) => team.skills.includes(w.id) && w.qualityCheck !== undefined && w.qualityCheck.share > 0);
  return { ...headCountRange(team.clerks), min: checked ? Math.min(2, team.clerks) : 0 };
}

/** The model's default predictive ratio when a campaign does not set maxLinesPerAgent. */
export const DEFAULT_DIALER_RATIO = 3;

export function defaultWhatIf(scenario: Scenario): WhatIfSettings {
  const agentsByGroup: Record<string, number> = {};
  for (const group of scenario.agentGroups) agentsByGroup[group.id] = group.agents;
  const clerksByTeam: Record<string, number> = {};
  for (const team of scenario.backOffice?.teams ?? []) clerksByTeam[team.id] = team.clerks;
  const dialerByCampaign: Record<string, DialerSetting> = {};
  for (const campaign of scenario.campaigns ?? []) dialerByCampaign[campaign.id] = { mode: campaign.mode, ratio: campaign.maxLinesPerAgent ?? DEFAULT_DIALER_RATIO };
  return { agentsByGroup, arrivalPercent: 100, ahtPercent: 100, patiencePercent: 100, clerksByTeam, backOfficeArrivalPercent: 100, dialerByCampaign };
}

export function isDefaultWhatIf(scenario: Scenario, settings: WhatIfSettings): boolean {
  return sameWhatIf(defaultWhatIf(scenario), settings);
}

export function sameWhatIf(a: WhatIfSettings, b: WhatIfSettings): boolean {
  if (a.arrivalPercent !== b.arrivalPercent || a.ahtPercent !== b.ahtPercent || a.patiencePercent !== b.patiencePercent) return false;
  if (a.backOfficeArrivalPercent !== b.backOfficeArrivalPercent) return false;
  if (!sameRecord(a.agentsByGroup, b.agentsByGroup) || !sameRecord(a.clerksByTeam, b.clerksByTeam)) return false;
  return sameDialers(a.dialerByCampaign, b.dialerByCampaign);
}

function sameDialers(a: Readonly<Record<string, DialerSetting>>, b: Readonly<Record<string, DialerSetting>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key]?.mode !== b[key]?.mode || a[key]?.ratio !== b[key]?.ratio) return false;
  return true;
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** The scenario with the settings applied, validated again by the model's own schema. */
export function applyWhatIf(scenario: Scenario, settings: WhatIfSettings): ParseResult {
  const arrivalFactor = settings.arrivalPercent / 100;
  const ahtFactor = settings.ahtPercent / 100;
  const patienceFactor = settings.patiencePercent / 100;
  const changed = {
    ...scenario,
    queues: scenario.queues.map((queue) => ({
      ...queue,
      arrivals:
        'ratePerHour' in queue.arrivals
          ? { ratePerHour: queue.arrivals.ratePerHour * arrivalFactor }
          : { ...queue.arrivals, callsPerInterval: queue.arrivals.callsPerInterval.map((calls) => calls * arrivalFactor) },
      talk: scaleDuration(queue.talk, ahtFactor),
      ...(queue.acw ? { acw: scaleDuration(queue.acw, ahtFactor) } : {}),
      ...(queue.patience ? { patience: scaleDuration(queue.patience, patienceFactor) } : {}),
    })),
    agentGroups: scenario.agentGroups.map((group) => {
      const agents = Math.max(0, Math.round(settings.agentsByGroup[group.id] ?? group.agents));
      if (agents === group.agents || !group.shifts) return { ...group, agents };
      const onShift = apportion(group.shifts.map((shift) => shift.agents), agents);
      return { ...group, agents, shifts: group.shifts.map((shift, i) => ({ ...shift, agents: onShift[i] })) };
    }),
    ...(scenario.campaigns
      ? {
          campaigns: scenario.campaigns.map((campaign) => {
            const dialer = settings.dialerByCampaign?.[campaign.id];
            if (!dialer) return campaign;
            const ratioChanged = dialer.ratio !== (campaign.maxLinesPerAgent ?? DEFAULT_DIALER_RATIO);
            return { ...campaign, mode: dialer.mode, ...(ratioChanged ? { maxLinesPerAgent: dialer.ratio } : {}) };
          }),
        }
      : {}),
    ...(scenario.backOffice ? { backOffice: applyBackOffice(scenario.backOffice, settings) } : {}),
  };
  return validateScenario(changed);
}

/**
 * The scenario a run starts from with these settings: head-counts and dialers written into it
 * (agents spread over a group's shifts by `apportion`), and each percentage that is not 100 as an
 * intervention at 00:00, ahead of the scenario's own events. A percentage then means one thing
 * everywhere: of the scenario's own figure, as the knobs read it, so a control moved later
 * during the run applies its value as it stands and an exported run replays exactly.
 */
export function startScenario(scenario: Scenario, settings: WhatIfSettings): ParseResult {
  const headCounts = applyWhatIf(scenario, { ...settings, arrivalPercent: 100, ahtPercent: 100, patiencePercent: 100, backOfficeArrivalPercent: 100 });
  if (!headCounts.ok) return headCounts;
  // Settings of a room the scenario does not have (back-office volume without a back office) change nothing.
  const atStart = percentChanges(defaultWhatIf(scenario), settings)
    .filter((change) => change.kind !== 'item-volume' || scenario.backOffice)
    .map((change) => ({ ...change, atSec: 0 }) as Intervention);
  if (atStart.length === 0) return headCounts;
  return validateScenario({ ...headCounts.scenario, events: [...atStart, ...(headCounts.scenario.events ?? [])] });
}

/**
 * The interventions that take a run from the controls' values `before` to `after`, one per
 * control that moved: a head-count is the group's or team's new total, a percentage is of the
 * scenario's own figure (as on the control), a dialer is its mode with its ratio.
 */
export function changesBetween(before: WhatIfSettings, after: WhatIfSettings): InterventionChange[] {
  const changes: InterventionChange[] = [];
  for (const [groupId, agents] of Object.entries(after.agentsByGroup)) if (before.agentsByGroup[groupId] !== agents) changes.push({ kind: 'agents', groupId, agents });
  for (const [teamId, clerks] of Object.entries(after.clerksByTeam)) if (before.clerksByTeam[teamId] !== clerks) changes.push({ kind: 'clerks', teamId, clerks });
  for (const [campaignId, dialer] of Object.entries(after.dialerByCampaign)) {
    const was = before.dialerByCampaign[campaignId];
    if (was?.mode !== dialer.mode || was?.ratio !== dialer.ratio) changes.push({ kind: 'dialer', campaignId, mode: dialer.mode, ratio: dialer.ratio });
  }
  return [...changes, ...percentChanges(before, after)];
}

function percentChanges(before: WhatIfSettings, after: WhatIfSettings): InterventionChange[] {
  const changes: InterventionChange[] = [];
  if (before.arrivalPercent !== after.arrivalPercent) changes.push({ kind: 'call-volume', percent: after.arrivalPercent });
  if (before.ahtPercent !== after.ahtPercent) changes.push({ kind: 'aht', percent: after.ahtPercent });
  if (before.patiencePercent !== after.patiencePercent) changes.push({ kind: 'patience', percent: after.patiencePercent });
  if (before.backOfficeArrivalPercent !== after.backOfficeArrivalPercent) changes.push({ kind: 'item-volume', percent: after.backOfficeArrivalPercent });
  return changes;
}

/**
 * What the controls show once `events` (in the order applied) have changed a run that started
 * from `start`: the inverse of `changesBetween`. Injected events (an advert, sick agents, an
 * outage, a file drop, an allocation rule) move no control.
 */
export function settingsAfter(start: WhatIfSettings, events: readonly (Intervention | InterventionChange)[]): WhatIfSettings {
  let s = start;
  for (const e of events) {
    if (e.kind === 'agents') s = { ...s, agentsByGroup: { ...s.agentsByGroup, [e.groupId]: e.agents } };
    else if (e.kind === 'clerks') s = { ...s, clerksByTeam: { ...s.clerksByTeam, [e.teamId]: e.clerks } };
    else if (e.kind === 'dialer') s = { ...s, dialerByCampaign: { ...s.dialerByCampaign, [e.campaignId]: { mode: e.mode, ratio: e.ratio ?? s.dialerByCampaign[e.campaignId]?.ratio ?? DEFAULT_DIALER_RATIO } } };
    else if (e.kind === 'call-volume') s = { ...s, arrivalPercent: e.percent };
    else if (e.kind === 'aht') s = { ...s, ahtPercent: e.percent };
    else if (e.kind === 'patience') s = { ...s, patiencePercent: e.percent };
    else if (e.kind === 'item-volume') s = { ...s, backOfficeArrivalPercent: e.percent };
  }
  return s;
}

/**
 * Splits `total` whole agents over parts in proportion to `weights` (the shifts' head-counts),
 * by the largest-remainder method: each part gets the floor of its exact share, and the agents
 * left over go one each to the parts with the largest fractions (the earlier part on a tie). The
 * result always adds up to `total`, as the schema requires of a group's shifts, and no part is
 * more than one agent away from its exact share. Weights that are all zero are split evenly.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w * total) / sum : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((x, i) => ({ i, fraction: x - parts[i] })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

type BackOffice = NonNullable<Scenario['backOffice']>;
type BackOfficeTeam = BackOffice['teams'][number];
type WorkArrivals = BackOffice['workTypes'][number]['arrivals'];
type BatchSize = NonNullable<WorkArrivals['batches']>[number]['size'];

function applyBackOffice(backOffice: BackOffice, settings: WhatIfSettings): BackOffice {
  const factor = (settings.backOfficeArrivalPercent ?? 100) / 100;
  return {
    ...backOffice,
    teams: backOffice.teams.map((team) => ({ ...team, clerks: Math.max(0, Math.round(settings.clerksByTeam?.[team.id] ?? team.clerks)) })),
    workTypes: factor === 1 ? backOffice.workTypes : backOffice.workTypes.map((workType) => ({ ...workType, arrivals: scaleWorkArrivals(workType.arrivals, factor) })),
  };
}

/** Scales a work type's arrivals: the stream's expected items per interval and every batch's size. */
export function scaleWorkArrivals(arrivals: WorkArrivals, factor: number): WorkArrivals {
  return {
    ...arrivals,
    ...(arrivals.stream ? { stream: { ...arrivals.stream, itemsPerInterval: arrivals.stream.itemsPerInterval.map((n) => n * factor) } } : {}),
    ...(arrivals.batches ? { batches: arrivals.batches.map((batch) => ({ ...batch, size: scaleBatchSize(batch.size, factor) })) } : {}),
  };
}

/** A batch-size distribution with its mean scaled by `factor` (whole-number parameters rounded). */
export function scaleBatchSize(size: BatchSize, factor: number): BatchSize {
  switch (size.kind) {
    case 'poisson':
      return { ...size, mean: size.mean * factor };
    case 'normal':
      return { ...size, mean: size.mean * factor, sd: size.sd * factor };
    case 'deterministic':
      return { ...size, value: Math.round(size.value * factor) };
    case 'uniform':
      return { ...size, min: Math.round(size.min * factor), max: Math.round(size.max * factor) };
    case 'empirical':
      return { ...size, values: size.values.map((v) => Math.round(v * factor)) };
    default:
      return size;
  }
}

/** Multiplies every time parameter (fields ending in `Sec`) of a duration by `factor`. */
export function scaleDuration(duration: Duration, factor: number): Duration {
  if (factor === 1) return duration;
  const scaled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(duration)) {
    if (key.endsWith('Sec')) scaled[key] = Array.isArray(value) ? value.map((v: number) => v * factor) : (value as number) * factor;
    else scaled[key] = value;
  }
  return scaled as Duration;
}
