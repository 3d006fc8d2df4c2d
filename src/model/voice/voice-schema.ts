/**
 * The voice-operations part of the scenario format: what kind of contact a queue carries
 * (support, enquiry, order taking) and its outcomes, hold time, promotion spikes and callbacks;
 * agent skills with priorities and overflow, shifts with breaks and absence, the blending
 * reserve; and outbound campaigns (call list, calling window, dial outcomes, retry rules, dialer
 * mode and the abandon-rate cap).
 *
 * Every field here is optional on the objects it extends, so a scenario written for the
 * foundation (one queue, a pool of identical agents logged in all day) validates and runs as
 * before. Times of day are "HH:MM" strings and days of the week `mon` … `sun`, with day 1 of a
 * run a Monday, as in the back-office format. Units are in the field names.
 *
 * This module must not import scenario-schema.ts at run time: that file imports this one.
 */
import { z } from 'zod';
import { finite, id, MAX_AMOUNT, MAX_ARRIVALS, MAX_DURATION_HOURS, MAX_DURATION_MIN, MAX_DURATION_SEC, MAX_STAFF, name, nonNegative, positive, probability, wholeNumber, wholeNumberIn } from '../scenario/schema-primitives';
import { clockSchema, clockSec, weekdaysSchema } from '../scenario/calendar-schema';
import { distributionProblems, type DistributionSpec } from '../../engine/distributions';


// ── Times of day and days of the week ────────────────────────────────────────────────────

const timeOfDay = clockSchema;

// ── Distributions of seconds and of money ────────────────────────────────────────────────

/**
 * Scenario durations are defined in scenario-schema.ts; to avoid an import cycle the campaign
 * and queue extensions here receive it as a parameter (see `voiceSchemas`).
 */

/** A money amount distribution (order value, sale value): deterministic, uniform, lognormal or gamma. */
export const amountSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('deterministic'), value: finite(MAX_AMOUNT) }),
    z.strictObject({ kind: z.literal('uniform'), min: finite(MAX_AMOUNT), max: finite(MAX_AMOUNT) }),
    z.strictObject({ kind: z.literal('lognormal'), mean: finite(MAX_AMOUNT), cv: z.number() }),
    z.strictObject({ kind: z.literal('gamma'), mean: finite(MAX_AMOUNT), cv: z.number() }),
  ])
  .superRefine((amount, ctx) => {
    for (const problem of distributionProblems(amount as DistributionSpec)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }
  })
  .describe('A money amount distribution: kind plus its parameters (value, mean, cv, …)');

export type Amount = z.infer<typeof amountSchema>;

// ── Queues: contact types, hold, spikes, callbacks ──────────────────────────────────────

export const DIAL_OUTCOMES = ['noAnswer', 'busy', 'answeringMachine', 'wrongParty', 'rightParty'] as const;
export type DialOutcome = (typeof DIAL_OUTCOMES)[number];

/** The voice parts of the scenario schema, built around the duration schema the scenario uses. */
export function voiceSchemas<D extends z.ZodType>(durationSchema: D) {
  return { queueExtensions: queueFields(durationSchema), groupExtensions: groupFields(durationSchema), campaignSchema: campaignFields(durationSchema) };
}

/** A queue's fields beyond the shared ones: contact type, hold, spikes, callbacks. */
function queueFields<D extends z.ZodType>(durationSchema: D) {
  const contactTypeSchema = z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('enquiry') }),
      z.strictObject({
        kind: z.literal('support'),
        firstContactResolution: probability().describe('Share of calls that solve the problem; the rest may call again'),
        repeatProbability: probability().optional().describe('Share of unresolved callers who call again (default 1)'),
        repeatDelay: durationSchema.describe('Time from the end of an unresolved call to the repeat call'),
      }),
      z.strictObject({
        kind: z.literal('order'),
        orderProbability: probability().describe('Share of handled calls that place an order'),
        orderValue: amountSchema.describe('Value of one order'),
      }),
    ])
    .describe('What kind of contact the queue carries and its outcome');

  const queueExtensions = {
    contactType: contactTypeSchema.optional(),
    priority: wholeNumber()
      .min(0, { message: 'must be >= 0' })
      .max(99, { message: 'must be <= 99' })
      .optional()
      .describe('Queue priority: a freed agent serves the highest-priority queue with a waiting call first (default 0)'),
    hold: z
      .strictObject({
        probability: probability().describe('Share of answered calls put on hold once'),
        duration: durationSchema.describe('Time on hold'),
      })
      .optional()
      .describe('Hold in the middle of the conversation; counts in handle time'),
    arrivalSpikes: z
      .array(
        z.strictObject({
          day: wholeNumberIn(1, 366).describe('Day of the run (1 = the first)'),
          time: timeOfDay(false).describe('When the promotion or advert airs "HH:MM"'),
          extraCalls: positive(MAX_ARRIVALS).describe('Expected extra calls it brings'),
          decayMin: positive(MAX_DURATION_MIN).describe('Mean delay of those calls after the airing (exponential decay), minutes'),
        }),
      )
      .optional()
      .describe('Extra Poisson arrivals after promotions or adverts, decaying exponentially'),
    callback: z
      .strictObject({
        offerWhenExpectedWaitSec: nonNegative(MAX_DURATION_SEC).describe('Offer a callback when the expected wait exceeds this'),
        acceptShare: probability().describe('Share of callers offered a callback who take it'),
        reachProbability: probability().describe('Chance the agent reaches the caller when calling back'),
        ringTime: durationSchema.optional().describe('Time the agent spends calling back before talk or giving up (default 20 s)'),
      })
      .optional()
      .describe('Virtual hold: callers leave a number, keep their place, and are called back'),
  };

  // ── Agent groups: skills, shifts, absence, blending ────────────────────────────────────

  return queueExtensions;
}

