/**
 * Paired comparison of two configurations run on common random numbers: replication r of both
 * met the same arrivals, so the difference is taken per replication and its mean gets a paired-t
 * interval, t(0.975, n−1)·s_d/√n over the n differences. The verdict says whether the interval
 * excludes zero and, knowing which direction of the KPI is better, which way.
 */
import { EstimateAccumulator, type Estimate } from './statistics';

/** Which way a KPI is better: service level up, waiting down; occupancy has no better side. */
export type BetterDirection = 'higher' | 'lower' | 'neither';

export type Verdict =
  | 'better'
  | 'worse'
  /** A significant change of a KPI with no better side. */
  | 'higher'
  | 'lower'
  | 'no significant difference'
  /** Fewer than two replications, or a replication without a value (no calls, say). */
  | 'undetermined';

export interface PairedDifference extends Estimate {
  verdict: Verdict;
}

export function verdict(difference: Estimate, better: BetterDirection): Verdict {
  const { mean, ci95 } = difference;
  if (mean === null || ci95 === null) return 'undetermined';
  if (Math.abs(mean) <= ci95) return 'no significant difference';
  const up = mean > 0;
  if (better === 'neither') return up ? 'higher' : 'lower';
  return up === (better === 'higher') ? 'better' : 'worse';
}

/** alternative − baseline, one replication pair at a time. */
export class PairedDifferenceAccumulator {
  private readonly differences = new EstimateAccumulator();

  add(baseline: number | null, alternative: number | null): void {
    this.differences.add(baseline === null || alternative === null ? null : alternative - baseline);
  }

  result(better: BetterDirection): PairedDifference {
    const difference = this.differences.estimate();
    return { ...difference, verdict: verdict(difference, better) };
  }
}

/** The paired difference of two lists of per-replication values (replication r in both at index r). */
export function pairedDifference(baseline: readonly (number | null)[], alternative: readonly (number | null)[], better: BetterDirection): PairedDifference {
  if (baseline.length !== alternative.length) throw new RangeError(`paired samples must have the same length (got ${baseline.length} and ${alternative.length})`);
  const accumulator = new PairedDifferenceAccumulator();
  baseline.forEach((value, r) => accumulator.add(value, alternative[r]));
  return accumulator.result(better);
}
