/**
 * Progress of a batch on stderr: a bar with done / total and the time left when stderr is a
 * terminal, one JSON line per finished replication for tools (`--progress json`), or nothing.
 * The bar is redrawn at most ten times a second and erased at the end, so it never mixes with
 * the output or an error message.
 */
import type { ProgressMode } from './cli-options';

export interface Progress {
  /** `done` of the total have finished. */
  update(done: number): void;
  /** The batch is over (finished or stopped). */
  end(): void;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

export function progressOn(mode: ProgressMode, total: number, write: (s: string) => void, now: () => number = () => performance.now()): Progress {
  const start = now();
  const secondsLeft = (done: number, elapsedMs: number) => (done === 0 ? null : Math.round(((elapsedMs / done) * (total - done)) / 1000));
  if (mode === 'json') {
    return {
      update(done) {
        const elapsedMs = now() - start;
        write(`${JSON.stringify({ done, total, elapsedSec: Math.round(elapsedMs) / 1000, etaSec: secondsLeft(done, elapsedMs) })}\n`);
      },
      end() {},
    };
  }
  if (mode === 'none') return { update() {}, end() {} };
  let lastDrawn = -Infinity;
  let drawn = false;
  return {
    update(done) {
      const elapsedMs = now() - start;
      if (done < total && elapsedMs - lastDrawn < REDRAW_MS) return;
      lastDrawn = elapsedMs;
      drawn = true;
      const filled = Math.round((done / total) * BAR_WIDTH);
      const left = secondsLeft(done, elapsedMs);
      write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} replications${left === null ? '' : `, ${formatSeconds(left)} left`}\x1b[K`);
    },
    end() {
      if (drawn) write('\r\x1b[K');
    },
  };
}

function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
