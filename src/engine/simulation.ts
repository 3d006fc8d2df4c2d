/**
 * The simulation environment: a clock and an event calendar, in the manner of SimPy's core.
 *
 * `runUntil(t)` processes every event with time ≤ t, then sets the clock to exactly t, so a run
 * can be paused and resumed at any boundary without changing a single result: one call to the
 * end and a thousand small calls fire the same events in the same order. An optional budget
 * (a count of events, because the engine never reads a wall clock) lets an animated page stop
 * early and hold its display clock back instead of freezing.
 */
import { EventCalendar, type EventHandle, type EventHandler } from './event-calendar';

export interface RunResult {
  /** True when the clock reached `until`; false when the event budget ran out first. */
  readonly reachedUntil: boolean;
  /** Events fired during this call. */
  readonly events: number;
}

/**
 * Events in a row at one instant after which a run is stopped as a zero-time loop. Far above what
 * a scenario does at once (every agent of the largest staff starting a shift fires tens of
 * thousands), far below what would leave a page frozen for long.
 */
export const MAX_EVENTS_AT_ONE_INSTANT = 10_000_000;

/** A run stopped because simulated time stood still: events kept scheduling events at one instant. */
export class ZeroTimeLoopError extends Error {
  constructor(
    readonly timeSec: number,
    readonly handlerName: string,
  ) {
    super(
      `simulated time stopped at ${timeSec} s: ${MAX_EVENTS_AT_ONE_INSTANT} events in a row at that instant ` +
        `(the last: ${handlerName || 'an unnamed handler'}); something in the scenario repeats in zero time`,
    );
    this.name = 'ZeroTimeLoopError';
  }
}

export class Simulation {
  private readonly calendar = new EventCalendar();
  private clock = 0;
  private fired = 0;
  /** Events fired in a row at the current instant (the zero-time loop guard). */
  private atThisInstant = 0;

  get now(): number {
    return this.clock;
  }

  /** Total events fired since the start. */
  get eventsFired(): number {
    return this.fired;
  }

  /** Live events still scheduled. */
  get pendingEvents(): number {
    return this.calendar.liveCount;
  }

  schedule<P>(delay: number, handler: EventHandler<P>, payload: P): EventHandle {
    if (!(delay >= 0)) throw new RangeError(`event delay must be a number >= 0 (got ${delay})`);
    return this.calendar.insert(this.clock + delay, handler, payload);
  }

  scheduleAt<P>(time: number, handler: EventHandler<P>, payload: P): EventHandle {
    if (!(time >= this.clock)) {
      throw new RangeError(`event time must be >= now (${this.clock}) (got ${time})`);
    }
    return this.calendar.insert(time, handler, payload);
  }

  /** Cancels a scheduled event; a handle of an event that already fired is ignored. */
  cancel(handle: EventHandle): void {
    this.calendar.cancel(handle);
  }

  /** Time of the next live event (Infinity when none). */
  nextEventTime(): number {
    return this.calendar.peekTime();
  }

  /**
   * Fires events in (time, sequence) order while their time is ≤ `until`, at most `maxEvents` of
   * them. When all are done the clock is set to `until` exactly; when the budget stops it first,
   * the clock stays at the last event fired and the next call carries on from there.
   */
  runUntil(until: number, maxEvents = Infinity): RunResult {
    if (Number.isNaN(until)) throw new RangeError('runUntil: until must be a number (got NaN)');
    if (until < this.clock) throw new RangeError(`runUntil: until (${until}) is before now (${this.clock})`);
    const calendar = this.calendar;
    let events = 0;
    while (events < maxEvents && calendar.popDue(until)) {
      this.advanceTo(calendar.dueTime);
      calendar.dueHandler(calendar.duePayload);
      events++;
    }
    this.fired += events;
    const reachedUntil = calendar.peekTime() > until;
    if (reachedUntil && until !== Infinity && until !== this.clock) {
      this.clock = until;
      this.atThisInstant = 0;
    }
    return { reachedUntil, events };
  }

  /** Moves the clock to the next event's time, counting events that leave it where it is. */
  private advanceTo(time: number): void {
    if (time !== this.clock) {
      this.clock = time;
      this.atThisInstant = 0;
    } else if (++this.atThisInstant >= MAX_EVENTS_AT_ONE_INSTANT) {
      throw new ZeroTimeLoopError(time, this.calendar.dueHandler.name);
    }
  }

  /** Fires exactly one event (if any) and returns its time, or undefined when none is left. */
  step(): number | undefined {
    const calendar = this.calendar;
    if (!calendar.popDue(Infinity)) return undefined;
    this.advanceTo(calendar.dueTime);
    calendar.dueHandler(calendar.duePayload);
    this.fired++;
    return this.clock;
  }
}
