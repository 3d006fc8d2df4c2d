import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventCalendar, type ScheduledEvent } from '../../src/engine/event-calendar';

const drain = (calendar: EventCalendar) => {
  const fired: unknown[] = [];
  for (let e = calendar.pop(); e; e = calendar.pop()) fired.push(e.payload);
  return fired;
};

describe('EventCalendar', () => {
  it('pops events in time order', () => {
    const calendar = new EventCalendar();
    for (const t of [5, 1, 3, 2, 4]) calendar.insert(t, () => {}, t);
    expect(drain(calendar)).toEqual([1, 2, 3, 4, 5]);
  });

  it('breaks ties by insertion order', () => {
    const calendar = new EventCalendar();
    ['a', 'b', 'c', 'd'].forEach((label) => calendar.insert(7, () => {}, label));
    calendar.insert(3, () => {}, 'first');
    calendar.insertUnheld(7, () => {}, 'e');
    expect(drain(calendar)).toEqual(['first', 'a', 'b', 'c', 'd', 'e']);
  });

  it('skips cancelled events and counts only live ones', () => {
    const calendar = new EventCalendar();
    const a = calendar.insert(1, () => {}, 'a');
    calendar.insert(2, () => {}, 'b');
    const c = calendar.insert(3, () => {}, 'c');
    calendar.cancel(a);
    calendar.cancel(c);
    calendar.cancel(c);
    expect(calendar.size).toBe(1);
    expect(calendar.peekTime()).toBe(2);
    expect(drain(calendar)).toEqual(['b']);
    expect(calendar.size).toBe(0);
  });

  it('matches a sorted list under random inserts, cancels and pops (seeded fuzz)', () => {
    // The incremental heap must agree with a full recomputation: sort the live set every step.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('insert', 'unheld', 'cancel', 'pop'), fc.integer({ min: 0, max: 50 })), { maxLength: 300 }),
        (ops) => {
          const calendar = new EventCalendar();
          const reference: { time: number; seq: number; id: number }[] = [];
          const handles = new Map<number, ScheduledEvent>();
          let seq = 0;
          for (const [op, value] of ops) {
            if (op === 'insert' || op === 'unheld') {
              const id = seq;
              if (op === 'insert') handles.set(id, calendar.insert(value, () => {}, id));
              else calendar.insertUnheld(value, () => {}, id);
              reference.push({ time: value, seq: seq++, id });
            } else if (op === 'cancel' && handles.size > 0) {
              const ids = [...handles.keys()];
              const id = ids[value % ids.length];
              calendar.cancel(handles.get(id)!);
              handles.delete(id);
              const at = reference.findIndex((r) => r.id === id);
              if (at >= 0) reference.splice(at, 1);
            } else if (op === 'pop') {
              reference.sort((x, y) => x.time - y.time || x.seq - y.seq);
              const expected = reference.shift();
              const got = calendar.pop();
              expect(got?.payload).toBe(expected?.id);
              if (expected) handles.delete(expected.id);
            }
            expect(calendar.size).toBe(reference.length);
          }
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
