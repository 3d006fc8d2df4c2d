/**
 * The event calendar: a binary min-heap of scheduled events ordered by (time, insertion sequence).
 *
 * Ties on time are broken by the order in which events were scheduled, so a run is bit-for-bit
 * repeatable. Cancellation is lazy: a cancelled event keeps its slot and is skipped when it
 * reaches the top. That makes `cancel` O(1), which matters because every answered call cancels
 * its caller's patience timer; the dead entries cost one extra pop each, never a scan.
 */

export type EventHandler<P = any> = (payload: P) => void;

export interface ScheduledEvent<P = any> {
  readonly time: number;
  readonly seq: number;
  readonly handler: EventHandler<P>;
  readonly payload: P;
  cancelled: boolean;
}

/** The calendar's own mutable view of an entry; entries nobody holds are reused. */
interface Entry {
  time: number;
  seq: number;
  handler: EventHandler;
  payload: unknown;
  cancelled: boolean;
  /** True when no caller holds the entry (scheduled with `insertUnheld`), so it may be recycled. */
  unheld: boolean;
}

export class EventCalendar {
  private heap: Entry[] = [];
  /** Fired entries that nobody holds, ready for reuse: most events (arrivals, ends of talk)
   * are never cancelled, and recycling them keeps the garbage collector out of the hot loop. */
  private spare: Entry[] = [];
  private nextSeq = 0;
  private live = 0;

  /** Number of scheduled events that are not cancelled. */
  get size(): number {
    return this.live;
  }

  insert<P>(time: number, handler: EventHandler<P>, payload: P): ScheduledEvent<P> {
    const event: Entry = { time, seq: this.nextSeq++, handler, payload, cancelled: false, unheld: false };
    this.siftUp(event);
    return event as ScheduledEvent<P>;
  }

  /** Like insert, for an event the caller will never cancel: returns nothing, reuses storage. */
  insertUnheld<P>(time: number, handler: EventHandler<P>, payload: P): void {
    const event = this.spare.pop();
    if (event) {
      event.time = time;
      event.seq = this.nextSeq++;
      event.handler = handler;
      event.payload = payload;
      event.cancelled = false;
      this.siftUp(event);
    } else {
      this.siftUp({ time, seq: this.nextSeq++, handler, payload, cancelled: false, unheld: true });
    }
  }

  private siftUp(event: Entry): void {
    const time = event.time;
    const heap = this.heap;
    // Sift up with a hole instead of swaps: one write per level.
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex];
      if (parent.time < time || (parent.time === time && parent.seq < event.seq)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = event;
    this.live++;
  }

  cancel(event: ScheduledEvent): void {
    if (event.cancelled) return;
    event.cancelled = true;
    this.live--;
  }

  /**
   * Removes and returns the earliest live event if its time is ≤ `until`, else null: peek and pop
   * in one pass, for the run loop. The caller must read the entry before calling `release`.
   */
  popDue(until: number): ScheduledEvent | null {
    const heap = this.heap;
    while (heap.length > 0 && heap[0].cancelled) this.removeTop();
    if (heap.length === 0 || heap[0].time > until) return null;
    const top = this.removeTop();
    this.live--;
    top.cancelled = true;
    return top;
  }

  /** Returns a fired entry's storage for reuse if nobody holds it. */
  release(event: ScheduledEvent): void {
    const entry = event as Entry;
    if (entry.unheld) {
      entry.payload = undefined;
      this.spare.push(entry);
    }
  }

  /** Time of the earliest live event, or Infinity when none is left. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.heap.length > 0 ? this.heap[0].time : Infinity;
  }

  /** Removes and returns the earliest live event; undefined when the calendar is empty. */
  pop(): ScheduledEvent | undefined {
    const top = this.popDue(Infinity);
    if (!top) return undefined;
    // An unheld entry goes back to the pool only through release(); a copy keeps pop() safe.
    return (top as Entry).unheld ? { ...top } : top;
  }

  private dropCancelledTop(): void {
    const heap = this.heap;
    while (heap.length > 0 && heap[0].cancelled) this.removeTop();
  }

  private removeTop(): Entry {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    const n = heap.length;
    if (n === 0) return top;
    // Sift the last element down from the root, again with a hole.
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      let c = heap[left];
      if (right < n) {
        const r = heap[right];
        if (r.time < c.time || (r.time === c.time && r.seq < c.seq)) {
          child = right;
          c = r;
        }
      }
      if (last.time < c.time || (last.time === c.time && last.seq < c.seq)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
