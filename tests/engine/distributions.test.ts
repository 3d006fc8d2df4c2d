import { describe, expect, it } from 'vitest';
import { createSampler, distributionMean, distributionProblems, type DistributionSpec } from '../../src/engine/distributions';
import { createStream } from '../../src/engine/random-streams';
import { minimum, momentBounds } from '../helpers/statistics';

const N = 200_000;
/** 14 moment checks share one familywise 99.9% level (Bonferroni), so a correct sampler fails about once in a thousand runs. */
const ALPHA = 0.001 / 14;

function draws(spec: DistributionSpec, seed = 7): Float64Array {
  const sample = createSampler(spec, createStream(seed, `dist:${spec.kind}`));
  return Float64Array.from({ length: N }, sample);
}

// Theoretical mean and variance of each case.
const cases: { spec: DistributionSpec; mean: number; variance: number }[] = [
  { spec: { kind: 'exponential', mean: 180 }, mean: 180, variance: 180 ** 2 },
  { spec: { kind: 'uniform', min: 10, max: 70 }, mean: 40, variance: 60 ** 2 / 12 },
  { spec: { kind: 'triangular', min: 30, mode: 60, max: 150 }, mean: 80, variance: (30 ** 2 + 60 ** 2 + 150 ** 2 - 30 * 60 - 30 * 150 - 60 * 150) / 18 },
  { spec: { kind: 'lognormal', mean: 300, cv: 0.7 }, mean: 300, variance: (300 * 0.7) ** 2 },
  { spec: { kind: 'gamma', mean: 240, cv: 0.5 }, mean: 240, variance: (240 * 0.5) ** 2 },
  { spec: { kind: 'gamma', mean: 100, cv: 2 }, mean: 100, variance: 200 ** 2 },
  { spec: { kind: 'empirical', values: [30, 60, 120], weights: [1, 2, 1] }, mean: 67.5, variance: (900 + 2 * 3600 + 14400) / 4 - 67.5 ** 2 },
];

describe('distributions', () => {
  for (const { spec, mean, variance } of cases) {
    it(`draws ${spec.kind} ${JSON.stringify(spec)} with the right mean and variance`, () => {
      const b = momentBounds(draws(spec), ALPHA);
      expect(Math.abs(b.mean - mean)).toBeLessThanOrEqual(b.meanHalfWidth);
      expect(Math.abs(b.variance - variance)).toBeLessThanOrEqual(b.varianceHalfWidth);
      expect(distributionMean(spec)).toBeCloseTo(mean, 9);
    });
  }

  it('draws the normal truncated at 0 with the truncated mean', () => {
    // Mean of N(μ, σ²) conditioned on x ≥ 0 is μ + σ·φ(α)/(1 − Φ(α)) with α = −μ/σ.
    const mu = 60;
    const sd = 60;
    const phi = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);
    const tailArea = 0.8413447460685429; // 1 − Φ(−1)
    const expected = mu + (sd * phi) / tailArea;
    const xs = draws({ kind: 'normal', mean: mu, sd });
    const b = momentBounds(xs, ALPHA);
    expect(Math.abs(b.mean - expected)).toBeLessThanOrEqual(b.meanHalfWidth);
    expect(minimum(xs)).toBeGreaterThanOrEqual(0);
  });

  it('draws an Erlang-k (gamma with cv = 1/√k) whose draws are never negative', () => {
    const xs = draws({ kind: 'gamma', mean: 90, cv: 1 / Math.sqrt(3) });
    expect(minimum(xs)).toBeGreaterThan(0);
    const b = momentBounds(xs, ALPHA);
    expect(Math.abs(b.variance - 90 ** 2 / 3)).toBeLessThanOrEqual(b.varianceHalfWidth);
  });

  it('always returns the value of a deterministic distribution', () => {
    const sample = createSampler({ kind: 'deterministic', value: 42 }, createStream(1, 'd'));
    expect(new Set(Array.from({ length: 100 }, sample))).toEqual(new Set([42]));
  });

  it('names the parameter and the value for every bad parameter', () => {
    expect(distributionProblems({ kind: 'exponential', mean: -5 })).toEqual([{ field: 'mean', message: 'must be > 0 (got -5)' }]);
    expect(distributionProblems({ kind: 'exponential', mean: NaN })[0].message).toMatch(/finite number \(got NaN\)/);
    expect(distributionProblems({ kind: 'uniform', min: 5, max: 2 })[0].field).toBe('max');
    expect(distributionProblems({ kind: 'triangular', min: 1, mode: 0, max: 3 })[0].field).toBe('mode');
    expect(distributionProblems({ kind: 'lognormal', mean: 10, cv: Infinity })[0].field).toBe('cv');
    expect(distributionProblems({ kind: 'empirical', values: [] })[0].field).toBe('values');
    expect(distributionProblems({ kind: 'empirical', values: [1, 2], weights: [1] })[0].field).toBe('weights');
    expect(distributionProblems({ kind: 'empirical', values: [1, 2], weights: [0, 0] })[0].field).toBe('weights');
    expect(() => createSampler({ kind: 'gamma', mean: 0, cv: 1 }, createStream(1, 'x'))).toThrow(/mean must be > 0/);
  });
});

describe('lognormal and gamma at the edges of their cv', () => {
  it('refuses a cv above 10, whose square overflows at 1e308', () => {
    for (const kind of ['lognormal', 'gamma'] as const) {
      expect(distributionProblems({ kind, mean: 300, cv: 1e308 })).toEqual([{ field: 'cv', message: 'must be at most 10 (got 1e+308)' }]);
      expect(() => createSampler({ kind, mean: 300, cv: 1e308 }, createStream(1, 'x'))).toThrow(/cv must be at most 10/);
    }
  });

  it('draws a gamma with cv 1e-300 as its mean instead of rejecting forever', () => {
    const sample = createSampler({ kind: 'gamma', mean: 300, cv: 1e-300 }, createStream(1, 'tiny-cv'));
    expect([sample(), sample(), sample()]).toEqual([300, 300, 300]);
  });

  it('draws finite values at cv 10 and at the 0.001 threshold', () => {
    for (const spec of [
      { kind: 'gamma', mean: 31_622_400, cv: 10 },
      { kind: 'lognormal', mean: 31_622_400, cv: 10 },
      { kind: 'gamma', mean: 300, cv: 0.001 },
    ] as DistributionSpec[]) {
      const sample = createSampler(spec, createStream(3, 'edge'));
      for (let i = 0; i < 10_000; i++) {
        const x = sample();
        expect(Number.isFinite(x) && x >= 0, `${JSON.stringify(spec)} drew ${x}`).toBe(true);
      }
    }
  });
});
