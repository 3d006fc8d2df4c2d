/** M/M/c/K (optionally +M): finite trunks, used to validate a simulated queue whose lines can fill up. */
import { show, requireInteger, requireNonNegative, requirePositive, requirePatience } from './input-checks';
import { birthDeathMetrics } from './birth-death';

export interface MmckInput {
  agents: number;
  /** Trunks K: calls in the system (talking + waiting), an integer ≥ agents. */
  lines: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Defaults to 0 (service level then means "answered immediately"). */
  thresholdSec?: number;
  /** Exponential patience of waiting callers; omitted or Infinity = nobody abandons. */
  meanPatienceSec?: number;
}

export interface MmckMetrics {
  loadErlangs: number;
  /** P(an arrival finds all lines busy and is lost). */
  pBlock: number;
  /** P(an arrival is admitted and has to wait); divide by 1 − pBlock for "given admitted". */
  pWait: number;
  /** P(an arrival abandons); 0 without patience. */
  pAbandon: number;
  /** Calls answered within thresholdSec ÷ calls offered (blocked and abandoned count against). */
  serviceLevel: number;
  /** Mean wait of answered calls. */
  asaSec: number;
  /** Mean time in queue of admitted calls (abandoned ones included), Lq / (λ(1 − pBlock)). */
  meanWaitSec: number;
  meanQueueLength: number;
  occupancy: number;
}

/**
 * Exact M/M/c/K(+M) metrics: a finite birth–death chain, solved with the same
 * log-space weights and tagged-caller argument as Erlang A. With lines = agents
 * it is Erlang B; with lines → ∞ it tends to Erlang C (or Erlang A).
 */
export function mmckMetrics(input: MmckInput): MmckMetrics {
  const { agents, lines, arrivalRatePerSec, meanHandleSec } = input;
  const thresholdSec = input.thresholdSec ?? 0;
  const meanPatienceSec = input.meanPatienceSec ?? Infinity;
  requireInteger('agents', agents, 1);
  requireInteger('lines', lines, 1);
  if (lines < agents) {
    throw new RangeError(`lines must be at least agents (${agents}) (got ${show(lines)})`);
  }
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  requireNonNegative('thresholdSec', thresholdSec);
  requirePatience('meanPatienceSec', meanPatienceSec);

  const m = birthDeathMetrics({
    agents,
    arrivalRatePerSec,
    serviceRatePerSec: 1 / meanHandleSec,
    abandonRatePerSec: meanPatienceSec === Infinity ? 0 : 1 / meanPatienceSec,
    thresholdSec,
    capacity: lines,
    patienceName: 'meanPatienceSec',
  });
  const admittedPerSec = arrivalRatePerSec * (1 - m.pBlock);
  return {
    loadErlangs: arrivalRatePerSec * meanHandleSec,
    pBlock: m.pBlock,
    pWait: m.pWait,
    pAbandon: m.pAbandon,
    serviceLevel: m.serviceLevel,
    asaSec: m.asaSec,
    meanWaitSec: admittedPerSec > 0 ? m.meanQueueLength / admittedPerSec : 0,
    meanQueueLength: m.meanQueueLength,
    occupancy: m.occupancy,
  };
}

/** Blocking probability of M/M/c/K without abandonment (depends on λ, μ only through A). */
export function mmcKBlocking(agents: number, lines: number, loadErlangs: number): number {
  requireNonNegative('loadErlangs', loadErlangs);
  // Unit handle time makes the arrival rate equal to the load.
  return mmckMetrics({ agents, lines, arrivalRatePerSec: loadErlangs, meanHandleSec: 1 }).pBlock;
}
