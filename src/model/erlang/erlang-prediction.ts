/**
 * What the planners' formulas predict for a queue of a scenario, to print beside the simulated
 * figures. Erlang C when callers never hang up, Erlang A when they do, M/M/c/K(+M) when trunks
 * are limited; each applied interval by interval with that interval's arrival rate, as planners
 * do (a stationary approximation, so expect it to be off where the rate changes fast).
 *
 * A prediction is exact (the formulas' own case, `approximate` empty) for one queue served first
 * by agents who serve nothing else. It is an approximation, labelled with its reasons
 * (`approximate`), where the formulas still say something useful: queues that share the same
 * agents first are pooled, other groups' overflow help is left out, retrials, callbacks and
 * repeat calls are left out, hold counts in the handle time and spikes in the interval's rate.
 * Where they say nothing (no staff, blending, skills that do not split into a pool) there is no
 * prediction and `whyNoPrediction` says why. Handle time enters only through its mean (AHT =
 * talk + hold + ACW) and patience through its mean, exact only for exponential times; trunks are
 * held through talk only. Each such departure is listed in `caveats`.
 */
import { distributionMean } from '../../engine/distributions';
import { erlangAMetrics, erlangCMetrics, mmckMetrics } from './erlang';
import { rateProfile, expectedArrivals } from '../common/arrival-profile';
import { clockSec, DAY_SEC } from '../scenario/calendar-schema';
import { RunCalendar } from '../scenario/run-calendar';
import { toDistribution, type AgentGroupConfig, type Duration, type Scenario } from '../scenario/scenario-schema';
import { planShifts, weekdayOf } from '../voice/schedules';

export type ErlangFormula = 'erlang-c' | 'erlang-a' | 'mmck';

export interface ErlangFigures {
  /** Answered within T ÷ (answered + abandoned), as in QueueKpis.serviceLevel. */
  serviceLevel: number;
  /** Mean wait of answered calls, seconds. */
  asa: number;
  /** Abandoned ÷ offered (offered = got a line). */
  abandonRate: number;
  /** Blocked ÷ attempts. */
  blockingRate: number;
  occupancy: number;
  meanQueueLength: number;
}

export interface ErlangPrediction {
  formula: ErlangFormula;
  agents: number;
  /** Where the scenario departs from the formula's assumptions; empty when the formula is exact. */
  caveats: string[];
  /** What makes this prediction an approximation (approximationReasons); empty for the formulas' own case. */
  approximate: ApproximationReason[];
  /** One entry per report interval of the day. */
  intervals: ErlangFigures[];
  /** Whole-day figures: each interval weighted by its expected calls (time for queue length and occupancy). */
  total: ErlangFigures | null;
}

export interface QueueParameters {
  agents: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Infinity when callers never hang up. */
  meanPatienceSec: number;
  thresholdSec: number;
  /** Trunks; unlimited when absent. */
  lines?: number;
}

const formulaFor = (lines: number | undefined, meanPatienceSec: number): ErlangFormula =>
  lines !== undefined ? 'mmck' : meanPatienceSec !== Infinity ? 'erlang-a' : 'erlang-c';

/**
 * The formula's figures in Kituo's KPI definitions: service level and abandon rate are over
 * calls that got a line, so the M/M/c/K figures (over all attempts) are divided by 1 − P(block).
 */
export function erlangFigures(p: QueueParameters): ErlangFigures {
  const { agents, arrivalRatePerSec, meanHandleSec, meanPatienceSec, thresholdSec } = p;
  const formula = formulaFor(p.lines, meanPatienceSec);
  if (formula === 'mmck') {
    const m = mmckMetrics({ agents, lines: Math.max(p.lines!, agents), arrivalRatePerSec, meanHandleSec, thresholdSec, meanPatienceSec });
    const admitted = 1 - m.pBlock;
    return {
      serviceLevel: admitted > 0 ? m.serviceLevel / admitted : 1,
      asa: m.asaSec,
      abandonRate: admitted > 0 ? m.pAbandon / admitted : 0,
      blockingRate: m.pBlock,
      occupancy: m.occupancy,
      meanQueueLength: m.meanQueueLength,
    };
  }
  if (formula === 'erlang-a') {
    const m = erlangAMetrics({ agents, arrivalRatePerSec, meanHandleSec, meanPatienceSec, thresholdSec });
    return { serviceLevel: m.serviceLevel, asa: m.asaSec, abandonRate: m.pAbandon, blockingRate: 0, occupancy: m.occupancy, meanQueueLength: m.meanQueueLength };
  }
  const m = erlangCMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec });
  return {
    serviceLevel: m.serviceLevel,
    asa: m.asaSec,
    abandonRate: 0,
    blockingRate: 0,
    occupancy: m.occupancy,
    // Little's law on the queue: Lq = λ · mean wait (ASA is the mean wait of all calls here).
    meanQueueLength: Number.isFinite(m.asaSec) ? arrivalRatePerSec * m.asaSec : Infinity,
  };
}

