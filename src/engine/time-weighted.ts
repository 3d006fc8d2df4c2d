/**
 * The time integral of a level that changes at events (queue length, busy servers). Averages
 * over time are area ÷ elapsed time; `takeArea` hands over what accumulated since the last take,
 * so a caller can split the integral at reporting-interval boundaries without keeping history.
 */
export class TimeWeighted {
  private since: number;
  private area = 0;

  constructor(
    public value: number,
    startTime: number,
  ) {
    this.since = startTime;
  }

  change(now: number, delta: number): void {
    this.area += this.value * (now - this.since);
    this.since = now;
    this.value += delta;
  }

  /** Area accumulated since the previous take, up to `now`. */
  takeArea(now: number): number {
    const area = this.area + this.value * (now - this.since);
    this.area = 0;
    this.since = now;
    return area;
  }

  /** Area accumulated since the previous take, up to `now`, without taking it. */
  peekArea(now: number): number {
    return this.area + this.value * (now - this.since);
  }
}
