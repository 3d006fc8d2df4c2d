/**
 * The frame loop: each animation frame the controller moves the display clock and runs the model
 * to it, the scene is updated from the run, and a few times a second the controller asks the
 * panels to re-read their figures. The time spent in Kituo's own code per frame (model advance +
 * scene update) is measured with performance.now() and kept for the render benchmark.
 *
 * While playing every frame is drawn; while paused, only after a change (a step, a reset, a
 * resize, a language switch, a wallboard refresh) or while a pulse is still fading, so an idle
 * page costs next to nothing.
 */
import type { PageController } from './page-controller';
import { DETAIL_MAX_SPEED, type Stage } from './stage';
import type { FrameStats } from './frame-stats';

/** How often the DOM wallboards re-read the KPIs, in wall milliseconds. */
const WALLBOARD_PERIOD_MS = 250;

export class FrameLoop {
  /** Set when the scene changed while paused, so the next frame draws it. */
  private renderRequested = true;
  /** False only for the render benchmark's second pass: the scene is updated but not drawn. */
  private drawing = true;
  private drawn = 0;
  /** Test hooks only: the next frame throws this, to check the page recovers from a run-time error. */
  private injectedFault: string | null = null;
  private sinceBoards = 0;
  private lastFrameMs = performance.now();

  constructor(
    private readonly controller: PageController,
    private readonly stage: Stage,
    private readonly stats: FrameStats,
  ) {
    controller.subscribe((change) => {
      if (change === 'refresh') this.renderRequested = true;
    });
  }

  start(): void {
    const loop = (timeMs: number) => {
      requestAnimationFrame(loop);
      const elapsedMs = Math.max(0, timeMs - this.lastFrameMs);
      this.lastFrameMs = timeMs;
      this.frame(elapsedMs);
    };
    requestAnimationFrame(loop);
  }

  /** Draws now (after a resize, which clears the canvas), not a frame later. */
  drawNow(): void {
    if (!this.drawing) return;
    this.renderRequested = false;
    this.stage.app.render();
    this.drawn++;
  }

  /** Frames pixi has drawn so far (read by the e2e tests through the test hooks). */
  get framesDrawn(): number {
    return this.drawn;
  }

  setDrawing(on: boolean): void {
    this.drawing = on;
    this.renderRequested = true;
  }

  injectFault(message: string): void {
    this.injectedFault = message;
  }

  private frame(elapsedMs: number): void {
    const controller = this.controller;
    if (controller.failed) return;
    const clock = controller.clock;
    try {
      if (this.injectedFault !== null) {
        const message = this.injectedFault;
        this.injectedFault = null;
        throw new Error(message);
      }
      const t0 = performance.now();
      controller.advanceFrame(elapsedMs);
      const t1 = performance.now();
      const session = controller.run?.session;
      const animating = session ? this.stage.scene.update(session.now, elapsedMs, clock.speed, clock.speed <= DETAIL_MAX_SPEED) : false;
      const t2 = performance.now();
      this.sinceBoards += elapsedMs;
      let uiMs = 0;
      if (this.sinceBoards >= WALLBOARD_PERIOD_MS) {
        this.sinceBoards = 0;
        controller.refresh();
        uiMs = performance.now() - t2;
      } else if (session && clock.playing) {
        controller.clockMoved();
      }
      this.stats.record(t1 - t0, t2 - t1, uiMs, clock.speed);
      if (clock.playing || animating || this.renderRequested) this.drawNow();
    } catch (error) {
      console.error(error);
      controller.fail(error);
    }
  }
}
