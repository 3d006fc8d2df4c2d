/** The progress bar a terminal shows on stderr (issue 11, item 5): done / total, time left, at most ten redraws a second, erased at the end. */
import { describe, expect, it } from 'vitest';
import { progressOn } from '../../src/cli/progress';

function bar() {
  let clock = 0;
  let written = '';
  const progress = progressOn('bar', 100, (s) => (written += s), () => clock);
  return {
    progress,
    at(ms: number) {
      clock = ms;
    },
    take() {
      const text = written;
      written = '';
      return text;
    },
  };
}

describe('the progress bar', () => {
  it('shows done / total and the time left, redrawn on the same line', () => {
    const b = bar();
    b.at(2_000);
    b.progress.update(25);
    expect(b.take()).toBe(`\r[${'#'.repeat(8)}${'-'.repeat(22)}] 25/100 replications, 6 s left\x1b[K`);
    b.at(80_000);
    b.progress.update(50);
    expect(b.take()).toBe(`\r[${'#'.repeat(15)}${'-'.repeat(15)}] 50/100 replications, 1 min 20 s left\x1b[K`);
  });

  it('redraws at most every 100 ms, but always the last replication, and erases itself at the end', () => {
    const b = bar();
    b.at(1_000);
    b.progress.update(1);
    b.take();
    b.at(1_050);
    b.progress.update(2);
    expect(b.take()).toBe('');
    b.at(1_060);
    b.progress.update(100);
    expect(b.take()).toMatch(/\] 100\/100 replications, 0 s left/);
    b.progress.end();
    expect(b.take()).toBe('\r\x1b[K');
  });

  it('writes nothing, not even the erasing, when nothing was drawn', () => {
    const b = bar();
    b.progress.end();
    expect(b.take()).toBe('');
  });
});
