/**
 * The back-office part of a scenario: work types (what arrives, when, how long it takes, when it
 * is due, whether it is checked), teams of clerks (skills and shifts), the business calendar,
 * the allocation rule. What staff cost per location (`costsSchema`) is defined here too but sits at
 * the top level of a scenario, shared with the voice agent groups (an older file may still give it
 * as `backOffice.costs`).
 *
 * Units are in the field names. Back-office durations are long, so they are given in minutes
 * (`handling`, `checkTime`, `rework`: `meanMin`, `valueMin` …) or hours (`pendingOnCustomer.delay`,
 * `failureDemand.delay`: `meanHours` …); each field's description says which. Times of day are
 * "HH:MM" strings. Day numbers count from 1 = the first simulated day, which is a Monday unless
 * the scenario's calendar gives day 1 a date (model/scenario/run-calendar.ts).
 *
 * Like the rest of the scenario format the objects are strict, and every rule reports the JSON
 * path of the value that breaks it. This module must not import scenario-schema.ts at run time:
 * that file imports this one, and an import cycle would leave one of them undefined.
 */
import { z } from 'zod';
import { finite, id, MAX_ARRIVALS, MAX_DURATION_HOURS, MAX_DURATION_MIN, MAX_STAFF, MAX_WEIGHT, MIN_LOOP_SEC, name, nonNegative, positive, probability, wholeNumber, wholeNumberIn } from '../scenario/schema-primitives';
import { clockSchema, clockSec, isoDateSchema, weekdaysSchema } from '../scenario/calendar-schema';
import { distributionMean, distributionProblems, type DistributionSpec } from '../../engine/distributions';


// ── Times of day and days ─────────────────────────────────────────────────────────────────

export { WEEKDAYS, clockSec, civilFromDays, daysFromCivil, daysInMonth, parseIsoDate, weekdayOfEpochDay, type Weekday } from '../scenario/calendar-schema';

// ── Distributions ─────────────────────────────────────────────────────────────────────────

type TimeUnit = 'Min' | 'Hours';
const UNIT_SEC: Record<TimeUnit, number> = { Min: 60, Hours: 3600 };

const minutes = () => finite(MAX_DURATION_MIN);
const hours = () => finite(MAX_DURATION_HOURS);

const minutesKinds = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), meanMin: minutes() }),
  z.strictObject({ kind: z.literal('deterministic'), valueMin: minutes() }),
  z.strictObject({ kind: z.literal('uniform'), minMin: minutes(), maxMin: minutes() }),
  z.strictObject({ kind: z.literal('triangular'), minMin: minutes(), modeMin: minutes(), maxMin: minutes() }),
  z.strictObject({ kind: z.literal('normal'), meanMin: minutes(), sdMin: minutes() }),
  z.strictObject({ kind: z.literal('lognormal'), meanMin: minutes(), cv: z.number() }),
  z.strictObject({ kind: z.literal('gamma'), meanMin: minutes(), cv: z.number() }),
  z.strictObject({ kind: z.literal('empirical'), valuesMin: z.array(minutes()).max(10_000, { message: 'must have at most 10000 values' }), weights: z.array(finite(MAX_WEIGHT)).optional() }),
]);

const hoursKinds = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), meanHours: hours() }),
  z.strictObject({ kind: z.literal('deterministic'), valueHours: hours() }),
  z.strictObject({ kind: z.literal('uniform'), minHours: hours(), maxHours: hours() }),
  z.strictObject({ kind: z.literal('triangular'), minHours: hours(), modeHours: hours(), maxHours: hours() }),
  z.strictObject({ kind: z.literal('normal'), meanHours: hours(), sdHours: hours() }),
  z.strictObject({ kind: z.literal('lognormal'), meanHours: hours(), cv: z.number() }),
  z.strictObject({ kind: z.literal('gamma'), meanHours: hours(), cv: z.number() }),
  z.strictObject({ kind: z.literal('empirical'), valuesHours: z.array(hours()).max(10_000, { message: 'must have at most 10000 values' }), weights: z.array(finite(MAX_WEIGHT)).optional() }),
]);

