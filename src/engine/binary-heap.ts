/**
 * A binary min-heap under a comparison function, optionally tracking each element's position so
 * an element can be removed from the middle in O(log n). The head under any order is at hand
 * without keeping removed elements around, so memory holds the live elements and nothing else
 * (the back office's backlogs and open items live in these).
 */
export interface HeapPosition<T> {
  get(item: T): number;
  set(item: T, index: number): void;
}

export class BinaryHeap<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    private readonly position?: HeapPosition<T>,
  ) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.siftUp(this.items.length - 1, item);
  }

  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    this.removeAt(0);
    return top;
  }

  /** Removes an element whose position is tracked; a no-op for one not in the heap (position −1). */
  remove(item: T): void {
    const index = this.position!.get(item);
    if (index >= 0 && this.items[index] === item) this.removeAt(index);
  }

  /** The elements in heap order (not sorted). */
  values(): readonly T[] {
    return this.items;
  }

  private removeAt(index: number): void {
    const items = this.items;
    const removed = items[index];
    const last = items.pop()!;
    this.position?.set(removed, -1);
    if (index === items.length) return;
    // Put the last element in the hole and move it whichever way restores the order.
    if (index > 0 && this.before(last, items[(index - 1) >> 1])) this.siftUp(index, last);
    else this.siftDown(index, last);
  }

  private siftUp(start: number, item: T): void {
    const items = this.items;
    let i = start;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = items[parentIndex];
      if (!this.before(item, parent)) break;
      items[i] = parent;
      this.position?.set(parent, i);
      i = parentIndex;
    }
    items[i] = item;
    this.position?.set(item, i);
  }

  private siftDown(start: number, item: T): void {
    const items = this.items;
    const n = items.length;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.before(items[right], items[left])) child = right;
      if (!this.before(items[child], item)) break;
      items[i] = items[child];
      this.position?.set(items[i], i);
      i = child;
    }
    items[i] = item;
    this.position?.set(item, i);
  }
}
