/**
 * Twin floors (src/app/twin-run.ts): the twin keeps its own run at the floor's simulated time,
 * two floors that differ only in staffing meet the same callers (common random numbers), and the
 * strip's differences are B − A with B's verdict, checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { startPageRun } from '../../src/app/page-run';
import { oneAgentFewer } from '../../src/app/power-of-one';
import { applyWhatIf, defaultWhatIf } from '../../src/app/what-if';
import { compareFigures, TwinRun, twinFigures, type TwinFigures } from '../../src/app/twin-run';

const HOUR = 3600;
const SEED = 2026;
const FILE = 'call-center-and-back-office.json';

function powerOfOne(): { floor: ReturnType<typeof startPageRun>; fewer: ReturnType<typeof loadShipped> } {
  const scenario = loadShipped(FILE);
  const fewer = oneAgentFewer(scenario, 'support-team');
  if (!fewer.ok) throw new Error(JSON.stringify(fewer.problems));
  return { floor: startPageRun(scenario, SEED), fewer: fewer.scenario };
}

describe('twin floors in lockstep', () => {
  it('start the other floor at the floor’s time and follow it as it moves', () => {
    const { floor, fewer } = powerOfOne();
    floor.session.advanceTo(9.5 * HOUR, Infinity);
    const twin = new TwinRun(floor, SEED, { floor }, { scenario: fewer });
    expect(twin.a).toBe(floor);
    expect(twin.b.session.now).toBe(9.5 * HOUR);
    for (const t of [9.5 * HOUR + 17, 10 * HOUR, 11.25 * HOUR]) {
      floor.session.advanceTo(t, Infinity);
      twin.follow();
      expect(twin.b.session.now).toBe(floor.session.now);
    }
  });

  it('show on the other floor what that configuration run alone shows at the same time', () => {
    const { floor, fewer } = powerOfOne();
    const twin = new TwinRun(floor, SEED, { floor }, { scenario: fewer });
    for (let t = 8 * HOUR; t <= 11 * HOUR; t += 600) {
      floor.session.advanceTo(t, Infinity);
      twin.follow();
    }
    const alone = startPageRun(fewer, SEED);
    alone.session.advanceTo(11 * HOUR, Infinity);
    expect(twinFigures(twin.b)).toEqual(twinFigures(alone));
    expect(twin.b.views.snapshot()).toEqual(alone.views.snapshot());
  });

  it('meet the same callers on both floors when only the staffing differs', () => {
    const { floor, fewer } = powerOfOne();
    const twin = new TwinRun(floor, SEED, { floor }, { scenario: fewer });
    floor.session.advanceTo(11 * HOUR, Infinity);
    twin.follow();
    const a = twin.figures('a');
    const b = twin.figures('b');
    expect(a.offered).toBeGreaterThan(100);
    expect(b.offered).toBe(a.offered);
    expect(b.agents).toBe(a.agents - 1);
    // One agent fewer at the morning peak: more callers give up.
    expect(b.abandonedToday).toBeGreaterThan(a.abandonedToday);
  });

  it('run both sides themselves when neither is the floor’s configuration', () => {
    const scenario = loadShipped(FILE);
    const more = applyWhatIf(scenario, { ...defaultWhatIf(scenario), arrivalPercent: 120 });
    if (!more.ok) throw new Error(JSON.stringify(more.problems));
    const floor = startPageRun(scenario, SEED);
    floor.session.advanceTo(10 * HOUR, Infinity);
    const twin = new TwinRun(floor, SEED, { scenario }, { scenario: more.scenario });
    expect(twin.a).not.toBe(floor);
    expect([twin.a.session.now, twin.b.session.now]).toEqual([10 * HOUR, 10 * HOUR]);
    expect(twinFigures(twin.a)).toEqual(twinFigures(floor));
    expect(twin.figures('b').offered).toBeGreaterThan(twin.figures('a').offered);
  });
});

describe('the strip of differences', () => {
  const figures = (over: Partial<TwinFigures>): TwinFigures => ({
    agents: 22,
    offered: 300,
    retrials: 0,
    serviceLevelToday: 0.8,
    abandonedToday: 10,
    backlog: 120,
    onTimeToday: 0.9,
    costSoFar: 1000,
    currency: 'USD',
    ...over,
  });

  it('gives B − A with B’s verdict for every figure, by hand', () => {
    const a = figures({});
    const b = figures({ agents: 21, serviceLevelToday: 0.6, abandonedToday: 17, backlog: 120, onTimeToday: null, costSoFar: 960 });
    const byId = Object.fromEntries(compareFigures(a, b).map((d) => [d.id, d]));
    expect(byId.serviceLevelToday.difference).toBeCloseTo(-0.2, 12);
    expect(byId.serviceLevelToday.verdict).toBe('worse');
    expect(byId.abandonedToday).toEqual({ id: 'abandonedToday', a: 10, b: 17, difference: 7, verdict: 'worse' });
    expect(byId.backlog).toEqual({ id: 'backlog', a: 120, b: 120, difference: 0, verdict: 'same' });
    expect(byId.onTimeToday).toEqual({ id: 'onTimeToday', a: 0.9, b: null, difference: null, verdict: null });
    expect(byId.costSoFar).toEqual({ id: 'costSoFar', a: 1000, b: 960, difference: -40, verdict: 'better' });
  });

  it('reads the figures the wallboards show', () => {
    const { floor } = powerOfOne();
    floor.session.advanceTo(10 * HOUR, Infinity);
    const shown = twinFigures(floor);
    const today = floor.session.kpis('all').today;
    expect(shown.serviceLevelToday).toBe(today.serviceLevel);
    expect(shown.abandonedToday).toBe(today.abandoned);
    expect(shown.backlog).toBe(floor.backOffice!.kpis(floor.session.now).backlog);
    expect(shown.costSoFar).toBeGreaterThan(0);
  });
});
