/**
 * The scenario format: one zod schema that both validates scenario files and, through
 * `z.toJSONSchema`, becomes scenarios/schema.json for editors.
 *
 * Durations carry their unit in the field name (`meanSec`), rates say what they count per what
 * (`callsPerInterval`, `ratePerHour`). Objects are strict, so a misspelt field is an error rather
 * than a silently ignored setting.
 */
import { z } from 'zod';
import { CURRENT_FORMAT_VERSION } from './scenario-migrations';
import { finite, id, MAX_ARRIVALS, MAX_DURATION_MIN, MAX_DURATION_SEC, MAX_STAFF, MAX_WEIGHT, MIN_LOOP_SEC, nonNegative, positive, probability, wholeNumberIn } from './schema-primitives';
import { distributionMean, distributionProblems, type DistributionSpec } from '../../engine/distributions';
import { backOfficeReferenceProblems, backOfficeSchema, costsSchema, type CostsConfig } from '../backoffice/backoffice-schema';
import { voiceSchemas } from '../voice/voice-schema';
import { eventReferenceProblems, eventsSchema } from './events-schema';
import { translationReferenceProblems, translationsSchema } from './translations-schema';
import { siteCalendarProblems, siteCalendarSchema, weekdayFactorsSchema, weekdayProfilesSchema } from './site-calendar-schema';


const seconds = () => finite(MAX_DURATION_SEC);

/**
 * A duration distribution; every time parameter is in seconds and says so. The cv's own bounds
 * are the engine's (distributionProblems), so they read the same in every unit.
 */
export const durationSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('exponential'), meanSec: seconds() }),
    z.strictObject({ kind: z.literal('deterministic'), valueSec: seconds() }),
    z.strictObject({ kind: z.literal('uniform'), minSec: seconds(), maxSec: seconds() }),
    z.strictObject({ kind: z.literal('triangular'), minSec: seconds(), modeSec: seconds(), maxSec: seconds() }),
    z.strictObject({ kind: z.literal('normal'), meanSec: seconds(), sdSec: seconds() }),
    z.strictObject({ kind: z.literal('lognormal'), meanSec: seconds(), cv: z.number() }),
    z.strictObject({ kind: z.literal('gamma'), meanSec: seconds(), cv: z.number() }),
    z.strictObject({
      kind: z.literal('empirical'),
      valuesSec: z.array(seconds()).max(10_000, { message: 'must have at most 10000 values' }),
      weights: z.array(finite(MAX_WEIGHT)).optional(),
    }),
  ])
  .superRefine((duration, ctx) => {
    // The parameter rules live in the engine; report them under the scenario's field names.
    const names = Object.keys(duration);
    for (const problem of distributionProblems(toDistribution(duration))) {
      const [base, index] = problem.field.split(/[[\]]/);
      const field = names.includes(`${base}Sec`) ? `${base}Sec` : base;
      ctx.addIssue({
        code: 'custom',
        path: index === undefined ? [field] : [field, Number(index)],
        message: problem.message,
      });
    }
  })
  .describe('A duration distribution in seconds: kind plus its parameters (meanSec, cv, …)');

export type Duration = z.infer<typeof durationSchema>;

/** Maps a scenario duration to the engine's unit-free distribution spec (drops the `Sec`). */
export function toDistribution(duration: Duration): DistributionSpec {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(duration)) spec[key.replace(/Sec$/, '')] = value;
  return spec as DistributionSpec;
}

// Contact types, skills, shifts, campaigns, callbacks (src/model/voice/voice-schema.ts); all optional.
const voice = voiceSchemas(durationSchema);
export const campaignSchema = voice.campaignSchema;
export type CampaignConfig = z.infer<typeof campaignSchema>;

const intervalMinSchema = z.union([z.literal(15), z.literal(30), z.literal(60)]);