export type MinutesDuration = z.infer<typeof minutesKinds>;
export type HoursDuration = z.infer<typeof hoursKinds>;
export type BackOfficeDuration = MinutesDuration | HoursDuration;

/**
 * The engine's parameter rules, reported under the scenario's field names (`meanMin`, not
 * `mean`). With `positiveMean` a distribution whose mean is under a second (e.g. deterministic
 * 0) is refused: an item that takes no time could be reworked forever at one instant.
 */
function distributionRules(unit: TimeUnit, positiveMean: boolean) {
  return (duration: BackOfficeDuration, ctx: z.RefinementCtx) => {
    const names = Object.keys(duration);
    // Checked in the scenario's own unit, so a message quotes the number the author wrote.
    const spec = toSpec(duration, false);
    const problems = distributionProblems(spec);
    for (const problem of problems) {
      const [base, index] = problem.field.split(/[[\]]/);
      const field = names.includes(`${base}${unit}`) ? `${base}${unit}` : base;
      ctx.addIssue({ code: 'custom', path: index === undefined ? [field] : [field, Number(index)], message: problem.message });
    }
    if (positiveMean && problems.length === 0 && !(distributionMean(toSpec(duration, true)) >= MIN_LOOP_SEC)) {
      const field = names.find((n) => n !== 'kind' && n !== 'cv' && n !== 'weights') ?? 'kind';
      ctx.addIssue({ code: 'custom', path: [field], message: `must give a mean time of at least ${MIN_LOOP_SEC} second` });
    }
  };
}

export const minutesDurationSchema = minutesKinds
  .superRefine(distributionRules('Min', true))
  .describe('A duration distribution in minutes: kind plus its parameters (meanMin, cv, …)');
export const hoursDurationSchema = hoursKinds
  .superRefine(distributionRules('Hours', false))
  .describe('A duration distribution in hours: kind plus its parameters (meanHours, cv, …)');

/** The engine's distribution spec in seconds for a duration given in minutes or hours. */
export function toSecondsSpec(duration: BackOfficeDuration): DistributionSpec {
  return toSpec(duration, true);
}

function toSpec(duration: BackOfficeDuration, inSeconds: boolean): DistributionSpec {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(duration)) {
    const unit = (Object.keys(UNIT_SEC) as TimeUnit[]).find((u) => key.endsWith(u) && key.length > u.length);
    if (!unit) {
      spec[key] = value;
      continue;
    }
    const factor = inSeconds ? UNIT_SEC[unit] : 1;
    spec[key.slice(0, -unit.length)] = Array.isArray(value) ? value.map((v: number) => v * factor) : (value as number) * factor;
  }
  return spec as DistributionSpec;
}

/** How many items a batch holds: a count distribution (whole numbers). */
export const countSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('poisson'), mean: nonNegative(MAX_ARRIVALS) }),
    z.strictObject({ kind: z.literal('deterministic'), value: wholeNumberIn(0, MAX_ARRIVALS) }),
    z.strictObject({
      kind: z.literal('uniform'),
      min: wholeNumberIn(0, MAX_ARRIVALS),
      max: wholeNumberIn(0, MAX_ARRIVALS),
    }),
    z.strictObject({ kind: z.literal('normal'), mean: nonNegative(MAX_ARRIVALS), sd: nonNegative(MAX_ARRIVALS) }),
    z.strictObject({
      kind: z.literal('empirical'),
      values: z.array(wholeNumberIn(0, MAX_ARRIVALS)).min(1, { message: 'must not be empty' }).max(10_000, { message: 'must have at most 10000 values' }),
      weights: z.array(nonNegative(MAX_WEIGHT)).optional(),
    }),
  ])
  .superRefine((count, ctx) => {
    if (count.kind === 'uniform' && count.max < count.min) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must be >= min (${count.min})` });
    }
    if (count.kind === 'empirical' && count.weights) {
      if (count.weights.length !== count.values.length) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have one weight per value (${count.values.length}) (got ${count.weights.length})` });
      } else if (count.weights.every((w) => w === 0)) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: 'must not all be 0' });
      }
    }
  })
  .describe('Items per batch: poisson {mean}, deterministic {value}, uniform {min, max} (inclusive), normal {mean, sd} (rounded, at least 0) or empirical {values, weights}');

