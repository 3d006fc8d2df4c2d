import { describe, expect, it } from 'vitest';
import { coverWithShifts, templateCoverage, UncoverableIntervalError } from '../../src/runner/staffing/shift-plan';

const HOUR = 3600;
/** A requirement per hour of the day: `agents` from hour `from` to hour `to`, none elsewhere. */
const need = (...blocks: [from: number, to: number, agents: number][]) => {
  const required = Array(24).fill(0);
  for (const [from, to, agents] of blocks) for (let h = from; h < to; h++) required[h] = agents;
  return required;
};

describe('a shift plan from templates', () => {
  it('counts a break as time off the phones in the intervals it falls in', () => {
    const coverage = templateCoverage({ start: '08:00', end: '12:00', breaks: [{ start: '10:00', durationMin: 30 }] }, HOUR);
    expect(coverage.slice(7, 13)).toEqual([0, 1, 1, 0.5, 1, 0]);
  });

  it('covers the requirement in every interval, adding agents for the intervals a break takes them from', () => {
    const required = need([8, 16, 3]);
    const templates = [{ start: '08:00', end: '16:00', breaks: [{ start: '12:00', durationMin: 60 }] }, { start: '12:00', end: '13:00' }];
    const plan = coverWithShifts(required, templates, HOUR);
    plan.coverage.forEach((onPhones, h) => expect(onPhones).toBeGreaterThanOrEqual(required[h]));
    expect(plan.agents).toEqual([3, 3]);
    expect(plan.paidHours).toBe(27);
  });

  it('improves on the greedy start: one long shift replaces two short ones that overlap', () => {
    // Greedy takes 00:00–04:00 first (as good per hour as the rest) and then needs 02:00–06:00: 8 hours;
    // the six-hour shift alone covers it all.
    const plan = coverWithShifts(need([0, 6, 1]), [{ start: '00:00', end: '04:00' }, { start: '02:00', end: '06:00' }, { start: '00:00', end: '06:00' }], HOUR);
    expect(plan.agents).toEqual([0, 0, 1]);
    expect(plan.paidHours).toBe(6);
  });

  it('names the interval no template covers', () => {
    expect(() => coverWithShifts(need([20, 22, 1]), [{ start: '08:00', end: '16:00' }], HOUR)).toThrow(UncoverableIntervalError);
    try {
      coverWithShifts(need([20, 22, 1]), [{ start: '08:00', end: '16:00' }], HOUR);
    } catch (error) {
      expect((error as UncoverableIntervalError).slot).toBe(20);
    }
  });
});
