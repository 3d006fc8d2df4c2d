/**
 * Probability distributions, described by plain JSON-friendly specs and turned into samplers
 * that draw from one random stream.
 *
 * Parameters are given the way planners think about them: a mean and a coefficient of variation
 * (cv = standard deviation ÷ mean) for lognormal and gamma, rather than the textbook shape and
 * scale. `distributionProblems` is the one place the parameter rules live; the scenario schema
 * reports its findings with the scenario's own field names, and `createSampler` refuses a spec
 * that has any.
 */
import type { RandomStream } from './random-streams';

export type DistributionSpec =
  | { kind: 'exponential'; mean: number }
  | { kind: 'deterministic'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** Normal with the given mean and sd, redrawn until ≥ 0 (so its realised mean is a little higher). */
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mean: number; cv: number }
  /**
   * Gamma with the given mean and cv; an Erlang-k when 1/cv² is the integer k. Below
   * `MIN_SAMPLED_CV` every draw is the mean (see `createSampler`).
   */
  | { kind: 'gamma'; mean: number; cv: number }
  | { kind: 'empirical'; values: number[]; weights?: number[] };

export type DistributionKind = DistributionSpec['kind'];

export interface ParameterProblem {
  /** The parameter's name in the spec, e.g. "mean" or "weights[2]". */
  readonly field: string;
  readonly message: string;
}

export type Sampler = () => number;

/**
 * The cv of lognormal and gamma is at most this: beyond it almost every draw is near 0 and the
 * rest are huge (and cv² overflows long before 1e308).
 */
export const MAX_CV = 10;
/**
 * A gamma with a cv below this is drawn as its mean: its spread is under 0.1% of the mean, and
 * its shape (1/cv²) grows so large that the rejection sampler loses its precision and, at
 * cv = 1e-300, never accepts a draw.
 */
export const MIN_SAMPLED_CV = 1e-3;

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Every rule a distribution's parameters must satisfy; an empty list means the spec is usable. */
export function distributionProblems(spec: DistributionSpec): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const need = (field: string, value: unknown, ok: (v: number) => boolean, rule: string) => {
    if (!isFiniteNumber(value)) problems.push({ field, message: `must be a finite number (got ${String(value)})` });
    else if (!ok(value)) problems.push({ field, message: `${rule} (got ${value})` });
  };
  const positive = (v: number) => v > 0;
  const nonNegative = (v: number) => v >= 0;
  switch (spec.kind) {
    case 'exponential':
      need('mean', spec.mean, positive, 'must be > 0');
      break;
    case 'deterministic':
      need('value', spec.value, nonNegative, 'must be >= 0');
      break;
    case 'uniform':
      need('min', spec.min, nonNegative, 'must be >= 0');
      need('max', spec.max, (v) => v >= spec.min, `must be >= min (${spec.min})`);
      break;
    case 'triangular':
      need('min', spec.min, nonNegative, 'must be >= 0');
      need('mode', spec.mode, (v) => v >= spec.min, `must be >= min (${spec.min})`);
      need('max', spec.max, (v) => v >= spec.mode && v > spec.min, `must be >= mode (${spec.mode}) and > min (${spec.min})`);
      break;
    case 'normal':
      need('mean', spec.mean, positive, 'must be > 0');
      need('sd', spec.sd, nonNegative, 'must be >= 0');
      break;
    case 'lognormal':
    case 'gamma':
      need('mean', spec.mean, positive, 'must be > 0');
      need('cv', spec.cv, positive, 'must be > 0');
      if (isFiniteNumber(spec.cv) && spec.cv > MAX_CV) problems.push({ field: 'cv', message: `must be at most ${MAX_CV} (got ${spec.cv})` });
      break;
    case 'empirical': {
      if (!Array.isArray(spec.values) || spec.values.length === 0) {
        problems.push({ field: 'values', message: 'must be a non-empty list' });
        break;
      }
      spec.values.forEach((v, i) => need(`values[${i}]`, v, nonNegative, 'must be >= 0'));
      if (spec.weights !== undefined) {
        if (spec.weights.length !== spec.values.length) {
          problems.push({
            field: 'weights',
            message: `must have one weight per value (${spec.values.length}) (got ${spec.weights.length})`,
          });
        }
        spec.weights.forEach((w, i) => need(`weights[${i}]`, w, nonNegative, 'must be >= 0'));
        if (spec.weights.every((w) => w === 0)) problems.push({ field: 'weights', message: 'must not all be 0' });
      }
      break;
    }
    default:
      problems.push({ field: 'kind', message: `unknown distribution kind (got ${String((spec as { kind: unknown }).kind)})` });
  }
  return problems;
}