export type CountSpec = z.infer<typeof countSchema>;

// ── Work types ────────────────────────────────────────────────────────────────────────────

/** How a batch is delivered: the post on a mail cart, or an electronic file dropped in. */
export const BATCH_DELIVERIES = ['mail', 'file'] as const;
export type BatchDelivery = (typeof BATCH_DELIVERIES)[number];
const batchDeliverySchema = z.enum(BATCH_DELIVERIES);

export const batchSchema = z.strictObject({
  atTime: clockSchema(false).describe('Time of day the batch lands, "HH:MM"'),
  size: countSchema,
  daysOfWeek: weekdaysSchema.optional().describe('Days of the week it lands on'),
  dayOfMonth: z
    .union([
      wholeNumber().min(1, { message: 'must be from 1 to 31' }).max(31, { message: 'must be from 1 to 31' }),
      z.literal('last'),
      z.literal('last-business-day'),
    ])
    .optional()
    .describe('Day of the month it lands on (1–31, "last" or "last-business-day"); dates come from calendar.startDate'),
  runDays: z
    .array(wholeNumberIn(1, 366))
    .min(1, { message: 'must not be empty' })
    .optional()
    .describe('Day numbers of the run it lands on (1 = the first day)'),
  delivery: batchDeliverySchema
    .optional()
    .describe(
      'How the batch is delivered: "mail" (the post, a cart of paper) or "file" (an electronic file dropped in, e.g. an overnight online file). Default: "mail" when it lands inside business hours on a business day, "file" otherwise',
    ),
});

export type BatchConfig = z.infer<typeof batchSchema>;

const streamIntervalSchema = z.union([z.literal(15), z.literal(30), z.literal(60)]);

export const itemStreamSchema = z
  .strictObject({
    intervalMin: streamIntervalSchema.describe('Length of each profile interval in minutes'),
    itemsPerInterval: z
      .array(nonNegative(MAX_ARRIVALS))
      .min(1, { message: 'must not be empty' })
      .describe('Expected items in each interval of the day from 00:00 (a Poisson stream); repeats every day'),
  })
  .superRefine((stream, ctx) => {
    const expected = (24 * 60) / stream.intervalMin;
    if (stream.itemsPerInterval.length !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['itemsPerInterval'],
        message: `must have ${expected} values, one per ${stream.intervalMin}-minute interval of the day (got ${stream.itemsPerInterval.length})`,
      });
    }
  });

export const workArrivalsSchema = z
  .strictObject({
    batches: z.array(batchSchema).min(1, { message: 'must not be empty' }).optional().describe('Items that land together at set times'),
    stream: itemStreamSchema.optional().describe('Items that trickle in as a Poisson stream with a daily profile'),
    dayOfWeekFactors: z
      .array(nonNegative(100))
      .length(7, { message: 'must have 7 values, Monday to Sunday' })
      .optional()
      .describe('Multiplies the stream rate and the batch sizes on each day of the week, Monday to Sunday (default all 1)'),
  })
  .superRefine((arrivals, ctx) => {
    if (!arrivals.batches && !arrivals.stream) ctx.addIssue({ code: 'custom', path: [], message: 'must have batches, a stream, or both' });
  });

export type WorkArrivals = z.infer<typeof workArrivalsSchema>;

export const dueSchema = z
  .union([
    z.strictObject({ businessHours: positive(MAX_DURATION_HOURS).describe('Due after this many business hours (calendar open hours)') }),
    z.strictObject({ calendarHours: positive(MAX_DURATION_HOURS).describe('Due this many clock hours after arrival') }),
    z.strictObject({ endOfNextBusinessDay: z.literal(true).describe('Due at closing time of the first business day after the arrival day') }),
  ])
  .describe('When an item is due: { businessHours }, { calendarHours } or { endOfNextBusinessDay: true }');

export type DueRule = z.infer<typeof dueSchema>;

export const qualityCheckSchema = z.strictObject({
  share: probability().describe('Share of items that get a quality check by a second clerk (maker–checker)'),
  errorProbability: probability().describe('Chance a check finds an error and sends the item back for rework'),
  checkTime: minutesDurationSchema.describe('Time one check takes, minutes'),
  rework: minutesDurationSchema.optional().describe('Time a rework takes, minutes; the handling time when absent'),
});

