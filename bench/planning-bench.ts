/**
 * `npm run bench:planning`: the planning tools' cost on this machine.
 *
 * `staff-inbound-basic` is the staffing optimiser on scenarios/inbound-basic.json with the CLI's
 * defaults (`kituo staff --sl 0.8@20`: 10 replications of one day, the scenario's seed): wall
 * and CPU seconds of the search, the simulations it ran and the simulated days they used. The
 * goal is under 10 s of wall time. Each run is its own child process (a warm-up search, then the
 * timed one) so runs do not share a warmed JIT; figures are medians over the runs.
 *
 *   npm run bench:planning [-- --json] [-- --runs N]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../src/model/scenario/parse-scenario';
import { optimiseStaffing } from '../src/runner/staffing/optimiser';

const GOAL_WALL_SECONDS = 10;

interface Measurement {
  wallSeconds: number;
  cpuSeconds: number;
  evaluations: number;
  simulatedDays: number;
  agentHours: number;
}

function measure(): Measurement {
  const parsed = parseScenarioText(readFileSync(new URL('../scenarios/inbound-basic.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('inbound-basic.json does not parse');
  const scenario = parsed.scenario;
  const search = () => optimiseStaffing(scenario, { serviceLevel: 0.8, thresholdSec: 20 }, { seed: scenario.seed ?? 1, replications: 10 });
  search();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = search();
  const wallSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const intervals = result.groups[0].intervals;
  return {
    wallSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    evaluations: result.evaluations,
    simulatedDays: result.simulatedDays,
    agentHours: intervals.reduce((sum, i) => sum + i.required, 0) * (24 / intervals.length),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const args = process.argv.slice(2);

if (args[0] === '--child') {
  console.log(JSON.stringify(measure()));
} else {
  const json = args.includes('--json');
  const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
  const self = fileURLToPath(import.meta.url);
  const measurements: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--child'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
    measurements.push(JSON.parse(child.stdout.trim().split('\n').pop()!));
  }
  const row = {
    case: 'staff-inbound-basic',
    wallSeconds: Number(median(measurements.map((m) => m.wallSeconds)).toFixed(3)),
    cpuSeconds: Number(median(measurements.map((m) => m.cpuSeconds)).toFixed(3)),
    evaluations: measurements[0].evaluations,
    simulatedDays: measurements[0].simulatedDays,
    requiredAgentHours: measurements[0].agentHours,
    goalWallSeconds: GOAL_WALL_SECONDS,
  };
  if (json) console.log(JSON.stringify(row));
  else {
    console.log(`Kituo planning benchmark: median of ${runs} runs (each in its own process), Node ${process.version}\n`);
    console.log(
      `${row.case}  ${row.wallSeconds.toFixed(2)} s wall  ${row.cpuSeconds.toFixed(2)} CPU-s  ${row.evaluations} simulations  ` +
        `${row.simulatedDays} simulated days  ${row.requiredAgentHours} agent-hours required  ` +
        `(goal under ${GOAL_WALL_SECONDS} s: ${row.wallSeconds < GOAL_WALL_SECONDS ? 'met' : 'missed'})`,
    );
  }
}
