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
  /** Calls whose handling (talk + hold + ACW) finished, reached callbacks included. */
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
  /** Hold time of calls whose handling finished (also inside handleSumSec). */
  holdSumSec: number;
  /** Answered calls taken by an overflow group. */
  overflowAnswered: number;
  /** Support calls: handled calls that solved the problem, and those that did not. */
  resolved: number;
  unresolved: number;
  /** Offered calls that were a repeat of an unresolved support call. */
  repeatCalls: number;
  /** Offered calls from customers chasing a late back-office item (failure demand). */
  failureDemandCalls: number;
  /** Order taking: handled calls that placed an order, and the orders' value. */
  orders: number;
  orderValue: number;
  /** Callers who took a callback instead of waiting; their callbacks that reached them, failed, or were still pending at the end. */
  callbacksRequested: number;
  callbacksReached: number;
  callbacksFailed: number;
  callbacksPendingAtEnd: number;
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
    holdSumSec: 0,
    overflowAnswered: 0,
    resolved: 0,
    unresolved: 0,
    repeatCalls: 0,
    failureDemandCalls: 0,
    orders: 0,
    orderValue: 0,
    callbacksRequested: 0,
    callbacksReached: 0,
    callbacksFailed: 0,
    callbacksPendingAtEnd: 0,
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
 * What happened between two instants of one run: `later − earlier` field by field. The maximum
 * wait cannot be differenced; the later run-wide maximum is kept, and views do not show it.
 */
export function subtractQueueCounters(later: QueueCounters, earlier: QueueCounters): QueueCounters {
  const out = emptyQueueCounters();
  for (const key of Object.keys(out) as (keyof QueueCounters)[]) out[key] = key === 'maxWaitSec' ? later[key] : later[key] - earlier[key];
  return out;
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
  /** Mean talk + hold + ACW of calls whose handling finished, seconds. */
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
  /** Mean hold time of handled calls, seconds. */
  meanHoldSec: number | null;
  /** Answered by an overflow group ÷ answered. */
  overflowShare: number | null;
  /** Support: resolved ÷ (resolved + unresolved) (first-contact resolution). */
  firstContactResolution: number | null;
  repeatCalls: number;
  /** Offered calls caused by late back-office items. */
  failureDemandCalls: number;
  /** Order taking: orders, their total value, and orders ÷ handled calls. */
  orders: number;
  orderValue: number;
  orderConversion: number | null;
  callbacksRequested: number;
  callbacksReached: number;
  callbacksFailed: number;
  callbacksPendingAtEnd: number;
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
    meanHoldSec: ratio(c.holdSumSec, c.handled),
    overflowShare: ratio(c.overflowAnswered, c.answered),
    firstContactResolution: ratio(c.resolved, c.resolved + c.unresolved),
    repeatCalls: c.repeatCalls,
    failureDemandCalls: c.failureDemandCalls,
    orders: c.orders,
    orderValue: c.orderValue,
    orderConversion: ratio(c.orders, c.handled),
    callbacksRequested: c.callbacksRequested,
    callbacksReached: c.callbacksReached,
    callbacksFailed: c.callbacksFailed,
    callbacksPendingAtEnd: c.callbacksPendingAtEnd,
  };
}
