/**
 * What the planners' formulas predict for a queue of a scenario, to print beside the simulated
 * figures. Erlang C when callers never hang up, Erlang A when they do, M/M/c/K(+M) when trunks
 * are limited; each applied interval by interval with that interval's arrival rate, as planners
 * do (a stationary approximation, so expect it to be off where the rate changes fast).
 *
 * A prediction is made where the formulas' model has a meaning: one queue served by agents who
 * serve nothing else. Handle time enters only through its mean (AHT = talk + ACW) and patience
 * through its mean, which is exact only for exponential times; retrials are left out; trunks are
 * held through talk only, so with ACW the M/M/c/K line count is approximate too. Every departure
 * from the formula's assumptions is listed in `caveats`, so a reader can tell a check from an
 * approximation.
 */
import { distributionMean } from '../../engine/distributions';
import { erlangAMetrics, erlangCMetrics, mmckMetrics } from './erlang';
import { rateProfile, expectedArrivals } from '../common/arrival-profile';
import { DAY_SEC } from '../scenario/calendar-schema';
import { toDistribution, type AgentGroupConfig, type Scenario } from '../scenario/scenario-schema';
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
 * Why the formulas do not describe a queue, as codes a view can put in words: nobody serves it,
 * its agents also serve other queues, they have skills with priorities or overflow, they work
 * shifts (the staff changes through the day), they also dial out or work back-office items
 * between calls (blending), or the queue has callbacks,
 * hold, arrival spikes or repeat calls (support).
 */
export type NoPredictionReason = 'no-staff' | 'shared-agents' | 'skills' | 'shifts' | 'outbound' | 'back-office-work' | 'callbacks' | 'hold' | 'spikes' | 'repeat-calls';

/** Every reason queue `queueIndex` has no prediction; empty when the formulas describe it. */
export function whyNoPrediction(scenario: Scenario, queueIndex: number): NoPredictionReason[] {
  const queue = scenario.queues[queueIndex];
  const groups = scenario.agentGroups.filter((g) => g.queues.includes(queue.id) || g.skills?.some((s) => s.queue === queue.id));
  const reasons: NoPredictionReason[] = [];
  if (groups.reduce((sum, g) => sum + g.agents, 0) === 0) reasons.push('no-staff');
  if (groups.some((g) => g.queues.length !== 1)) reasons.push('shared-agents');
  if (groups.some((g) => (g.skills?.length ?? 0) > 0)) reasons.push('skills');
  if (groups.some((g) => g.shifts)) reasons.push('shifts');
  if (groups.some((g) => (g.campaigns?.length ?? 0) > 0)) reasons.push('outbound');
  if (groups.some((g) => g.backOfficeWork)) reasons.push('back-office-work');
  if (queue.callback) reasons.push('callbacks');
  if (queue.hold) reasons.push('hold');
  if (queue.arrivalSpikes) reasons.push('spikes');
  if (queue.contactType?.kind === 'support') reasons.push('repeat-calls');
  return reasons;
}