export const arrivalsSchema = z
  .union([
    z.strictObject({
      ratePerHour: nonNegative(MAX_ARRIVALS).describe('Constant Poisson arrival rate, calls per hour'),
      weekdayFactors: weekdayFactorsSchema.optional(),
    }),
    z.strictObject({
      intervalMin: intervalMinSchema.describe('Length of each profile interval in minutes'),
      callsPerInterval: z
        .array(nonNegative(MAX_ARRIVALS))
        .min(1, { message: 'must not be empty' })
        .describe('Expected calls in each interval of the day, from 00:00; repeats every day'),
      weekdayFactors: weekdayFactorsSchema.optional(),
      weekdayProfiles: weekdayProfilesSchema.optional(),
    }),
  ])
  .superRefine((arrivals, ctx) => {
    if ('callsPerInterval' in arrivals) {
      const expected = (24 * 60) / arrivals.intervalMin;
      const checkLength = (curve: readonly number[], path: (string | number)[]) => {
        if (curve.length !== expected) {
          ctx.addIssue({ code: 'custom', path, message: `must have ${expected} values, one per ${arrivals.intervalMin}-minute interval of the day (got ${curve.length})` });
        }
      };
      checkLength(arrivals.callsPerInterval, ['callsPerInterval']);
      for (const [weekday, curve] of Object.entries(arrivals.weekdayProfiles ?? {})) {
        checkLength(curve, ['weekdayProfiles', weekday]);
        if (arrivals.weekdayFactors?.[weekday] !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['weekdayFactors', weekday], message: `must not be given with weekdayProfiles.${weekday}: scale that curve itself` });
        }
      }
    }
  });

export type Arrivals = z.infer<typeof arrivalsSchema>;

const retrialSchema = z.strictObject({
  probability: probability().describe('Share of these callers who call again'),
  delay: durationSchema.describe('Time until they call again'),
});

export const queueSchema = z.strictObject({
  id: id(),
  name: z.string().min(1, { message: 'must not be empty' }).max(120),
  arrivals: arrivalsSchema,
  talk: durationSchema.describe('Talk time (hold included) of an answered call'),
  acw: durationSchema.optional().describe('After-call work; none when absent'),
  patience: durationSchema.optional().describe('How long a caller waits before hanging up; callers never abandon when absent'),
  lines: wholeNumberIn(0, 1_000_000)
    .positive({ message: 'must be > 0' })
    .optional()
    .describe('Trunks for this queue: callers beyond them get a busy signal; unlimited when absent'),
  retrial: z
    .strictObject({ afterAbandon: retrialSchema.optional(), afterBlocked: retrialSchema.optional() })
    .optional(),
  ...voice.queueExtensions,
});

export type QueueConfig = z.infer<typeof queueSchema>;

export const agentGroupSchema = z.strictObject({
  id: id(),
  name: z.string().min(1, { message: 'must not be empty' }).max(120),
  agents: wholeNumberIn(0, MAX_STAFF),
  queues: z.array(id()).describe('Queue ids these agents answer as primary skills (priority 1); more in `skills`'),
  ...voice.groupExtensions,
  locationId: id().optional().describe("The cost location of these agents: the id of one of the scenario's costs.locations (required when costs are given)"),
});

