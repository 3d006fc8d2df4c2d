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
import { distributionMean } from '../engine/distributions';
import { erlangAMetrics, erlangCMetrics, mmckMetrics } from './erlang';
import { rateProfile, expectedArrivals } from './arrival-profile';
import { DAY_SEC } from './calendar-schema';
import { toDistribution, type Scenario } from './scenario-schema';

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

function weightedTotal(intervals: ErlangFigures[], calls: number[]): ErlangFigures | null {
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