/**
 * Why the formulas cannot describe a queue at all, as codes a view can put in words: nobody
 * serves it first, its agents also dial out or work back-office items between calls (blending:
 * how many are on the phones is not the schedule's), or its agents' skills do not split into a
 * pool the formulas can take (skills with priorities or overflow, shared agents).
 */
export type NoPredictionReason = 'no-staff' | 'shared-agents' | 'skills' | 'outbound' | 'back-office-work';

/**
 * What makes a prediction an approximation, beyond the stationary-interval one every prediction
 * makes: several queues share their agents first (pooled: the figures are the pool's), the
 * agents also take other queues' calls at a lower priority (shared-agents), other groups help
 * after a delay or at a lower priority (overflow: left out), callers retry, take callbacks,
 * are put on hold (hold counts in the handle time), come in spikes (in the interval's rate), or
 * call again when unresolved (repeat-calls).
 */
export type ApproximationReason = 'pooled' | 'shared-agents' | 'overflow' | 'retrials' | 'callbacks' | 'hold' | 'spikes' | 'repeat-calls';

type QueueConfig = Scenario['queues'][number];

/** The queues a group serves at its highest priority with no overflow delay: the calls it takes first. */
function firstChoiceQueues(group: AgentGroupConfig): string[] {
  const skills = [
    ...group.queues.map((queue) => ({ queue, priority: 1, delaySec: 0 })),
    ...(group.skills ?? []).map((s) => ({ queue: s.queue, priority: s.priority ?? 1, delaySec: s.overflowAfterSec ?? 0 })),
  ];
  if (skills.length === 0) return [];
  const top = Math.min(...skills.map((s) => s.priority));
  return skills.filter((s) => s.priority === top && s.delaySec === 0).map((s) => s.queue);
}

const servesQueue = (group: AgentGroupConfig, queueId: string) => group.queues.includes(queueId) || (group.skills?.some((s) => s.queue === queueId) ?? false);

/**
 * The pool the formulas describe for a queue: the groups that take its calls first, and the
 * queues those groups all take first. It is well defined when every one of those groups takes
 * exactly the same queues first and every one of those queues is taken first by exactly those
 * groups; otherwise the reason why not.
 */
function servingPool(scenario: Scenario, queueIndex: number): { queues: QueueConfig[]; groups: AgentGroupConfig[]; approximate: ApproximationReason[] } | { reasons: NoPredictionReason[] } {
  const queue = scenario.queues[queueIndex];
  const serving = scenario.agentGroups.filter((g) => servesQueue(g, queue.id));
  const first = serving.filter((g) => firstChoiceQueues(g).includes(queue.id));
  const reasons: NoPredictionReason[] = [];
  if (first.reduce((sum, g) => sum + g.agents, 0) === 0) reasons.push('no-staff');
  if (first.some((g) => (g.campaigns?.length ?? 0) > 0)) reasons.push('outbound');
  if (first.some((g) => g.backOfficeWork)) reasons.push('back-office-work');
  const poolIds = new Set(first.flatMap(firstChoiceQueues));
  const sameSet = (a: readonly unknown[], b: ReadonlySet<unknown>) => a.length === b.size && a.every((x) => b.has(x));
  const firstSet = new Set(first);
  const wellDefined =
    first.every((g) => sameSet(firstChoiceQueues(g), poolIds)) &&
    [...poolIds].every((id) => sameSet(scenario.agentGroups.filter((g) => firstChoiceQueues(g).includes(id)), firstSet));
  if (!wellDefined) reasons.push(serving.some((g) => g.queues.length > 1) ? 'shared-agents' : 'skills');
  if (reasons.length > 0) return { reasons };
  const queues = scenario.queues.filter((q) => poolIds.has(q.id));
  const approximate: ApproximationReason[] = [];
  if (queues.length > 1) approximate.push('pooled');
  if (first.some((g) => scenario.queues.some((q) => !poolIds.has(q.id) && servesQueue(g, q.id)))) approximate.push('shared-agents');
  if (queues.some((q) => scenario.agentGroups.some((g) => servesQueue(g, q.id) && !firstSet.has(g)))) approximate.push('overflow');
  if (queues.some((q) => q.retrial)) approximate.push('retrials');
  if (queues.some((q) => q.callback)) approximate.push('callbacks');
  if (queues.some((q) => q.hold)) approximate.push('hold');
  if (queues.some((q) => q.arrivalSpikes)) approximate.push('spikes');
  if (queues.some((q) => q.contactType?.kind === 'support')) approximate.push('repeat-calls');
  return { queues, groups: first, approximate };
}

