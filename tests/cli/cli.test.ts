import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, expectBadInputExit, scenarioVariants } from '../helpers/cli-harness';

const { dir, variant: variantOf } = scenarioVariants('kituo-cli-');
const basic = JSON.parse(readFileSync('scenarios/inbound-basic.json', 'utf8'));

/** Writes a variant of inbound-basic.json, changed by `edit`, and returns its path. */
const variant = (name: string, edit: (s: any) => void) => variantOf('inbound-basic', name, edit);

describe('kituo run', () => {
  it('prints every KPI of every queue as { mean, ci95 } with intervals and the Erlang prediction', async () => {
    const { code, stdout } = await cli('run', 'scenarios/inbound-basic.json', '--replications', '3', '--seed', '7');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.replications).toBe(3);
    expect(report.seed).toBe(7);
    const support = report.queues.support;
    for (const kpi of ['offered', 'answered', 'abandoned', 'blocked', 'serviceLevel', 'asa', 'abandonRate', 'occupancy', 'meanQueueLength', 'aht', 'maxWait', 'meanTimeToAbandon', 'meanBusyAgents', 'serviceLevelExShortAbandons']) {
      expect(support[kpi], kpi).toHaveProperty('mean');
      expect(support[kpi], kpi).toHaveProperty('ci95');
    }
    expect(support.offered.mean).toBeGreaterThan(2000);
    expect(support.serviceLevel.ci95).toBeGreaterThan(0);
    expect(support.intervals).toHaveLength(48);
    expect(support.intervals[20].start).toBe('10:00');
    expect(support.intervals[20].erlang.serviceLevel).toBeGreaterThan(0);
    expect(support.erlang.formula).toBe('mmck');
  });

  it('writes CSV to a file with --out', async () => {
    const out = join(dir, 'report.csv');
    const { code, stdout } = await cli('run', 'scenarios/inbound-basic.json', '--format', 'csv', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('section,id,interval,kpi,mean,ci95');
    expect(lines.some((l) => l.startsWith('queue,support,total,offered,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('queue,support,10:00,serviceLevel,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('group,support-team,total,occupancy,'))).toBe(true);
  });

  it('reports each back-office work type and the cost when the scenario has a back office', async () => {
    const { code, stdout } = await cli('run', 'scenarios/backoffice-month-end-payroll.json', '--replications', '2');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    for (const workType of Object.values<any>(report.backOffice)) {
      for (const kpi of ['arrived', 'completed', 'backlogAtEnd', 'oldestAgeAtEndSec', 'onTimeRate', 'meanCycleTimeSec']) {
        expect(workType[kpi], kpi).toHaveProperty('mean');
        expect(workType[kpi], kpi).toHaveProperty('ci95');
      }
    }
    expect(report.backOfficeTotal.completed.mean).toBeGreaterThan(0);
    expect(report.cost.total.mean).toBeGreaterThan(0);
    expect(report.cost.costPerItemCompleted.mean).toBeCloseTo(report.cost.backOfficeCost.mean / report.cost.itemsCompleted.mean, 0);
    const csv = (await cli('run', 'scenarios/backoffice-month-end-payroll.json', '--format', 'csv')).stdout;
    expect(csv).toMatch(/^work-type,payroll-changes,total,onTimeRate,/m);
    expect(csv).toMatch(/^cost,all,total,costPerItemCompleted,/m);
  });

  it('compares two configurations on common random numbers and reports the saving', async () => {
    const { code, stdout } = await cli('compare', 'scenarios/claims-in-house-onshore.json', 'scenarios/onshore-vs-offshore.json', '--replications', '3', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const total = (section: string, kpi: string) => report.kpis.find((k: any) => k.section === section && k.kpi === kpi && k.interval === 'total');
    // Same seed and replication numbers: both configurations see exactly the same claims arrive.
    expect(report.notes).toEqual([]);
    const cost = total('cost', 'total');
    expect(report.saving[1].total.mean).toBeCloseTo(cost.configurations[0].mean - cost.configurations[1].mean, 6);
    expect(report.saving[1].perItemCompleted.mean).toBeGreaterThan(0);
    expect(cost.differences[1].verdict).toBe('better');
    expect((await cli('compare', 'scenarios/claims-in-house-onshore.json')).stderr).toMatch(/compare: needs at least 2 scenario files \(got 1\)/);
  });

  it('reports the cost of a voice-only scenario: cost per call handled, per location, in CSV too', async () => {
    const { code, stdout } = await cli('run', 'scenarios/inbound-basic.json', '--replications', '2');
    expect(code).toBe(0);
    const cost = JSON.parse(stdout).cost;
    expect(cost.currency).toBe('USD');
    expect(cost.costPerCallHandled.mean).toBeGreaterThan(0);
    expect(cost.costPerCallHandled.mean).toBeCloseTo(cost.voiceCost.mean / cost.callsHandled.mean, 1);
    expect(cost.paidHours.mean).toBe(38 * 24);
    expect(cost.costPerItemCompleted.mean).toBeNull();
    expect(cost.locations.onshore.total.mean).toBeCloseTo(cost.total.mean, 6);
    const csv = (await cli('run', 'scenarios/inbound-basic.json', '--format', 'csv')).stdout;
    expect(csv).toMatch(/^cost,all,total,costPerCallHandled,/m);
    expect(csv).toMatch(/^cost-location,onshore,total,total,/m);
  });

  it('compares voice configurations and refuses to compare two currencies', async () => {
    const offshore = variant('offshore', (s) => (s.agentGroups[0].locationId = 'offshore'));
    const { code, stdout } = await cli('compare', 'scenarios/inbound-basic.json', offshore, '--replications', '2', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.saving[1].perCallHandled.mean).toBeGreaterThan(0);
    const euros = variant('euros', (s) => (s.costs.currency = 'EUR'));
    const mixed = await cli('compare', 'scenarios/inbound-basic.json', euros);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/costs\.currency: must be the baseline's currency USD to compare costs \(got "EUR"\)/);
  });

  it('repeats its numbers exactly for the same seed', async () => {
    expect((await cli('run', 'scenarios/inbound-basic.json', '--seed', '3')).stdout).toBe((await cli('run', 'scenarios/inbound-basic.json', '--seed', '3')).stdout);
  });
});

describe('bad input', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown field', variant('unknown', (s) => (s.queues[0].colour = 'red')), /queues\[0\]\.colour: unknown field/],
    ['a wrong type', variant('type', (s) => (s.days = 'one')), /: days: must be a number \(got "one"\)/],
    ['a negative mean', variant('negative', (s) => (s.queues[0].patience.meanSec = -5)), /queues\[0\]\.patience\.meanSec: must be > 0 \(got -5\)/],
    ['zero agents where lines must be positive', variant('zero', (s) => (s.queues[0].lines = 0)), /queues\[0\]\.lines: must be > 0 \(got 0\)/],
    ['a probability above 1', variant('prob', (s) => (s.queues[0].retrial.afterAbandon.probability = 1.5)), /queues\[0\]\.retrial\.afterAbandon\.probability: must be between 0 and 1 \(got 1.5\)/],
    ['Infinity', variant('inf', (s) => (s.queues[0].talk.meanSec = '__INF__')), /queues\[0\]\.talk\.meanSec: must be a finite number \(got Infinity\)/],
    ['a profile that does not fit its interval', variant('profile', (s) => s.queues[0].arrivals.callsPerInterval.pop()), /queues\[0\]\.arrivals\.callsPerInterval: must have 48 values.*\(got 47\)/],
    ['an empty list', variant('empty', (s) => (s.agentGroups = [])), /agentGroups: must not be empty/],
    ['a group naming an unknown queue', variant('unknownq', (s) => (s.agentGroups[0].queues = ['sales'])), /agentGroups\[0\]\.queues\[0\]: names unknown queue "sales"/],
    ['a reporting interval that is not offered', variant('interval', (s) => (s.reportIntervalMin = 7)), /reportIntervalMin: must be one of 15, 30, 60 \(got 7\)/],
    ['a bad distribution kind', variant('kind', (s) => (s.queues[0].talk = { kind: 'weibull', meanSec: 3 })), /queues\[0\]\.talk\.kind: /],
    ['a missing required field', variant('missing', (s) => delete s.queues[0].talk), /queues\[0\]\.talk: is required/],
    ['a voice group assigned to an unknown location', variant('unknownloc', (s) => (s.agentGroups[0].locationId = 'mars')), /agentGroups\[0\]\.locationId: names unknown location "mars"/],
    ['a voice group without a location once costs are given', variant('noloc', (s) => delete s.agentGroups[0].locationId), /agentGroups\[0\]\.locationId: is required when costs are given/],
    ['a negative cost', variant('negcost', (s) => (s.costs.locations[0].seatCostPerHour = -2)), /costs\.locations\[0\]\.seatCostPerHour: must be >= 0 \(got -2\)/],
  ];
  // JSON has no Infinity literal; 1e999 is how it reaches a parser.
  const infFile = cases[5][1];
  writeFileSync(infFile, readFileSync(infFile, 'utf8').replace('"__INF__"', '1e999'));

  for (const [what, file, expected] of cases) {
    it(`exits with code 2 and names the JSON path for ${what}`, async () => await expectBadInputExit(file, expected));
  }

  it('reports text that is not JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": "x", ');
    const { code, stderr } = await cli('run', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.json: \(document\): not valid JSON/);
  });

  it('reports NaN, which JSON cannot carry, as not JSON', async () => {
    const file = join(dir, 'nan.json');
    writeFileSync(file, JSON.stringify(basic).replace('"days":1', '"days":NaN'));
    const { code, stderr } = await cli('run', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid JSON/);
  });

  it('reports a missing file', async () => {
    const { code, stderr } = await cli('run', 'scenarios/does-not-exist.json');
    expect(code).toBe(2);
    expect(stderr).toBe('scenarios/does-not-exist.json: file not found\n');
  });

  it('lists every problem on its own line', async () => {
    const file = variant('many', (s) => {
      s.days = -1;
      s.queues[0].talk.meanSec = 0;
      s.extra = true;
    });
    const lines = (await cli('run', file)).stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.startsWith(`${file}: `)).toBe(true);
  });

  it('rejects bad options', async () => {
    expect((await cli('run', 'scenarios/inbound-basic.json', '--replications', '0')).code).toBe(2);
    expect((await cli('run', 'scenarios/inbound-basic.json', '--format', 'xml')).stderr).toMatch(/--format: must be json or csv/);
    expect((await cli('run', 'scenarios/inbound-basic.json', '--speed', '3')).stderr).toMatch(/--speed: unknown option/);
    expect((await cli('fly')).code).toBe(2);
  });

  it('exits with code 2 from the real command line, without a stack trace', async () => {
    const result = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'run', 'scenarios/nope.json'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('scenarios/nope.json: file not found');
  });
});
