/**
 * The business calendar: which days are business days, when business hours run, when an item
 * falls due, on which days a batch lands, and when a team's shifts start and end.
 *
 * Simulation time 0 is 00:00 of day 1, whose weekday and date the run calendar gives (a Monday
 * unless the scenario dates day 1); the site's public holidays are the back office's too. Inside the model days are counted from 0
 * (`dayIndex`), in scenario files from 1 (`holidays`, `runDays`); this module is where the two
 * meet. Business hours (open–close on business days that are not holidays) drive due times;
 * shifts drive when clerks work. The two are separate on purpose: a team may work a Saturday
 * overtime shift without Saturday counting towards anyone's due time.
 */
import {
  WEEKDAYS,
  civilFromDays,
  clockSec,
  daysInMonth,
  parseIsoDate,
  type BatchConfig,
  type BatchDelivery,
  type CalendarConfig,
  type DueRule,
  type ShiftConfig,
} from './backoffice-schema';
import { DAY_SEC, weekdaySet } from '../scenario/calendar-schema';
import { RunCalendar } from '../scenario/run-calendar';


/** 2024-01-01 was a Monday. */
const DEFAULT_START_DATE = '2024-01-01';

/** Guards every forward search: a calendar with no business day in ten years is treated as never. */
const MAX_SEARCH_DAYS = 3660;

export interface ShiftWindow {
  readonly startSec: number;
  readonly endSec: number;
  /** The day (from 0) the shift starts on. */
  readonly dayIndex: number;
}

export class BusinessCalendar {
  readonly openSec: number;
  readonly closeSec: number;
  private readonly businessWeekdays: ReadonlySet<number>;
  /** 0-based day indexes. */
  private readonly holidays: ReadonlySet<number>;
  private readonly startEpochDay: number;
  /** Weekday of day 1, Monday = 0. */
  readonly firstWeekday: number;

  constructor(
    config: CalendarConfig,
    private readonly run: RunCalendar = new RunCalendar({ backOffice: { calendar: config } }),
  ) {
    this.openSec = clockSec(config.open);
    this.closeSec = clockSec(config.close);
    this.firstWeekday = run.firstWeekday;
    this.businessWeekdays = weekdaySet(config.days, run.firstWeekday);
    this.holidays = new Set([...(config.holidays ?? []).map((dayNumber) => dayNumber - 1), ...run.holidayIndexes()]);
    this.startEpochDay = run.startEpochDay ?? parseIsoDate(DEFAULT_START_DATE)!;
  }

  /** Monday = 0 … Sunday = 6. */
  weekday(dayIndex: number): number {
    return this.run.weekday(dayIndex);
  }

  isHoliday(dayIndex: number): boolean {
    return this.holidays.has(dayIndex);
  }

  isBusinessDay(dayIndex: number): boolean {
    return this.businessWeekdays.has(dayIndex % 7) && !this.holidays.has(dayIndex);
  }

  /** Inside business hours (open ≤ time of day < close) on a business day that is not a holiday. */
  isOpenAt(timeSec: number): boolean {
    const day = Math.floor(timeSec / DAY_SEC);
    const timeOfDay = timeSec - day * DAY_SEC;
    return this.isBusinessDay(day) && timeOfDay >= this.openSec && timeOfDay < this.closeSec;
  }

  /**
   * How a batch landing at `landsAtSec` is delivered: its own `delivery` when the scenario gives
   * one, otherwise the mail cart inside business hours and a file drop outside them (an overnight
   * or early-morning file, a weekend or holiday). The one place the default is decided.
   */
  batchDelivery(batch: BatchConfig, landsAtSec: number): BatchDelivery {
    return batch.delivery ?? (this.isOpenAt(landsAtSec) ? 'mail' : 'file');
  }

  /** The calendar date of a day of the run. */
  dateOf(dayIndex: number): { year: number; month: number; day: number } {
    return civilFromDays(this.startEpochDay + dayIndex);
  }

  /** When an item arriving at `arrivalSec` is due. */
  dueTime(rule: DueRule, arrivalSec: number): number {
    if ('businessHours' in rule) return this.addBusinessHours(arrivalSec, rule.businessHours);
    if ('calendarHours' in rule) return arrivalSec + rule.calendarHours * 3600;
    return this.endOfNextBusinessDay(arrivalSec);
  }

