/**
 * Schedules: shifts, breaks and calling windows turned into seconds of simulated time.
 *
 * Time 0 is 00:00 of day 1, a Monday unless the scenario's calendar dates it (run-calendar.ts). A shift
 * covers a contiguous block of the group's agents (the first shift's `agents` are agents 1…a₁,
 * the next shift's the following ones), runs on its days of the week, and holds its breaks in
 * time order. The model asks `nextOccurrence` for the next day a shift or window runs and
 * schedules that day's boundaries; nothing is expanded up front, so a long run costs no memory.
 */
import { clockSec, weekdaySet, type Weekday } from '../scenario/calendar-schema';

export interface BreakPlan {
  readonly startSec: number;
  readonly durationSec: number;
  readonly kind: 'break' | 'lunch';
}

export interface ShiftPlan {
  readonly index: number;
  /** First agent (0-based index in the group) and one past the last. */
  readonly firstAgent: number;
  readonly endAgent: number;
  readonly startSec: number;
  readonly endSec: number;
  /** Days of the run it runs on, modulo 7 (weekdaySet: the shift's weekdays placed in the run). */
  readonly weekdays: ReadonlySet<number>;
  readonly breaks: readonly BreakPlan[];
}

interface ShiftLike {
  agents: number;
  start: string;
  end: string;
  days?: Weekday[];
  breaks?: { start: string; durationMin: number; kind?: 'break' | 'lunch' }[];
}

export function planShifts(shifts: readonly ShiftLike[], firstWeekday: number): ShiftPlan[] {
  let first = 0;
  return shifts.map((shift, index) => {
    const plan: ShiftPlan = {
      index,
      firstAgent: first,
      endAgent: first + shift.agents,
      startSec: clockSec(shift.start),
      endSec: clockSec(shift.end),
      weekdays: weekdaySet(shift.days, firstWeekday),
      breaks: (shift.breaks ?? []).map((b) => ({ startSec: clockSec(b.start), durationSec: b.durationMin * 60, kind: b.kind ?? 'break' })),
    };
    first += shift.agents;
    return plan;
  });
}

/** A day index of the run (day 1 = index 0) modulo 7, as weekdaySet's days are given. */
export function weekdayOf(dayIndex: number): number {
  return dayIndex % 7;
}

/**
 * The first day index ≥ `fromDay` that runs on one of `weekdays`, or -1 when none before
 * `lastDay` (exclusive).
 */
export function nextOccurrence(weekdays: ReadonlySet<number>, fromDay: number, lastDay: number): number {
  if (weekdays.size === 0) return -1;
  for (let day = fromDay; day < lastDay && day < fromDay + 7; day++) if (weekdays.has(weekdayOf(day))) return day;
  return -1;
}
