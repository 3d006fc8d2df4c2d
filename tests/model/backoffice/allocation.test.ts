import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isBefore, pickNextItem, type AllocatableItem } from '../../../src/model/backoffice/allocation';
import { BinaryHeap } from '../../../src/model/backoffice/binary-heap';
import { ALLOCATION_RULES } from '../../../src/model/backoffice/backoffice-schema';

const item = (id: number, arrivalSec: number, dueSec: number, priority: number, taskSec: number): AllocatableItem => ({
  id,
  arrivalSec,
  dueSec,
  priority,
  taskSec,
});

describe('allocation rules', () => {
  const old = item(1, 0, 90_000, 5, 1800); // oldest, due late, long
  const urgent = item(2, 100, 3_600, 5, 1200); // due soonest
  const important = item(3, 200, 50_000, 1, 2400); // top priority
  const quick = item(4, 300, 80_000, 5, 60); // shortest
  const all = [old, urgent, important, quick];

  it('first-in first-out takes the oldest item', () => {
    expect(pickNextItem('fifo', all)).toBe(old);
  });

  it('earliest due date takes the item due soonest', () => {
    expect(pickNextItem('edd', all)).toBe(urgent);
  });

  it('priority then age takes the most urgent priority, and the oldest within it', () => {
    expect(pickNextItem('priority-age', all)).toBe(important);
    expect(pickNextItem('priority-age', [quick, urgent, old])).toBe(old);
  });

  it('cherry-picking takes the shortest task', () => {
    expect(pickNextItem('cherry-pick', all)).toBe(quick);
  });

  it('skips empty backlogs and gives nothing when all are empty', () => {
    expect(pickNextItem('edd', [undefined, quick, undefined])).toBe(quick);
    expect(pickNextItem('edd', [undefined, undefined])).toBeUndefined();
  });

  it('breaks every tie by arrival, then by id, so the choice never depends on the order of the list', () => {
    const a = item(7, 50, 1000, 3, 60);
    const b = item(8, 50, 1000, 3, 60);
    for (const rule of ALLOCATION_RULES) {
      expect(pickNextItem(rule, [b, a])).toBe(a);
      expect(isBefore(rule, a, b)).toBe(true);
      expect(isBefore(rule, b, a)).toBe(false);
    }
  });
});

describe('the backlog heap', () => {
  const items = fc.array(
    fc.record({
      arrivalSec: fc.integer({ min: 0, max: 50 }),
      dueSec: fc.integer({ min: 0, max: 50 }),
      priority: fc.integer({ min: 1, max: 3 }),
      taskSec: fc.integer({ min: 1, max: 20 }),
    }),
    { maxLength: 60 },
  );

  it('pops items in the rule order, with removals from the middle, for every rule', () => {
    fc.assert(
      fc.property(items, fc.constantFrom(...ALLOCATION_RULES), fc.array(fc.nat(), { maxLength: 20 }), (raw, rule, removals) => {
        type Slotted = AllocatableItem & { slot: number };
        const list: Slotted[] = raw.map((r, i) => ({ ...r, id: i + 1, slot: -1 }));
        const heap = new BinaryHeap<Slotted>((a, b) => isBefore(rule, a, b), { get: (x) => x.slot, set: (x, s) => (x.slot = s) });
        for (const x of list) heap.push(x);
        const removed = new Set<Slotted>();
        for (const r of removals) {
          if (list.length === 0) break;
          const victim = list[r % list.length];
          heap.remove(victim);
          removed.add(victim);
        }
        const expected = list.filter((x) => !removed.has(x)).sort((a, b) => (isBefore(rule, a, b) ? -1 : 1));
        const popped: Slotted[] = [];
        for (let x = heap.pop(); x; x = heap.pop()) popped.push(x);
        expect(popped).toEqual(expected);
        expect(list.every((x) => x.slot === -1)).toBe(true);
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });
});
