/**
 * The counters behind every voice KPI, and the one function that turns them into KPIs.
 *
 * Counters are additive: an interval's, a day's and a whole run's are sums of the same fields,
 * so every view (CLI, wallboard, chart) derives its figures through `deriveQueueKpis` and the
 * definitions in DOMAIN.md live in exactly one place. Per-call figures belong to the interval
 * in which the call arrived; time integrals (queue length, busy agents) to the clock interval.
 */

export interface QueueCounters {
  /** Arrivals that got a line, retrials included. */
  offered: number;
  /** Offered calls that were retrials of an earlier abandoned or blocked attempt. */
  retrials: number;
  blocked: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  /** Abandoned within the scenario's short-abandon time. */
  shortAbandoned: number;
  waitAnsweredSumSec: number;
  waitAbandonedSumSec: number;
  maxWaitSec: number;
  /** Calls whose handling (talk + ACW) finished. */
  handled: number;
  handleSumSec: number;
  talkSumSec: number;
  acwSumSec: number;
  /** Calls still waiting, and answered but still in handling, when the run ended. */
  waitingAtEnd: number;
  inServiceAtEnd: number;
  /** ∫ calls waiting dt. */
  queueLengthArea: number;
  /** ∫ agents handling this queue's calls dt (talk + ACW). */
  handlingArea: number;
  /** ∫ agents logged in who serve this queue dt. */
  staffedArea: number;
  /** Simulated seconds these counters cover. */
  observedSec: number;
}

export function emptyQueueCounters(): QueueCounters {
  return {
    offered: 0,
    retrials: 0,
    blocked: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    abandoned: 0,
    shortAbandoned: 0,
    waitAnsweredSumSec: 0,
    waitAbandonedSumSec: 0,
    maxWaitSec: 0,
    handled: 0,
    handleSumSec: 0,
    talkSumSec: 0,
    acwSumSec: 0,
    waitingAtEnd: 0,
    inServiceAtEnd: 0,
    queueLengthArea: 0,
    handlingArea: 0,
    staffedArea: 0,
    observedSec: 0,
  };
}

/** Adds `source` into `target` (maxima take the larger). */
export function addQueueCounters(target: QueueCounters, source: QueueCounters): QueueCounters {
  for (const key of Object.keys(source) as (keyof QueueCounters)[]) {
    target[key] = key === 'maxWaitSec' ? Math.max(target[key], source[key]) : target[key] + source[key];
  }
  return target;
}

/**
 * The voice KPIs of DOMAIN.md. A ratio whose denominator is zero is null ("no calls"), never
 * NaN and never a made-up 0 or 100%.
 */
export interface QueueKpis {
  offered: number;
  answered: number;
  abandoned: number;
  blocked: number;
  retrials: number;
  shortAbandoned: number;
  /** Answered within T ÷ (answered + abandoned): calls still waiting at the end are left out of both sides. */
  serviceLevel: number | null;
  /** The same, with short abandons also left out of the denominator. */
  serviceLevelExShortAbandons: number | null;
  /** Mean wait of answered calls, seconds. */
  asa: number | null;
  /** Mean wait of abandoned calls, seconds. */
  meanTimeToAbandon: number | null;
  maxWait: number;
  /** Mean talk + ACW of calls whose handling finished, seconds. */
  aht: number | null;
  /** Abandoned ÷ offered. */
  abandonRate: number | null;
  /** Blocked ÷ (offered + blocked): the share of attempts that got a busy signal. */
  blockingRate: number | null;
  /** Time handling ÷ time logged in, for the agents serving this queue. */
  occupancy: number | null;
  /** Time-average number of calls waiting. */
  meanQueueLength: number | null;
  /** Time-average number of agents handling this queue's calls. */
  meanBusyAgents: number | null;
  waitingAtEnd: number;
  inServiceAtEnd: number;
}

export type QueueKpiName = keyof QueueKpis;

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export function deriveQueueKpis(c: QueueCounters): QueueKpis {
  const resolved = c.answered + c.abandoned;
  return {
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    blocked: c.blocked,
    retrials: c.retrials,
    shortAbandoned: c.shortAbandoned,
    serviceLevel: ratio(c.answeredWithinThreshold, resolved),
    serviceLevelExShortAbandons: ratio(c.answeredWithinThreshold, resolved - c.shortAbandoned),
    asa: ratio(c.waitAnsweredSumSec, c.answered),
    meanTimeToAbandon: ratio(c.waitAbandonedSumSec, c.abandoned),
    maxWait: c.maxWaitSec,
    aht: ratio(c.handleSumSec, c.handled),
    abandonRate: ratio(c.abandoned, c.offered),
    blockingRate: ratio(c.blocked, c.offered + c.blocked),
    occupancy: ratio(c.handlingArea, c.staffedArea),
    meanQueueLength: ratio(c.queueLengthArea, c.observedSec),
    meanBusyAgents: ratio(c.handlingArea, c.observedSec),
    waitingAtEnd: c.waitingAtEnd,
    inServiceAtEnd: c.inServiceAtEnd,
  };
}
