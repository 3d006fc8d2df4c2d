/**
 * The calls calendar: weekday factors and profiles scale each day's calls, holidays silence them,
 * a start date gives day 1 its real weekday in both worlds, and bad fields are named.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../../src/model/scenario/scenario-schema';
import { VoiceModel } from '../../../src/model/voice/voice-model';
import { BackOfficeModel } from '../../../src/model/backoffice/backoffice-model';
import { DAY_SEC } from '../../../src/model/scenario/calendar-schema';
import { RunCalendar } from '../../../src/model/scenario/run-calendar';
import type { BackOfficeDayRecord } from '../../../src/model/backoffice/backoffice-records';

const PER_HOUR = 20;

function phoneScenario(extra: Record<string, unknown> = {}, arrivals: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'calendar test',
    days: 14,
    reportIntervalMin: 60,
    serviceLevel: { thresholdSec: 20 },
    queues: [{ id: 'q', name: 'Q', arrivals: { ratePerHour: PER_HOUR, ...arrivals }, talk: { kind: 'exponential', meanSec: 60 } }],
    agentGroups: [{ id: 'g', name: 'G', agents: 2, queues: ['q'] }],
    ...extra,
  };
}

function mustParse(data: unknown): Scenario {
  const result = validateScenario(data);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.scenario;
}

function problemsOf(data: unknown): string[] {
  const result = validateScenario(data);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

/** First-time callers per day of the run (retrials left out). */
function callsPerDay(scenario: Scenario, seed: number): number[] {
  const perDay = new Array<number>(Math.ceil(scenario.days)).fill(0);
  new VoiceModel(scenario, { seed, listener: (e) => { if (e.type === 'call.arrived' && !e.isRetrial) perDay[Math.floor(e.timeSec / DAY_SEC)]++; } }).runToEnd();
  return perDay;
}

