/** The day the page's clock names (display-clock.ts, runDayAt): weekday and date from the scenario's calendar. */
import { describe, expect, it } from 'vitest';
import { runDayAt } from '../../src/app/display-clock';

const DAY = 86_400;

describe('the day the clock names', () => {
  it('is a Monday, day 1, with no date, when the scenario gives no start date', () => {
    expect(runDayAt({}, 10 * 3600)).toEqual({ dayNumber: 1, weekday: 0, isoDate: null });
    expect(runDayAt({}, 5 * DAY + 1)).toEqual({ dayNumber: 6, weekday: 5, isoDate: null });
  });

  it('follows the start date on its real weekday, into the next month', () => {
    const scenario = { calendar: { startDate: '2026-10-31' } };
    expect(runDayAt(scenario, 0)).toEqual({ dayNumber: 1, weekday: 5, isoDate: '2026-10-31' });
    expect(runDayAt(scenario, 2 * DAY + 3600)).toEqual({ dayNumber: 3, weekday: 0, isoDate: '2026-11-02' });
  });

  it('takes the back office’s start date when the site gives none', () => {
    expect(runDayAt({ backOffice: { calendar: { startDate: '2026-06-15' } } }, DAY)).toEqual({ dayNumber: 2, weekday: 1, isoDate: '2026-06-16' });
  });
});
