import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventCalendar, NO_EVENT, type EventHandle } from '../../src/engine/event-calendar';

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
    calendar.insert(7, () => {}, 'e');
    expect(drain(calendar)).toEqual(['first', 'a', 'b', 'c', 'd', 'e']);
  });

  it('ignores a cancel of NO_EVENT', () => {
    const calendar = new EventCalendar();
    calendar.insert(1, () => {}, 'a');
    calendar.cancel(NO_EVENT);
    expect(calendar.liveCount).toBe(1);
  });

  it('grows past its initial capacity and keeps order', () => {
    const calendar = new EventCalendar();
    const times = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    for (const t of times) calendar.insert(t, () => {}, t);
    expect(drain(calendar)).toEqual([...times].sort((a, b) => a - b));
  });

  it('skips cancelled events and counts only live ones', () => {
    const calendar = new EventCalendar();
    const a = calendar.insert(1, () => {}, 'a');
    calendar.insert(2, () => {}, 'b');
    const c = calendar.insert(3, () => {}, 'c');
    calendar.cancel(a);
    calendar.cancel(c);
    calendar.cancel(c);
    expect(calendar.liveCount).toBe(1);
    expect(calendar.peekTime()).toBe(2);
    expect(drain(calendar)).toEqual(['b']);
    expect(calendar.liveCount).toBe(0);
  });

  it('matches a sorted list under random inserts, cancels and pops (seeded fuzz)', () => {
    // The incremental heap must agree with a full recomputation: sort the live set every step.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('insert', 'insert', 'cancel', 'stale-cancel', 'pop'), fc.integer({ min: 0, max: 50 })), { maxLength: 300 }),
        (ops) => {
          const calendar = new EventCalendar();
          const reference: { time: number; seq: number; id: number }[] = [];
          const handles = new Map<number, EventHandle>();
          const fired: EventHandle[] = [];
          let seq = 0;
          for (const [op, value] of ops) {
            if (op === 'insert') {
              const id = seq;
              handles.set(id, calendar.insert(value, () => {}, id));
              reference.push({ time: value, seq: seq++, id });
            } else if (op === 'stale-cancel' && fired.length > 0) {
              // Cancelling an event that already fired must not touch whatever reuses its slot.
              calendar.cancel(fired[value % fired.length]);
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
              if (expected) {
                fired.push(handles.get(expected.id)!);
                handles.delete(expected.id);
              }
            }
            expect(calendar.liveCount).toBe(reference.length);
          }
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
