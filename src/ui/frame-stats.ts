/**
 * Per-frame timings of Kituo's own code, kept in fixed ring buffers (no allocation per frame):
 * the model's advance, the scene update, and the DOM wallboard refresh (which runs only a few
 * times a second). Rasterisation by pixi happens after these and is not included. The render
 * benchmark reads them through the test hooks.
 */
const CAPACITY = 8192;

export interface FrameStatsReport {
  frames: number;
  /** Model advance + scene update, milliseconds per frame. */
  own: number[];
  sim: number[];
  scene: number[];
  /** DOM refresh time on the frames that refreshed. */
  ui: number[];
}

export class FrameStats {
  private readonly sim = new Float64Array(CAPACITY);
  private readonly scene = new Float64Array(CAPACITY);
  private readonly ui = new Float64Array(CAPACITY);
  private count = 0;

  record(simMs: number, sceneMs: number, uiMs: number, _speed: number): void {
    const i = this.count % CAPACITY;
    this.sim[i] = simMs;
    this.scene[i] = sceneMs;
    this.ui[i] = uiMs;
    this.count++;
  }

  reset(): void {
    this.count = 0;
  }

  read(): FrameStatsReport {
    const n = Math.min(this.count, CAPACITY);
    const sim = Array.from(this.sim.subarray(0, n));
    const scene = Array.from(this.scene.subarray(0, n));
    const ui = Array.from(this.ui.subarray(0, n)).filter((v) => v > 0);
    return { frames: this.count, own: sim.map((v, i) => v + scene[i]), sim, scene, ui };
  }
}
