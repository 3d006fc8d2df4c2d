import { describe, expect, it } from 'vitest';
import { createStream, RandomStreams } from '../../src/engine/random-streams';
import { normalUpperTail } from '../helpers/statistics';

const take = (rng: () => number, n: number) => Array.from({ length: n }, rng);

/** Upper tail of chi-square(df) by the Wilson–Hilferty normal approximation (good to ~1e-3 relative at df = 99). */
function chiSquareUpperTail(x: number, df: number): number {
  const z = (Math.cbrt(x / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  return normalUpperTail(z);
}

describe('random streams', () => {
  it('repeat exactly for the same seed and name', () => {
    expect(take(createStream(5, 'arrivals:support'), 1000)).toEqual(take(createStream(5, 'arrivals:support'), 1000));
  });

  it('differ between names and between seeds', () => {
    const a = take(createStream(5, 'arrivals:support'), 100);
    expect(take(createStream(5, 'talk:support'), 100)).not.toEqual(a);
    expect(take(createStream(6, 'arrivals:support'), 100)).not.toEqual(a);
  });

  it('hand out the same stream object for a name, so draws continue rather than restart', () => {
    const streams = new RandomStreams(1);
    const first = streams.stream('x')();
    expect(streams.stream('x')()).not.toBe(first);
    expect(streams.stream('x')).toBe(streams.stream('x'));
  });

  it('are uniform on [0, 1) by a chi-square test on 100 bins', () => {
    const n = 1_000_000;
    const bins = new Array(100).fill(0);
    const rng = createStream(11, 'uniformity');
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 100)]++;
    }
    expect(outside).toBe(0);
    const expected = n / 100;
    const chi2 = bins.reduce((sum, b) => sum + (b - expected) ** 2 / expected, 0);
    // p-value above 0.001: a sound generator fails this one time in a thousand.
    expect(chiSquareUpperTail(chi2, 99)).toBeGreaterThan(0.001);
  });

  it('show no lag-1 serial correlation and no correlation between two named streams', () => {
    const n = 500_000;
    const a = take(createStream(3, 'a'), n);
    const b = take(createStream(3, 'b'), n);
    const corr = (x: number[], y: number[]) => {
      let sxy = 0;
      for (let i = 0; i < x.length; i++) sxy += (x[i] - 0.5) * (y[i] - 0.5);
      return sxy / x.length / (1 / 12);
    };
    // Under independence the estimate is ~N(0, 1/n): 3.9 standard errors ≈ two-sided p of 1e-4.
    const bound = 3.9 / Math.sqrt(n);
    expect(Math.abs(corr(a.slice(1), a.slice(0, -1)))).toBeLessThan(bound);
    expect(Math.abs(corr(a, b))).toBeLessThan(bound);
  });
});
