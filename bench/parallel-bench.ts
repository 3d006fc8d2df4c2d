/**
 * The command line's own cases of `npm run bench` (issue 11, item 9), timed by the wall clock
 * as a user meets them, each run its own `kituo` process (bin/kituo.mjs, so the compiled CLI
 * when `npm run build:cli` is current, which `npm run bench` makes sure of):
 *
 * - `reps100-day50`: 100 replications of a 50-agent day (the mmcm-50 queue for 24 h) on one
 *   worker (in the CLI's own thread) and on one worker per core, alternating; parallel
 *   efficiency = T1 / (N × TN), start-up included on both sides; and each side's CPU seconds (all
 *   threads), whose ratio bounds the efficiency an idle machine could show.
 * - `cli-version`: `kituo --version`, the start-up before any work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PARALLEL_CASES = ['reps100-day50', 'cli-version'] as const;
export type ParallelCase = (typeof PARALLEL_CASES)[number];

const KITUO = fileURLToPath(new URL('../bin/kituo.mjs', import.meta.url));

export const DAY50 = {
  name: 'reps100-day50',
  days: 1,
  reportIntervalMin: 60,
  serviceLevel: { thresholdSec: 20 },
  queues: [
    {
      id: 'q',
      name: 'M/M/c+M',
      arrivals: { ratePerHour: 900 },
      talk: { kind: 'exponential', meanSec: 180 },
      patience: { kind: 'exponential', meanSec: 120 },
    },
  ],
  agentGroups: [{ id: 'pool', name: 'Pool', agents: 50, queues: ['q'] }],
};

/** Prints the process's CPU time, all its threads together, as it exits. */
const REPORT_CPU = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\n"+JSON.stringify(process.cpuUsage())))';

/** Wall seconds and CPU seconds (every thread) of one `kituo` process. */
function timed(args: string[]): { wall: number; cpu: number } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', REPORT_CPU, KITUO, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`kituo ${args.join(' ')} failed: ${run.stderr}`);
  const { user, system } = JSON.parse(run.stderr.trim().split('\n').pop()!) as { user: number; system: number };
  return { wall, cpu: (user + system) / 1e6 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export function measureParallelCase(name: ParallelCase, runs: number): Record<string, string | number> {
  if (name === 'cli-version') {
    const seconds = Array.from({ length: runs }, () => timed(['--version']).wall);
    return { case: name, wallSeconds: round(median(seconds)) };
  }
  const file = join(mkdtempSync(join(tmpdir(), 'kituo-bench-')), 'day50.json');
  writeFileSync(file, JSON.stringify(DAY50));
  const workers = availableParallelism();
  const run = (w: number) => timed(['run', file, '--replications', '100', '--seed', '1', '--workers', String(w), '--progress', 'none']);
  const one: { wall: number; cpu: number }[] = [];
  const all: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    one.push(run(1));
    all.push(run(workers));
  }
  const t1 = median(one.map((r) => r.wall));
  const tn = median(all.map((r) => r.wall));
  return {
    case: name,
    workers,
    oneWorkerSeconds: round(t1),
    allWorkersSeconds: round(tn),
    efficiency: round(t1 / (workers * tn)),
    // What the extra threads cost in CPU (their start-up, their own JIT warm-up): the bound on the efficiency of an idle machine.
    oneWorkerCpuSeconds: round(median(one.map((r) => r.cpu))),
    allWorkersCpuSeconds: round(median(all.map((r) => r.cpu))),
  };
}

export function describeParallelRow(row: Record<string, string | number>): string {
  if (row.case === 'cli-version') return `${String(row.case).padEnd(14)} kituo --version ${row.wallSeconds} s wall`;
  return (
    `${String(row.case).padEnd(14)} 1 worker ${row.oneWorkerSeconds} s, ${row.workers} workers ${row.allWorkersSeconds} s wall` +
    `  parallel efficiency ${row.efficiency} (T1 / (N × TN))  | CPU ${row.oneWorkerCpuSeconds} s and ${row.allWorkersCpuSeconds} s`
  );
}
