/**
 * Interventions: a change to a running site at a moment of simulated time, as plain data. The
 * scenario's `events` carry them, and the page's live controls produce the same objects (the
 * Site's knobs apply both, site-knobs.ts), so a run changed by hand exports as a scenario whose
 * events reproduce it exactly. The semantics of each kind are in docs/voice-operations.md and
 * docs/back-office.md.
 *
 * Percentages are of the scenario's own figure (100 = as written), never of the last change, so
 * the same event means the same thing wherever it sits in a list.
 */
import { z } from 'zod';
import { finite, id, MAX_ARRIVALS, MAX_DURATION_MIN, MAX_DURATION_SEC, MAX_STAFF, nonNegative, positive, wholeNumberIn } from './schema-primitives';
import { ALLOCATION_RULES } from '../backoffice/backoffice-schema';

/** A percentage of the scenario's figure: from none to ten times. */
const percent = () => nonNegative(1000).describe("Percentage of the scenario's figure (100 = as written)");
/** A percentage of a time each caller draws: at least 1, so no caller's time becomes 0 (nor patience 0 × ∞). */
const timePercent = () => finite(1000).refine((v) => v >= 1, { message: 'must be >= 1' }).describe("Percentage of the scenario's figure (100 = as written)");
const at = () => nonNegative(MAX_DURATION_SEC).describe('Simulated seconds from the start of the run (day 1 00:00) at which it applies');

export const interventionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ atSec: at(), kind: z.literal('agents'), groupId: id(), agents: wholeNumberIn(0, MAX_STAFF).describe("The group's head-count from now on") }),
  z.strictObject({ atSec: at(), kind: z.literal('call-volume'), percent: percent().describe('Arrival rate of every call queue') }),
  z.strictObject({ atSec: at(), kind: z.literal('aht'), percent: timePercent().describe('Talk, hold and ACW of callers arriving from now on') }),
  z.strictObject({ atSec: at(), kind: z.literal('patience'), percent: timePercent().describe('Patience of callers arriving from now on') }),
  z.strictObject({
    atSec: at(),
    kind: z.literal('dialer'),
    campaignId: id(),
    mode: z.enum(['preview', 'progressive', 'predictive']),
    ratio: positive(1000).optional().describe('Predictive: dials in flight per available agent at most'),
  }),
  z.strictObject({ atSec: at(), kind: z.literal('clerks'), teamId: id(), clerks: wholeNumberIn(0, MAX_STAFF).describe("The team's head-count from now on") }),
  z.strictObject({ atSec: at(), kind: z.literal('item-volume'), percent: percent().describe('Rate of every back-office stream and size of every batch') }),
  z.strictObject({
    atSec: at(),
    kind: z.literal('tv-advert'),
    queueId: id(),
    callsPerMinute: positive(MAX_ARRIVALS / 60).describe('Extra callers per minute while it lasts'),
    minutes: positive(MAX_DURATION_MIN).describe('How long the extra callers keep coming'),
  }),
  z.strictObject({ atSec: at(), kind: z.literal('sick'), groupId: id(), agents: wholeNumberIn(1, MAX_STAFF).describe('Agents who go home for the rest of the day') }),
  z.strictObject({ atSec: at(), kind: z.literal('outage'), minutes: positive(MAX_DURATION_MIN).describe('How long the phone lines are down') }),
  z.strictObject({ atSec: at(), kind: z.literal('file-drop'), workTypeId: id(), items: wholeNumberIn(1, MAX_ARRIVALS).describe('Items that land in the backlog now') }),
  z.strictObject({ atSec: at(), kind: z.literal('allocation'), rule: z.enum(ALLOCATION_RULES).describe('The allocation rule from now on') }),
]);

export type Intervention = z.infer<typeof interventionSchema>;
export type InterventionKind = Intervention['kind'];

export const eventsSchema = z
  .array(interventionSchema)
  .max(10_000, { message: 'must have at most 10000 events' })
  .describe('Interventions at set times (the page exports the live changes of a run as these)');

/** What the reference checks read of a scenario (kept structural so this file need not import the scenario schema). */
interface EventContext {
  readonly days: number;
  readonly queues: readonly { id: string }[];
  readonly agentGroups: readonly { id: string }[];
  readonly campaigns?: readonly { id: string }[];
  readonly backOffice?: { readonly teams: readonly { id: string }[]; readonly workTypes: readonly { id: string }[] };
}

/** Events naming what the scenario does not have, or falling after the run's end. */
export function eventReferenceProblems(events: readonly Intervention[], scenario: EventContext): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const horizonSec = scenario.days * 86_400;
  const names = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((x) => x.id));
  // What each kind names, where, and the ids it may name.
  const references: Partial<Record<InterventionKind, [field: string, what: string, known: Set<string>]>> = {
    agents: ['groupId', 'agent group', names(scenario.agentGroups)],
    sick: ['groupId', 'agent group', names(scenario.agentGroups)],
    'tv-advert': ['queueId', 'queue', names(scenario.queues)],
    dialer: ['campaignId', 'campaign', names(scenario.campaigns)],
    clerks: ['teamId', 'back-office team', names(scenario.backOffice?.teams)],
    'file-drop': ['workTypeId', 'work type', names(scenario.backOffice?.workTypes)],
  };
  events.forEach((event, i) => {
    if (event.atSec >= horizonSec) problems.push({ path: ['events', i, 'atSec'], message: `must be before the end of the run (${horizonSec} s) (got ${event.atSec})` });
    const reference = references[event.kind];
    if (reference) {
      const [field, what, known] = reference;
      // The validator adds the value found (parse-scenario.ts).
      if (!known.has((event as Record<string, unknown>)[field] as string)) problems.push({ path: ['events', i, field], message: `names unknown ${what}` });
    } else if ((event.kind === 'item-volume' || event.kind === 'allocation') && !scenario.backOffice) {
      problems.push({ path: ['events', i, 'kind'], message: 'needs a backOffice, and the scenario has none' });
    }
  });
  return problems;
}
