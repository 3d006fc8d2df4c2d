import { describe, it, expect } from 'vitest';
import { createStream } from '../../../src/engine/random-streams';
import { createCountSampler, countMean, poisson } from '../../../src/model/backoffice/count-distribution';

function moments(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe('batch sizes', () => {
  // For a Poisson(λ) sample of n, the sample mean has sd √(λ/n) and the sample variance sd
  // ≈ √(2λ² + λ)/√n; five of those is a bound a correct sampler breaks about once in 3 million runs.
  for (const lambda of [0.5, 4, 9.5, 10, 37, 900, 5000]) {
    it(`draws Poisson counts with mean and variance ${lambda}`, () => {
      const rng = createStream(1, `poisson-${lambda}`);
      const n = 20000;
      const xs = Array.from({ length: n }, () => poisson(lambda, rng));
      const { mean, variance } = moments(xs);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((2 * lambda * lambda + lambda) / n));
    });
  }

  it('gives 0 for a Poisson mean of 0', () => {
    expect(poisson(0, createStream(1, 'zero'))).toBe(0);
  });

  it('scales a Poisson mean by the day factor, and other kinds by rounding the scaled count', () => {
    const rng = createStream(2, 'factor');
    const sampler = createCountSampler({ kind: 'poisson', mean: 100 }, rng);
    const xs = Array.from({ length: 5000 }, () => sampler(0.5));
    expect(Math.abs(moments(xs).mean - 50)).toBeLessThan(5 * Math.sqrt(50 / 5000));
    expect(createCountSampler({ kind: 'deterministic', value: 120 }, rng)(1.25)).toBe(150);
    expect(createCountSampler({ kind: 'deterministic', value: 120 }, rng)(0)).toBe(0);
  });

  it('draws uniform counts over the whole inclusive range', () => {
    const sampler = createCountSampler({ kind: 'uniform', min: 3, max: 6 }, createStream(3, 'uniform'));
    const seen = new Set(Array.from({ length: 2000 }, () => sampler(1)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws empirical counts with their weights, and never a negative normal count', () => {
    const empirical = createCountSampler({ kind: 'empirical', values: [10, 20], weights: [3, 1] }, createStream(4, 'emp'));
    const xs = Array.from({ length: 8000 }, () => empirical(1));
    const share10 = xs.filter((x) => x === 10).length / xs.length;
    // Binomial sd of the share is √(0.75·0.25/8000) ≈ 0.0048; 5 sd.
    expect(Math.abs(share10 - 0.75)).toBeLessThan(0.025);
    const normal = createCountSampler({ kind: 'normal', mean: 2, sd: 5 }, createStream(5, 'normal'));
    expect(Array.from({ length: 2000 }, () => normal(1)).every((x) => x >= 0 && Number.isInteger(x))).toBe(true);
    expect(countMean({ kind: 'empirical', values: [10, 20], weights: [3, 1] })).toBe(12.5);
  });
});
