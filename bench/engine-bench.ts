/**
 * `npm run bench`: CPU cost of the full Kituo engine + voice model on the M/M/c+M cases of the
 * foundation issue, beside a plain hand-written loop for the same queue on this machine.
 * Prints medians of several runs; `--json` prints one JSON line per case. CPU time comes from
 * process.cpuUsage(), so other load on the machine matters less than with wall time.
 *
 *   npm run bench [-- --json] [-- --runs N] [-- --case mmcm-50]
 */
import type { Scenario } from '../src/model/scenario-schema';
import { VoiceModel } from '../src/model/voice-model';
import { plainLoop } from './plain-loop';

interface BenchCase {
  name: string;
  ratePerHour: number;
  agents: number;
  hours: number;
}

const CASES: BenchCase[] = [
  { name: 'mmcm-50', ratePerHour: 900, agents: 50, hours: 240 },
  { name: 'mmcm-1000', ratePerHour: 18000, agents: 1000, hours: 24 },
  { name: 'mmcm-1000-30d', ratePerHour: 18000, agents: 1000, hours: 720 },
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

const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runKituo(c: BenchCase, seed: number) {
  const start = process.cpuUsage();
  const model = new VoiceModel(scenarioFor(c), { seed });
  model.runToEnd();
  const t = model.totals[0];
  return { calls: t.offered + t.blocked, events: model.sim.eventsFired, cpu: cpuSeconds(start) };
}

function runPlain(c: BenchCase, seed: number) {
  const start = process.cpuUsage();
  const r = plainLoop(c.ratePerHour, 180, 120, c.agents, c.hours, seed);
  return { calls: r.calls, events: r.events, cpu: cpuSeconds(start) };
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined;

if (!json) console.log(`Kituo engine benchmark: median of ${runs} runs, Node ${process.version}\n`);
for (const c of CASES.filter((c) => (only ? c.name === only : c.name !== 'mmcm-1000-30d' || args.includes('--long')))) {
  // One warm-up run each so the JIT has compiled the hot path before anything is timed.
  runKituo(c, 999);
  runPlain(c, 999);
  const kituo = Array.from({ length: runs }, (_, i) => runKituo(c, i + 1));
  const plain = Array.from({ length: runs }, (_, i) => runPlain(c, i + 1));
  const cpu = median(kituo.map((r) => r.cpu));
  const calls = median(kituo.map((r) => r.calls));
  const events = median(kituo.map((r) => r.events));
  const plainCallsPerCpu = median(plain.map((r) => r.calls / r.cpu));
  const row = {
    case: c.name,
    calls,
    events,
    cpuSeconds: Number(cpu.toFixed(4)),
    callsPerCpuSecond: Math.round(median(kituo.map((r) => r.calls / r.cpu))),
    eventsPerCpuSecond: Math.round(median(kituo.map((r) => r.events / r.cpu))),
    peakRssMb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    plainLoopCallsPerCpuSecond: Math.round(plainCallsPerCpu),
    shareOfPlainLoop: Number((median(kituo.map((r) => r.calls / r.cpu)) / plainCallsPerCpu).toFixed(3)),
  };
  if (json) console.log(JSON.stringify(row));
  else {
    console.log(
      `${row.case.padEnd(14)} ${String(row.calls).padStart(9)} calls ${String(row.events).padStart(9)} events  ` +
        `${row.cpuSeconds.toFixed(3)} CPU-s  ${(row.callsPerCpuSecond / 1e6).toFixed(2)} M calls/CPU-s  ` +
        `${(row.eventsPerCpuSecond / 1e6).toFixed(2)} M events/CPU-s  plain loop ${(row.plainLoopCallsPerCpuSecond / 1e6).toFixed(2)} M calls/CPU-s ` +
        `(Kituo at ${(row.shareOfPlainLoop * 100).toFixed(0)}%)  peak RSS ${row.peakRssMb} MB`,
    );
  }
}
