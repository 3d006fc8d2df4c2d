/**
 * Times of day and days of the week as scenario files write them ("HH:MM", "mon" … "sun"),
 * shared by the call center's shifts and the back office's calendar so both read and reject
 * them the same way.
 */
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Seconds in a simulated day; time 0 is the midnight that starts day 1 (a Monday unless the scenario dates it: run-calendar.ts). */
export const DAY_SEC = 86_400;

/**
 * Days of the week as the days of the run they fall on, modulo 7 (`dayIndex % 7`), for a run
 * whose day 1 is weekday `firstWeekday` (Monday = 0, the default); all seven when none are given.
 */
export function weekdaySet(days: readonly Weekday[] | undefined, firstWeekday = 0): ReadonlySet<number> {
  return new Set((days ?? WEEKDAYS).map((d) => (WEEKDAYS.indexOf(d) - firstWeekday + 7) % 7));
}

/** Seven values given Monday first, reordered to be read by day of the run modulo 7 (`dayIndex % 7`). */
export function byDayOfRun<T>(mondayFirst: readonly T[], firstWeekday: number): T[] {
  return mondayFirst.map((_, d) => mondayFirst[(d + firstWeekday) % 7]);
}

export const weekdaysSchema = z
  .array(z.enum(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(', ')}` }))
  .min(1, { message: 'must name at least one day' })
  .refine((days) => new Set(days).size === days.length, { message: 'must not name a day twice' });

/** Seconds after midnight of an "HH:MM" string that the schema accepted. */
export function clockSec(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 3600 + m * 60;
}

/** "HH:MM" from 00:00 to 23:59, or to 24:00 when it is the end of something (`allowEndOfDay`). */
export const clockSchema = (allowEndOfDay: boolean) =>
  z.string().refine(
    (s) => {
      const match = /^(\d{2}):(\d{2})$/.exec(s);
      if (!match) return false;
      const h = Number(match[1]);
      const m = Number(match[2]);
      return m < 60 && (h < 24 || (allowEndOfDay && h === 24 && m === 0));
    },
    { message: `must be a time of day "HH:MM" from 00:00 to ${allowEndOfDay ? '24:00' : '23:59'}` },
  );

// ── Dates ─────────────────────────────────────────────────────────────────────────────────

export const isoDateSchema = z.string().refine((s) => parseIsoDate(s) !== null, { message: 'must be a date "YYYY-MM-DD"' });

/** Days since 1970-01-01 of a valid "YYYY-MM-DD", or null. */
export function parseIsoDate(s: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Monday = 0 … Sunday = 6 of a day counted from 1970-01-01 (a Thursday). */
export function weekdayOfEpochDay(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** "YYYY-MM-DD" of a day counted from 1970-01-01. */
export function isoDateOf(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
