/**
 * Replications on Node worker threads: each worker receives the batch's configurations once,
 * then jobs one or two at a time (the second hides the round trip), and the results go back to
 * the caller in job order (InOrderDelivery), so the report does not depend on which worker was
 * quicker. Cancelling terminates the workers at once, mid-replication.
 *
 * The workers run the same module as this one: the TypeScript source through tsx's loader in
 * development and tests, the compiled JavaScript of dist-cli/ when the CLI was built.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Cancelled } from '../runner/cancelled';
import {
  InOrderDelivery,
  runJobsInThread,
  type MessageFromWorker,
  type MessageToWorker,
  type RunJobs,
} from '../runner/replication-jobs';
import type { ReplicationResult } from '../runner/run-replications';

/** Jobs a worker holds at once: one running, one waiting, so it never idles for a message. */
const JOBS_IN_FLIGHT = 2;

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./replication-worker.js', import.meta.url));
  // From the TypeScript source, the worker loads it through tsx's require hook: a worker thread of
  // Node 20 does not take the module hooks of `--import tsx`. Both are resolved from this file, not
  // from the user's folder, so `kituo` works wherever it is called.
  const require = createRequire(import.meta.url);
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(fileURLToPath(new URL('./replication-worker.ts', import.meta.url)))});`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * One worker: in this thread, as the CLI's `--workers 1`; more: a pool of worker threads, never
 * more than there are jobs. A single job also runs in this thread: a worker would only add its
 * start-up.
 */
export function runJobsOn(workers: number, signal?: AbortSignal): RunJobs {
  const inThread = runJobsInThread(signal);
  return (batch, onResult) => {
    const size = Math.min(workers, batch.jobs.length);
    if (size <= 1) return inThread(batch, onResult);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Cancelled());
      const pool = Array.from({ length: size }, startWorker);
      let nextJob = 0;
      let finished = false;
      const delivery = new InOrderDelivery<ReplicationResult>(onResult);
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        signal?.removeEventListener('abort', onAbort);
        void Promise.all(pool.map((worker) => worker.terminate())).then(() => (error ? reject(error) : resolve()));
      };
      const onAbort = () => finish(new Cancelled());
      signal?.addEventListener('abort', onAbort);
      const send = (worker: Worker) => {
        if (nextJob >= batch.jobs.length) return;
        const message: MessageToWorker = { kind: 'replicate', index: nextJob, job: batch.jobs[nextJob] };
        nextJob++;
        worker.postMessage(message);
      };
      for (const worker of pool) {
        worker.on('message', (message: MessageFromWorker) => {
          if (finished) return;
          if (message.kind === 'failed') return finish(new Error(`replication ${batch.jobs[message.index].replication + 1}: ${message.message}`));
          send(worker);
          try {
            delivery.put(message.index, message.result);
          } catch (error) {
            return finish(error as Error);
          }
          if (delivery.delivered === batch.jobs.length) finish();
        });
        worker.on('error', (error) => finish(error));
        worker.on('exit', (code) => {
          if (!finished) finish(new Error(`a worker stopped with exit code ${code} before the replications were done`));
        });
        const configurations: MessageToWorker = { kind: 'configurations', scenarios: batch.scenarios, seed: batch.seed };
        worker.postMessage(configurations);
        for (let j = 0; j < JOBS_IN_FLIGHT; j++) send(worker);
      }
    });
  };
}
