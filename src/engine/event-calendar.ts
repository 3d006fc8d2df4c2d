/**
 * The event calendar: a binary min-heap of scheduled events ordered by (time, insertion sequence).
 *
 * Ties on time are broken by the order in which events were scheduled, so a run is bit-for-bit
 * repeatable. The heap keeps each entry's time, sequence and slot side by side in one typed array
 * (so an entry is one cache line's neighbourhood, not three arrays apart), and each event's handler
 * and payload live in a recycled slot: no object is allocated per event and sift-up and sift-down
 * read contiguous numbers, which is what keeps the run loop near a hand-written one.
 *
 * Cancellation is lazy and O(1): a cancelled slot loses its handler and is skipped when it reaches the top.
 * An event's handle carries its slot's generation, so cancelling an event that already fired (its
 * slot since reused) is a harmless no-op rather than a cancellation of a stranger.
 */

export type EventHandler<P = any> = (payload: P) => void;

/** Opaque handle of a scheduled event, for `cancel`. */
export type EventHandle = number;

/** A handle that refers to no event: cancelling it does nothing. */
export const NO_EVENT: EventHandle = -1;

const SLOT_SPAN = 2 ** 24;
/** Numbers per heap entry: time, sequence, slot. */
const ENTRY = 3;
/** Generations wrap at 2^28, so slot + generation × 2^24 stays an exact integer in a double. */
const GENERATION_MASK = 2 ** 28 - 1;

export class EventCalendar {
  /** Heap entries of ENTRY numbers each: time, insertion sequence, slot. */
  private heap = new Float64Array(1024 * ENTRY);
  private size = 0;

  /** Per slot: the event's handler; null once cancelled (the entry is skipped when it reaches the top). */
  private handlers: (EventHandler | null)[] = [];
  private payloads: unknown[] = [];
  private generation = new Uint32Array(1024);
  private freeSlots = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;

  private nextSeq = 0;
  private live = 0;

  /** Filled by `popDue`: the event that is due now. */
  dueTime = 0;
  dueHandler: EventHandler = () => {};
  duePayload: unknown = undefined;

  /** Number of scheduled events that are not cancelled. */
  get liveCount(): number {
    return this.live;
  }

  insert<P>(time: number, handler: EventHandler<P>, payload: P): EventHandle {
    const slot = this.allocateSlot();
    this.handlers[slot] = handler;
    this.payloads[slot] = payload;
    this.siftUp(time, this.nextSeq++, slot);
    this.live++;
    return slot + this.generation[slot] * SLOT_SPAN;
  }

  cancel(handle: EventHandle): void {
    if (handle < 0) return;
    const slot = handle % SLOT_SPAN;
    const generation = (handle - slot) / SLOT_SPAN;
    if (slot >= this.slotCount || this.generation[slot] !== generation || this.handlers[slot] === null) return;
    this.handlers[slot] = null;
    this.live--;
  }

  /** Time of the earliest live event, or Infinity when none is left. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.size > 0 ? this.heap[0] : Infinity;
  }

  /**
   * Takes the earliest live event off the calendar if its time is ≤ `until` and puts its time,
   * handler and payload in `dueTime`, `dueHandler` and `duePayload`; returns false when none is
   * due. Peek and pop in one pass, with no allocation, for the run loop.
   */
  popDue(until: number): boolean {
    this.dropCancelledTop();
    if (this.size === 0 || this.heap[0] > until) return false;
    const slot = this.heap[2];
    this.dueTime = this.heap[0];
    this.dueHandler = this.handlers[slot]!;
    this.duePayload = this.payloads[slot];
    this.removeTop();
    this.freeSlot(slot);
    this.live--;
    return true;
  }

  /** The earliest live event as a plain object (allocates: for tests and tools, not the run loop). */
  pop(): { time: number; payload: unknown } | undefined {
    if (!this.popDue(Infinity)) return undefined;
    return { time: this.dueTime, payload: this.duePayload };
  }

  private dropCancelledTop(): void {
    while (this.size > 0 && this.handlers[this.heap[2]] === null) {
      const slot = this.heap[2];
      this.removeTop();
      this.freeSlot(slot);
    }
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount];
    const slot = this.slotCount++;
    if (slot === this.generation.length) {
      this.generation = grow(this.generation);
      this.freeSlots = grow(this.freeSlots);
    }
    return slot;
  }

  private freeSlot(slot: number): void {
    // The payload is let go at once (it may be a caller); the handler, a long-lived function, is overwritten on reuse.
    this.payloads[slot] = undefined;
    // A new generation makes every handle to the old event stale.
    this.generation[slot] = (this.generation[slot] + 1) & GENERATION_MASK;
    this.freeSlots[this.freeCount++] = slot;
  }

  private siftUp(time: number, seq: number, slot: number): void {
    if ((this.size + 1) * ENTRY > this.heap.length) this.heap = grow(this.heap);
    const heap = this.heap;
    // Sift up with a hole instead of swaps: one entry written per level.
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = parent * ENTRY;
      const pt = heap[p];
      if (pt < time || (pt === time && heap[p + 1] < seq)) break;
      const h = i * ENTRY;
      heap[h] = pt;
      heap[h + 1] = heap[p + 1];
      heap[h + 2] = heap[p + 2];
      i = parent;
    }
    const h = i * ENTRY;
    heap[h] = time;
    heap[h + 1] = seq;
    heap[h + 2] = slot;
  }

  private removeTop(): void {
    const n = --this.size;
    if (n === 0) return;
    const heap = this.heap;
    const last = n * ENTRY;
    const time = heap[last];
    const seq = heap[last + 1];
    const slot = heap[last + 2];
    // Sift the last entry down from the root, again with a hole.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = child * ENTRY;
      let ct = heap[c];
      if (child + 1 < n) {
        const r = c + ENTRY;
        const rt = heap[r];
        if (rt < ct || (rt === ct && heap[r + 1] < heap[c + 1])) {
          child++;
          c = r;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && seq < heap[c + 1])) break;
      const h = i * ENTRY;
      heap[h] = ct;
      heap[h + 1] = heap[c + 1];
      heap[h + 2] = heap[c + 2];
      i = child;
    }
    const h = i * ENTRY;
    heap[h] = time;
    heap[h + 1] = seq;
    heap[h + 2] = slot;
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
