/**
 * The page offers to skip the quiet night before a scenario's first day gets going
 * (src/app/opening-time.ts): a quarter of an hour before the earliest shift, opening hour,
 * batch, calling window or rise of the call curve.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { openingTimeSec } from '../../src/app/opening-time';


describe('the opening time the page offers to skip to', () => {
  it('is a quarter of an hour before the earliest shift or opening hour', () => {
    // Agents and clerks start at 08:00; the calls pick up at 08:00.
    expect(openingTimeSec(loadShipped('call-center-and-back-office.json'))).toBe(7 * 3600 + 45 * 60);
    // The overnight claims file lands at 06:00, before the office opens.
    expect(openingTimeSec(loadShipped('backoffice-claims.json'))).toBe(5 * 3600 + 45 * 60);
  });

  it('follows the call curve when agents have no shifts: the first piece with a quarter of the peak rate', () => {
    const scenario = loadShipped('inbound-basic.json');
    expect(scenario.agentGroups.every((group) => !group.shifts)).toBe(true);
    const arrivals = scenario.queues[0].arrivals;
    if (!('callsPerInterval' in arrivals)) throw new Error('expected a profile');
    const peak = Math.max(...arrivals.callsPerInterval);
    const first = arrivals.callsPerInterval.findIndex((calls) => calls >= peak / 4);
    expect(openingTimeSec(scenario)).toBe(first * arrivals.intervalMin * 60 - 15 * 60);
  });

  it('is midnight when calls come at a flat rate all day', () => {
    const scenario = loadShipped('inbound-basic.json');
    scenario.queues[0].arrivals = { ratePerHour: 120 };
    expect(openingTimeSec(scenario)).toBe(0);
  });
});
