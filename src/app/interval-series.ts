/**
 * Figures per reporting interval (or per day) for a chart: the latest `capacity` entries only, so
 * memory stays flat however long the run. `version` goes up on every push, so a chart redraws only
 * when there is something new.
 */
export class IntervalSeries<K extends string> {
  readonly startSec: number[] = [];
  readonly values: { readonly [key in K]: (number | null)[] };
  version = 0;

  constructor(
    private readonly capacity: number,
    keys: readonly K[],
  ) {
    this.values = Object.fromEntries(keys.map((key) => [key, []])) as unknown as { [key in K]: (number | null)[] };
  }

  push(startSec: number, figures: { readonly [key in K]: number | null }): void {
    this.startSec.push(startSec);
    for (const key in this.values) this.values[key].push(figures[key]);
    if (this.startSec.length > this.capacity) {
      this.startSec.shift();
      for (const key in this.values) this.values[key].shift();
    }
    this.version++;
  }

  /** One figure per interval of the day starting at `dayStartSec` (null where none closed yet), for a chart of the day. */
  dayOf(key: K, dayStartSec: number, intervalSec: number, intervalsPerDay: number): (number | null)[] {
    const slots = new Array<number | null>(intervalsPerDay).fill(null);
    const column = this.values[key];
    for (let k = 0; k < this.startSec.length; k++) {
      const start = this.startSec[k];
      if (start < dayStartSec || start >= dayStartSec + intervalsPerDay * intervalSec) continue;
      slots[Math.round((start - dayStartSec) / intervalSec)] = column[k];
    }
    return slots;
  }
}
