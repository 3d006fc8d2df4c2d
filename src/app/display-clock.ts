/**
 * The page's display clock. Each frame it moves by speed × elapsed wall time, with the elapsed
 * time capped so a tab left in the background does not demand an hour of catch-up when it comes
 * back. The model is then asked to run to the display time within an event budget; when the
 * budget runs out the display clock is held at the model's time and the page says it is running
 * behind. Pausing, stepping or changing speed never changes results, because the model's runUntil
 * stops exactly at any boundary and resumes from it.
 */
import { DAY_SEC } from '../model/scenario/calendar-schema';
import { RunCalendar, type CalendarFields } from '../model/scenario/run-calendar';

/** Simulated seconds per wall second. */
export const SPEEDS: readonly number[] = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1200, 3600];

/** Longest wall-clock step one frame may take, in milliseconds. */
export const MAX_FRAME_STEP_MS = 250;

export class DisplayClock {
  timeSec = 0;
  playing = false;
  behind = false;
  private speedIndex: number;

  constructor(speed = 10) {
    this.speedIndex = Math.max(0, SPEEDS.indexOf(speed));
  }

  get speed(): number {
    return SPEEDS[this.speedIndex];
  }

  set speed(value: number) {
    let best = 0;
    for (let i = 0; i < SPEEDS.length; i++) if (Math.abs(SPEEDS[i] - value) < Math.abs(SPEEDS[best] - value)) best = i;
    this.speedIndex = best;
  }

  faster(): void {
    this.speedIndex = Math.min(SPEEDS.length - 1, this.speedIndex + 1);
  }

  slower(): void {
    this.speedIndex = Math.max(0, this.speedIndex - 1);
  }

  /** The display time this frame aims for, given the wall time since the last frame. */
  target(elapsedMs: number): number {
    if (!this.playing) return this.timeSec;
    const step = Math.min(Math.max(0, elapsedMs), MAX_FRAME_STEP_MS) / 1000;
    return this.timeSec + this.speed * step;
  }
}

/** Events the model fires between two looks at the wall clock. */
export const EVENT_CHUNK = 64;

/** Wall milliseconds one frame may spend running the model. */
export const MODEL_MS_PER_FRAME = 3;

export interface Advancer {
  advanceTo(targetSec: number, budget: number): { events: number; reached: boolean };
}

/**
 * Runs the model towards `targetSec` in chunks of EVENT_CHUNK events until it gets there or the
 * frame's share of wall time is spent. The model itself never reads a clock (results do not
 * depend on how the run is cut up); the page does, between chunks, and when the time is up the
 * display clock waits for the model ("running behind"). 3 ms leaves room for the scene and the
 * wallboards in an 8 ms frame.
 */
export function advanceWithin(
  session: Advancer,
  targetSec: number,
  now: () => number,
  maxMs = MODEL_MS_PER_FRAME,
): { events: number; reached: boolean } {
  const deadline = now() + maxMs;
  let events = 0;
  for (;;) {
    const result = session.advanceTo(targetSec, EVENT_CHUNK);
    events += result.events;
    if (result.reached) return { events, reached: true };
    if (now() >= deadline) return { events, reached: false };
  }
}

/** The day of the run the clock is in, as the top bar names it. */
export interface RunDay {
  /** 1 = the first day of the run. */
  readonly dayNumber: number;
  /** Monday = 0 … Sunday = 6. */
  readonly weekday: number;
  /** "YYYY-MM-DD", or null when the scenario gives no start date (the clock then says "Day N"). */
  readonly isoDate: string | null;
}

const calendars = new WeakMap<CalendarFields, RunCalendar>();

/** The day of the run at simulated time `timeSec`, from the scenario's calendar (run-calendar.ts). */
export function runDayAt(scenario: CalendarFields, timeSec: number): RunDay {
  let calendar = calendars.get(scenario);
  if (!calendar) calendars.set(scenario, (calendar = new RunCalendar(scenario)));
  const index = Math.floor(timeSec / DAY_SEC);
  return { dayNumber: index + 1, weekday: calendar.weekday(index), isoDate: calendar.isoDate(index) };
}