describe('the calls calendar', () => {
  it('scales each weekday’s calls by its factor, within the Poisson 99.9% interval over 10 seeds', () => {
    const factors = { mon: 1.25, tue: 1, wed: 0.9, thu: 1, fri: 1.1, sat: 0.6, sun: 0 };
    const scenario = mustParse(phoneScenario({}, { weekdayFactors: factors }));
    const byWeekday = new Array<number>(7).fill(0);
    for (let seed = 1; seed <= 10; seed++) callsPerDay(scenario, seed).forEach((calls, day) => (byWeekday[day % 7] += calls));
    Object.values(factors).forEach((factor, weekday) => {
      // 2 weeks × 10 seeds of this weekday; a Poisson count has variance = mean.
      const expected = 20 * PER_HOUR * 24 * factor;
      const halfWidth = 3.29 * Math.sqrt(expected);
      expect(Math.abs(byWeekday[weekday] - expected), `weekday ${weekday}`).toBeLessThanOrEqual(halfWidth);
    });
    expect(byWeekday[6]).toBe(0);
  });

  it('gives a holiday no calls, and a holiday with a call factor that share of the day', () => {
    const scenario = mustParse(
      phoneScenario({ days: 7, calendar: { startDate: '2026-12-21', holidays: [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-26', callFactor: 0.5 }] } }),
    );
    const totals = new Array<number>(7).fill(0);
    for (let seed = 1; seed <= 10; seed++) callsPerDay(scenario, seed).forEach((calls, day) => (totals[day] += calls));
    expect(totals[4]).toBe(0);
    const expectedHalf = 10 * PER_HOUR * 24 * 0.5;
    expect(Math.abs(totals[5] - expectedHalf)).toBeLessThanOrEqual(3.29 * Math.sqrt(expectedHalf));
    expect(totals[3]).toBeGreaterThan(0);
  });

  it('takes a weekday’s own profile on that weekday only', () => {
    const flat = Array.from({ length: 24 }, () => 10);
    const nightOnly = Array.from({ length: 24 }, (_, h) => (h < 6 ? 40 : 0));
    const scenario = mustParse({
      ...phoneScenario({ days: 7 }),
      queues: [{ id: 'q', name: 'Q', arrivals: { intervalMin: 60, callsPerInterval: flat, weekdayProfiles: { wed: nightOnly } }, talk: { kind: 'exponential', meanSec: 60 } }],
    });
    const wednesdayAfterSix: number[] = [];
    new VoiceModel(scenario, { seed: 3, listener: (e) => { if (e.type === 'call.arrived' && e.timeSec >= 2 * DAY_SEC + 6 * 3600 && e.timeSec < 3 * DAY_SEC) wednesdayAfterSix.push(e.timeSec); } }).runToEnd();
    expect(wednesdayAfterSix).toEqual([]);
  });

  it('makes day 1 a Saturday when the start date is a Saturday, in the call center and the back office alike', () => {
    const saturday = '2026-12-19';
    expect(new RunCalendar({ calendar: { startDate: saturday } }).weekdayName(0)).toBe('sat');
    // Calls only on Saturdays: with day 1 a Saturday, day 1 and day 8 get them.
    const scenario = mustParse(phoneScenario({ calendar: { startDate: saturday } }, { weekdayFactors: { mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sun: 0 } }));
    const perDay = callsPerDay(scenario, 1);
    expect(perDay.map((calls) => calls > 0)).toEqual([true, false, false, false, false, false, false, true, false, false, false, false, false, false]);
    const withOffice = mustParse(
      phoneScenario({
        calendar: { startDate: saturday },
        backOffice: {
          calendar: { open: '08:00', close: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
          allocation: 'fifo',
          workTypes: [{ id: 'w', name: 'W', arrivals: { stream: { intervalMin: 60, itemsPerInterval: Array.from({ length: 24 }, () => 1) } }, handling: { kind: 'exponential', meanMin: 10 }, due: { calendarHours: 48 } }],
          teams: [{ id: 't', name: 'T', clerks: 1, skills: ['w'], shift: { start: '08:00', end: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] } }],
        },
      }),
    );
    const days: BackOfficeDayRecord[] = [];
    new BackOfficeModel(withOffice, { onDayClosed: (d) => days.push(d) }).runToEnd();
    expect(days.slice(0, 3).map((d) => [d.weekday, d.isBusinessDay])).toEqual([['sat', false], ['sun', false], ['mon', true]]);
  });

  it('runs a file without a calendar with day 1 a Monday and no date', () => {
    const calendar = new RunCalendar({});
    expect([calendar.weekdayName(0), calendar.weekdayName(5), calendar.isoDate(0)]).toEqual(['mon', 'sat', null]);
  });

  it('names the field and the problem for every bad calendar field', () => {
    expect(problemsOf(phoneScenario({ calendar: { startDate: '2026-13-01' } }))).toEqual(['calendar.startDate: must be a date "YYYY-MM-DD" (got "2026-13-01")']);
    expect(problemsOf(phoneScenario({}, { weekdayFactors: { funday: 1 } }))).toEqual(['queues[0].arrivals.weekdayFactors.funday: is not a weekday: use mon, tue, wed, thu, fri, sat, sun (got 1)']);
    expect(problemsOf(phoneScenario({}, { weekdayFactors: { mon: -1 } }))).toEqual(['queues[0].arrivals.weekdayFactors.mon: must be >= 0 (got -1)']);
    expect(problemsOf(phoneScenario({ calendar: { startDate: '2026-12-21', holidays: [{ date: '2027-01-05' }] } }))).toEqual([
      'calendar.holidays[0].date: must be a day of the run, from 2026-12-21 to 2027-01-03 (got 2027-01-05)',
    ]);
    expect(problemsOf(phoneScenario({ calendar: { holidays: [{ date: '2026-12-25' }] } }))).toEqual(['calendar.holidays[0].date: needs calendar.startDate, which places the date in the run (got "2026-12-25")']);
    expect(problemsOf(phoneScenario({ calendar: { startDate: '2026-12-21', holidays: [{ date: '2026-12-25' }, { date: '2026-12-25' }] } }))).toEqual([
      'calendar.holidays[1].date: names 2026-12-25 a second time (got "2026-12-25")',
    ]);
    expect(problemsOf(phoneScenario({ calendar: { startDate: '2026-12-21', holidays: [{ date: '2026-12-25', callFactor: -0.5 }] } }))).toEqual([
      'calendar.holidays[0].callFactor: must be >= 0 (got -0.5)',
    ]);
    const profile = { intervalMin: 60, callsPerInterval: Array.from({ length: 24 }, () => 1) };
    expect(problemsOf({ ...phoneScenario(), queues: [{ id: 'q', name: 'Q', arrivals: { ...profile, weekdayProfiles: { sat: [1, 2] } }, talk: { kind: 'exponential', meanSec: 60 } }] })).toEqual([
      'queues[0].arrivals.weekdayProfiles.sat: must have 24 values, one per 60-minute interval of the day (got 2)',
    ]);
    expect(
      problemsOf({ ...phoneScenario(), queues: [{ id: 'q', name: 'Q', arrivals: { ...profile, weekdayFactors: { sat: 2 }, weekdayProfiles: { sat: profile.callsPerInterval } }, talk: { kind: 'exponential', meanSec: 60 } }] }),
    ).toEqual(['queues[0].arrivals.weekdayFactors.sat: must not be given with weekdayProfiles.sat: scale that curve itself (got 2)']);
  });
});
