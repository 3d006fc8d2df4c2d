/**
 * The page's replications on Web Workers, as a RunJobs executor (replication-jobs.ts): every
 * worker gets the batch's configurations once, then jobs two at a time (one running, one waiting,
 * so it never idles for a message), and the results reach the caller in job order
 * (InOrderDelivery), so the Plan view's figures are those of `kituo compare` for any number of
 * workers. Cancelling terminates the workers at once, mid-replication.
 *
 * Pure of the DOM: a worker is anything with postMessage, onmessage, onerror and terminate, so
 * the unit tests drive it with fake workers in Node and the page with real ones.
 */
import { Cancelled } from '../runner/cancelled';
import { InOrderDelivery, type MessageFromWorker, type MessageToWorker, type RunJobs } from '../runner/replication-jobs';
import type { ReplicationResult } from '../runner/run-replications';

export interface PlanWorker {
  postMessage(message: MessageToWorker): void;
  onmessage: ((event: { data: MessageFromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** Jobs a worker holds at once. */
const JOBS_IN_FLIGHT = 2;

/** The page never starts more workers than this: the animation and the browser need a core too. */
export const MAX_PLAN_WORKERS = 4;

/** Workers for `jobs` replications on a device with `cores` logical cores: at least 1, at most 4, never more than jobs. */
export function planWorkerCount(cores: number | undefined, jobs: number): number {
  const available = Number.isInteger(cores) && cores! > 0 ? cores! : 1;
  return Math.max(1, Math.min(available, MAX_PLAN_WORKERS, jobs));
}

export interface WorkerPoolOptions {
  /** How many workers to start for a batch. */
  workers: number;
  signal?: AbortSignal;
  /** After each result handed on, in order: how many of the batch's jobs are done. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs each batch on `workers` fresh workers from `startWorker`, terminating them when the batch ends, fails or is cancelled. */
export function runJobsOnWorkers(startWorker: () => PlanWorker, { workers, signal, onProgress }: WorkerPoolOptions): RunJobs {
  return ({ scenarios, seed, jobs }, onResult) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Cancelled());
      if (jobs.length === 0) return resolve();
      const pool = Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, startWorker);
      let nextJob = 0;
      let finished = false;
      const delivery = new InOrderDelivery<ReplicationResult>((result, index) => {
        // A cancel heard while handing on a run of held results stops the run there.
        if (finished) return;
        onResult(result, index);
        onProgress?.(index + 1, jobs.length);
      });
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        signal?.removeEventListener('abort', onAbort);
        for (const worker of pool) {
          worker.onmessage = null;
          worker.onerror = null;
          worker.terminate();
        }
        if (error) reject(error);
        else resolve();
      };
      const onAbort = () => finish(new Cancelled());
      signal?.addEventListener('abort', onAbort);
      const send = (worker: PlanWorker) => {
        if (nextJob >= jobs.length) return;
        worker.postMessage({ kind: 'replicate', index: nextJob, job: jobs[nextJob] });
        nextJob++;
      };
      for (const worker of pool) {
        worker.onmessage = ({ data }) => {
          if (finished) return;
          if (data.kind === 'failed') return finish(new Error(`replication ${jobs[data.index].replication + 1}: ${data.message}`));
          send(worker);
          try {
            delivery.put(data.index, data.result);
          } catch (error) {
            return finish(error as Error);
          }
          if (delivery.delivered === jobs.length) finish();
        };
        worker.onerror = (event) => finish(new Error(`a replication worker failed: ${event.message ?? 'unknown error'}`));
        worker.postMessage({ kind: 'configurations', scenarios, seed });
        for (let j = 0; j < JOBS_IN_FLIGHT; j++) send(worker);
      }
    });
}