/** Every reason queue `queueIndex` has no prediction; empty when the formulas describe it, exactly or approximately. */
export function whyNoPrediction(scenario: Scenario, queueIndex: number): NoPredictionReason[] {
  const pool = servingPool(scenario, queueIndex);
  return 'reasons' in pool ? pool.reasons : [];
}

/** What makes the prediction of queue `queueIndex` an approximation; empty when it is exact (or there is none). */
export function approximationReasons(scenario: Scenario, queueIndex: number): ApproximationReason[] {
  const pool = servingPool(scenario, queueIndex);
  return 'reasons' in pool ? [] : pool.approximate;
}

/** Mean handle time of a queue's answered call: talk, ACW, and hold times its probability. */
function meanHandleOf(queue: QueueConfig): number {
  const mean = (d: Duration | undefined) => (d ? distributionMean(toDistribution(d)) : 0);
  return mean(queue.talk) + mean(queue.acw) + (queue.hold ? queue.hold.probability * mean(queue.hold.duration) : 0);
}

/**
 * Expected calls of a queue in each report interval of the day, averaged over the run's days
 * when the calendar changes calls from day to day, spikes included (their calls spread over
 * the run's days).
 */
function callsPerInterval(scenario: Scenario, queue: QueueConfig, intervalSec: number): number[] {
  const profile = rateProfile(queue.arrivals, new RunCalendar(scenario), scenario.days);
  const dayCount = profile.pieceSec * profile.ratePerSec.length > DAY_SEC ? Math.max(1, Math.ceil(scenario.days)) : 1;
  const calls: number[] = [];
  for (let start = 0; start < DAY_SEC; start += intervalSec) {
    let sum = 0;
    for (let day = 0; day < dayCount; day++) sum += expectedArrivals(profile, day * DAY_SEC + start, day * DAY_SEC + start + intervalSec);
    const spikes = queue.arrivalSpikes ? expectedSpikeCalls(queue, start, start + intervalSec, scenario.days) : 0;
    calls.push((dayCount === 1 ? sum : sum / dayCount) + spikes);
  }
  return calls;
}

/**
 * Extra calls a queue's arrival spikes bring into the interval [from, to) of the day, averaged
 * over the run's days like the interval reports: a spike of E calls decaying with mean τ from t₀
 * brings E·(e^(−(from−t₀)/τ) − e^(−(to−t₀)/τ)) of them (counted from t₀ on) on its day; its calls
 * after midnight are left out.
 */
export function expectedSpikeCalls(queue: QueueConfig, from: number, to: number, days: number): number {
  let calls = 0;
  for (const spike of queue.arrivalSpikes ?? []) {
    if (spike.day > Math.ceil(days)) continue;
    const airs = clockSec(spike.time);
    const decaySec = spike.decayMin * 60;
    const since = (t: number) => Math.exp(-Math.max(0, t - airs) / decaySec);
    if (to > airs) calls += spike.extraCalls * (since(from) - since(to));
  }
  return calls / Math.max(1, Math.ceil(days));
}

/**
 * The prediction for queue `queueIndex` with `agents` on the phones all day (by default the
 * groups' head-count), or null where the formulas do not describe it (see whyNoPrediction). For a
 * pool of queues the figures are the pool's: its calls together, their mean handle time and
 * patience weighted by calls.
 */
