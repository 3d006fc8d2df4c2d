/** Staffing: the smallest agent count meeting a service-level target, an occupancy cap and an abandon cap, grossed up for shrinkage. */
import { show, requireNonNegative, requirePositive, requirePatience, requireFraction } from './input-checks';
import { erlangCMetrics } from './erlang-b-c';
import { erlangAMetrics } from './erlang-a';

export interface StaffingInput {
  arrivalRatePerSec: number;
  meanHandleSec: number;
  thresholdSec: number;
  /** Target fraction answered within thresholdSec, in [0, 1). */
  targetServiceLevel: number;
  /** Cap on occupancy, in (0, 1]; default 1 (no cap beyond stability). */
  maxOccupancy?: number;
  /** Fraction of paid time off the phones, in [0, 1); default 0. */
  shrinkage?: number;
  /** When given, staff with Erlang A instead of Erlang C. */
  meanPatienceSec?: number;
  /** Cap on the share of callers who abandon, in (0, 1]; only binds with meanPatienceSec. */
  maxAbandonRate?: number;
}

export interface StaffingResult {
  agentsOnPhones: number;
  /** agentsOnPhones / (1 − shrinkage), rounded up. */
  scheduledAgents: number;
  serviceLevel: number;
  occupancy: number;
}

/** Hard stop for the search, far above any contact centre this simulator models. */
const MAX_STAFFING_AGENTS = 10_000_000;

/**
 * Smallest number of agents on the phones whose service level meets the target
 * and whose occupancy is at most maxOccupancy, by Erlang C (or Erlang A when
 * meanPatienceSec is given). Service level rises with agents, so we double an
 * upper bound until it passes and then bisect: O(log c) evaluations of O(c)
 * each, which keeps 2,000-agent queues well under a millisecond per evaluation.
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const { arrivalRatePerSec, meanHandleSec, thresholdSec, targetServiceLevel } = input;
  const maxOccupancy = input.maxOccupancy ?? 1;
  const shrinkage = input.shrinkage ?? 0;
  const patience = input.meanPatienceSec;
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  requireNonNegative('thresholdSec', thresholdSec);
  // A target of 1 is unreachable with any finite staff, so it is rejected up front.
  requireFraction('targetServiceLevel', targetServiceLevel, 0, 1, false);
  requireFraction('maxOccupancy', maxOccupancy, 0, 1, true, false);
  requireFraction('shrinkage', shrinkage, 0, 1, false);
  if (patience !== undefined) requirePatience('meanPatienceSec', patience);
  const maxAbandonRate = input.maxAbandonRate ?? 1;
  requireFraction('maxAbandonRate', maxAbandonRate, 0, 1, true, false);

  const load = arrivalRatePerSec * meanHandleSec;
  const evaluate = (agents: number): { serviceLevel: number; occupancy: number; pAbandon: number } =>
    patience === undefined
      ? { ...erlangCMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec }), pAbandon: 0 }
      : erlangAMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec, meanPatienceSec: patience });
  const meetsServiceLevel = (agents: number): boolean =>
    evaluate(agents).serviceLevel >= targetServiceLevel;

  // Erlang C needs a stable queue (c > A) and, for the cap, c ≥ A/maxOccupancy;
  // both are exact lower bounds, so start there. Erlang A can legitimately
  // meet low targets with fewer agents than Erlangs, so it starts at 1.
  let lo = 1;
  if (patience === undefined) {
    lo = Math.max(lo, Math.floor(load) + 1, Math.ceil(load / maxOccupancy - 1e-9));
  }
  let hi = lo;
  while (!meetsServiceLevel(hi)) {
    lo = hi + 1;
    hi *= 2;
    if (hi > MAX_STAFFING_AGENTS) {
      throw new RangeError(
        `targetServiceLevel cannot be met with ${MAX_STAFFING_AGENTS} agents (got ${show(targetServiceLevel)})`,
      );
    }
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (meetsServiceLevel(mid)) hi = mid;
    else lo = mid + 1;
  }

  // Occupancy and abandonment fall as agents are added (carried load is at
  // most A, so c ≥ A/maxOccupancy always satisfies the cap): step up until both hold.
  let agents = hi;
  let metrics = evaluate(agents);
  while (metrics.occupancy > maxOccupancy + 1e-12 || metrics.pAbandon > maxAbandonRate) {
    agents += 1;
    metrics = evaluate(agents);
  }

  // The epsilon keeps 14 / 0.7 = 20.000000000000004 from rounding up to 21.
  const scheduledAgents = Math.ceil(agents / (1 - shrinkage) - 1e-9);
  return {
    agentsOnPhones: agents,
    scheduledAgents,
    serviceLevel: metrics.serviceLevel,
    occupancy: metrics.occupancy,
  };
}
