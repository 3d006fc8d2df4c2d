/**
 * The days of a run as a planner reads them: the date and weekday of each day (day 1 is
 * `calendar.startDate`, or the back office's `calendar.startDate`, on its real weekday; without
 * either it is a Monday with no date) and the site's public holidays. Both worlds and the reports
 * take their weekdays from here, so a run that starts on a Saturday is a Saturday everywhere.
 */
import type { SiteCalendarConfig } from './site-calendar-schema';
import { isoDateOf, parseIsoDate, weekdayOfEpochDay, WEEKDAYS, type Weekday } from './calendar-schema';

/** The parts of a scenario that date its days. */
export interface CalendarFields {
  readonly calendar?: SiteCalendarConfig;
  readonly backOffice?: { readonly calendar: { readonly startDate?: string } };
}

export class RunCalendar {
  /** Days since 1970-01-01 of day 1, or null when the scenario gives no date. */
  readonly startEpochDay: number | null;
  /** Weekday of day 1, Monday = 0. */
  readonly firstWeekday: number;
  /** Day index (day 1 = 0) → share of the usual calls that still come on that holiday. */
  private readonly holidayCallFactors: ReadonlyMap<number, number>;

  constructor(scenario: CalendarFields) {
    const start = startDateOf(scenario);
    this.startEpochDay = start === undefined ? null : parseIsoDate(start);
    this.firstWeekday = this.startEpochDay === null ? 0 : weekdayOfEpochDay(this.startEpochDay);
    const factors = new Map<number, number>();
    if (this.startEpochDay !== null) {
      for (const holiday of scenario.calendar?.holidays ?? []) factors.set(parseIsoDate(holiday.date)! - this.startEpochDay, holiday.callFactor ?? 0);
    }
    this.holidayCallFactors = factors;
  }

  /** Monday = 0 … Sunday = 6 of a day of the run (day 1 = index 0). */
  weekday(dayIndex: number): number {
    return (dayIndex + this.firstWeekday) % 7;
  }

  weekdayName(dayIndex: number): Weekday {
    return WEEKDAYS[this.weekday(dayIndex)];
  }

  /** "YYYY-MM-DD" of a day of the run, or null when the scenario gives no date. */
  isoDate(dayIndex: number): string | null {
    return this.startEpochDay === null ? null : isoDateOf(this.startEpochDay + dayIndex);
  }

  /** Whether a day is one of the site's public holidays. */
  isHoliday(dayIndex: number): boolean {
    return this.holidayCallFactors.has(dayIndex);
  }

  /** Day indexes of the site's public holidays. */
  holidayIndexes(): number[] {
    return [...this.holidayCallFactors.keys()];
  }

  /** Share of a day's usual calls that come: the holiday's callFactor, else 1. */
  holidayCallFactor(dayIndex: number): number {
    return this.holidayCallFactors.get(dayIndex) ?? 1;
  }

  /** Whether anything in the calendar moves calls away from "every day is the same". */
  get hasHolidays(): boolean {
    return this.holidayCallFactors.size > 0;
  }
}

/** The scenario's date of day 1: the site's, else the back office's; undefined when neither gives one. */
export function startDateOf(scenario: CalendarFields): string | undefined {
  return scenario.calendar?.startDate ?? scenario.backOffice?.calendar.startDate;
}
