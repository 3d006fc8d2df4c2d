import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario, parseScenarioText } from '../../../src/model/scenario/parse-scenario';
import { OFFICE_HOURS, WEEKDAYS_MON_FRI, flatStream, scenarioWith } from './fixtures';

/** A valid back office that each bad-input case breaks in one place. */
function validBackOffice() {
  return {
    calendar: { ...OFFICE_HOURS },
    allocation: 'edd',
    workTypes: [
      {
        id: 'claims',
        name: 'Claims',
        arrivals: { batches: [{ atTime: '09:00', size: { kind: 'poisson', mean: 50 } }] },
        handling: { kind: 'lognormal', meanMin: 20, cv: 0.5 },
        due: { businessHours: 24 },
        qualityCheck: { share: 0.3, errorProbability: 0.1, checkTime: { kind: 'exponential', meanMin: 5 } },
      },
    ],
    teams: [{ id: 'team', name: 'Team', clerks: 3, skills: ['claims'], shift: { start: '08:00', end: '17:00', days: WEEKDAYS_MON_FRI }, locationId: 'home' }],
    costs: {
      currency: 'USD',
      locations: [
        { id: 'home', name: 'Home', loadedHourlyCost: 30, seatCostPerHour: 5, telecomCostPerMinute: 0.01, managementOverheadPercent: 10, vendorMarginPercent: 0 },
      ],
    },
  };
}

type BackOffice = ReturnType<typeof validBackOffice>;

/** The problems of the valid scenario after `breakIt` changed it. */
function problemsAfter(breakIt: (backOffice: BackOffice) => void): { path: string; message: string }[] {
  const backOffice = validBackOffice();
  breakIt(backOffice);
  const result = validateScenario(scenarioWith(backOffice));
  return result.ok ? [] : result.problems;
}

