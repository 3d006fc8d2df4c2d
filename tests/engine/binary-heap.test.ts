import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BinaryHeap } from '../../src/engine/binary-heap';
import { isBefore, type AllocatableItem } from '../../src/model/backoffice/allocation';
import { ALLOCATION_RULES } from '../../src/model/backoffice/backoffice-schema';

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