export function predictQueue(scenario: Scenario, queueIndex: number, agentsOnPhones?: number): ErlangPrediction | null {
  const pool = servingPool(scenario, queueIndex);
  if ('reasons' in pool) return null;
  const agents = agentsOnPhones ?? pool.groups.reduce((sum, g) => sum + g.agents, 0);
  const intervalSec = scenario.reportIntervalMin * 60;
  const perQueue = pool.queues.map((q) => callsPerInterval(scenario, q, intervalSec));
  const dayCalls = perQueue.map((calls) => calls.reduce((a, b) => a + b, 0));
  // Means over the pool's queues weighted by their calls of the day (plain means when none are expected).
  const weighted = (queues: readonly QueueConfig[], pick: (q: QueueConfig) => number) => {
    const weights = queues.map((q) => dayCalls[pool.queues.indexOf(q)]);
    const total = weights.reduce((a, b) => a + b, 0);
    return total > 0 ? queues.reduce((sum, q, i) => sum + pick(q) * weights[i], 0) / total : queues.reduce((sum, q) => sum + pick(q), 0) / queues.length;
  };
  const meanHandleSec = weighted(pool.queues, meanHandleOf);
  const patient = pool.queues.filter((q) => q.patience);
  const meanPatienceSec = patient.length === 0 ? Infinity : weighted(patient, (q) => distributionMean(toDistribution(q.patience!)));
  // The formulas divide by both: a queue whose calls take no time or whose callers never wait is outside them.
  if (!(meanHandleSec > 0 && meanPatienceSec > 0)) return null;
  const lines = pool.queues.length === 1 ? pool.queues[0].lines : undefined;
  const thresholdSec = scenario.serviceLevel.thresholdSec;
  const formula = formulaFor(lines, meanPatienceSec);
  const caveats: string[] = [];
  if (pool.queues.some((q) => q.talk.kind !== 'exponential' || q.acw || q.hold)) caveats.push('handle time is not exponential: only its mean (AHT) is used');
  if (patient.some((q) => q.patience!.kind !== 'exponential')) caveats.push('patience is not exponential: only its mean is used');
  if (lines !== undefined && pool.queues[0].acw) caveats.push('the formula holds a line through ACW; the model frees it when talk ends');
  if (pool.queues.some((q) => 'callsPerInterval' in q.arrivals) || pool.approximate.includes('spikes')) caveats.push('the arrival rate changes by interval: each interval is treated as if in steady state');
  if (pool.queues.some((q) => q.arrivals.weekdayFactors || 'weekdayProfiles' in q.arrivals) || new RunCalendar(scenario).hasHolidays) {
    caveats.push("calls change from day to day: each interval uses its calls averaged over the run's days");
  }
  if (pool.queues.length > 1 && patient.length > 0 && patient.length < pool.queues.length) caveats.push('some of the pooled queues have no patience: the pool takes the mean patience of those that do');

  const intervals: ErlangFigures[] = [];
  const weights: number[] = [];
  for (let i = 0; i < DAY_SEC / intervalSec; i++) {
    const calls = perQueue.reduce((sum, q) => sum + q[i], 0);
    intervals.push(erlangFigures({ agents, arrivalRatePerSec: calls / intervalSec, meanHandleSec, meanPatienceSec, thresholdSec, lines }));
    weights.push(calls);
  }
  return { formula, agents, caveats, approximate: pool.approximate, intervals, total: weightedTotal(intervals, weights) };
}

export function weightedTotal(intervals: ErlangFigures[], calls: number[]): ErlangFigures | null {
  const totalCalls = calls.reduce((a, b) => a + b, 0);
  if (totalCalls === 0) return null;
  const byCalls = (pick: (f: ErlangFigures) => number) => intervals.reduce((sum, f, i) => sum + pick(f) * calls[i], 0) / totalCalls;
  const byTime = (pick: (f: ErlangFigures) => number) => intervals.reduce((sum, f) => sum + pick(f), 0) / intervals.length;
  return {
    serviceLevel: byCalls((f) => f.serviceLevel),
    asa: byCalls((f) => f.asa),
    abandonRate: byCalls((f) => f.abandonRate),
    blockingRate: byCalls((f) => f.blockingRate),
    occupancy: byTime((f) => f.occupancy),
    meanQueueLength: byTime((f) => f.meanQueueLength),
  };
}

/** An interval's figures with the head-count the formula was given (agents on the phones, on average). */
export type ScheduledFigures = ErlangFigures & { agents: number };

export type ScheduledErlangPrediction = Omit<ErlangPrediction, 'intervals'> & {
  /** Null where fewer than one agent is scheduled on average: the formulas need someone to answer. */
  intervals: (ScheduledFigures | ErlangFigures | null)[];
};

/**
 * A group's agents on the phones in each report interval of the day, averaged over the run's
 * days: on shift, less scheduled breaks, less the expected absence. Without shifts the whole
 * group, all day.
 */
