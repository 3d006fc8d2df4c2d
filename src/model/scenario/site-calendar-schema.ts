/**
 * The site's calendar in a scenario file: the date of day 1 and the public holidays, shared by
 * the call center and the back office; and the weekday pattern of a queue's calls
 * (`arrivals.weekdayFactors`, `arrivals.weekdayProfiles`). Dates and weekdays are read with the
 * same rules as the back office's calendar (calendar-schema.ts).
 */
import { z } from 'zod';
import { isoDateOf, isoDateSchema, parseIsoDate, WEEKDAYS } from './calendar-schema';
import { MAX_ARRIVALS, name, nonNegative } from './schema-primitives';

/** A day's call volume may be at most this many times its usual curve. */
export const MAX_DAY_FACTOR = 100;

const dayFactor = () => nonNegative(MAX_DAY_FACTOR);

/** Weekday keys of an object; an unknown key is named with the keys it may be. */
const weekdayKeysProblems = (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const key of Object.keys(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `is not a weekday: use ${WEEKDAYS.join(', ')}` });
  }
};

export const weekdayFactorsSchema = z
  .record(z.string(), dayFactor())
  .superRefine(weekdayKeysProblems)
  .describe('Call volume of each weekday as a factor of the daily curve, e.g. { "mon": 1.25, "sat": 0.6, "sun": 0 }; days not named keep 1');

export const weekdayProfilesSchema = z
  .record(z.string(), z.array(nonNegative(MAX_ARRIVALS)))
  .superRefine(weekdayKeysProblems)
  .describe('A callsPerInterval curve of its own for a named weekday (same intervalMin and length as callsPerInterval), e.g. { "sat": [ … ] }');

export const holidaySchema = z.strictObject({
  date: isoDateSchema.describe('The date "YYYY-MM-DD"; it must fall inside the run'),
  name: name().optional().describe('What the day is, e.g. "Jamhuri Day"'),
  callFactor: dayFactor().optional().describe("Share of the day's usual calls that still come (default 0: no calls)"),
});

export const siteCalendarSchema = z
  .strictObject({
    startDate: isoDateSchema
      .optional()
      .describe('Date of day 1 "YYYY-MM-DD", on its real weekday; without it day 1 is a Monday with no date'),
    holidays: z
      .array(holidaySchema)
      .optional()
      .describe('Public holidays: calls fall to callFactor of the usual day, and the back office is closed (no business hours, no shifts); needs startDate'),
  })
  .describe("The site's calendar, shared by the call center and the back office");

export type SiteCalendarConfig = z.infer<typeof siteCalendarSchema>;
export type WeekdayFactors = z.infer<typeof weekdayFactorsSchema>;
export type WeekdayProfiles = z.infer<typeof weekdayProfilesSchema>;

interface CalendarProblemFields {
  readonly days: number;
  readonly calendar?: SiteCalendarConfig;
  readonly backOffice?: { readonly calendar: { readonly startDate?: string } };
}

/**
 * The calendar's rules across the scenario: holidays need a start date and must fall inside the
 * run, once each; the back office's own start date, when given too, must be the same day.
 */
export function siteCalendarProblems(scenario: CalendarProblemFields): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const siteStart = scenario.calendar?.startDate;
  const backOfficeStart = scenario.backOffice?.calendar.startDate;
  if (siteStart !== undefined && backOfficeStart !== undefined && backOfficeStart !== siteStart) {
    problems.push({ path: ['backOffice', 'calendar', 'startDate'], message: `must be the same day as calendar.startDate (${siteStart}) or left out (got ${backOfficeStart})` });
  }
  const start = parseIsoDate(siteStart ?? backOfficeStart ?? '');
  const seen = new Set<string>();
  (scenario.calendar?.holidays ?? []).forEach((holiday, i) => {
    const path = ['calendar', 'holidays', i, 'date'];
    const day = parseIsoDate(holiday.date);
    if (day === null) return; // reported by the schema
    if (start === null) {
      problems.push({ path, message: 'needs calendar.startDate, which places the date in the run' });
      return;
    }
    const lastDay = start + Math.ceil(scenario.days) - 1;
    if (day < start || day > lastDay) {
      problems.push({ path, message: `must be a day of the run, from ${isoDateOf(start)} to ${isoDateOf(lastDay)} (got ${holiday.date})` });
    }
    if (seen.has(holiday.date)) problems.push({ path, message: `names ${holiday.date} a second time` });
    seen.add(holiday.date);
  });
  return problems;
}
