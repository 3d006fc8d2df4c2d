/**
 * Replications on Node worker threads and this one: each worker receives the batch's configurations once,
 * then jobs one or two at a time (the second hides the round trip), and the results go back to
 * the caller in job order (InOrderDelivery), so the report does not depend on which worker was
 * quicker. Cancelling terminates the workers at once, mid-replication.
 *
 * The workers run the same module as this one: the TypeScript source through tsx's loader in
 * development and tests, the compiled JavaScript of dist-cli/ when the CLI was built.
 *
 * This module loads none of the simulation itself (only types, and replication-jobs once a batch
 * runs): a command starts its pool before it loads zod and the model, so that a worker thread
 * (about 0.1 CPU-s to start and load them, then 0.2 of JIT warm-up: docs/engine.md) does its
 * loading while this thread does its own instead of after it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Cancelled } from '../runner/cancelled';
import { InOrderDelivery } from '../runner/in-order-delivery';
import type { MessageFromWorker, MessageToWorker, RunJobs } from '../runner/replication-jobs';
import type { ReplicationResult } from '../runner/run-replications';

/** The simulation, loaded when a batch runs; by then the command has loaded it, so this costs nothing. */
const simulation = () => import('../runner/replication-jobs');

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

export interface ReplicationPool {
  runJobs: RunJobs;
  /** Stops the worker threads; the pool's batch stops them itself when it ends. */
  close(): Promise<void>;
}

/**
 * Threads for a batch of `jobs` replications: with one thread, this one, as the CLI's
 * `--workers 1`; with N, this thread and N − 1 worker threads, never more than there are jobs.
 * The worker threads start now, so that they load the simulation while the caller reads its
 * scenarios. This thread takes its share because it would only wait otherwise, and has the
 * simulation loaded already: one worker fewer to start.
 */
export function startPool(threads: number, jobs: number, signal?: AbortSignal): ReplicationPool {
  const size = Math.min(threads, jobs);
  if (size <= 1) return { runJobs: async (batch, onResult) => (await simulation()).runJobsInThread(signal)(batch, onResult), close: async () => {} };
  const pool = Array.from({ length: size - 1 }, startWorker);
  let failure: Error | null = null;
  for (const worker of pool) worker.on('error', (error) => (failure ??= error));
  const close = async () => {
    await Promise.all(pool.map((worker) => worker.terminate()));
  };
  const runJobs: RunJobs = async ({ jobs, scenarios, seed }, onResult) => {
    // This thread answers its jobs with the workers' own code, so its results and failures read alike.
    const answerHere = (await simulation()).replicationWorker();
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new Cancelled());
      if (failure) return reject(failure);
      if (jobs.length === 0) return resolve();
      let nextJob = 0;
      let finished = false;
      const delivery = new InOrderDelivery<ReplicationResult>(onResult);
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        signal?.removeEventListener('abort', onAbort);
        void close().then(() => (error ? reject(error) : resolve()));
      };
      const onAbort = () => finish(new Cancelled());
      signal?.addEventListener('abort', onAbort);
      const put = (index: number, result: ReplicationResult) => {
        try {
          delivery.put(index, result);
        } catch (error) {
          return finish(error as Error);
        }
        if (delivery.delivered === jobs.length) finish();
      };
      const send = (worker: Worker) => {
        if (nextJob >= jobs.length) return;
        const message: MessageToWorker = { kind: 'replicate', index: nextJob, job: jobs[nextJob] };
        nextJob++;
        worker.postMessage(message);
      };
      const receive = (message: MessageFromWorker) => {
        if (message.kind === 'failed') return finish(new Error(`replication ${jobs[message.index].replication + 1}: ${message.message}`));
        put(message.index, message.result);
      };
      const configurations: MessageToWorker = { kind: 'configurations', scenarios, seed };
      answerHere(configurations);
      for (const worker of pool) {
        worker.on('message', (message: MessageFromWorker) => {
          if (finished) return;
          send(worker);
          receive(message);
        });
        worker.on('error', (error) => finish(error));
        worker.on('exit', (code) => {
          if (!finished) finish(new Error(`a worker stopped with exit code ${code} before the replications were done`));
        });
        worker.postMessage(configurations);
        for (let j = 0; j < JOBS_IN_FLIGHT; j++) send(worker);
      }
      // This thread's share, one replication at a time, the workers' results and a cancel handled in between.
      const workHere = () => {
        if (finished || nextJob >= jobs.length) return;
        const index = nextJob++;
        receive(answerHere({ kind: 'replicate', index, job: jobs[index] })!);
        setImmediate(workHere);
      };
      setImmediate(workHere);
    });
  };
  return { runJobs, close };
}
