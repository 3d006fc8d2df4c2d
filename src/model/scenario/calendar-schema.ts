/**
 * Times of day and days of the week as scenario files write them ("HH:MM", "mon" … "sun"),
 * shared by the call center's shifts and the back office's calendar so both read and reject
 * them the same way.
 */
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Seconds in a simulated day; day 1 of every run is a Monday and time 0 is its midnight. */
export const DAY_SEC = 86_400;

/** Days of the week as numbers, Monday = 0; all seven when none are given. */
export function weekdaySet(days: readonly Weekday[] | undefined): ReadonlySet<number> {
  return new Set((days ?? WEEKDAYS).map((d) => WEEKDAYS.indexOf(d)));
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
