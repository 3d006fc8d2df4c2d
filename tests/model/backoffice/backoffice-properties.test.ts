import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ALLOCATION_RULES, WEEKDAYS } from '../../../src/model/backoffice/backoffice-schema';
import type { BackOfficeEvent } from '../../../src/model/backoffice/backoffice-events';
import { mustParse, run, scenarioWith } from './fixtures';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const workTypeArb = (id: string) =>
  fc.record({
    perHour: fc.double({ min: 0.2, max: 4, noNaN: true }),
    batch: fc.option(fc.record({ atMin: fc.integer({ min: 0, max: 24 * 60 - 1 }), mean: fc.integer({ min: 1, max: 40 }) }), { nil: undefined }),
    handlingMin: fc.double({ min: 2, max: 60, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    errorProbability: fc.double({ min: 0, max: 0.9, noNaN: true }),
    pending: fc.double({ min: 0, max: 0.5, noNaN: true }),
    dueHours: fc.integer({ min: 1, max: 30 }),
  }).map((w) => ({
    id,
    name: id,
    arrivals: {
      stream: { intervalMin: 60, itemsPerInterval: Array.from({ length: 24 }, () => w.perHour) },
      ...(w.batch ? { batches: [{ atTime: hhmm(w.batch.atMin), size: { kind: 'poisson', mean: w.batch.mean } }] } : {}),
    },
    handling: { kind: 'gamma', meanMin: w.handlingMin, cv: 0.8 },
    due: { businessHours: w.dueHours },
    qualityCheck: { share: w.share, errorProbability: w.errorProbability, checkTime: { kind: 'exponential', meanMin: w.handlingMin / 4 } },
    pendingOnCustomer: { probability: w.pending, delay: { kind: 'exponential', meanHours: 6 } },
  }));

const teamArb = (index: number) =>
  fc.record({
    clerks: fc.integer({ min: index === 0 ? 2 : 0, max: 4 }),
    skills: index === 0 ? fc.constant(['a', 'b']) : fc.subarray(['a', 'b'], { minLength: 1 }),
    startMin: fc.integer({ min: 0, max: 23 * 60 }),
    lengthMin: fc.integer({ min: 60, max: 14 * 60 }),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  }).map((t) => ({
    id: `t${index}`,
    name: `Team ${index}`,
    clerks: t.clerks,
    skills: t.skills,
    shift: { start: hhmm(t.startMin), end: hhmm((t.startMin + t.lengthMin) % (24 * 60)), days: t.days },
  }));

/** Small random back offices: two work types, one to three teams (night shifts included), any rule. */
const officeArb = fc
  .record({
    allocation: fc.constantFrom(...ALLOCATION_RULES),
    workTypes: fc.tuple(workTypeArb('a'), workTypeArb('b')),
    teams: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => teamArb(i)))),
    holiday: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((o) =>
    mustParse(
      scenarioWith(
        {
          calendar: { open: '08:00', close: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [o.holiday] },
          allocation: o.allocation,
          workTypes: o.workTypes,
          teams: o.teams,
        },
        { days: 4, seed: o.seed },
      ),
    ),
  );

describe('back-office properties over random small scenarios', () => {
  it('never lets a clerk check an item it processed itself (maker–checker)', () => {
    let allChecks = 0;
    fc.assert(
      fc.property(officeArb, (scenario) => {
        const { events } = run(scenario, { keepEvents: true });
        // The maker is tracked from the events alone, independently of the model's own bookkeeping.
        const maker = new Map<number, string>();
        let checks = 0;
        for (const e of events as BackOfficeEvent[]) {
          if (e.type === 'item.started' && e.step === 'process') maker.set(e.itemId, e.clerkId);
          if (e.type === 'item.started' && e.step === 'check') expect(e.clerkId).not.toBe(maker.get(e.itemId));
          if (e.type === 'item.checked') {
            checks++;
            expect(e.clerkId).not.toBe(e.makerId);
            expect(e.makerId).toBe(maker.get(e.itemId));
          }
        }
        allChecks += checks;
      }),
      { numRuns: 30, seed: 20261127 },
    );
    // The property was exercised, not vacuously true. (Every property run here uses a fixed seed, as the
    // other property tests do, so CI is repeatable; change the seed locally to explore further.)
    expect(allChecks).toBeGreaterThan(100);
  });

  it('conserves items at every day end and keeps clerks within their shifts', () => {
    fc.assert(
      fc.property(officeArb, (scenario) => {
        let arrived = 0;
        let completed = 0;
        const { days, model } = run(scenario, {
          onDayClosed: (day) => {
            arrived += day.total.arrived;
            completed += day.total.completed;
            expect(arrived).toBe(completed + day.total.backlogAtEnd + day.total.inProgressAtEnd + day.total.pendingAtEnd);
            expect(day.total.busyArea).toBeLessThanOrEqual(day.total.staffedArea + 1e-6);
          },
        });
        expect(days).toHaveLength(4);
        // Nobody is left working after the run ends outside a shift: busy clerks are on shift.
        for (const clerk of model.clerks) if (clerk.state === 'working' || clerk.state === 'checking') expect(clerk.item).not.toBeNull();
      }),
      { numRuns: 30, seed: 20261127 },
    );
  });
});
