/** Erlang B (M/M/c/c, blocking with no queue) and Erlang C (M/M/c: probability of waiting, service level, ASA, occupancy). */
import { requireInteger, requireNonNegative, requirePositive } from './input-checks';

/** Offered load in Erlangs: arrivals per second × seconds of work per arrival. */
export function offeredLoadErlangs(arrivalRatePerSec: number, meanHandleSec: number): number {
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  return arrivalRatePerSec * meanHandleSec;
}

/**
 * log B(c, A) by the recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1.
 * The recursion is stable, but B itself underflows to 0 for c ≫ A (2,000
 * agents on 1 Erlang is ~1e-5700); the Erlang A normaliser needs 1/B, so the
 * logarithm is what we carry.
 */
export function logErlangB(agents: number, loadErlangs: number): number {
  if (loadErlangs === 0) return agents === 0 ? 0 : -Infinity;
  const logA = Math.log(loadErlangs);
  let logB = 0;
  for (let k = 1; k <= agents; k++) {
    // A·B(k−1) may underflow to 0 here; then k dominates the denominator anyway.
    logB = logA + logB - Math.log(k + loadErlangs * Math.exp(logB));
  }
  return logB;
}

/** Erlang B: probability an arrival is blocked in M/M/c/c (c servers, no queue). */
export function erlangB(agents: number, loadErlangs: number): number {
  requireInteger('agents', agents, 0);
  requireNonNegative('loadErlangs', loadErlangs);
  return Math.exp(logErlangB(agents, loadErlangs));
}

/**
 * Erlang C: probability an arrival has to wait in M/M/c. Derived from Erlang B
 * as C = c·B / (c − A·(1 − B)), which avoids the textbook sums of powers. When
 * A ≥ c the queue is unstable and every arrival eventually waits, so 1.
 */
export function erlangC(agents: number, loadErlangs: number): number {
  requireInteger('agents', agents, 0);
  requireNonNegative('loadErlangs', loadErlangs);
  if (loadErlangs >= agents) return 1;
  const b = erlangB(agents, loadErlangs);
  return (agents * b) / (agents - loadErlangs * (1 - b));
}

export interface ErlangCInput {
  /** Agents on the phones (servers), a positive integer. */
  agents: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Service-level threshold T: "answered within T seconds". */
  thresholdSec: number;
}

export interface ErlangCMetrics {
  loadErlangs: number;
  /** P(an arrival waits at all) — Erlang C. */
  pWait: number;
  /** P(answered within thresholdSec); 0 when the queue is unstable. */
  serviceLevel: number;
  /** Average speed of answer (mean wait over all calls); Infinity when unstable. */
  asaSec: number;
  /** Fraction of agent time spent handling calls: A/c, capped at 1. */
  occupancy: number;
}

function validateErlangCInput(input: ErlangCInput): void {
  requireInteger('agents', input.agents, 1);
  requireNonNegative('arrivalRatePerSec', input.arrivalRatePerSec);
  requirePositive('meanHandleSec', input.meanHandleSec);
  requireNonNegative('thresholdSec', input.thresholdSec);
}

/**
 * All Erlang C figures at once. SL = 1 − C·exp(−(c − A)·T/AHT) and
 * ASA = C·AHT/(c − A): the wait of a delayed call is exponential with rate
 * (c − A)/AHT. In overload (A ≥ c) the queue grows without bound, so
 * SL = 0, ASA = Infinity and agents are always busy.
 */
export function erlangCMetrics(input: ErlangCInput): ErlangCMetrics {
  validateErlangCInput(input);
  const { agents, arrivalRatePerSec, meanHandleSec, thresholdSec } = input;
  const loadErlangs = arrivalRatePerSec * meanHandleSec;
  if (loadErlangs >= agents) {
    return { loadErlangs, pWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1 };
  }
  const pWait = erlangC(agents, loadErlangs);
  const spare = agents - loadErlangs;
  return {
    loadErlangs,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-spare * thresholdSec) / meanHandleSec),
    asaSec: (pWait * meanHandleSec) / spare,
    occupancy: loadErlangs / agents,
  };
}

/** Erlang C service level: P(answered within thresholdSec). */
export function erlangCServiceLevel(input: ErlangCInput): number {
  return erlangCMetrics(input).serviceLevel;
}

/** Erlang C average speed of answer in seconds (Infinity when A ≥ c). */
export function erlangCAsa(input: ErlangCInput): number {
  return erlangCMetrics(input).asaSec;
}
