/**
 * The Plan view's Web Worker pool (issue 11, items 4, 5 and 8), with fake workers that run the
 * runner's own worker side of the protocol in this thread and answer after a delay of their
 * own: results come back out of order, yet the comparison equals the one `kituo compare`
 * computes; progress counts to the total; a cancel terminates every worker at once.
 */
import { describe, expect, it } from 'vitest';
import { planWorkerCount, runJobsOnWorkers, type PlanWorker } from '../../src/app/plan-pool';
import { Cancelled } from '../../src/runner/cancelled';
import { compareConfigurationsOn } from '../../src/runner/batch-runs';
import { compareConfigurations } from '../../src/runner/compare-configurations';
import { replicationWorker, type MessageFromWorker, type MessageToWorker } from '../../src/runner/replication-jobs';
import { loadShipped } from './shipped-scenario';

/**
 * Fake Web Workers: worker k answers job i after (k + 1 + 10 − i) × `delayMs`, so a quick worker
 * overtakes a slow one and a worker's later job overtakes its earlier one.
 */
function fakeWorkers(delayMs: number) {
  const started: { terminated: boolean; jobs: number }[] = [];
  const answered: number[] = [];
  const start = (): PlanWorker => {
    const answer = replicationWorker();
    const state = { terminated: false, jobs: 0 };
    const slowness = started.push(state);
    const worker: PlanWorker = {
      onmessage: null,
      onerror: null,
      postMessage(message: MessageToWorker) {
        const copy = structuredClone(message);
        if (copy.kind === 'configurations') return void answer(copy);
        state.jobs++;
        setTimeout(
          () => {
            if (state.terminated) return;
            const reply = answer(copy)!;
            answered.push(reply.index);
            worker.onmessage?.({ data: structuredClone(reply) as MessageFromWorker });
          },
          (slowness + 10 - copy.index) * delayMs,
        );
      },
      terminate() {
        state.terminated = true;
      },
    };
    return worker;
  };
  return { start, started, answered };
}

function configurations() {
  const baseline = loadShipped('inbound-basic.json');
  const group = baseline.agentGroups[0];
  return [
    { label: 'A', scenario: baseline },
    { label: 'B', scenario: { ...baseline, agentGroups: [{ ...group, agents: group.agents - 3 }] } },
  ];
}

describe('the Plan view worker pool', () => {
  it('gives the comparison kituo compare gives, whatever order its workers answer in', async () => {
    const workers = fakeWorkers(10);
    const progress: number[] = [];
    const runJobs = runJobsOnWorkers(workers.start, { workers: 3, onProgress: (done, total) => progress.push(done / total) });
    const onWorkers = await compareConfigurationsOn(runJobs, configurations(), { seed: 7, replications: 4 });
    expect(onWorkers).toEqual(compareConfigurations(configurations(), { seed: 7, replications: 4 }));
    expect(workers.answered).not.toEqual([...workers.answered].sort((a, b) => a - b));
    expect(workers.started.map((w) => w.jobs > 0)).toEqual([true, true, true]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((done) => done / 8));
    expect(workers.started.every((w) => w.terminated)).toBe(true);
  });

  it('stops at a cancel: rejects with Cancelled, terminates every worker and hands on nothing more', async () => {
    const workers = fakeWorkers(20);
    const controller = new AbortController();
    let delivered = 0;
    const runJobs = runJobsOnWorkers(workers.start, {
      workers: 2,
      signal: controller.signal,
      onProgress: (done) => {
        delivered = done;
        if (done === 2) controller.abort();
      },
    });
    await expect(compareConfigurationsOn(runJobs, configurations(), { seed: 7, replications: 5 })).rejects.toBeInstanceOf(Cancelled);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toBe(2);
    expect(workers.started).toHaveLength(2);
    expect(workers.started.every((w) => w.terminated)).toBe(true);
  });

  it('reports a failed replication with its number and stops the workers', async () => {
    const terminated: boolean[] = [];
    const failing = (): PlanWorker => {
      const k = terminated.push(false) - 1;
      const worker: PlanWorker = {
        onmessage: null,
        onerror: null,
        postMessage(message) {
          if (message.kind === 'replicate') setTimeout(() => worker.onmessage?.({ data: { kind: 'failed', index: message.index, message: 'the model threw' } }), 1);
        },
        terminate: () => (terminated[k] = true),
      };
      return worker;
    };
    const run = runJobsOnWorkers(failing, { workers: 2 })(
      { scenarios: [configurations()[0].scenario], seed: 1, jobs: [{ configuration: 0, replication: 0 }, { configuration: 0, replication: 1 }] },
      () => {},
    );
    await expect(run).rejects.toThrow('replication 1: the model threw');
    expect(terminated).toEqual([true, true]);
  });

  it('starts one worker per core, at most 4 and never more than there are jobs', () => {
    expect(planWorkerCount(8, 40)).toBe(4);
    expect(planWorkerCount(2, 40)).toBe(2);
    expect(planWorkerCount(8, 3)).toBe(3);
    expect(planWorkerCount(undefined, 40)).toBe(1);
  });
});