/** An agent group's fields beyond the shared ones: skills, shifts and breaks. */
function groupFields<D extends z.ZodType>(durationSchema: D) {
  const skillSchema = z.strictObject({
    queue: id().describe('Queue (contact type) id'),
    priority: wholeNumber()
      .min(1, { message: 'must be from 1 to 9' })
      .max(9, { message: 'must be from 1 to 9' })
      .optional()
      .describe('1 = primary … 9: a call goes to the best-priority groups first; a freed agent prefers its better skills (default 1)'),
    overflowAfterSec: nonNegative(MAX_DURATION_SEC)
      .optional()
      .describe('This group is offered the call only once it has waited this long (an overflow group)'),
  });

  const breakSchema = z.strictObject({
    start: timeOfDay(false).describe('Scheduled start "HH:MM"'),
    durationMin: positive(24 * 60).describe('Length, minutes'),
    kind: z.enum(['break', 'lunch']).optional(),
  });

  const shiftSchema = z
    .strictObject({
      agents: wholeNumberIn(0, MAX_STAFF).describe('Agents of the group on this shift'),
      start: timeOfDay(false).describe('Shift start "HH:MM"'),
      end: timeOfDay(true).describe('Shift end "HH:MM", after the start (a night shift is two shifts)'),
      days: weekdaysSchema.optional().describe('Days of the week the shift runs (default every day)'),
      breaks: z.array(breakSchema).optional().describe('Breaks and lunch, in time order, inside the shift'),
    })
    .superRefine((shift, ctx) => {
      const start = clockSec(shift.start);
      const end = clockSec(shift.end);
      if (Number.isNaN(start) || Number.isNaN(end)) return;
      if (end <= start) ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after the start (${shift.start}) (got ${shift.end})` });
      let previousEnd = -Infinity;
      shift.breaks?.forEach((b, i) => {
        const from = clockSec(b.start);
        const to = from + b.durationMin * 60;
        if (Number.isNaN(from) || !Number.isFinite(to)) return;
        if (from <= start || to > end) {
          ctx.addIssue({ code: 'custom', path: ['breaks', i, 'start'], message: `must start after the shift starts and end by its end (${shift.start}–${shift.end}) (got ${b.start} for ${b.durationMin} min)` });
        }
        if (from < previousEnd) {
          ctx.addIssue({ code: 'custom', path: ['breaks', i, 'start'], message: `overlaps the break before it or comes before it (got ${b.start})` });
        }
        previousEnd = Math.max(previousEnd, to);
      });
    });

  const groupExtensions = {
    skills: z.array(skillSchema).optional().describe('Skills with priorities and overflow; adds to `queues` (which are primary skills)'),
    campaigns: z.array(id()).optional().describe('Outbound campaigns these agents dial for'),
    shifts: z.array(shiftSchema).optional().describe('When the agents work; logged in all the time when absent. The shifts’ agents must add up to `agents`'),
    absenceShare: probability().optional().describe('Share of scheduled agents who do not show up for a shift, drawn per agent and shift'),
    inboundReserve: wholeNumberIn(0, MAX_STAFF)
      .optional()
      .describe('Blending: outbound work takes an agent of this group only while its inbound queues are empty and at least this many of its agents stay idle (default 0)'),
    backOfficeWork: z
      .strictObject({
        skills: z.array(id()).min(1, { message: 'must not be empty' }).describe('Back-office work types these agents may take'),
        callInterruptsItem: z
          .boolean()
          .describe('true: a call for this group pauses an agent’s item, which it resumes after the call; false: the call waits until the item is done'),
      })
      .optional()
      .describe('Blending with the back office: while no call or outbound work is waiting for them, these agents process back-office items'),
  };

  // ── Campaigns ─────────────────────────────────────────────────────────────────────────

  return groupExtensions;
}

/** An outbound campaign: records, dialer mode, retries, calling windows. */
function campaignFields<D extends z.ZodType>(durationSchema: D) {
  const retryRuleSchema = z.strictObject({
    delay: durationSchema.describe('Time until the record is dialled again'),
    maxAttempts: wholeNumber().min(1, { message: 'must be >= 1' }).max(100).describe('Attempts at most for the record, this one included'),
  });

  const campaignSchema = z
    .strictObject({
      id: id(),
      name: name(),
      mode: z.enum(['preview', 'progressive', 'predictive']).describe('Dialer mode'),
      records: wholeNumber().min(1, { message: 'must be >= 1' }).max(10_000_000).describe('Records in the call list'),
      window: z
        .strictObject({
          start: timeOfDay(false),
          end: timeOfDay(true),
          days: weekdaysSchema.optional(),
        })
        .optional()
        .describe('Calling window (default all day, every day); dials start only inside it'),
      dialOutcomes: z
        .strictObject({
          noAnswer: probability(),
          busy: probability(),
          answeringMachine: probability(),
          wrongParty: probability(),
          rightParty: probability(),
        })
        .describe('Probabilities of how a dial ends; must sum to 1'),
      answerTime: durationSchema.describe('Ringing time until someone (or a machine) answers'),
      noAnswerTimeoutSec: finite(MAX_DURATION_SEC)
        .refine((v) => v >= 15, { message: 'must be >= 15' })
        .optional()
        .describe('Ringing time after which a dial is a no answer (default 25, at least 15)'),
      answeringMachineDetection: z
        .strictObject({
          detectionRate: probability().describe('Share of machines recognised and dropped by the dialer'),
          detectSec: nonNegative(MAX_DURATION_SEC).optional().describe('Time the detection takes after the answer (default 3)'),
        })
        .optional()
        .describe('Without it every machine reaches an agent (preview always does)'),
      previewTime: durationSchema.optional().describe('Preview mode: time the agent reads the record before dialling (default 20 s)'),
      talk: durationSchema.describe('Talk time with the right party'),
      wrongPartyTalk: durationSchema.optional().describe('Talk time with a wrong party (default 20 s)'),
      machineTalk: durationSchema.optional().describe('Agent time on an undetected answering machine (default 15 s)'),
      acw: durationSchema.optional().describe('After-call work after a connected call'),
      conversion: z
        .strictObject({
          probability: probability().describe('Share of right-party contacts that convert (sale, appointment)'),
          value: amountSchema.optional().describe('Value of one conversion'),
        })
        .describe('Outcome of a right-party contact'),
      retry: z
        .strictObject({
          noAnswer: retryRuleSchema.optional(),
          busy: retryRuleSchema.optional(),
          answeringMachine: retryRuleSchema.optional(),
          wrongParty: retryRuleSchema.optional(),
        })
        .optional()
        .describe('Retry rules per outcome; a record with no rule for its outcome is closed'),
      connectWithinSec: nonNegative(MAX_DURATION_SEC)
        .optional()
        .describe('A live answer with no agent within this many seconds is an abandoned call (default 2)'),
      abandonedRecallAfterHours: nonNegative(MAX_DURATION_HOURS).optional().describe('An abandoned number is not called again for this long (default 72)'),
      abandonCap: finite(1)
        .refine((v) => v > 0 && v < 1, { message: 'must be in (0, 1)' })
        .optional()
        .describe('Abandoned ÷ live connects the pacing must stay under, whole run and any 24 h (default 0.03)'),
      maxLinesPerAgent: positive(1000).optional().describe('Predictive: dials in flight per available agent at most (default 3)'),
      maxLines: wholeNumberIn(1, 1_000_000).optional().describe('Outbound trunks of the campaign (default unlimited)'),
    })
    .superRefine((campaign, ctx) => {
      const sum = DIAL_OUTCOMES.reduce((s, k) => s + (Number.isFinite(campaign.dialOutcomes[k]) ? campaign.dialOutcomes[k] : 0), 0);
      if (Math.abs(sum - 1) > 1e-6) {
        ctx.addIssue({ code: 'custom', path: ['dialOutcomes'], message: `must sum to 1 (got ${Number(sum.toFixed(6))})` });
      }
      if (campaign.window) {
        const start = clockSec(campaign.window.start);
        const end = clockSec(campaign.window.end);
        if (end <= start) ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: `must be after the start (${campaign.window.start}) (got ${campaign.window.end})` });
      }
    });

  return campaignSchema;
}

export type VoiceSchemas = ReturnType<typeof voiceSchemas>;
