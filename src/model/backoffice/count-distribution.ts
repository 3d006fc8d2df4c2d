/**
 * Samplers for whole-number counts: how many items a batch holds.
 *
 * A batch's size can be scaled on the day it lands (day-of-week factors), so every sampler takes
 * the factor: a Poisson count scales its mean (exactly Poisson again), every other kind scales
 * the drawn count and rounds to the nearest whole item. Poisson uses Knuth's product method for
 * small means and Hörmann's PTRS (transformed rejection with squeeze, 1993) for large ones, so a
 * month-end file of 5,000 items costs a handful of uniforms, not 5,000.
 */
import type { RandomStream } from '../../engine/random-streams';
import { standardNormalSampler } from '../../engine/distributions';
import type { CountSpec } from './backoffice-schema';

export type CountSampler = (factor: number) => number;

export function createCountSampler(spec: CountSpec, rng: RandomStream): CountSampler {
  switch (spec.kind) {
    case 'poisson':
      return (factor) => poisson(spec.mean * factor, rng);
    case 'deterministic':
      return (factor) => Math.round(spec.value * factor);
    case 'uniform': {
      const { min, max } = spec;
      return (factor) => Math.round((min + Math.floor(rng() * (max - min + 1))) * factor);
    }
    case 'normal': {
      const { mean, sd } = spec;
      const normal = standardNormalSampler(rng);
      return (factor) => Math.max(0, Math.round((mean + sd * normal()) * factor));
    }
    case 'empirical': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return (factor) => {
        let target = rng() * total;
        for (let i = 0; i < spec.values.length; i++) {
          target -= weights[i];
          if (target < 0) return Math.round(spec.values[i] * factor);
        }
        return Math.round(spec.values[spec.values.length - 1] * factor);
      };
    }
  }
}

/** Expected count of a spec (before any day factor). */
export function countMean(spec: CountSpec): number {
  switch (spec.kind) {
    case 'poisson':
    case 'normal':
      return spec.mean;
    case 'deterministic':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'empirical': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return spec.values.reduce((sum, v, i) => sum + v * weights[i], 0) / total;
    }
  }
}

/** One Poisson draw with mean `lambda` ≥ 0. */
export function poisson(lambda: number, rng: RandomStream): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) {
    // Knuth: multiply uniforms until the product falls below e^−λ.
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = 1 - rng();
    while (product > limit) {
      k++;
      product *= 1 - rng();
    }
    return k;
  }
  // PTRS, as in Hörmann (1993) and numpy's random_poisson_ptrs.
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}

/** ln(k!) by Stirling's series (exact table below 16; error < 1e-10 above). */
function logFactorial(k: number): number {
  if (k < 16) return LOG_FACTORIALS[k];
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

const LOG_FACTORIALS: readonly number[] = (() => {
  const out = [0];
  for (let i = 1; i < 16; i++) out.push(out[i - 1] + Math.log(i));
  return out;
})();
