/**
 * A fixed ring of entries that views read: what moved in a world, written as the model's events
 * fire and drawn by the page a frame later. Subclasses keep one typed array per field, so an entry
 * costs no allocation. Entry n (0-based, n < written) sits at n % capacity; a view draws the ones
 * it has not drawn yet and skips those already overwritten.
 */
export abstract class ViewLog {
  written = 0;

  constructor(readonly capacity: number) {}

  /** Index of the next entry to fill. */
  protected claim(): number {
    return this.written++ % this.capacity;
  }
}
