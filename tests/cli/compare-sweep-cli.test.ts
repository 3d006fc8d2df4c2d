/**
 * `kituo compare` of two or more files, `--set` variants on run and compare, and `kituo sweep`
 * over a grid (issue 11, items 1 and 2): a table by default, JSON and CSV for tools, and every
 * bad option exits 2 with one line naming the option and the path.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scenarioVariants } from '../helpers/cli-harness';

const { dir, variant } = scenarioVariants('kituo-compare-cli-');
const BASIC = 'scenarios/inbound-basic.json';

describe('kituo compare', () => {
  it('prints an aligned table of every KPI: each configuration’s mean ± CI, the paired difference and a verdict', async () => {
    const fewer = variant('inbound-basic', 'fewer', (s) => (s.agentGroups[0].agents = 30));
    const { code, stdout, stderr } = await cli('compare', BASIC, BASIC, fewer, '--replications', '3', '--seed', '5');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Comparison on common random numbers: seed 5, 3 replications/);
    expect(lines[1]).toBe(`  A (baseline): ${BASIC} (Inbound customer support)`);
    const header = lines.find((l) => l.startsWith('KPI'))!;
    expect(header).toMatch(/^KPI +A +B +C +B − A +B: verdict +C − A +C: verdict$/);
    const serviceLevel = lines.find((l) => l.startsWith('queue support serviceLevel '))!;
    expect(serviceLevel).toMatch(/no significant difference +-\d\.\d+ ± \d\.\d+ +worse$/);
    // Columns line up: every row's A column starts where the header's does.
    expect(serviceLevel.indexOf(' 0.') + 1).toBe(header.indexOf('A  '));
    expect(stdout).toMatch(/^cost total .* better$/m);
    expect(stdout).not.toMatch(/ 12:00 /);
    expect((await cli('compare', BASIC, fewer, '--replications', '2', '--intervals')).stdout).toMatch(/^queue support serviceLevel 12:00 /m);
  });

  it('writes JSON and CSV with the per-interval rows', async () => {
    const json = JSON.parse((await cli('compare', BASIC, BASIC, '--replications', '2', '--format', 'json')).stdout);
    expect(json.configurations).toEqual([
      { label: BASIC, scenario: 'Inbound customer support' },
      { label: BASIC, scenario: 'Inbound customer support' },
    ]);
    const row = json.kpis.find((k: any) => k.kpi === 'asa' && k.interval === '10:00');
    expect(row).toMatchObject({ section: 'queue', id: 'support', better: 'lower', differences: [null, { mean: 0, ci95: 0, verdict: 'no significant difference' }] });
    const csv = (await cli('compare', BASIC, BASIC, '--replications', '2', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('section,id,interval,kpi,better,configuration,label,mean,ci95,difference,differenceCi95,verdict');
    expect(csv).toContainEqual(expect.stringMatching(/^queue,support,10:00,serviceLevel,higher,B,scenarios\/inbound-basic.json,[\d.]+,[\d.]+,0,0,no significant difference$/));
  });

  it('notes that common random numbers apply only in part when the demand differs', async () => {
    const busier = variant('inbound-basic', 'busier', (s) => (s.queues[0].arrivals.callsPerInterval = s.queues[0].arrivals.callsPerInterval.map((n: number) => n * 2)));
    expect((await cli('compare', BASIC, busier, '--replications', '2')).stdout).toMatch(/^Note: .*busier\.json differs from the baseline in demand/m);
  });

  it('compares a variant made with --set, which applies to the file before it', async () => {
    const { stdout } = await cli('compare', BASIC, BASIC, '--set', 'agentGroups[0].agents=30', '--replications', '2', '--format', 'json');
    const report = JSON.parse(stdout);
    expect(report.configurations[1].label).toBe(`${BASIC} --set agentGroups[0].agents=30`);
    const occupancy = report.kpis.find((k: any) => k.section === 'group' && k.interval === 'total');
    expect(occupancy.differences[1].verdict).toBe('higher');
  });

  it('applies a --set given before any file to every configuration', async () => {
    const report = JSON.parse((await cli('compare', '--set', 'days=2', BASIC, BASIC, '--set', 'agentGroups[0].agents=30', '--replications', '2', '--format', 'json')).stdout);
    expect(report.configurations.map((c: any) => c.label)).toEqual([`${BASIC} --set days=2`, `${BASIC} --set days=2 --set agentGroups[0].agents=30`]);
    expect(report.notes).toEqual([]);
  });
});

describe('--set', () => {
  it('changes the scenario of a run', async () => {
    const run = async (...set: string[]) => JSON.parse((await cli('run', BASIC, '--seed', '3', ...set)).stdout);
    expect((await run('--set', 'agentGroups[0].agents=30')).groups['support-team'].agents).toBe(30);
    expect((await run('--set', 'name="Renamed"')).scenario).toBe('Renamed');
    expect((await run('--set', 'name=Renamed')).scenario).toBe('Renamed');
  });

  const bad: [string, string][] = [
    ['agentGroups[0].agents=abc', '--set agentGroups[0].agents=abc: agentGroups[0].agents: must be a number (got "abc")'],
    ['agentGroups[0].agentz=3', '--set agentGroups[0].agentz=3: agentGroups[0].agentz: unknown field'],
    ['agentGroups[4].agents=3', '--set agentGroups[4].agents=3: agentGroups[4]: does not exist (the list has 1 entry)'],
    ['nothing.here=3', '--set nothing.here=3: nothing: does not exist in the scenario'],
    ['agents', '--set agents: must be PATH=VALUE, with PATH as in agentGroups[0].agents'],
  ];
  for (const [assignment, message] of bad) {
    it(`refuses ${assignment} with one line naming the option and the path`, async () => {
      for (const command of [['run', BASIC], ['compare', BASIC, BASIC]]) {
        const { code, stdout, stderr } = await cli(...command, '--set', assignment);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(`${message}\n`);
      }
    });
  }
});

describe('kituo sweep', () => {
  it('tabulates every KPI for each value of a parameter, compared with the first value', async () => {
    const { code, stdout } = await cli('sweep', BASIC, '--vary', 'agentGroups[0].agents=30,34,38', '--replications', '3');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}A \(baseline\): agentGroups\[0\]\.agents=30 /m);
    expect(stdout).toMatch(/^ {2}C: agentGroups\[0\]\.agents=38 /m);
    expect(stdout).toMatch(/^queue support serviceLevel .* better +.* better$/m);
  });

  it('runs a grid of two parameters and writes it as CSV', async () => {
    const csv = (await cli('sweep', BASIC, '--vary', 'agentGroups[0].agents=32,36', '--vary', 'costs.locations[0].seatCostPerHour=5,10', '--replications', '2', '--format', 'csv')).stdout;
    const labels = new Set(csv.trim().split('\n').slice(1).map((line) => line.split(',')[5]));
    expect(labels).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(csv).toMatch(/^cost,all,total,total,lower,B,"agentGroups\[0\]\.agents=32, costs\.locations\[0\]\.seatCostPerHour=10",/m);
  });

  it('refuses a grid of more than 10,000 runs before running any', async () => {
    const { code, stderr } = await cli('sweep', BASIC, '--vary', 'agentGroups[0].agents=30,31,32', '--vary', 'queues[0].lines=40,50', '--replications', '2000');
    expect(code).toBe(2);
    expect(stderr).toBe('--vary: 3 × 2 values × 2000 replications = 12,000 runs; at most 10,000\n');
  });

  it('refuses a bad value with one line naming the option and the path', async () => {
    const { code, stderr } = await cli('sweep', BASIC, '--vary', 'days=1,400');
    expect(code).toBe(2);
    expect(stderr).toBe('--vary days=400: days: must be at most 366 (got 400)\n');
    expect((await cli('sweep', BASIC)).stderr).toBe('--vary: a sweep varies one or two parameters (got 0)\n');
  });

  it('writes its output to --out', async () => {
    const out = join(dir, 'sweep.json');
    expect((await cli('sweep', BASIC, '--vary', 'agentGroups[0].agents=34,36', '--replications', '2', '--format', 'json', '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).configurations).toHaveLength(2);
  });
});
