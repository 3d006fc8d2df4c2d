/**
 * What a fresh replication worker spends its CPU on, phase by phase (worker-start-bench.ts bundles
 * this file and runs it as a worker thread). CPU is the process's (every thread: this one, and
 * V8's compiler and garbage-collector helpers), read while the thread that started this one waits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../src/model/scenario/scenario-schema';

const { scenario, cpuAtStart, replications } = workerData as { scenario: Scenario; cpuAtStart: number; replications: number };
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
let last = cpuAtStart;
const lap = () => {
  const now = cpu();
  const spent = now - last;
  last = now;
  return spent;
};

const threadStart = lap();
await import('zod');
const zod = lap();
const { replicationWorker } = await import('../src/runner/replication-jobs');
const simulationModules = lap();
const answer = replicationWorker();
answer({ kind: 'configurations', scenarios: [scenario], seed: 1 });
const perReplication: number[] = [];
let result: unknown = null;
for (let index = 0; index < replications; index++) {
  result = answer({ kind: 'replicate', index, job: { configuration: 0, replication: index } });
  perReplication.push(lap());
}
const cloneStart = performance.now();
for (let i = 0; i < 20; i++) structuredClone(result);
parentPort!.postMessage({
  threadStart,
  zod,
  simulationModules,
  perReplication,
  resultBytes: JSON.stringify(result).length,
  structuredCloneMs: (performance.now() - cloneStart) / 20,
});