/** The prediction for queue `queueIndex`, or null where the formulas do not describe it (see whyNoPrediction). */
export function predictQueue(scenario: Scenario, queueIndex: number): ErlangPrediction | null {
  if (whyNoPrediction(scenario, queueIndex).length > 0) return null;
  const queue = scenario.queues[queueIndex];
  const groups = scenario.agentGroups.filter((g) => g.queues.includes(queue.id));
  const agents = groups.reduce((sum, g) => sum + g.agents, 0);

  const meanHandleSec = distributionMean(toDistribution(queue.talk)) + (queue.acw ? distributionMean(toDistribution(queue.acw)) : 0);
  const meanPatienceSec = queue.patience ? distributionMean(toDistribution(queue.patience)) : Infinity;
  // The formulas divide by both: a queue whose calls take no time or whose callers never wait is outside them.
  if (!(meanHandleSec > 0 && meanPatienceSec > 0)) return null;
  const thresholdSec = scenario.serviceLevel.thresholdSec;
  const formula = formulaFor(queue.lines, meanPatienceSec);
  const profile = rateProfile(queue.arrivals);
  const caveats: string[] = [];
  if (queue.talk.kind !== 'exponential' || queue.acw) caveats.push('handle time is not exponential: only its mean (AHT) is used');
  if (queue.patience && queue.patience.kind !== 'exponential') caveats.push('patience is not exponential: only its mean is used');
  if (queue.retrial) caveats.push('retrials are not in the formula');
  if (queue.lines !== undefined && queue.acw) caveats.push('the formula holds a line through ACW; the model frees it when talk ends');
  if (profile.ratePerSec.length > 1) caveats.push('the arrival rate changes by interval: each interval is treated as if in steady state');
  const intervalSec = scenario.reportIntervalMin * 60;

  const figuresAt = (arrivalRatePerSec: number) =>
    erlangFigures({ agents, arrivalRatePerSec, meanHandleSec, meanPatienceSec, thresholdSec, lines: queue.lines });

  const intervals: ErlangFigures[] = [];
  const weights: number[] = [];
  for (let start = 0; start < DAY_SEC; start += intervalSec) {
    const calls = expectedArrivals(profile, start, start + intervalSec);
    intervals.push(figuresAt(calls / intervalSec));
    weights.push(calls);
  }
  return { formula, agents, caveats, intervals, total: weightedTotal(intervals, weights) };
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

const servesQueue = (group: AgentGroupConfig, queueId: string) => group.queues.includes(queueId) || (group.skills?.some((s) => s.queue === queueId) ?? false);

/**
 * The prediction for queue `queueIndex` with, in each interval, the agents scheduled in it (the
 * usual stationary-interval approximation): predictQueue's formula, eligibility and caveats,
 * asked once per head-count the schedule takes. A head-count that is not whole (a break or a
 * shift edge inside the interval) is interpolated between the two whole counts around it.
 * Without shifts it is predictQueue's prediction unchanged.
 */
export function predictQueueOnSchedule(scenario: Scenario, queueIndex: number): ScheduledErlangPrediction | null {
  const queue = scenario.queues[queueIndex];
  const serving = scenario.agentGroups.filter((g) => servesQueue(g, queue.id));
  if (!serving.some((g) => g.shifts)) return predictQueue(scenario, queueIndex);
  const intervalSec = scenario.reportIntervalMin * 60;
  const scheduled = serving
    .map((g) => scheduledAgentsByInterval(g, intervalSec, scenario.days))
    .reduce((sum, agents) => sum.map((a, i) => a + agents[i]));
  const cache = new Map<number, ErlangPrediction | null>();
  // The whole serving staff as one shift-less group: predictQueue sums the groups' agents.
  const withAgents = (agents: number) => {
    if (!cache.has(agents)) {
      let first = true;
      const agentGroups = scenario.agentGroups.map((g) => {
        if (!servesQueue(g, queue.id)) return g;
        const fixed = { ...g, agents: first ? agents : 0, shifts: undefined, absenceShare: undefined };
        first = false;
        return fixed;
      });
      cache.set(agents, predictQueue({ ...scenario, agentGroups }, queueIndex));
    }
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
  const profile = rateProfile(queue.arrivals);
  const calls = intervals.map((_, i) => expectedArrivals(profile, i * intervalSec, (i + 1) * intervalSec));
  const predicted = intervals.flatMap((f) => (f ? [f] : []));
  const caveats = [
    ...eligible.caveats,
    'agents follow shifts: each interval uses the agents scheduled in it (on shift, less breaks and expected absence) as if in steady state',
  ];
  if (intervals.some((f) => f && !Number.isInteger(f.agents))) caveats.push('where an interval has a part of an agent scheduled, its figures are interpolated between the whole head-counts around it');
  if (intervals.some((f, i) => !f && calls[i] > 0)) caveats.push('intervals with calls but under one agent scheduled have no prediction and are left out of the total');
  return {
    formula: eligible.formula,
    agents: serving.reduce((sum, g) => sum + g.agents, 0),
    caveats,
    intervals,
    total: weightedTotal(predicted, intervals.flatMap((f, i) => (f ? [calls[i]] : []))),
  };
}