export function scheduledAgentsByInterval(group: AgentGroupConfig, intervalSec: number, days: number, firstWeekday = 0): number[] {
  const slots = DAY_SEC / intervalSec;
  if (!group.shifts) return Array.from({ length: slots }, () => group.agents);
  const dayCount = Math.max(1, Math.ceil(days));
  const present = 1 - (group.absenceShare ?? 0);
  const agentSec = new Array<number>(slots).fill(0);
  const overlap = (from: number, to: number, slot: number) => Math.max(0, Math.min(to, (slot + 1) * intervalSec) - Math.max(from, slot * intervalSec));
  const cover = (from: number, to: number, agents: number) => {
    for (let slot = Math.floor(from / intervalSec); slot < slots && slot * intervalSec < to; slot++) agentSec[slot] += agents * overlap(from, to, slot);
  };
  for (const plan of planShifts(group.shifts, firstWeekday)) {
    const agents = (plan.endAgent - plan.firstAgent) * present;
    let runsOn = 0;
    for (let day = 0; day < dayCount; day++) if (plan.weekdays.has(weekdayOf(day))) runsOn++;
    const share = (agents * runsOn) / dayCount;
    cover(plan.startSec, plan.endSec, share);
    for (const b of plan.breaks) cover(b.startSec, b.startSec + b.durationSec, -share);
  }
  return agentSec.map((sec) => sec / intervalSec);
}

/**
 * The prediction for queue `queueIndex` with, in each interval, the agents scheduled in it (the
 * usual stationary-interval approximation): predictQueue's formula, eligibility and caveats,
 * asked once per head-count the schedule takes. A head-count that is not whole (a break or a
 * shift edge inside the interval) is interpolated between the two whole counts around it.
 * Without shifts it is predictQueue's prediction unchanged.
 */
export function predictQueueOnSchedule(scenario: Scenario, queueIndex: number): ScheduledErlangPrediction | null {
  const pool = servingPool(scenario, queueIndex);
  if ('reasons' in pool || !pool.groups.some((g) => g.shifts)) return predictQueue(scenario, queueIndex);
  const intervalSec = scenario.reportIntervalMin * 60;
  const firstWeekday = new RunCalendar(scenario).firstWeekday;
  const scheduled = pool.groups
    .map((g) => scheduledAgentsByInterval(g, intervalSec, scenario.days, firstWeekday))
    .reduce((sum, agents) => sum.map((a, i) => a + agents[i]));
  const cache = new Map<number, ErlangPrediction | null>();
  const withAgents = (agents: number) => {
    if (!cache.has(agents)) cache.set(agents, predictQueue(scenario, queueIndex, agents));
    return cache.get(agents)!;
  };
  // Eligibility (skills, callbacks, …) does not depend on the head-count: ask with one agent.
  const eligible = withAgents(1);
  if (!eligible) return null;
  const intervals = scheduled.map((agents, i): ScheduledFigures | null => {
    // Rounding noise from adding break and shift seconds must not turn 12 agents into 11.999….
    const exact = Math.round(agents * 1e9) / 1e9;
    if (exact < 1) return null;
    const below = Math.floor(exact);
    const weight = exact - below;
    const low = withAgents(below)!.intervals[i];
    if (weight === 0) return { ...low, agents: exact };
    const high = withAgents(below + 1)!.intervals[i];
    const mix = (pick: (f: ErlangFigures) => number) => pick(low) + weight * (pick(high) - pick(low));
    return {
      serviceLevel: mix((f) => f.serviceLevel),
      asa: mix((f) => f.asa),
      abandonRate: mix((f) => f.abandonRate),
      blockingRate: mix((f) => f.blockingRate),
      occupancy: mix((f) => f.occupancy),
      meanQueueLength: mix((f) => f.meanQueueLength),
      agents: exact,
    };
  });
  const calls = pool.queues.map((q) => callsPerInterval(scenario, q, intervalSec)).reduce((sum, c) => sum.map((x, i) => x + c[i]));
  const predicted = intervals.flatMap((f) => (f ? [f] : []));
  const caveats = [
    ...eligible.caveats,
    'agents follow shifts: each interval uses the agents scheduled in it (on shift, less breaks and expected absence) as if in steady state',
  ];
  if (intervals.some((f) => f && !Number.isInteger(f.agents))) caveats.push('where an interval has a part of an agent scheduled, its figures are interpolated between the whole head-counts around it');
  if (intervals.some((f, i) => !f && calls[i] > 0)) caveats.push('intervals with calls but under one agent scheduled have no prediction and are left out of the total');
  return {
    formula: eligible.formula,
    agents: pool.groups.reduce((sum, g) => sum + g.agents, 0),
    caveats,
    approximate: eligible.approximate,
    intervals,
    total: weightedTotal(predicted, intervals.flatMap((f, i) => (f ? [calls[i]] : []))),
  };
}
