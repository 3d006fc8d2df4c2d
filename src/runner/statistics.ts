/**
 * Confidence intervals across independent replications: the sample mean and the half-width
 * t(0.975, n−1) · s / √n. Student's t quantile is found by bisection on its CDF, computed
 * through the regularised incomplete beta function (continued fraction), so no table limits n.
 */

export interface Estimate {
  /** Mean across replications; null when the KPI had no value (no calls) in some replication. */
  mean: number | null;
  /** Half-width of the 95% confidence interval; null with fewer than two replications. */
  ci95: number | null;
}

export function estimate(values: readonly (number | null)[]): Estimate {
  const accumulator = new EstimateAccumulator();
  for (const value of values) accumulator.add(value);
  return accumulator.estimate();
}

/**
 * One KPI's estimate built a replication at a time, in constant memory: a running sum gives the
 * mean (the same additions, in the same order, as summing a list), and Welford's update gives
 * the sum of squared deviations without keeping the values.
 */
export class EstimateAccumulator {
  private count = 0;
  private sum = 0;
  private runningMean = 0;
  private squaredDeviations = 0;
  private missing = false;

  add(value: number | null): void {
    this.count++;
    if (value === null) {
      this.missing = true;
      return;
    }
    this.sum += value;
    const delta = value - this.runningMean;
    this.runningMean += delta / this.count;
    this.squaredDeviations += delta * (value - this.runningMean);
  }

  estimate(): Estimate {
    const n = this.count;
    if (n === 0 || this.missing) return { mean: null, ci95: null };
    const mean = this.sum / n;
    if (n < 2) return { mean, ci95: null };
    return { mean, ci95: tQuantile975(n - 1) * Math.sqrt(this.squaredDeviations / (n - 1) / n) };
  }
}

/** Every numeric field of a KPI record, one replication's record at a time. */
export class RecordAccumulator<T extends object> {
  private fields: [keyof T, EstimateAccumulator][] | null = null;

  add(sample: T): void {
    this.fields ??= (Object.keys(sample) as (keyof T)[]).map((name) => [name, new EstimateAccumulator()]);
    for (const [name, accumulator] of this.fields) accumulator.add(sample[name] as number | null);
  }

  estimates(): { [K in keyof T]: Estimate } {
    const out = {} as { [K in keyof T]: Estimate };
    for (const [name, accumulator] of this.fields ?? []) out[name] = accumulator.estimate();
    return out;
  }
}

const t975ByDf = new Map<number, number>();
/** t(0.975, df), remembered: a report asks for the same few degrees of freedom thousands of times. */
function tQuantile975(df: number): number {
  let t = t975ByDf.get(df);
  if (t === undefined) t975ByDf.set(df, (t = studentTQuantile(0.975, df)));
  return t;
}

/** The p-quantile of Student's t with `df` degrees of freedom (p in (0, 1)). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1) (got ${p})`);
  if (!(df > 0)) throw new RangeError(`df must be > 0 (got ${df})`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** I_x(a, b) by Lentz's continued fraction, using the symmetry relation where it converges faster. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0. */
export function logGamma(x: number): number {
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = coefficients[0];
  for (let i = 1; i < 9; i++) sum += coefficients[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Every numeric field of a set of samples (one KPI record per replication) as an Estimate. */
export function estimateFields<T extends object>(samples: readonly T[]): { [K in keyof T]: Estimate } {
  const accumulator = new RecordAccumulator<T>();
  for (const sample of samples) accumulator.add(sample);
  return accumulator.estimates();
}
