import { describe, expect, it } from 'vitest';
import { erlangAMetrics } from '../../src/model/erlang/erlang';
import { predictQueueOnSchedule, scheduledAgentsByInterval } from '../../src/model/erlang/erlang-prediction';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { runReplications } from '../../src/runner/run-replications';

// 120 calls an hour all day; a day shift of 10, and a late shift of 4 from 12:00 whose break at
// 14:00 takes them off the phones for half of the 14:00 interval.
const scenario: Scenario = {
  name: 'Two shifts',
  days: 1,
  reportIntervalMin: 30,
  serviceLevel: { thresholdSec: 20 },
  queues: [
    {
      id: 'q',
      name: 'Q',
      arrivals: { ratePerHour: 120 },
      talk: { kind: 'exponential', meanSec: 180 },
      patience: { kind: 'exponential', meanSec: 120 },
    },
  ],
  agentGroups: [
    {
      id: 'g',
      name: 'G',
      agents: 14,
      queues: ['q'],
      shifts: [
        { agents: 10, start: '08:00', end: '16:00' },
        { agents: 4, start: '12:00', end: '20:00', breaks: [{ start: '14:00', durationMin: 15 }] },
      ],
    },
  ],
};

const byHand = (agents: number) => erlangAMetrics({ agents, arrivalRatePerSec: 120 / 3600, meanHandleSec: 180, meanPatienceSec: 120, thresholdSec: 20 });
const slot = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) / 30;

describe('the Erlang prediction on a schedule', () => {
  it('counts in each interval the agents on shift, less the part of an interval spent on a break', () => {
    const agents = scheduledAgentsByInterval(scenario.agentGroups[0], 1800, 1);
    expect(agents[slot('07:30')]).toBe(0);
    expect(agents[slot('09:00')]).toBe(10);
    expect(agents[slot('13:00')]).toBe(14);
    expect(agents[slot('14:00')]).toBe(12);
    expect(agents[slot('14:30')]).toBe(14);
    expect(agents[slot('17:00')]).toBe(4);
  });

  it('uses each interval’s scheduled agents, as the formula gives them by hand for 10 and 14 agents', () => {
    const prediction = predictQueueOnSchedule(scenario, 0)!;
    expect(prediction.formula).toBe('erlang-a');
    const nine = prediction.intervals[slot('09:00')]!;
    const one = prediction.intervals[slot('13:00')]!;
    expect(nine.serviceLevel).toBeCloseTo(byHand(10).serviceLevel, 12);
    expect(one.serviceLevel).toBeCloseTo(byHand(14).serviceLevel, 12);
    expect(one.abandonRate).toBeCloseTo(byHand(14).pAbandon, 12);
    expect(one.serviceLevel).toBeGreaterThan(nine.serviceLevel);
    expect(prediction.intervals[slot('07:30')]).toBeNull();
    expect(prediction.caveats.join(' ')).toMatch(/agents follow shifts/);
  });

  it('appears in the run report for a group with shifts, interval by interval with its head-count', () => {
    const report = runReplications(scenario, { seed: 3 });
    const queue = report.queues.q;
    expect(queue.erlang?.formula).toBe('erlang-a');
    expect(queue.intervals[slot('13:00')].erlang).toMatchObject({ agents: 14, serviceLevel: byHand(14).serviceLevel });
    expect(queue.intervals[slot('07:30')].erlang).toBeUndefined();
  });
});
