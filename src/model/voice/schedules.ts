/**
 * Schedules: shifts, breaks and calling windows turned into seconds of simulated time.
 *
 * Day 1 of a run is a Monday and time 0 is its 00:00 (as in the back-office format). A shift
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
  /** Days of the week it runs, Monday = 0. */
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

export function planShifts(shifts: readonly ShiftLike[]): ShiftPlan[] {
  let first = 0;
  return shifts.map((shift, index) => {
    const plan: ShiftPlan = {
      index,
      firstAgent: first,
      endAgent: first + shift.agents,
      startSec: clockSec(shift.start),
      endSec: clockSec(shift.end),
      weekdays: weekdaySet(shift.days),
      breaks: (shift.breaks ?? []).map((b) => ({ startSec: clockSec(b.start), durationSec: b.durationMin * 60, kind: b.kind ?? 'break' })),
    };
    first += shift.agents;
    return plan;
  });
}

/** Day of the week (Monday = 0) of a day index of the run (day 1 = index 0). */
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
