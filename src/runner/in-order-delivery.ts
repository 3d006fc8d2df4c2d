/** Hands values on in index order (0, 1, 2, …), holding back those that arrive early. */
export class InOrderDelivery<T> {
  private next = 0;
  private readonly early = new Map<number, T>();

  constructor(private readonly deliver: (value: T, index: number) => void) {}

  put(index: number, value: T): void {
    this.early.set(index, value);
    while (this.early.has(this.next)) {
      const ready = this.early.get(this.next)!;
      this.early.delete(this.next);
      this.deliver(ready, this.next++);
    }
  }

  /** How many have been handed on. */
  get delivered(): number {
    return this.next;
  }
}
