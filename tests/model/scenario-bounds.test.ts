/**
 * Inputs that used to validate and then hang or crash the run (issue 9, item 3): each is now
 * refused with its JSON path, or runs to the end with finite figures.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario, type ScenarioProblem } from '../../src/model/scenario/parse-scenario';
import { runReplication, runReplications } from '../../src/runner/run-replications';
import { MAX_RUN_CONTACTS, runSizeSources } from '../../src/model/scenario/run-size';

const shipped = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));

/** The problems of scenarios/<base>.json changed by `edit` (none when it is valid). */
function problemsOf(base: string, edit: (scenario: any) => void): ScenarioProblem[] {
  const scenario = shipped(base);
  edit(scenario);
  const result = validateScenario(scenario);
  return result.ok ? [] : result.problems;
}

describe('every number of a scenario is bounded so what the model derives from it stays finite', () => {
  it('refuses a talk-time cv of 1e308, lognormal or gamma, whose square overflows', () => {
    for (const kind of ['lognormal', 'gamma']) {
      expect(problemsOf('inbound-basic', (s) => (s.queues[0].talk = { kind, meanSec: 300, cv: 1e308 }))).toEqual([
        { path: 'queues[0].talk.cv', message: 'must be at most 10 (got 1e+308)' },
      ]);
    }
  });

  it('refuses a back-office check-time cv of 1e308', () => {
    expect(problemsOf('backoffice-claims', (s) => (s.backOffice.workTypes[0].qualityCheck.checkTime.cv = 1e308))).toEqual([
      { path: 'backOffice.workTypes[0].qualityCheck.checkTime.cv', message: 'must be at most 10 (got 1e+308)' },
    ]);
  });

  it('refuses a handling time of 1e308 minutes, which overflows in seconds', () => {
    expect(problemsOf('backoffice-claims', (s) => (s.backOffice.workTypes[0].handling = { kind: 'exponential', meanMin: 1e308 }))).toEqual([
      { path: 'backOffice.workTypes[0].handling.meanMin', message: 'must be at most 527040 (got 1e+308)' },
    ]);
  });

  it('refuses durations over 366 days in every unit: seconds, minutes and hours', () => {
    expect(problemsOf('inbound-basic', (s) => (s.queues[0].patience = { kind: 'exponential', meanSec: 31_622_401 }))).toEqual([
      { path: 'queues[0].patience.meanSec', message: 'must be at most 31622400 (got 31622401)' },
    ]);
    expect(problemsOf('backoffice-claims', (s) => (s.backOffice.workTypes[0].pendingOnCustomer.delay = { kind: 'deterministic', valueHours: 1e300 }))).toEqual([
      { path: 'backOffice.workTypes[0].pendingOnCustomer.delay.valueHours', message: 'must be at most 8784 (got 1e+300)' },
    ]);
  });

  it('refuses cost rates of 1e308, whose totals would be Infinity', () => {
    expect(problemsOf('inbound-basic', (s) => (s.costs.locations[0].loadedHourlyCost = 1e308))).toEqual([
      { path: 'costs.locations[0].loadedHourlyCost', message: 'must be at most 1000000 (got 1e+308)' },
    ]);
    expect(problemsOf('inbound-basic', (s) => (s.costs.locations[0].vendorMarginPercent = 1e308))).toEqual([
      { path: 'costs.locations[0].vendorMarginPercent', message: 'must be at most 10000 (got 1e+308)' },
    ]);
  });

  it('prices a run at the largest rates it accepts with finite figures', () => {
    const scenario = shipped('inbound-basic');
    Object.assign(scenario.costs.locations[0], { loadedHourlyCost: 1e6, seatCostPerHour: 1e6, telecomCostPerMinute: 1e6, managementOverheadPercent: 1e4, vendorMarginPercent: 1e4 });
    scenario.agentGroups[0].agents = 20_000;
    const result = validateScenario(scenario);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const cost = runReplication(result.scenario, 1, 0).cost!;
    for (const value of Object.values(cost.report)) if (value !== null) expect(Number.isFinite(value)).toBe(true);
    expect(cost.report.total).toBeGreaterThan(0);
  });
});