/** Theoretical mean of the spec (for the truncated normal: of the untruncated normal). */
export function distributionMean(spec: DistributionSpec): number {
  switch (spec.kind) {
    case 'exponential':
    case 'normal':
    case 'lognormal':
    case 'gamma':
      return spec.mean;
    case 'deterministic':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'empirical': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return spec.values.reduce((sum, v, i) => sum + v * weights[i], 0) / total;
    }
  }
}

export function createSampler(spec: DistributionSpec, rng: RandomStream): Sampler {
  const problems = distributionProblems(spec);
  if (problems.length > 0) {
    throw new RangeError(`${spec.kind} distribution: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  }
  switch (spec.kind) {
    case 'exponential': {
      const mean = spec.mean;
      // 1 − u is in (0, 1], so the log is finite.
      return () => -mean * Math.log(1 - rng());
    }
    case 'deterministic': {
      const value = spec.value;
      return () => value;
    }
    case 'uniform': {
      const { min } = spec;
      const width = spec.max - spec.min;
      return () => min + width * rng();
    }
    case 'triangular':
      return triangularSampler(spec.min, spec.mode, spec.max, rng);
    case 'normal': {
      const { mean, sd } = spec;
      const normal = standardNormalSampler(rng);
      // mean > 0, so at least half the draws are kept.
      return () => {
        for (;;) {
          const x = mean + sd * normal();
          if (x >= 0) return x;
        }
      };
    }
    case 'lognormal': {
      const sigma2 = Math.log(1 + spec.cv * spec.cv);
      const mu = Math.log(spec.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      const normal = standardNormalSampler(rng);
      return () => Math.exp(mu + sigma * normal());
    }
    case 'gamma': {
      if (spec.cv < MIN_SAMPLED_CV) {
        const mean = spec.mean;
        return () => mean;
      }
      const shape = 1 / (spec.cv * spec.cv);
      return gammaSampler(shape, spec.mean / shape, rng);
    }
    case 'empirical':
      return empiricalSampler(spec.values, spec.weights, rng);
  }
}

function triangularSampler(min: number, mode: number, max: number, rng: RandomStream): Sampler {
  const width = max - min;
  const split = (mode - min) / width;
  return () => {
    const u = rng();
    return u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
  };
}

/** Marsaglia's polar method; the second variate of each pair is kept for the next call. */
export function standardNormalSampler(rng: RandomStream): Sampler {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };
}

/** Marsaglia–Tsang (2000); for shape < 1, draw at shape + 1 and scale by U^(1/shape). */
function gammaSampler(shape: number, scale: number, rng: RandomStream): Sampler {
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const normal = standardNormalSampler(rng);
  return () => {
    let x: number;
    for (;;) {
      const z = normal();
      const t = 1 + c * z;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = 1 - rng();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        x = d * v;
        break;
      }
    }
    if (boost) x *= Math.pow(1 - rng(), 1 / shape);
    return x * scale;
  };
}

function empiricalSampler(values: number[], weights: number[] | undefined, rng: RandomStream): Sampler {
  const n = values.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights ? weights[i] : 1;
    cumulative[i] = total;
  }
  const choices = values.slice();
  return () => {
    const target = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return choices[lo];
  };
}