  /**
   * The instant `hours` business hours after `fromSec`. Time outside business hours does not
   * count: an item arriving at 20:00 starts its clock at the next opening.
   */
  addBusinessHours(fromSec: number, hours: number): number {
    let remaining = hours * 3600;
    let day = Math.floor(fromSec / DAY_SEC);
    for (let searched = 0; searched < MAX_SEARCH_DAYS; searched++, day++) {
      if (!this.isBusinessDay(day)) continue;
      const open = day * DAY_SEC + this.openSec;
      const close = day * DAY_SEC + this.closeSec;
      const from = Math.max(fromSec, open);
      const available = close - from;
      if (available <= 0) continue;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    return Infinity;
  }

  /** Closing time of the first business day after the day `fromSec` falls in. */
  endOfNextBusinessDay(fromSec: number): number {
    let day = Math.floor(fromSec / DAY_SEC) + 1;
    for (let searched = 0; searched < MAX_SEARCH_DAYS; searched++, day++) {
      if (this.isBusinessDay(day)) return day * DAY_SEC + this.closeSec;
    }
    return Infinity;
  }

  /**
   * Whether a batch lands on a day. Every filter the batch gives must match (days of the week,
   * day of the month, day numbers of the run); a batch with none lands on business days.
   */
  batchLandsOn(batch: BatchConfig, dayIndex: number): boolean {
    const { daysOfWeek, dayOfMonth, runDays } = batch;
    if (!daysOfWeek && dayOfMonth === undefined && !runDays) return this.isBusinessDay(dayIndex);
    if (daysOfWeek && !daysOfWeek.includes(WEEKDAYS[this.weekday(dayIndex)])) return false;
    if (runDays && !runDays.includes(dayIndex + 1)) return false;
    if (dayOfMonth !== undefined && !this.isDayOfMonth(dayIndex, dayOfMonth)) return false;
    return true;
  }

  private isDayOfMonth(dayIndex: number, dayOfMonth: number | 'last' | 'last-business-day'): boolean {
    const { year, month, day } = this.dateOf(dayIndex);
    const last = daysInMonth(year, month);
    if (dayOfMonth === 'last') return day === last;
    if (dayOfMonth === 'last-business-day') {
      if (!this.isBusinessDay(dayIndex)) return false;
      // No later business day in this month.
      for (let d = day + 1, i = dayIndex + 1; d <= last; d++, i++) if (this.isBusinessDay(i)) return false;
      return true;
    }
    // The 31st in a 30-day month lands on the 30th: "the 31st" means "at month end" then.
    return day === Math.min(dayOfMonth, last);
  }
}

/** Shift start and end times of one team on its working days, holidays excepted. */
export class ShiftPattern {
  private readonly startSec: number;
  private readonly lengthSec: number;
  private readonly weekdays: ReadonlySet<number>;

  constructor(
    shift: ShiftConfig,
    private readonly calendar: BusinessCalendar,
  ) {
    this.startSec = clockSec(shift.start);
    const endSec = clockSec(shift.end);
    // An end at or before the start is on the next day (a night shift).
    this.lengthSec = endSec > this.startSec ? endSec - this.startSec : endSec + DAY_SEC - this.startSec;
    this.weekdays = weekdaySet(shift.days, calendar.firstWeekday);
  }

  /** Paid hours of one shift. */
  get hoursPerShift(): number {
    return this.lengthSec / 3600;
  }

  /** The first shift that starts on `fromDayIndex` or later, or null if none within the search limit. */
  nextWindow(fromDayIndex: number): ShiftWindow | null {
    for (let day = fromDayIndex, searched = 0; searched < MAX_SEARCH_DAYS; day++, searched++) {
      if (this.weekdays.has(day % 7) && !this.calendar.isHoliday(day)) {
        const startSec = day * DAY_SEC + this.startSec;
        return { startSec, endSec: startSec + this.lengthSec, dayIndex: day };
      }
    }
    return null;
  }
}
