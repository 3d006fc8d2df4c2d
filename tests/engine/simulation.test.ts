import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_AT_ONE_INSTANT, Simulation, ZeroTimeLoopError } from '../../src/engine/simulation';
import { createStream } from '../../src/engine/random-streams';

/** A small self-scheduling process: each event logs itself and schedules the next at a random gap. */
function tickingSimulation(seed: number) {
  const sim = new Simulation();
  const rng = createStream(seed, 'ticks');
  const log: number[] = [];
  const tick = (n: number) => {
    log.push(sim.now);
    if (n < 5000) sim.schedule(-Math.log(1 - rng()) * 3, tick, n + 1);
    if (n % 7 === 0) sim.schedule(1, () => log.push(-sim.now), null);
  };
  sim.schedule(0, tick, 0);
  return { sim, log };
}

describe('Simulation', () => {
  it('stops exactly at the requested time and sets the clock to it', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    for (const t of [1, 2, 3, 4]) sim.scheduleAt(t, () => fired.push(t), null);
    const result = sim.runUntil(2.5);
    expect(result).toEqual({ reachedUntil: true, events: 2 });
    expect(sim.now).toBe(2.5);
    expect(fired).toEqual([1, 2]);
  });

  it('fires an event scheduled exactly at the boundary before stopping', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    sim.scheduleAt(3, () => fired.push(3), null);
    sim.runUntil(3);
    expect(fired).toEqual([3]);
  });

  it('gives identical results run in one call or in a thousand small calls', () => {
    const whole = tickingSimulation(1);
    whole.sim.runUntil(10_000);
    const pieces = tickingSimulation(1);
    for (let i = 1; i <= 1000; i++) pieces.sim.runUntil(i * 10);
    expect(pieces.log).toEqual(whole.log);
    expect(pieces.sim.eventsFired).toBe(whole.sim.eventsFired);
  });

  it('holds the clock at the last event when the event budget runs out, and carries on later', () => {
    const budgeted = tickingSimulation(2);
    let calls = 0;
    while (!budgeted.sim.runUntil(5000, 37).reachedUntil) {
      expect(budgeted.sim.now).toBeLessThanOrEqual(5000);
      calls++;
    }
    const whole = tickingSimulation(2);
    whole.sim.runUntil(5000);
    expect(calls).toBeGreaterThan(10);
    expect(budgeted.log).toEqual(whole.log);
    expect(budgeted.sim.now).toBe(5000);
  });

  it('ignores a cancel of an event that already fired, even after its storage is reused', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    const early = sim.schedule(1, () => fired.push('early'), null);
    sim.runUntil(2);
    sim.schedule(1, () => fired.push('later'), null);
    sim.cancel(early);
    sim.runUntil(5);
    expect(fired).toEqual(['early', 'later']);
  });

  it('does not fire a cancelled event', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    const doomed = sim.schedule(5, () => fired.push('doomed'), null);
    sim.schedule(1, () => sim.cancel(doomed), null);
    sim.runUntil(10);
    expect(fired).toEqual([]);
    expect(sim.pendingEvents).toBe(0);
  });

  it('refuses to go back in time or to schedule in the past', () => {
    const sim = new Simulation();
    sim.runUntil(10);
    expect(() => sim.runUntil(5)).toThrow(/before now/);
    expect(() => sim.scheduleAt(3, () => {}, null)).toThrow(/>= now/);
    expect(() => sim.schedule(-1, () => {}, null)).toThrow(/delay/);
    expect(() => sim.schedule(NaN, () => {}, null)).toThrow(/delay/);
  });

  it('steps one event at a time', () => {
    const sim = new Simulation();
    sim.scheduleAt(4, () => {}, null);
    sim.scheduleAt(9, () => {}, null);
    expect(sim.step()).toBe(4);
    expect(sim.now).toBe(4);
    expect(sim.step()).toBe(9);
    expect(sim.step()).toBeUndefined();
  });
});

describe('a zero-time loop', () => {
  it('stops the run with an error naming the instant and the handler once 10 million events in a row fire at one time', () => {
    const sim = new Simulation();
    const onRetrial = () => sim.schedule(0, onRetrial, null);
    sim.schedule(5, onRetrial, null);
    let stopped: unknown;
    try {
      sim.runUntil(100);
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(ZeroTimeLoopError);
    expect((stopped as Error).message).toBe(
      `simulated time stopped at 5 s: ${MAX_EVENTS_AT_ONE_INSTANT} events in a row at that instant (the last: onRetrial); something in the scenario repeats in zero time`,
    );
    expect(sim.now).toBe(5);
  });

  it('lets many events share one instant when time then moves on, across budgeted calls', () => {
    const sim = new Simulation();
    let fired = 0;
    for (let t = 0; t < 3; t++) for (let i = 0; i < 1000; i++) sim.schedule(t, () => fired++, null);
    while (!sim.runUntil(10, 7).reachedUntil);
    expect(fired).toBe(3000);
  });
});
