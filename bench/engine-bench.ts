/**
 * `npm run bench`: CPU cost of the full Kituo engine + voice model on the M/M/c+M cases of the
 * foundation issue, beside a plain hand-written loop for the same queue on this machine.
 *
 * Each measured run is its own child process (a warm-up run, then the timed run), alternating
 * Kituo and the plain loop, so both see the same machine conditions and each child's peak RSS
 * is its own. CPU time comes from process.cpuUsage(). Figures are medians over the runs.
 *
 *   npm run bench [-- --json] [-- --runs N] [-- --case mmcm-50] [-- --long]
 *
 * `--long` adds mmcm-1000-30d (30 simulated days of mmcm-1000), the memory check: its peak RSS
 * must stay under 150 MB because the model keeps counters, not call records.
 *
 * `multiskill-200` is the voice-operations case: 200 agents in 4 groups with cross skills at two
 * priorities, breaks in a day-long shift, 4 inbound contact types (support with repeat calls,
 * enquiries, order taking, a VIP line with priority) and one predictive campaign, for one day.
 * Its "calls" are inbound arrival attempts plus outbound dials; it has no plain-loop twin.
 *
 * Then the command line's cases, by the wall clock (parallel-bench.ts): `reps100-day50`, 100
 * replications on one worker and on all, with the parallel efficiency, and `cli-version`; and
 * `worker-start` (worker-start-bench.ts), the CPU one more worker costs before it works at full
 * speed, phase by phase, which bounds that efficiency.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../src/model/scenario/scenario-schema';
import { multiskillScenario } from './multiskill-scenario';
import { VoiceModel } from '../src/model/voice/voice-model';
import { plainLoop } from './plain-loop';
import { PARALLEL_CASES, describeParallelRow, measureParallelCase } from './parallel-bench';
import { describeWorkerStart, measureWorkerStart } from './worker-start-bench';

interface BenchCase {
  name: string;
  ratePerHour: number;
  agents: number;
  hours: number;
  /** Warm-up runs in each child before the timed one. */
  warmups: number;
  /** The voice-operations scenario instead of M/M/c+M (no plain loop to compare with). */
  multiskill?: boolean;
}

const CASES: BenchCase[] = [
  { name: 'mmcm-50', ratePerHour: 900, agents: 50, hours: 240, warmups: 3 },
  { name: 'mmcm-1000', ratePerHour: 18000, agents: 1000, hours: 24, warmups: 3 },
  { name: 'mmcm-1000-30d', ratePerHour: 18000, agents: 1000, hours: 720, warmups: 0 },
  { name: 'multiskill-200', ratePerHour: 0, agents: 200, hours: 24, warmups: 3, multiskill: true },
];

function scenarioFor(c: BenchCase): Scenario {
  return {
    name: c.name,
    days: c.hours / 24,
    reportIntervalMin: 60,
    serviceLevel: { thresholdSec: 20 },
    queues: [
      {
        id: 'q',
        name: 'M/M/c+M',
        arrivals: { ratePerHour: c.ratePerHour },
        talk: { kind: 'exponential', meanSec: 180 },
        patience: { kind: 'exponential', meanSec: 120 },
      },
    ],
    agentGroups: [{ id: 'pool', name: 'Pool', agents: c.agents, queues: ['q'] }],
  };
}

interface Measurement {
  calls: number;
  events: number;
  cpu: number;
  peakRssMb: number;
}

