import { describe, it, expect } from 'vitest';
import { BusinessCalendar, ShiftPattern } from '../../../src/model/backoffice/business-calendar';
import { DAY_SEC } from '../../../src/model/scenario/calendar-schema';
import { civilFromDays, daysFromCivil } from '../../../src/model/backoffice/backoffice-schema';
import fc from 'fast-check';

const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const at = (day: number, hh: number, mm = 0) => day * DAY_SEC + hh * 3600 + mm * 60;

describe('the business calendar', () => {
  const calendar = new BusinessCalendar({ open: '08:00', close: '17:00', days: [...MON_FRI], holidays: [3] });

  it('counts days from Monday and treats weekends and holidays as closed', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((d) => calendar.isBusinessDay(d))).toEqual([true, true, false, true, true, false, false, true]);
    expect(calendar.isHoliday(2)).toBe(true); // day number 3 = Wednesday of week 1
  });

  it('counts business hours only while the office is open', () => {
    // Monday 10:00 + 4 business hours = Monday 14:00.
    expect(calendar.addBusinessHours(at(0, 10), 4)).toBe(at(0, 14));
    // Monday 15:00 + 4 h: 2 h on Monday, 2 h from Tuesday 08:00.
    expect(calendar.addBusinessHours(at(0, 15), 4)).toBe(at(1, 10));
    // Arriving Monday 20:00 the clock starts Tuesday 08:00.
    expect(calendar.addBusinessHours(at(0, 20), 3)).toBe(at(1, 11));
    // Tuesday 16:00 + 2 h: 1 h Tuesday, Wednesday is a holiday, 1 h Thursday.
    expect(calendar.addBusinessHours(at(1, 16), 2)).toBe(at(3, 9));
    // Friday 12:00 + 24 h: 5 h Fri, 9 h Mon, 9 h Tue, 1 h Wed.
    expect(calendar.addBusinessHours(at(4, 12), 24)).toBe(at(9, 9));
  });

  it('puts "end of next business day" at closing time of the next open day', () => {
    expect(calendar.endOfNextBusinessDay(at(0, 9))).toBe(at(1, 17));
    expect(calendar.endOfNextBusinessDay(at(1, 23, 59))).toBe(at(3, 17)); // Wednesday is a holiday
    expect(calendar.endOfNextBusinessDay(at(4, 10))).toBe(at(7, 17)); // Friday → Monday
    expect(calendar.endOfNextBusinessDay(at(5, 10))).toBe(at(7, 17)); // Saturday → Monday
  });

  it('applies each due rule', () => {
    expect(calendar.dueTime({ calendarHours: 30 }, at(0, 10))).toBe(at(1, 16));
    expect(calendar.dueTime({ businessHours: 1 }, at(0, 10))).toBe(at(0, 11));
    expect(calendar.dueTime({ endOfNextBusinessDay: true }, at(0, 10))).toBe(at(1, 17));
  });

  it('lands a batch with no filter on business days, and honours every filter given', () => {
    const everyBusinessDay = { atTime: '09:00', size: { kind: 'deterministic' as const, value: 1 } };
    expect([0, 1, 2, 3, 4, 5, 6].filter((d) => calendar.batchLandsOn(everyBusinessDay, d))).toEqual([0, 1, 3, 4]);
    const saturdays = { ...everyBusinessDay, daysOfWeek: ['sat' as const] };
    expect([0, 1, 2, 3, 4, 5, 6, 12].filter((d) => calendar.batchLandsOn(saturdays, d))).toEqual([5, 12]);
    const runDays = { ...everyBusinessDay, runDays: [2, 9] };
    expect([0, 1, 2, 8, 9].filter((d) => calendar.batchLandsOn(runDays, d))).toEqual([1, 8]);
  });

  it('finds the day of the month from the start date, the last day, and the last business day', () => {
    // Day 1 = Monday 15 June 2026; 30 June is a Tuesday (day index 15), 31 July a Friday.
    const june = new BusinessCalendar({ open: '08:00', close: '17:00', days: [...MON_FRI], startDate: '2026-06-15' });
    const batch = (dayOfMonth: number | 'last' | 'last-business-day') => ({ atTime: '07:00', size: { kind: 'deterministic' as const, value: 1 }, dayOfMonth });
    const days = Array.from({ length: 60 }, (_, i) => i);
    expect(days.filter((d) => june.batchLandsOn(batch(25), d))).toEqual([10, 40]);
    expect(days.filter((d) => june.batchLandsOn(batch('last'), d))).toEqual([15, 46]);
    expect(days.filter((d) => june.batchLandsOn(batch('last-business-day'), d))).toEqual([15, 46]);
    // 31 in a 30-day month means its last day.
    expect(days.filter((d) => june.batchLandsOn(batch(31), d))).toEqual([15, 46]);
    const may = new BusinessCalendar({ open: '08:00', close: '17:00', days: [...MON_FRI], startDate: '2026-05-18' });
    // 31 May 2026 is a Sunday (day index 13): last business day is Friday 29 May (day index 11).
    expect(Array.from({ length: 20 }, (_, i) => i).filter((d) => may.batchLandsOn(batch('last-business-day'), d))).toEqual([11]);
  });

  it('converts dates to day counts and back for any day in four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80000, max: 80000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        return daysFromCivil(year, month, day) === days;
      }),
      { numRuns: 500, seed: 20261127 },
    );
    expect(daysFromCivil(2024, 1, 1)).toBe(19723);
  });
});

describe('shift patterns', () => {
  const calendar = new BusinessCalendar({ open: '08:00', close: '17:00', days: [...MON_FRI], holidays: [2] });

  it('gives the next shift on a working day, skipping holidays', () => {
    const day = new ShiftPattern({ start: '08:00', end: '17:00', days: [...MON_FRI] }, calendar);
    expect(day.nextWindow(0)).toEqual({ startSec: at(0, 8), endSec: at(0, 17), dayIndex: 0 });
    expect(day.nextWindow(1)).toEqual({ startSec: at(2, 8), endSec: at(2, 17), dayIndex: 2 }); // day number 2 is a holiday
    expect(day.nextWindow(5)).toEqual({ startSec: at(7, 8), endSec: at(7, 17), dayIndex: 7 }); // weekend
    expect(day.hoursPerShift).toBe(9);
  });

  it('runs a night shift past midnight', () => {
    const night = new ShiftPattern({ start: '22:00', end: '06:00', days: ['sun', 'mon'] }, calendar);
    expect(night.nextWindow(0)).toEqual({ startSec: at(0, 22), endSec: at(1, 6), dayIndex: 0 });
    expect(night.nextWindow(1)).toEqual({ startSec: at(6, 22), endSec: at(7, 6), dayIndex: 6 });
    expect(night.hoursPerShift).toBe(8);
  });
});
