/**
 * Replications as jobs any executor can run: in this thread, on Node's worker threads (the CLI)
 * or on Web Workers (the page). A batch is the configurations to run, their seed and the jobs
 * (configuration, replication) in the order the reports consume them; an executor hands the
 * results back in exactly that order, whatever order they finish in, so the running sums of
 * the accumulators, and therefore every figure of the report, are the same for any number of
 * workers.
 *
 * The messages between a coordinator and a worker are plain data (structured clone), so a Node
 * worker and a Web Worker speak them alike: first `configurations`, then any number of
 * `replicate`, each answered by `result` or `failed`.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { Cancelled } from './cancelled';
import { runReplication, type ReplicationResult } from './run-replications';

// In a module of its own, which the CLI's pool can load before the simulation (worker-pool.ts).
export { InOrderDelivery } from './in-order-delivery';

export interface ReplicationJob {
  configuration: number;
  replication: number;
}

export interface ReplicationBatch {
  scenarios: Scenario[];
  seed: number;
  jobs: ReplicationJob[];
}

/** Runs a batch and calls `onResult` once per job, in the jobs' order; rejects with `Cancelled` when stopped. */
export type RunJobs = (batch: ReplicationBatch, onResult: (result: ReplicationResult, index: number) => void) => Promise<void>;

export type MessageToWorker =
  | { kind: 'configurations'; scenarios: Scenario[]; seed: number }
  | { kind: 'replicate'; index: number; job: ReplicationJob };

export type MessageFromWorker = { kind: 'result'; index: number; result: ReplicationResult } | { kind: 'failed'; index: number; message: string };

/** Every replication of every configuration, replication by replication: the order compare's paired sums need. */
export function replicationJobs(configurations: number, replications: number): ReplicationJob[] {
  const jobs: ReplicationJob[] = [];
  for (let replication = 0; replication < replications; replication++) {
    for (let configuration = 0; configuration < configurations; configuration++) jobs.push({ configuration, replication });
  }
  return jobs;
}

/** A worker's side of the protocol: keeps the batch's configurations and answers each job. */
export function replicationWorker(): (message: MessageToWorker) => MessageFromWorker | null {
  let batch: { scenarios: Scenario[]; seed: number } | null = null;
  return (message) => {
    if (message.kind === 'configurations') {
      batch = { scenarios: message.scenarios, seed: message.seed };
      return null;
    }
    const { index, job } = message;
    if (!batch) return { kind: 'failed', index, message: 'a replication was asked for before its configurations' };
    try {
      return { kind: 'result', index, result: runReplication(batch.scenarios[job.configuration], batch.seed, job.replication) };
    } catch (error) {
      return { kind: 'failed', index, message: (error as Error).message };
    }
  };
}

/** Longest stretch of work between two returns to the event loop, so a signal or a Cancel is heard. */
const SLICE_MS = 50;

/**
 * Runs the jobs in this thread, one after another, returning to the event loop every few dozen
 * milliseconds so that a cancel (Ctrl-C, a button) and progress drawing get their turn.
 */
export function runJobsInThread(signal?: AbortSignal): RunJobs {
  return async ({ scenarios, seed, jobs }, onResult) => {
    let sliceStart = performance.now();
    for (let index = 0; index < jobs.length; index++) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
      if (signal?.aborted) throw new Cancelled();
      const { configuration, replication } = jobs[index];
      onResult(runReplication(scenarios[configuration], seed, replication), index);
    }
  };
}