describe('loops that could repeat at one instant are refused', () => {
  it('refuses a retrial after a block with probability 1 and no delay', () => {
    expect(
      problemsOf('inbound-basic', (s) => (s.queues[0].retrial.afterBlocked = { probability: 1, delay: { kind: 'deterministic', valueSec: 0 } })),
    ).toEqual([
      {
        path: 'queues[0].retrial.afterBlocked.delay',
        message: 'must make the delay at least 1 s on average when every blocked caller comes back (probability 1), or they come back at once, forever (got 0 s)',
      },
    ]);
  });

  it('refuses a delay so short the clock cannot see it (1e-300 s), and accepts the same loop when not everyone comes back', () => {
    const tiny = { kind: 'deterministic', valueSec: 1e-300 };
    expect(problemsOf('inbound-basic', (s) => (s.queues[0].retrial.afterBlocked = { probability: 1, delay: tiny })).map((p) => p.path)).toEqual([
      'queues[0].retrial.afterBlocked.delay',
    ]);
    expect(problemsOf('inbound-basic', (s) => (s.queues[0].retrial.afterBlocked = { probability: 0.9, delay: tiny }))).toEqual([]);
  });

  it('refuses callers who hang up at once and always call again at once', () => {
    const problems = problemsOf('inbound-basic', (s) => {
      s.queues[0].patience = { kind: 'deterministic', valueSec: 0 };
      s.queues[0].retrial.afterAbandon = { probability: 1, delay: { kind: 'deterministic', valueSec: 0 } };
    });
    expect(problems).toEqual([
      {
        path: 'queues[0].retrial.afterAbandon.delay',
        message: 'must make patience plus delay at least 1 s on average when every caller who hangs up comes back (probability 1), or they come back at once, forever (got 0 s)',
      },
    ]);
  });

  it('refuses support calls that take no time, are never resolved and always repeat at once', () => {
    const problems = problemsOf('support-multiskill', (s) => {
      const queue = s.queues.find((q: any) => q.contactType?.kind === 'support');
      queue.talk = { kind: 'deterministic', valueSec: 0 };
      delete queue.acw;
      delete queue.hold;
      queue.contactType = { kind: 'support', firstContactResolution: 0, repeatDelay: { kind: 'deterministic', valueSec: 0 } };
    });
    expect(problems.map((p) => p.path)).toEqual([expect.stringMatching(/^queues\[\d\]\.contactType\.repeatDelay$/)]);
    expect(problems[0].message).toMatch(/^must make talk, ACW and repeat delay at least 1 s on average/);
  });

  it('refuses back-office work whose mean time is under a second (rework could loop at one instant)', () => {
    expect(problemsOf('backoffice-claims', (s) => (s.backOffice.workTypes[0].qualityCheck.rework = { kind: 'deterministic', valueMin: 1e-300 }))).toEqual([
      { path: 'backOffice.workTypes[0].qualityCheck.rework.valueMin', message: 'must give a mean time of at least 1 second (got 1e-300)' },
    ]);
  });
});

describe('a run too big to start is refused under the field that brings the most', () => {
  it('refuses a million calls in every interval of the day', () => {
    const problems = problemsOf('inbound-basic', (s) => (s.queues[0].arrivals.callsPerInterval = s.queues[0].arrivals.callsPerInterval.map(() => 1e6)));
    expect(problems).toEqual([
      { path: 'queues[0].arrivals.callsPerInterval', message: `must keep the run at most ${MAX_RUN_CONTACTS} expected calls and items per replication, all sources together (got 48000000)` },
    ]);
  });

  it('refuses 1e9 calls in one interval by the interval’s own bound', () => {
    expect(problemsOf('inbound-basic', (s) => (s.queues[0].arrivals.callsPerInterval[20] = 1e9))).toEqual([
      { path: 'queues[0].arrivals.callsPerInterval[20]', message: 'must be at most 1000000 (got 1000000000)' },
    ]);
  });

  it('refuses a back-office stream too big for the run, counting its days and day-of-week factors', () => {
    const problems = problemsOf('backoffice-claims', (s) => {
      const workType = s.backOffice.workTypes[0];
      workType.arrivals = { stream: { intervalMin: 60, itemsPerInterval: Array(24).fill(1e5) } };
    });
    expect(problems.map((p) => p.path)).toEqual(['backOffice.workTypes[0].arrivals.stream.itemsPerInterval']);
  });

  it('counts batches on the days they land, by their mean size', () => {
    const scenario = shipped('backoffice-month-end-payroll');
    const result = validateScenario(scenario);
    if (!result.ok) throw new Error('shipped scenario must be valid');
    const batches = runSizeSources(result.scenario).filter((source) => source.path.includes('batches'));
    expect(batches.length).toBeGreaterThan(0);
    const completed = runReplication(result.scenario, 1, 0).backOffice!;
    const expected = runSizeSources(result.scenario).reduce((sum, source) => sum + source.expected, 0);
    // One replication's arrivals are near the estimate (Poisson noise and rounding only).
    expect(Math.abs(completed.total.arrived - expected) / expected).toBeLessThan(0.1);
  });
});

describe('inputs the docs allow run to the end', () => {
  it('runs callers with a deterministic patience of 0 (they hang up unless an agent is free)', () => {
    const scenario = shipped('inbound-basic');
    scenario.queues[0].patience = { kind: 'deterministic', valueSec: 0 };
    const result = validateScenario(scenario);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const support = runReplications(result.scenario).queues.support;
    expect(support.abandoned.mean).toBeGreaterThan(0);
    expect(support.answered.mean).toBeGreaterThan(0);
    expect(support.erlang).toBeNull();
  });

  it('runs a talk time drawn from a gamma with cv 1e-300 as its mean', () => {
    const scenario = shipped('inbound-basic');
    scenario.queues[0].talk = { kind: 'gamma', meanSec: 300, cv: 1e-300 };
    const result = validateScenario(scenario);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(runReplication(result.scenario, 1, 0).totals[0].answered).toBeGreaterThan(0);
  });
});
