import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { firstCheckFor, isBefore, longestIdle, pickNextItem, pickNextTask, type AllocatableItem, type CheckableItem } from '../../../src/model/backoffice/allocation';
import { BinaryHeap } from '../../../src/engine/binary-heap';
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

describe('what a free clerk does next', () => {
  const check = item(10, 500, 90_000, 5, 600);
  const process = item(11, 0, 1_000, 1, 60); // older, due sooner, more urgent and shorter than the check

  it('takes a check before any item to process, whatever the rule', () => {
    for (const rule of ALLOCATION_RULES) expect(pickNextTask(rule, [undefined, check], [process])).toBe(check);
  });

  it('processes the item the rule picks when it may do no check, and nothing when both backlogs are empty', () => {
    const due = item(12, 100, 500, 5, 600);
    expect(pickNextTask('edd', [undefined], [process, due])).toBe(due);
    expect(pickNextTask('fifo', [undefined], [process, due])).toBe(process);
    expect(pickNextTask('fifo', [undefined], [undefined])).toBeUndefined();
  });
});

describe('which check a clerk may take (maker–checker)', () => {
  type Check = CheckableItem & { slot: number };
  const checks = fc.array(
    fc.record({
      arrivalSec: fc.integer({ min: 0, max: 30 }),
      dueSec: fc.integer({ min: 0, max: 30 }),
      priority: fc.integer({ min: 1, max: 3 }),
      taskSec: fc.integer({ min: 1, max: 10 }),
      maker: fc.constantFrom('ana', 'ben', 'cy'),
    }),
    { maxLength: 40 },
  );

  it('takes the first item in the rule order that the clerk did not make, and leaves the backlog as it was', () => {
    fc.assert(
      fc.property(checks, fc.constantFrom(...ALLOCATION_RULES), fc.constantFrom('ana', 'ben', 'cy'), (raw, rule, checker) => {
        const list: Check[] = raw.map((r, i) => ({ ...r, id: i + 1, slot: -1 }));
        const heap = new BinaryHeap<Check>((a, b) => isBefore(rule, a, b), { get: (x) => x.slot, set: (x, s) => (x.slot = s) });
        for (const x of list) heap.push(x);
        const before = [...heap.values()];
        const others = list.filter((x) => x.maker !== checker).sort((a, b) => (isBefore(rule, a, b) ? -1 : 1));
        expect(firstCheckFor(rule, heap.values(), checker)).toBe(others[0]);
        expect(heap.values()).toEqual(before);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it("gives nothing when every waiting check is the clerk's own work", () => {
    const own = { ...item(1, 0, 10, 5, 60), maker: 'ana' };
    expect(firstCheckFor('fifo', [own, { ...own, id: 2 }], 'ana')).toBeUndefined();
    expect(firstCheckFor('fifo', [own], 'ben')).toBe(own);
  });
});

describe('who takes new work', () => {
  it('is the clerk idle longest among the teams skilled in it', () => {
    expect(longestIdle([{ idleSeq: 7 }, null, { idleSeq: 3 }, { idleSeq: 5 }], 4)).toBe(2);
  });

  it('looks only at the first `count` teams, and finds nobody when none of them has an idle clerk', () => {
    expect(longestIdle([{ idleSeq: 7 }, { idleSeq: 3 }], 1)).toBe(0);
    expect(longestIdle([null, null, { idleSeq: 1 }], 2)).toBe(-1);
    expect(longestIdle([], 0)).toBe(-1);
  });
});
