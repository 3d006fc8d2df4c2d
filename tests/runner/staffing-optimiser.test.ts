import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangAMetrics, erlangCMetrics } from '../../src/model/erlang/erlang';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { runReplications } from '../../src/runner/run-replications';
import { intervalMeets, measuredScenario, optimiseStaffing, type IntervalRequirement, type StaffingTarget } from '../../src/runner/staffing/optimiser';
import { expectedSpikeCalls } from '../../src/model/erlang/erlang-prediction';
import { shiftsForCounts, staffedScenario } from '../../src/runner/staffing/staffed-scenario';
import { scheduledAgentsByInterval } from '../../src/model/erlang/erlang-prediction';

/** 240 calls an hour all day, 2-minute exponential talk: one interval type, no shifts. */
function stationary(patience?: number): Scenario {
  return {
    name: 'Stationary',
    days: 1,
    reportIntervalMin: 60,
    serviceLevel: { thresholdSec: 20 },
    queues: [
      {
        id: 'q',
        name: 'Q',
        arrivals: { ratePerHour: 240 },
        talk: { kind: 'exponential', meanSec: 120 },
        ...(patience ? { patience: { kind: 'exponential' as const, meanSec: patience } } : {}),
      },
    ],
    agentGroups: [{ id: 'g', name: 'G', agents: 1, queues: ['q'] }],
  };
}

/** The exact staffing by the formula, found here by walking up the agents. */
function fewestByFormula(serviceLevel: (agents: number) => number, target: number): { agents: number; below: number; at: number } {
  let agents = 1;
  while (serviceLevel(agents) < target) agents++;
  return { agents, below: serviceLevel(agents - 1), at: serviceLevel(agents) };
}

/**
 * One hour's simulated service level varies a lot between replications (its 95% half-width is
 * about ±0.08 with 8 replications here), and a neighbour's staffing carries its queue over, so an
 * interval alone may land one agent off; what the confidence intervals allow is: the formula's
 * answer in the typical interval (the median), never more than one off, and the simulated
 * service level of the intervals at the formula's answer, pooled, is the formula's.
 */
function expectExactStaffing(intervals: IntervalRequirement[], exact: { agents: number; at: number }): void {
  const required = intervals.map((i) => i.required).sort((a, b) => a - b);
  expect(required[Math.floor(required.length / 2)]).toBe(exact.agents);
  for (const agents of required) expect(Math.abs(agents - exact.agents)).toBeLessThanOrEqual(1);
  for (const interval of intervals) expect(interval.erlang).toBe(exact.agents);
  const atExact = intervals.filter((i) => i.required === exact.agents).map((i) => i.queues.q.serviceLevel.mean!);
  expect(atExact.length).toBeGreaterThan(intervals.length / 2);
  expect(Math.abs(atExact.reduce((a, b) => a + b, 0) / atExact.length - exact.at)).toBeLessThan(0.04);
}