describe('the back-office scenario schema', () => {
  it('accepts a scenario with a back office and no call queues', () => {
    expect(validateScenario(scenarioWith(validBackOffice())).ok).toBe(true);
  });

  it('still accepts the voice-only example scenario', () => {
    expect(parseScenarioText(readFileSync('scenarios/inbound-basic.json', 'utf8')).ok).toBe(true);
  });

  it('refuses a scenario with neither call queues nor a back office, at "queues"', () => {
    const result = validateScenario({ ...scenarioWith(undefined), backOffice: undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path: 'queues', message: 'must not be empty' });
  });

  it('refuses call queues without agent groups, at "agentGroups"', () => {
    const withQueue = scenarioWith(validBackOffice(), {
      queues: [{ id: 'support', name: 'Support', arrivals: { ratePerHour: 10 }, talk: { kind: 'exponential', meanSec: 200 } }],
    });
    const result = validateScenario(withQueue);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('agentGroups');
  });

  it('names the path of a batch time outside the day ("25:00")', () => {
    const problems = problemsAfter((b) => (b.workTypes[0].arrivals.batches[0].atTime = '25:00'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('backOffice.workTypes[0].arrivals.batches[0].atTime');
    expect(problems[0].message).toMatch(/time of day.*\(got "25:00"\)/);
  });

  it('accepts a batch delivery of "mail" or "file" and names the path of any other', () => {
    expect(problemsAfter((b) => Object.assign(b.workTypes[0].arrivals.batches[0], { delivery: 'file' }))).toEqual([]);
    expect(problemsAfter((b) => Object.assign(b.workTypes[0].arrivals.batches[0], { delivery: 'mail' }))).toEqual([]);
    const problems = problemsAfter((b) => Object.assign(b.workTypes[0].arrivals.batches[0], { delivery: 'fax' }));
    expect(problems).toEqual([{ path: 'backOffice.workTypes[0].arrivals.batches[0].delivery', message: 'must be one of "mail", "file" (got "fax")' }]);
  });

  it('names the path of a due time of zero', () => {
    const problems = problemsAfter((b) => (b.workTypes[0].due = { businessHours: 0 }));
    expect(problems).toEqual([{ path: 'backOffice.workTypes[0].due.businessHours', message: 'must be > 0 (got 0)' }]);
  });

  it('names the path of a quality-check error probability above 1', () => {
    const problems = problemsAfter((b) => (b.workTypes[0].qualityCheck.errorProbability = 1.5));
    expect(problems).toEqual([{ path: 'backOffice.workTypes[0].qualityCheck.errorProbability', message: 'must be between 0 and 1 (got 1.5)' }]);
  });

  it('names the path of a quality-check error probability below 0', () => {
    const problems = problemsAfter((b) => (b.workTypes[0].qualityCheck.errorProbability = -0.1));
    expect(problems.map((p) => p.path)).toEqual(['backOffice.workTypes[0].qualityCheck.errorProbability']);
  });

  it('names the path of a negative cost', () => {
    const problems = problemsAfter((b) => (b.costs.locations[0].seatCostPerHour = -2));
    expect(problems).toEqual([{ path: 'backOffice.costs.locations[0].seatCostPerHour', message: 'must be >= 0 (got -2)' }]);
  });

  it('names the path of a skill that is not a work type', () => {
    const problems = problemsAfter((b) => (b.teams[0].skills = ['claims', 'invoices']));
    expect(problems).toEqual([{ path: 'backOffice.teams[0].skills[1]', message: 'names unknown work type "invoices" (got "invoices")' }]);
  });

  it('names the path of a team assigned to an unknown location', () => {
    const problems = problemsAfter((b) => (b.teams[0].locationId = 'mars'));
    expect(problems.map((p) => p.path)).toEqual(['backOffice.teams[0].locationId']);
    expect(problems[0].message).toContain('unknown location "mars"');
  });

  it('requires every team to have a location once costs are given', () => {
    const problems = problemsAfter((b) => delete (b.teams[0] as { locationId?: string }).locationId);
    expect(problems).toEqual([{ path: 'backOffice.teams[0].locationId', message: 'is required when costs are given' }]);
  });

  it('refuses a quality check with fewer than two clerks able to do it (no second pair of eyes)', () => {
    const problems = problemsAfter((b) => (b.teams[0].clerks = 1));
    expect(problems.map((p) => p.path)).toEqual(['backOffice.workTypes[0].qualityCheck']);
  });

  it('refuses a handling time of zero, which could loop forever through rework', () => {
    const problems = problemsAfter((b) => (b.workTypes[0].handling = { kind: 'deterministic', valueMin: 0 } as never));
    expect(problems).toEqual([{ path: 'backOffice.workTypes[0].handling.valueMin', message: 'must give a mean time of at least 1 second (got 0)' }]);
  });

  it('reports distribution parameters under their unit-bearing names', () => {
    const problems = problemsAfter((b) => (b.workTypes[0].handling = { kind: 'lognormal', meanMin: -3, cv: 0.5 }));
    expect(problems).toEqual([{ path: 'backOffice.workTypes[0].handling.meanMin', message: 'must be > 0 (got -3)' }]);
  });

  it('refuses a stream profile with the wrong number of intervals and day factors that are not seven', () => {
    const problems = problemsAfter((b) => {
      (b.workTypes[0] as { arrivals: unknown }).arrivals = {
        stream: { intervalMin: 60, itemsPerInterval: [1, 2, 3] },
        dayOfWeekFactors: [1, 1, 1, 1, 1, 1],
      };
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'backOffice.workTypes[0].arrivals.dayOfWeekFactors',
      'backOffice.workTypes[0].arrivals.stream.itemsPerInterval',
    ]);
  });

  it('refuses arrivals with neither batches nor a stream', () => {
    const problems = problemsAfter((b) => ((b.workTypes[0] as { arrivals: unknown }).arrivals = {}));
    expect(problems.map((p) => p.path)).toEqual(['backOffice.workTypes[0].arrivals']);
  });

  it('refuses a start date that is not a date, a closing time before opening, and a shift that ends when it starts', () => {
    const problems = problemsAfter((b) => {
      (b.calendar as Record<string, unknown>).startDate = '2026-02-30';
      b.calendar.close = '07:00';
      b.teams[0].shift.end = '08:00';
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['backOffice.calendar.close', 'backOffice.calendar.startDate', 'backOffice.teams[0].shift.end']);
  });

  it('accepts a night shift that ends after midnight and a shift that ends at 24:00', () => {
    expect(problemsAfter((b) => (b.teams[0].shift = { start: '22:00', end: '06:00', days: WEEKDAYS_MON_FRI }))).toEqual([]);
    expect(problemsAfter((b) => (b.teams[0].shift = { start: '16:00', end: '24:00', days: WEEKDAYS_MON_FRI }))).toEqual([]);
  });

  it('refuses an unknown allocation rule and a misspelt field', () => {
    const problems = problemsAfter((b) => {
      b.allocation = 'random';
      (b.workTypes[0] as Record<string, unknown>).priorty = 2;
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['backOffice.allocation', 'backOffice.workTypes[0].priorty']);
  });

  it('refuses failure demand aimed at a call queue the scenario does not have', () => {
    const problems = problemsAfter((b) => {
      (b.workTypes[0] as Record<string, unknown>).failureDemand = {
        probability: 0.3,
        delay: { kind: 'exponential', meanHours: 4 },
        queueId: 'support',
      };
      (b.workTypes[0] as { arrivals: unknown }).arrivals = { stream: flatStream(1) };
    });
    expect(problems).toEqual([{ path: 'backOffice.workTypes[0].failureDemand.queueId', message: 'names unknown queue "support" (got "support")' }]);
  });
});