function measure(engine: 'kituo' | 'plain', c: BenchCase, seed: number): Measurement {
  const once = (s: number) => {
    if (engine === 'plain') {
      const r = plainLoop(c.ratePerHour, 180, 120, c.agents, c.hours, s);
      return { calls: r.calls, events: r.events };
    }
    const model = new VoiceModel(c.multiskill ? multiskillScenario() : scenarioFor(c), { seed: s, recycleCalls: true });
    model.runToEnd();
    let calls = 0;
    for (const t of model.totals) calls += t.offered + t.blocked;
    for (const t of model.campaignTotals) calls += t.dials;
    return { calls, events: model.sim.eventsFired };
  };
  for (let w = 0; w < c.warmups; w++) once(1000 + w);
  const start = process.cpuUsage();
  const result = once(seed);
  const d = process.cpuUsage(start);
  return { ...result, cpu: (d.user + d.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (args[0] === '--child') {
  const c = CASES.find((x) => x.name === args[2])!;
  console.log(JSON.stringify(measure(args[1] as 'kituo' | 'plain', c, Number(args[3]))));
} else {
  const json = args.includes('--json');
  const runs = Number(option('--runs') ?? 5);
  const only = option('--case');
  const self = fileURLToPath(import.meta.url);
  const child = (engine: string, c: BenchCase, seed: number): Measurement => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', engine, c.name, String(seed)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!);
  };
  if (!json) console.log(`Kituo engine benchmark: median of ${runs} runs (each in its own process), Node ${process.version}\n`);
  const selected = CASES.filter((c) => (only ? c.name === only : c.name !== 'mmcm-1000-30d' || args.includes('--long')));
  for (const c of selected) {
    const caseRuns = c.name === 'mmcm-1000-30d' ? Math.min(runs, 3) : runs;
    const kituo: Measurement[] = [];
    const plain: Measurement[] = [];
    for (let i = 1; i <= caseRuns; i++) {
      kituo.push(child('kituo', c, i));
      if (!c.multiskill) plain.push(child('plain', c, i));
    }
    const hasPlain = plain.length > 0;
    const row = {
      case: c.name,
      calls: median(kituo.map((r) => r.calls)),
      events: median(kituo.map((r) => r.events)),
      cpuSeconds: Number(median(kituo.map((r) => r.cpu)).toFixed(4)),
      callsPerCpuSecond: Math.round(median(kituo.map((r) => r.calls / r.cpu))),
      eventsPerCpuSecond: Math.round(median(kituo.map((r) => r.events / r.cpu))),
      peakRssMb: Number(median(kituo.map((r) => r.peakRssMb)).toFixed(1)),
      plainLoopCallsPerCpuSecond: hasPlain ? Math.round(median(plain.map((r) => r.calls / r.cpu))) : null,
      // Each Kituo run against the plain run next to it, then the median of those ratios.
      shareOfPlainLoop: hasPlain ? Number(median(kituo.map((r, i) => r.calls / r.cpu / (plain[i].calls / plain[i].cpu))).toFixed(3)) : null,
    };
    if (json) console.log(JSON.stringify(row));
    else {
      console.log(
        `${row.case.padEnd(14)} ${String(row.calls).padStart(9)} calls ${String(row.events).padStart(9)} events  ` +
          `${row.cpuSeconds.toFixed(3)} CPU-s  ${(row.callsPerCpuSecond / 1e6).toFixed(2)} M calls/CPU-s  ` +
          `${(row.eventsPerCpuSecond / 1e6).toFixed(2)} M events/CPU-s  peak RSS ${row.peakRssMb} MB` +
          (row.plainLoopCallsPerCpuSecond !== null && row.shareOfPlainLoop !== null
            ? `  | plain loop ${(row.plainLoopCallsPerCpuSecond / 1e6).toFixed(2)} M calls/CPU-s, Kituo at ${(row.shareOfPlainLoop * 100).toFixed(0)}%`
            : '  | (calls = inbound attempts + outbound dials)'),
      );
    }
  }
  for (const name of PARALLEL_CASES.filter((c) => !only || c === only)) {
    const row = measureParallelCase(name, runs);
    console.log(json ? JSON.stringify(row) : describeParallelRow(row));
  }
  if (!only || only === 'worker-start') {
    const row = await measureWorkerStart(runs);
    console.log(json ? JSON.stringify(row) : describeWorkerStart(row));
  }
}
