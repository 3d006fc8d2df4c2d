/** Erlang A (Palm's M/M/c+M): Erlang C plus exponential patience, meaningful in overload because callers abandon. */
import { requireInteger, requireNonNegative, requirePositive, requirePatience } from './input-checks';
import { erlangCMetrics } from './erlang-b-c';
import { birthDeathMetrics } from './birth-death';

export interface ErlangAInput {
  agents: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Mean of the exponential patience; Infinity reduces to Erlang C. */
  meanPatienceSec: number;
  thresholdSec: number;
}

export interface ErlangAMetrics {
  loadErlangs: number;
  /** P(an arrival finds all agents busy) = P(N ≥ c). */
  pWait: number;
  /** P(an arrival abandons before being answered). */
  pAbandon: number;
  /** Calls answered within thresholdSec ÷ calls offered (abandons count against). */
  serviceLevel: number;
  /** Mean wait of answered calls. */
  asaSec: number;
  /** Mean time in queue over all offered calls, abandoned ones included (Lq/λ). */
  meanWaitSec: number;
  /** Mean number of callers waiting, E[(N − c)^+]. */
  meanQueueLength: number;
  /** Fraction of agent time handling calls: answered load / c. */
  occupancy: number;
}

/**
 * Exact Erlang A (Palm's M/M/c+M) metrics; see birthDeathMetrics for the
 * method. Stable in overload because abandonment caps the queue. With
 * meanPatienceSec = Infinity this is Erlang C (and then requires A < c for
 * finite waits; in overload it reports the Erlang C limits).
 */
export function erlangAMetrics(input: ErlangAInput): ErlangAMetrics {
  const { agents, arrivalRatePerSec, meanHandleSec, meanPatienceSec, thresholdSec } = input;
  requireInteger('agents', agents, 1);
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  requirePatience('meanPatienceSec', meanPatienceSec);
  requireNonNegative('thresholdSec', thresholdSec);
  const loadErlangs = arrivalRatePerSec * meanHandleSec;

  if (meanPatienceSec === Infinity) {
    // Nobody abandons: the chain has no decaying tail, use the closed forms.
    const cm = erlangCMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec });
    const stable = loadErlangs < agents;
    const lq = stable ? (cm.pWait * loadErlangs) / (agents - loadErlangs) : Infinity;
    return {
      loadErlangs,
      pWait: cm.pWait,
      pAbandon: 0,
      serviceLevel: cm.serviceLevel,
      // Erlang C's ASA is over all calls; answered-call ASA is the same since all are answered.
      asaSec: cm.asaSec,
      meanWaitSec: cm.asaSec,
      meanQueueLength: lq,
      occupancy: cm.occupancy,
    };
  }

  const m = birthDeathMetrics({
    agents,
    arrivalRatePerSec,
    serviceRatePerSec: 1 / meanHandleSec,
    abandonRatePerSec: 1 / meanPatienceSec,
    thresholdSec,
    capacity: Infinity,
    patienceName: 'meanPatienceSec',
  });
  return {
    loadErlangs,
    pWait: m.pWait,
    pAbandon: m.pAbandon,
    serviceLevel: m.serviceLevel,
    asaSec: m.asaSec,
    meanWaitSec: arrivalRatePerSec > 0 ? m.meanQueueLength / arrivalRatePerSec : 0,
    meanQueueLength: m.meanQueueLength,
    occupancy: m.occupancy,
  };
}