export type AgentGroupConfig = z.infer<typeof agentGroupSchema>;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z
      .literal(CURRENT_FORMAT_VERSION)
      .optional()
      .describe('Version of the scenario format the file is written in; without it, version 1. Older versions are migrated on reading, newer ones refused'),
    name: z.string().min(1, { message: 'must not be empty' }).max(200),
    description: z.string().max(4000).optional(),
    translations: translationsSchema.optional(),
    seed: z.number().int({ message: 'must be a whole number' }).min(0).optional().describe('Default seed; the CLI --seed overrides it'),
    days: positive(366).describe('Simulated days; arrivals stop and the run ends after them'),
    calendar: siteCalendarSchema.optional(),
    reportIntervalMin: intervalMinSchema.describe('Reporting interval for per-interval KPIs'),
    warmupMin: nonNegative(MAX_DURATION_MIN)
      .optional()
      .describe('Minutes at the start left out of every KPI (a whole number of report intervals)'),
    serviceLevel: z.strictObject({
      thresholdSec: nonNegative(MAX_DURATION_SEC).describe('T in "answered within T seconds"'),
      targetPercent: finite(100)
        .refine((v) => v > 0 && v <= 100, { message: 'must be in (0, 100]' })
        .optional(),
      shortAbandonSec: nonNegative(MAX_DURATION_SEC)
        .optional()
        .describe('Callers who hang up within this many seconds are short abandons (default 0: none)'),
    }),
    queues: z.array(queueSchema).describe('Call queues; may be empty when the scenario has a backOffice or campaigns'),
    agentGroups: z.array(agentGroupSchema).describe('Agent groups; may be empty when the scenario has no queues'),
    campaigns: z.array(campaignSchema).optional().describe('Outbound campaigns (telemarketing) dialled by agent groups'),
    backOffice: backOfficeSchema.optional().describe('Non-voice work: work types, teams of clerks, calendar, allocation'),
    costs: costsSchema
      .optional()
      .describe('What staff cost per location (onshore in house, an offshore vendor …), for voice agent groups and back-office teams alike; each names its location with locationId'),
    events: eventsSchema.optional(),
  })
  .superRefine((scenario, ctx) => {
    // A scenario needs some work: call queues (served by agent groups), a back office, or both.
    if (scenario.queues.length === 0 && !scenario.backOffice && (scenario.campaigns ?? []).length === 0) ctx.addIssue({ code: 'custom', path: ['queues'], message: 'must not be empty' });
    if (scenario.queues.length > 0 && scenario.agentGroups.length === 0) ctx.addIssue({ code: 'custom', path: ['agentGroups'], message: 'must not be empty' });
    if (scenario.backOffice) {
      const queueIdSet = new Set(scenario.queues.map((queue) => queue.id));
      for (const problem of backOfficeReferenceProblems(scenario.backOffice, queueIdSet)) ctx.addIssue({ code: 'custom', ...problem });
    }
    const queueIds = new Set<string>();
    scenario.queues.forEach((queue, i) => {
      if (queueIds.has(queue.id)) ctx.addIssue({ code: 'custom', path: ['queues', i, 'id'], message: `duplicate queue id "${queue.id}"` });
      queueIds.add(queue.id);
    });
    const groupIds = new Set<string>();
    scenario.agentGroups.forEach((group, i) => {
      if (groupIds.has(group.id)) ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'id'], message: `duplicate group id "${group.id}"` });
      groupIds.add(group.id);
      group.queues.forEach((queueId, j) => {
        if (!queueIds.has(queueId)) {
          ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'queues', j], message: `names unknown queue "${queueId}"` });
        }
      });
    });
    voiceReferenceProblems(scenario, queueIds, ctx);
    scenario.queues.forEach((queue, i) => {
      for (const problem of zeroTimeLoopProblems(queue)) ctx.addIssue({ code: 'custom', ...problem, path: ['queues', i, ...problem.path] });
    });
    for (const problem of costsReferenceProblems(scenario)) ctx.addIssue({ code: 'custom', ...problem });
    for (const problem of eventReferenceProblems(scenario.events ?? [], scenario)) ctx.addIssue({ code: 'custom', ...problem });
    for (const problem of translationReferenceProblems(scenario.translations, scenario)) ctx.addIssue({ code: 'custom', ...problem });
    for (const problem of siteCalendarProblems(scenario)) ctx.addIssue({ code: 'custom', ...problem });
    if (scenario.warmupMin !== undefined && scenario.warmupMin % scenario.reportIntervalMin !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['warmupMin'],
        message: `must be a multiple of reportIntervalMin (${scenario.reportIntervalMin}) (got ${scenario.warmupMin})`,
      });
    }
    if (scenario.warmupMin !== undefined && scenario.warmupMin >= scenario.days * 24 * 60) {
      ctx.addIssue({ code: 'custom', path: ['warmupMin'], message: `must be shorter than the run (${scenario.days * 24 * 60} min) (got ${scenario.warmupMin})` });
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * The scenario's costs: the top-level `costs`, or, in an older file, `backOffice.costs`
 * (giving both is refused). Undefined when the scenario prices nothing.
 */
export function scenarioCosts(scenario: Pick<Scenario, 'costs' | 'backOffice'>): CostsConfig | undefined {
  return scenario.costs ?? scenario.backOffice?.costs;
}

/**
 * Cost locations, checked across both worlds: once costs are given every voice agent group and
 * back-office team names one of their locations; without costs a locationId has nothing to name.
 */
export function costsReferenceProblems(scenario: Scenario): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (scenario.costs && scenario.backOffice?.costs) {
    problems.push({ path: ['backOffice', 'costs'], message: 'costs are given at the top level already: give them once, there' });
  }
  const costs = scenarioCosts(scenario);
  const locationIds = new Set((costs?.locations ?? []).map((location) => location.id));
  const check = (locationId: string | undefined, path: (string | number)[]) => {
    if (locationId !== undefined && !locationIds.has(locationId)) {
      problems.push({ path, message: costs ? `names unknown location "${locationId}"` : `names unknown location "${locationId}": the scenario gives no costs` });
    } else if (locationId === undefined && costs) {
      problems.push({ path, message: 'is required when costs are given' });
    }
  };
  scenario.agentGroups.forEach((group, i) => check(group.locationId, ['agentGroups', i, 'locationId']));
  scenario.backOffice?.teams.forEach((team, i) => check(team.locationId, ['backOffice', 'teams', i, 'locationId']));
  return problems;
}

