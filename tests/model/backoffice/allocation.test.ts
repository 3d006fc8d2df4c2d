import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isBefore, pickNextItem, type AllocatableItem } from '../../../src/model/backoffice/allocation';
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
