/** Sample statistics the tests use to derive their tolerances from the data, not by hand. */
import { studentTQuantile } from '../../src/runner/statistics';

export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/** Central moment of order k. */
export function centralMoment(xs: ArrayLike<number>, k: number): number {
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i] - m) ** k;
  return sum / xs.length;
}

/**
 * Half-widths at confidence 1 − alpha for the sample mean and the sample variance of iid draws:
 * mean ± z·s/√n; variance ± z·√((μ4 − s⁴)/n), the large-sample standard error of s².
 */
export function momentBounds(xs: ArrayLike<number>, alpha: number) {
  const n = xs.length;
  const z = studentTQuantile(1 - alpha / 2, n - 1);
  const variance = centralMoment(xs, 2);
  const fourth = centralMoment(xs, 4);
  return {
    mean: mean(xs),
    variance,
    meanHalfWidth: (z * Math.sqrt(variance)) / Math.sqrt(n),
    varianceHalfWidth: z * Math.sqrt(Math.max(fourth - variance * variance, 0) / n),
  };
}

/** P(Z > z) for a standard normal, via erfc (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

export function minimum(xs: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] < m) m = xs[i];
  return m;
}
