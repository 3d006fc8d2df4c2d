/**
 * The paired statistics of a comparison (issue 11): per-replication differences, a paired-t
 * interval, and a verdict that knows which direction of a KPI is better.
 */
import { describe, expect, it } from 'vitest';
import { pairedDifference, verdict } from '../../src/runner/paired-comparison';

describe('the paired difference', () => {
  it('matches a paired t interval worked by hand', () => {
    // Differences 2, 3, 1, 3: mean 2.25, s² = 2.75 / 3, s/√4 = 0.478714, t(0.975, 3) = 3.182446.
    const result = pairedDifference([10, 12, 14, 11], [12, 15, 15, 14], 'higher');
    expect(result.mean).toBe(2.25);
    expect(result.ci95).toBeCloseTo(3.182446 * 0.478714, 5);
    expect(result.verdict).toBe('better');
  });

  it('is narrower than the spread of either configuration when both move together', () => {
    const baseline = [0.6, 0.9, 0.7, 0.8, 0.65];
    const result = pairedDifference(baseline, baseline.map((x) => x + 0.05), 'higher');
    expect(result.mean).toBeCloseTo(0.05, 12);
    expect(result.ci95).toBeLessThan(1e-12);
    expect(result.verdict).toBe('better');
  });

  it('has no interval from one replication or when a replication had no value', () => {
    expect(pairedDifference([1], [2], 'higher')).toEqual({ mean: 1, ci95: null, verdict: 'undetermined' });
    expect(pairedDifference([1, null, 3], [2, 2, 2], 'lower').verdict).toBe('undetermined');
  });

  it('refuses samples of different lengths, which cannot be paired', () => {
    expect(() => pairedDifference([1, 2], [1], 'higher')).toThrow(/same length/);
  });
});

describe('the verdict', () => {
  it('is better or worse by the KPI’s better direction when the interval excludes zero', () => {
    expect(verdict({ mean: -3, ci95: 1 }, 'lower')).toBe('better');
    expect(verdict({ mean: -3, ci95: 1 }, 'higher')).toBe('worse');
    expect(verdict({ mean: 0.2, ci95: 0.1 }, 'higher')).toBe('better');
  });

  it('says higher or lower for a KPI with no better side (occupancy)', () => {
    expect(verdict({ mean: 0.07, ci95: 0.01 }, 'neither')).toBe('higher');
    expect(verdict({ mean: -0.07, ci95: 0.01 }, 'neither')).toBe('lower');
  });

  it('finds no significant difference when the interval holds zero', () => {
    expect(verdict({ mean: 0.5, ci95: 0.5 }, 'higher')).toBe('no significant difference');
    expect(verdict({ mean: 0, ci95: 0 }, 'lower')).toBe('no significant difference');
  });
});
