/**
 * Every shipped lesson teaches what its claim says on the run the room watches (its own seed) and
 * on 20 other seeds, so no lesson rests on a lucky draw.
 */
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/runner/lesson-check';
import { LESSON_FILES, loadLesson } from './shipped-lessons';

const OTHER_SEEDS = 20;

describe('every shipped lesson', () => {
  it('there are at least 8 lessons', () => {
    expect(LESSON_FILES.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of LESSON_FILES) {
    it(`${file}: the claim holds on its own seed and on ${OTHER_SEEDS} others`, () => {
      const { lesson, configurations, seed } = loadLesson(file);
      const seeds = [seed, ...Array.from({ length: OTHER_SEEDS }, (_, i) => seed + 1 + i)];
      const failures = seeds
        .map((s) => checkLesson(lesson, configurations, s))
        .filter((outcome) => !outcome.holds)
        .map((outcome) => ({
          seed: outcome.seed,
          failed: outcome.conditions.filter((c) => !c.holds).map((c) => `${c.condition.left}${c.condition.minus ? ` − ${c.condition.minus}` : ''} = ${c.left} ${c.condition.op} ${c.right}`),
        }));
      expect(failures).toEqual([]);
    });
  }
});