/** Mean seconds of a duration, or NaN when it is not a valid one (its own problems are reported where it is). */
function meanSec(duration: Duration | undefined): number {
  if (duration === undefined) return 0;
  const spec = toDistribution(duration);
  return distributionProblems(spec).length === 0 ? distributionMean(spec) : NaN;
}

/**
 * Callers who come back every time (probability 1) after a step that takes no time would come
 * back at the same instant forever and stop the clock; the steps of such a loop must take at
 * least MIN_LOOP_SEC on average.
 */
export function zeroTimeLoopProblems(queue: QueueConfig): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const check = (always: boolean, path: (string | number)[], loopSec: number, who: string, what: string) => {
    if (always && loopSec < MIN_LOOP_SEC) {
      problems.push({ path, message: `must make ${what} at least ${MIN_LOOP_SEC} s on average when every ${who} comes back (probability 1), or they come back at once, forever (got ${loopSec} s)` });
    }
  };
  const { afterBlocked, afterAbandon } = queue.retrial ?? {};
  if (afterBlocked) check(afterBlocked.probability === 1, ['retrial', 'afterBlocked', 'delay'], meanSec(afterBlocked.delay), 'blocked caller', 'the delay');
  if (afterAbandon && queue.patience) {
    check(afterAbandon.probability === 1, ['retrial', 'afterAbandon', 'delay'], meanSec(afterAbandon.delay) + meanSec(queue.patience), 'caller who hangs up', 'patience plus delay');
  }
  const contact = queue.contactType;
  if (contact?.kind === 'support') {
    const loopSec = meanSec(contact.repeatDelay) + meanSec(queue.talk) + meanSec(queue.acw);
    check(contact.firstContactResolution === 0 && (contact.repeatProbability ?? 1) === 1, ['contactType', 'repeatDelay'], loopSec, 'caller', 'talk, ACW and repeat delay');
  }
  return problems;
}

/** Cross-references of the voice-operations fields: skills, campaigns, shift head-counts. */
function voiceReferenceProblems(
  scenario: Scenario,
  queueIds: Set<string>,
  ctx: z.RefinementCtx,
): void {
  const campaignIds = new Set<string>();
  (scenario.campaigns ?? []).forEach((campaign, i) => {
    if (campaignIds.has(campaign.id)) ctx.addIssue({ code: 'custom', path: ['campaigns', i, 'id'], message: `duplicate campaign id "${campaign.id}"` });
    campaignIds.add(campaign.id);
  });
  const dialled = new Set<string>();
  scenario.agentGroups.forEach((group, i) => {
    const skilled = new Set(group.queues);
    group.skills?.forEach((skill, j) => {
      if (!queueIds.has(skill.queue)) {
        ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'skills', j, 'queue'], message: `names unknown queue (contact type) "${skill.queue}"` });
      } else if (skilled.has(skill.queue)) {
        ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'skills', j, 'queue'], message: `names queue "${skill.queue}" twice in this group` });
      }
      skilled.add(skill.queue);
    });
    group.campaigns?.forEach((campaignId, j) => {
      if (!campaignIds.has(campaignId)) ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'campaigns', j], message: `names unknown campaign "${campaignId}"` });
      dialled.add(campaignId);
    });
    if (group.backOfficeWork) {
      const workTypeIds = new Set((scenario.backOffice?.workTypes ?? []).map((workType) => workType.id));
      group.backOfficeWork.skills.forEach((workTypeId, j) => {
        if (!workTypeIds.has(workTypeId)) {
          const why = scenario.backOffice ? `names unknown work type "${workTypeId}"` : `names work type "${workTypeId}" but the scenario has no backOffice`;
          ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'backOfficeWork', 'skills', j], message: why });
        }
      });
    }
    if (skilled.size === 0 && (group.campaigns ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'queues'], message: 'must name at least one queue (or give skills or campaigns)' });
    }
    if (group.shifts) {
      const sum = group.shifts.reduce((s, shift) => s + shift.agents, 0);
      if (sum !== group.agents) ctx.addIssue({ code: 'custom', path: ['agentGroups', i, 'shifts'], message: `agents of the shifts must add up to the group's agents (${group.agents}) (got ${sum})` });
    }
  });
  (scenario.campaigns ?? []).forEach((campaign, i) => {
    if (!dialled.has(campaign.id)) ctx.addIssue({ code: 'custom', path: ['campaigns', i, 'id'], message: `no agent group dials campaign "${campaign.id}"` });
  });
}
