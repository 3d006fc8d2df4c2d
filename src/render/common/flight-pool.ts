/**
 * Moving tokens (a caller walking to a desk, a sheet carried to the check): a fixed pool of
 * flights in typed arrays, filled from a snapshot's feed and read every frame, so a moving thing
 * costs no allocation. Each flight has a kind (0 = free), a start and end in simulated time and a
 * path from (fx, fy) to (tx, ty); the room draws it at progress (now − t0) / (t1 − t0).
 */
export const FLIGHT_FREE = 0;

export class FlightPool {
  readonly kind: Uint8Array;
  readonly t0: Float64Array;
  readonly t1: Float64Array;
  /** fx, fy, tx, ty per flight. */
  readonly path: Float32Array;
  private cursor = 0;

  constructor(readonly size: number) {
    this.kind = new Uint8Array(size);
    this.t0 = new Float64Array(size);
    this.t1 = new Float64Array(size);
    this.path = new Float32Array(size * 4);
  }

  /** Starts a flight in a free slot (the oldest one when all are busy) and returns its index. */
  launch(kind: number, t0: number, duration: number, fx: number, fy: number, tx: number, ty: number): number {
    let i = this.cursor;
    for (let n = 0; n < this.size; n++) {
      const k = (this.cursor + n) % this.size;
      if (this.kind[k] === FLIGHT_FREE) {
        i = k;
        break;
      }
    }
    // The cursor moves round in launch order, so with every slot busy the oldest is reused.
    this.cursor = (i + 1) % this.size;
    this.kind[i] = kind;
    this.t0[i] = t0;
    this.t1[i] = t0 + Math.max(duration, 1e-6);
    this.path[4 * i] = fx;
    this.path[4 * i + 1] = fy;
    this.path[4 * i + 2] = tx;
    this.path[4 * i + 3] = ty;
    return i;
  }

  /** How far flight i has come at `now`: below 0 before it starts, 1 or more once it has landed. */
  progress(i: number, now: number): number {
    return (now - this.t0[i]) / (this.t1[i] - this.t0[i]);
  }

  clear(): void {
    this.kind.fill(FLIGHT_FREE);
  }
}