export const pendingOnCustomerSchema = z.strictObject({
  probability: probability().describe('Share of items found to miss information after their first handling'),
  delay: hoursDurationSchema.describe('Time until the customer supplies it, hours (clock hours, not business hours)'),
});

export const failureDemandSchema = z.strictObject({
  probability: probability().describe('Chance that the customer of an item that went late calls about it'),
  delay: hoursDurationSchema.describe('Time from the item going late to the call, hours'),
  queueId: id().describe('The call queue the customer calls'),
});

export const workTypeSchema = z.strictObject({
  id: id(),
  name: name(),
  arrivals: workArrivalsSchema,
  handling: minutesDurationSchema.describe('Time a clerk spends processing one item, minutes'),
  due: dueSchema,
  priority: wholeNumber().min(1, { message: 'must be from 1 to 9' }).max(9, { message: 'must be from 1 to 9' }).optional().describe('1 = most urgent … 9 = least (default 5); used by the priority-age rule'),
  qualityCheck: qualityCheckSchema.optional(),
  pendingOnCustomer: pendingOnCustomerSchema.optional(),
  failureDemand: failureDemandSchema.optional(),
});

export type WorkTypeConfig = z.infer<typeof workTypeSchema>;

// ── Teams, calendar, allocation, costs ───────────────────────────────────────────────────

