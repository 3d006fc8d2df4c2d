/**
 * `worker-start` of `npm run bench`: where the CPU time of one more replication worker goes,
 * which decides how close `reps100-day50` can come to a parallel efficiency of 1. Each run starts
 * a fresh worker thread (a fresh V8 isolate, as the CLI's pool does) on the probe
 * (worker-start-probe.ts, bundled with zod and the simulation into one temporary folder) and
 * measures, in CPU milliseconds of the whole process: starting the thread, loading zod, loading
 * the simulation (the model, with zod's scenario schema built as the modules load), then each
 * replication of the 50-agent day; the warm-up is what the first five replications cost beyond
 * five warm ones. Also the size of one replication's result, which the worker posts back, and
 * the time to structured-clone it. Medians over the runs.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { validateScenario } from '../src/model/scenario/parse-scenario';
import { DAY50 } from './parallel-bench';

const REPLICATIONS = 30;
const WARM_UP_REPLICATIONS = 5;

interface ProbeReport {
  threadStart: number;
  zod: number;
  simulationModules: number;
  perReplication: number[];
  resultBytes: number;
  structuredCloneMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

function probeOnce(probe: string, scenario: unknown): Promise<ProbeReport> {
  return new Promise((resolve, reject) => {
    // No execArgv: the bench runs under `--import tsx`, which a worker would otherwise inherit and load; the CLI's workers do not.
    const worker = new Worker(probe, { execArgv: [], workerData: { scenario, cpuAtStart: cpuMs(), replications: REPLICATIONS } });
    worker.once('message', (report: ProbeReport) => void worker.terminate().then(() => resolve(report)));
    worker.once('error', reject);
  });
}

export async function measureWorkerStart(runs: number): Promise<Record<string, string | number>> {
  const parsed = validateScenario(DAY50);
  if (!parsed.ok) throw new Error('the 50-agent day does not validate');
  const dir = mkdtempSync(join(tmpdir(), 'kituo-worker-start-'));
  try {
    await build({
      entryPoints: [fileURLToPath(new URL('./worker-start-probe.ts', import.meta.url))],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: dir,
      logLevel: 'warning',
    });
    const reports: ProbeReport[] = [];
    for (let i = 0; i < runs; i++) reports.push(await probeOnce(join(dir, 'worker-start-probe.js'), parsed.scenario));
    const steady = reports.map((r) => median(r.perReplication.slice(10)));
    const warmUp = reports.map((r, i) => r.perReplication.slice(0, WARM_UP_REPLICATIONS).reduce((a, b) => a + b, 0) - WARM_UP_REPLICATIONS * steady[i]);
    const row = {
      case: 'worker-start',
      threadStartCpuMs: median(reports.map((r) => r.threadStart)),
      zodCpuMs: median(reports.map((r) => r.zod)),
      simulationModulesCpuMs: median(reports.map((r) => r.simulationModules)),
      warmUpCpuMs: median(warmUp),
      warmReplicationCpuMs: median(steady),
      resultKiB: median(reports.map((r) => r.resultBytes)) / 1024,
      structuredCloneMs: median(reports.map((r) => r.structuredCloneMs)),
    };
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(1)) : v]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeWorkerStart(row: Record<string, string | number>): string {
  const overhead = Number(row.threadStartCpuMs) + Number(row.zodCpuMs) + Number(row.simulationModulesCpuMs) + Number(row.warmUpCpuMs);
  return (
    `${String(row.case).padEnd(14)} one more worker costs ${overhead.toFixed(0)} CPU-ms before it works at full speed: thread ${row.threadStartCpuMs}, ` +
    `zod ${row.zodCpuMs}, simulation modules ${row.simulationModulesCpuMs}, JIT and heap warm-up ${row.warmUpCpuMs}  | ` +
    `then ${row.warmReplicationCpuMs} CPU-ms a replication; a result is ${row.resultKiB} KiB, cloned in ${row.structuredCloneMs} ms`
  );
}
