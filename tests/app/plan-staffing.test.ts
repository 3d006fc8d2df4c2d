/**
 * The staffing optimiser as the Plan view runs it (issue 11, item 8): in a worker (here a fake
 * one running the worker's own code in this thread), its answer is `kituo staff`'s, with a
 * progress count per simulation; a cancel terminates the worker; an infeasible target says so;
 * and the chart's series and the table of short intervals are read from the answer.
 */
import { describe, expect, it } from 'vitest';
import {
  InfeasibleStaffingError,
  optimiseOnWorker,
  gapAgentHours,
  shortIntervals,
  solveStaffing,
  staffingSeries,
  type StaffingAnswer,
  type StaffingRequest,
  type StaffingWorker,
} from '../../src/app/plan-staffing';
import { Cancelled } from '../../src/runner/cancelled';
import { optimiseStaffing } from '../../src/runner/staffing/optimiser';
import { loadShipped } from './shipped-scenario';

/** A fake Web Worker: answers after a tick, each message structured-cloned as a real one is. */
function fakeWorker(log: { terminated: boolean; progress: number }) {
  return (): StaffingWorker => {
    const worker: StaffingWorker = {
      onmessage: null,
      onerror: null,
      postMessage(request) {
        const copy = structuredClone(request);
        setTimeout(() =>
          solveStaffing(copy, (message) => {
            if (log.terminated) return;
            worker.onmessage?.({ data: structuredClone(message) });
          }),
        );
      },
      terminate: () => (log.terminated = true),
    };
    return worker;
  };
}

const request: StaffingRequest = { scenario: loadShipped('inbound-basic.json'), target: { serviceLevel: 0.8, thresholdSec: 20 }, seed: 7, replications: 3 };

describe('the staffing optimiser in a worker', () => {
  it("answers what kituo staff answers, counting each simulation, and terminates the worker", async () => {
    const log = { terminated: false, progress: 0 };
    const counts: number[] = [];
    const answer = await optimiseOnWorker(fakeWorker(log), request, { onSimulated: (n) => counts.push(n) });
    const { staffing: _staffing, ...direct } = optimiseStaffing(request.scenario, request.target, { seed: 7, replications: 3 });
    expect(answer).toEqual(direct);
    expect(counts).toEqual(Array.from({ length: direct.evaluations }, (_, i) => i + 1));
    expect(log.terminated).toBe(true);
  });

  it('stops at a cancel with Cancelled and terminates the worker', async () => {
    const log = { terminated: false, progress: 0 };
    const controller = new AbortController();
    const run = optimiseOnWorker(fakeWorker(log), request, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(log.terminated).toBe(true);
  });

  it('tells an infeasible target from other failures', async () => {
    const failing = (infeasible: boolean) => (): StaffingWorker => {
      const worker: StaffingWorker = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => worker.onmessage?.({ data: { kind: 'failed', message: 'at 09:00: 40 agents still miss it', infeasible } })),
        terminate: () => {},
      };
      return worker;
    };
    await expect(optimiseOnWorker(failing(true), request)).rejects.toBeInstanceOf(InfeasibleStaffingError);
    await expect(optimiseOnWorker(failing(false), request)).rejects.not.toBeInstanceOf(InfeasibleStaffingError);
    // The worker side flags a bad request as a failure that is not infeasibility.
    const messages: unknown[] = [];
    solveStaffing({ ...request, replications: 1, target: { ...request.target, confidence: 0.9 } }, (m) => messages.push(m));
    expect(messages).toEqual([{ kind: 'failed', message: 'a confidence bound needs at least 2 replications', infeasible: false }]);
  });
});

describe("what the page draws from the optimiser's answer", () => {
  const answer: StaffingAnswer = {
    scenario: 'two intervals',
    target: { serviceLevel: 0.8, thresholdSec: 20 },
    seed: 1,
    replications: 2,
    evaluations: 3,
    simulatedDays: 6,
    groups: [
      {
        group: 'g',
        name: 'G',
        queues: ['q'],
        intervals: [
          { start: '00:00', required: 3, erlang: 2, scheduled: 5, gap: 2, queues: { q: { serviceLevel: { mean: 0.9, ci95: 0.01 }, abandonRate: { mean: 0, ci95: 0 }, offered: { mean: 4, ci95: 1 } } } },
          { start: '12:00', required: 6, erlang: 5, scheduled: 4.5, gap: -1.5, queues: { q: { serviceLevel: { mean: 0.82, ci95: 0.02 }, abandonRate: { mean: 0.01, ci95: 0 }, offered: { mean: 9, ci95: 1 } } } },
        ],
      },
    ],
  };

  it('charts required, scheduled and Erlang agents per interval', () => {
    expect(staffingSeries(answer.groups[0])).toEqual({ intervals: ['00:00', '12:00'], required: [3, 6], scheduled: [5, 4.5], erlang: [2, 5] });
  });

  it('lists only the intervals the schedule is short in, with the service level the requirement gave', () => {
    expect(shortIntervals(answer)).toEqual([{ group: 'g', start: '12:00', required: 6, scheduled: 4.5, gap: -1.5, erlang: 5, serviceLevel: { mean: 0.82, ci95: 0.02 } }]);
  });

  it('sums the gap in agent-hours (two 12-hour intervals: 2 agents over for 12 h, 1.5 short for 12 h)', () => {
    expect(gapAgentHours(answer.groups[0])).toEqual({ short: 18, over: 24 });
  });
});