export const shiftSchema = z
  .strictObject({
    start: clockSchema(false).describe('Shift start "HH:MM"'),
    end: clockSchema(true).describe('Shift end "HH:MM"; an end at or before the start runs past midnight'),
    days: weekdaysSchema.describe('Days of the week the shift starts on'),
  })
  .superRefine((shift, ctx) => {
    if (clockSec(shift.end) % 86400 === clockSec(shift.start) % 86400) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must differ from the start (${shift.start})` });
    }
  });

export type ShiftConfig = z.infer<typeof shiftSchema>;

export const teamSchema = z.strictObject({
  id: id(),
  name: name(),
  clerks: wholeNumberIn(0, MAX_STAFF),
  skills: z.array(id()).min(1, { message: 'must name at least one work type' }).describe('Work type ids this team processes and checks'),
  shift: shiftSchema,
  locationId: id().optional().describe("The cost location of this team: the id of one of the scenario's costs.locations (required when costs are given)"),
});

export type TeamConfig = z.infer<typeof teamSchema>;

export const calendarSchema = z
  .strictObject({
    open: clockSchema(false).describe('Business hours start "HH:MM": due times count business hours from here'),
    close: clockSchema(true).describe('Business hours end "HH:MM"'),
    days: weekdaysSchema.describe('Business days of the week'),
    holidays: z
      .array(wholeNumberIn(1, 366))
      .optional()
      .describe('Day numbers of the run that are holidays (1 = the first day): no business hours and no shifts start'),
    startDate: isoDateSchema
      .optional()
      .describe('Date of day 1 "YYYY-MM-DD" on its real weekday, as the site\'s calendar.startDate (give it there); gives batches their day of the month (default 2024-01-01)'),
  })
  .superRefine((calendar, ctx) => {
    if (clockSec(calendar.close) <= clockSec(calendar.open)) {
      ctx.addIssue({ code: 'custom', path: ['close'], message: `must be after open (${calendar.open})` });
    }
  });

export type CalendarConfig = z.infer<typeof calendarSchema>;


export const ALLOCATION_RULES = ['fifo', 'edd', 'priority-age', 'cherry-pick'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** Rates and uplifts at most this large keep the cost of a year of the largest staff finite. */
const MAX_HOURLY_RATE = 1_000_000;
const MAX_UPLIFT_PERCENT = 10_000;

export const locationSchema = z.strictObject({
  id: id(),
  name: name(),
  loadedHourlyCost: nonNegative(MAX_HOURLY_RATE).describe('Labour cost per paid hour, wages plus benefits and taxes'),
  seatCostPerHour: nonNegative(MAX_HOURLY_RATE).describe('Seat and facility cost per paid hour'),
  telecomCostPerMinute: nonNegative(MAX_HOURLY_RATE).describe('Telecom cost per minute of voice'),
  managementOverheadPercent: nonNegative(MAX_UPLIFT_PERCENT).describe('Management overhead, % of the direct cost'),
  vendorMarginPercent: nonNegative(MAX_UPLIFT_PERCENT).describe("A BPO vendor's margin, % of its cost (0 in house)"),
});

export type LocationConfig = z.infer<typeof locationSchema>;

/**
 * What staff cost per location, given once for the whole scenario (its top-level `costs`): voice
 * agent groups and back-office teams name their location with `locationId`. The links are checked
 * with the rest of the scenario (scenario-schema.ts), since they span both worlds.
 */
export const costsSchema = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as USD' }).describe('ISO 4217 code of every amount, e.g. USD'),
    locations: z.array(locationSchema).min(1, { message: 'must not be empty' }).describe('Sites or vendors with their rates; groups and teams name one with locationId'),
  })
  .superRefine((costs, ctx) => {
    const ids = new Set<string>();
    costs.locations.forEach((location, i) => {
      if (ids.has(location.id)) ctx.addIssue({ code: 'custom', path: ['locations', i, 'id'], message: `duplicate location id "${location.id}"` });
      ids.add(location.id);
    });
  });

export type CostsConfig = z.infer<typeof costsSchema>;

export const backOfficeSchema = z
  .strictObject({
    calendar: calendarSchema,
    allocation: z
      .enum(ALLOCATION_RULES, { message: `must be one of ${ALLOCATION_RULES.join(', ')}` })
      .describe('Which item a free clerk takes next: fifo (oldest first), edd (earliest due first), priority-age (priority, then oldest) or cherry-pick (shortest first)'),
    workTypes: z.array(workTypeSchema).min(1, { message: 'must not be empty' }),
    teams: z.array(teamSchema).min(1, { message: 'must not be empty' }),
    costs: costsSchema
      .optional()
      .describe('Deprecated: give costs once at the top level of the scenario (`costs`), where voice agent groups can use them too. Still read here when the top level has none'),
  })
  .superRefine((backOffice, ctx) => {
    const workTypeIds = new Set<string>();
    backOffice.workTypes.forEach((workType, i) => {
      if (workTypeIds.has(workType.id)) ctx.addIssue({ code: 'custom', path: ['workTypes', i, 'id'], message: `duplicate work type id "${workType.id}"` });
      workTypeIds.add(workType.id);
    });
    const teamIds = new Set<string>();
    const clerksWithSkill = new Map<string, number>();
    backOffice.teams.forEach((team, i) => {
      if (teamIds.has(team.id)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'id'], message: `duplicate team id "${team.id}"` });
      teamIds.add(team.id);
      team.skills.forEach((skill, j) => {
        if (!workTypeIds.has(skill)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'skills', j], message: `names unknown work type "${skill}"` });
        clerksWithSkill.set(skill, (clerksWithSkill.get(skill) ?? 0) + team.clerks);
      });
    });
    backOffice.workTypes.forEach((workType, i) => {
      const clerks = clerksWithSkill.get(workType.id) ?? 0;
      if (workType.qualityCheck && workType.qualityCheck.share > 0 && clerks < 2) {
        ctx.addIssue({
          code: 'custom',
          path: ['workTypes', i, 'qualityCheck'],
          message: `needs at least two clerks with this skill, a maker and a different checker (got ${clerks})`,
        });
      }
    });
  });

export type BackOfficeConfig = z.infer<typeof backOfficeSchema>;

/**
 * Rules that link the back office to the rest of the scenario (called from the scenario
 * schema's superRefine): a failure-demand queue must be one of the scenario's call queues.
 * (Teams' locations are checked there too, with the voice groups': costsReferenceProblems.)
 */
export function backOfficeReferenceProblems(
  backOffice: BackOfficeConfig,
  queueIds: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  backOffice.workTypes.forEach((workType, i) => {
    const queueId = workType.failureDemand?.queueId;
    if (queueId !== undefined && !queueIds.has(queueId)) {
      problems.push({ path: ['backOffice', 'workTypes', i, 'failureDemand', 'queueId'], message: `names unknown queue "${queueId}"` });
    }
  });
  return problems;
}