describe('the staffing optimiser', () => {
  it('finds exact Erlang C staffing, as far as the confidence intervals allow, on a stationary queue whose callers never hang up', () => {
    const target: StaffingTarget = { serviceLevel: 0.8, thresholdSec: 20 };
    const exact = fewestByFormula((agents) => erlangCMetrics({ agents, arrivalRatePerSec: 240 / 3600, meanHandleSec: 120, thresholdSec: 20 }).serviceLevel, 0.8);
    // Not a knife edge: one agent fewer is far below the target, the answer clearly above it.
    expect(exact.agents).toBe(11);
    expect(0.8 - exact.below).toBeGreaterThan(0.08);
    expect(exact.at - 0.8).toBeGreaterThan(0.04);
    const result = optimiseStaffing(stationary(), target, { seed: 5, replications: 8 });
    expectExactStaffing(result.groups[0].intervals, exact);
  });

  it('finds exact Erlang A staffing, as far as the confidence intervals allow, on a stationary queue with exponential patience', () => {
    const target: StaffingTarget = { serviceLevel: 0.7, thresholdSec: 20 };
    const exact = fewestByFormula(
      (agents) => erlangAMetrics({ agents, arrivalRatePerSec: 240 / 3600, meanHandleSec: 120, meanPatienceSec: 120, thresholdSec: 20 }).serviceLevel,
      0.7,
    );
    expect(exact.agents).toBe(9);
    expect(0.7 - exact.below).toBeGreaterThan(0.07);
    expect(exact.at - 0.7).toBeGreaterThan(0.04);
    const result = optimiseStaffing(stationary(120), target, { seed: 5, replications: 8 });
    expectExactStaffing(result.groups[0].intervals, exact);
  });

  it('staffs inbound-basic so every interval meets the target, and one agent fewer in some interval misses there', () => {
    const parsed = parseScenarioText(readFileSync('scenarios/inbound-basic.json', 'utf8'));
    if (!parsed.ok) throw new Error('inbound-basic.json does not parse');
    const scenario = parsed.scenario;
    const target: StaffingTarget = { serviceLevel: 0.8, thresholdSec: 20 };
    const options = { seed: 7, replications: 6 };
    const result = optimiseStaffing(scenario, target, options);
    const counts = result.groups[0].intervals.map((i) => i.required);
    const simulate = (staff: number[]) => runReplications(staffedScenario(measuredScenario(scenario, target), new Map([[0, staff]])), options);
    const report = simulate(counts);
    counts.forEach((_, slot) => expect(intervalMeets(report, ['support'], slot, target, options.replications), `interval ${slot}`).toBe(true));
    // The busiest intervals first: one agent fewer there, alone, misses the target there.
    const busiest = counts.map((n, slot) => [n, slot]).sort((a, b) => b[0] - a[0]).map(([, slot]) => slot);
    const missesWithOneFewer = busiest.slice(0, 8).filter((slot) => {
      const fewer = [...counts];
      fewer[slot]--;
      return !intervalMeets(simulate(fewer), ['support'], slot, target, options.replications);
    });
    expect(missesWithOneFewer.length).toBeGreaterThan(0);
    expect(result.simulatedDays).toBe(result.evaluations * options.replications);
  });

  it('raises an interval whose lower confidence bound misses even where the mean meets', () => {
    const target: StaffingTarget = { serviceLevel: 0.8, thresholdSec: 20 };
    const byMean = optimiseStaffing(stationary(), target, { seed: 5, replications: 4 });
    const byBound = optimiseStaffing(stationary(), { ...target, confidence: 0.99 }, { seed: 5, replications: 4 });
    const total = (r: typeof byMean) => r.groups[0].intervals.reduce((sum, i) => sum + i.required, 0);
    expect(total(byBound)).toBeGreaterThan(total(byMean));
    for (const interval of byBound.groups[0].intervals) expect(interval.required).toBeGreaterThanOrEqual(byMean.groups[0].intervals.find((i) => i.start === interval.start)!.required);
  });
});

describe('a staffing written into a scenario', () => {
  it('keeps agents on across intervals: a rise and fall of one agent sends one agent home, not the whole floor', () => {
    const counts = [0, 2, 3, 3, 2, 4, 0, 0];
    const shifts = shiftsForCounts(counts, 3 * 3600);
    expect(shifts).toEqual([
      { agents: 2, start: '03:00', end: '18:00' },
      { agents: 1, start: '06:00', end: '12:00' },
      { agents: 2, start: '15:00', end: '18:00' },
    ]);
    const group = { id: 'g', name: 'G', queues: ['q'], agents: 5, shifts };
    expect(scheduledAgentsByInterval(group, 3 * 3600, 1)).toEqual(counts);
  });
});

describe('the formula\'s starting point', () => {
  it('counts the calls an arrival spike brings into each interval after it airs, spread over the run\'s days', () => {
    const queue = { ...stationary().queues[0], arrivalSpikes: [{ day: 1, time: '19:30', extraCalls: 450, decayMin: 18 }] };
    expect(expectedSpikeCalls(queue, 19 * 3600, 19.5 * 3600, 1)).toBe(0);
    expect(expectedSpikeCalls(queue, 19.5 * 3600, 20 * 3600, 1)).toBeCloseTo(450 * (1 - Math.exp(-30 / 18)), 9);
    expect(expectedSpikeCalls(queue, 20 * 3600, 20.5 * 3600, 2)).toBeCloseTo((450 * (Math.exp(-30 / 18) - Math.exp(-60 / 18))) / 2, 9);
  });
});
