/**
 * The inputs of issue 9 item 3 through the command line: each is refused with exit 2 and its
 * JSON path, or runs to exit 0 with only numbers where numbers belong (JSON and CSV).
 */
import { describe, expect, it } from 'vitest';
import { cli, expectBadInputExit, scenarioVariants } from '../helpers/cli-harness';

const { variant } = scenarioVariants('kituo-bounds-');

describe('kituo run on inputs that used to hang or crash', () => {
  it.each([
    ['a lognormal talk cv of 1e308', 'inbound-basic', (s: any) => (s.queues[0].talk = { kind: 'lognormal', meanSec: 300, cv: 1e308 }), 'queues[0].talk.cv: must be at most 10 (got 1e+308)'],
    ['a gamma talk cv of 1e308', 'inbound-basic', (s: any) => (s.queues[0].talk = { kind: 'gamma', meanSec: 300, cv: 1e308 }), 'queues[0].talk.cv: must be at most 10 (got 1e+308)'],
    ['a check-time cv of 1e308', 'backoffice-claims', (s: any) => (s.backOffice.workTypes[0].qualityCheck.checkTime.cv = 1e308), 'backOffice.workTypes[0].qualityCheck.checkTime.cv: must be at most 10 (got 1e+308)'],
    ['a handling time of 1e308 minutes', 'backoffice-claims', (s: any) => (s.backOffice.workTypes[0].handling = { kind: 'exponential', meanMin: 1e308 }), 'backOffice.workTypes[0].handling.meanMin: must be at most 527040 (got 1e+308)'],
    [
      'a retrial after a block with probability 1 and delay 0',
      'inbound-basic',
      (s: any) => (s.queues[0].retrial.afterBlocked = { probability: 1, delay: { kind: 'deterministic', valueSec: 0 } }),
      'queues[0].retrial.afterBlocked.delay: must make the delay at least 1 s on average when every blocked caller comes back (probability 1), or they come back at once, forever (got 0 s)',
    ],
    ['1e9 calls in an interval', 'inbound-basic', (s: any) => (s.queues[0].arrivals.callsPerInterval[20] = 1e9), 'queues[0].arrivals.callsPerInterval[20]: must be at most 1000000 (got 1000000000)'],
    ['1e308 items in an interval', 'backoffice-claims', (s: any) => (s.backOffice.workTypes[0].arrivals = { stream: { intervalMin: 60, itemsPerInterval: Array(24).fill(1e308) } }), 'backOffice.workTypes[0].arrivals.stream.itemsPerInterval[0]: must be at most 1000000 (got 1e+308)'],
    [
      'a million calls in every interval',
      'inbound-basic',
      (s: any) => (s.queues[0].arrivals.callsPerInterval = s.queues[0].arrivals.callsPerInterval.map(() => 1e6)),
      'queues[0].arrivals.callsPerInterval: must keep the run at most 10000000 expected calls and items per replication, all sources together (got 48000000)',
    ],
    ['a cost rate of 1e308', 'inbound-basic', (s: any) => (s.costs.locations[0].seatCostPerHour = 1e308), 'costs.locations[0].seatCostPerHour: must be at most 1000000 (got 1e+308)'],
  ])('exits 2 naming the JSON path for %s', async (name, base, edit, message) => {
    const file = variant(base, name.replace(/\W+/g, '-'), edit);
    expectBadInputExit(file, `${file}: ${message}\n`);
  });

  it.each([
    ['callers with a deterministic patience of 0', (s: any) => (s.queues[0].patience = { kind: 'deterministic', valueSec: 0 })],
    ['an ACW drawn from a gamma with cv 1e-300', (s: any) => (s.queues[0].acw = { kind: 'gamma', meanSec: 45, cv: 1e-300 })],
    ['cost rates at their largest', (s: any) => Object.assign(s.costs.locations[0], { loadedHourlyCost: 1e6, seatCostPerHour: 1e6, telecomCostPerMinute: 1e6, managementOverheadPercent: 1e4, vendorMarginPercent: 1e4 })],
  ])('runs %s to exit 0 with numbers in every computable cell, JSON and CSV', async (name, edit) => {
    const file = variant('inbound-basic', name.replace(/\W+/g, '-'), edit);
    const json = await cli('run', file, '--replications', '2');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    for (const [key, value] of Object.entries(report.cost)) {
      if (key !== 'currency' && key !== 'locations' && key !== 'costPerItemCompleted') expect((value as any).mean, key).toEqual(expect.any(Number));
    }
    const csv = await cli('run', file, '--replications', '2', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).not.toMatch(/NaN|Infinity/);
  });
});
