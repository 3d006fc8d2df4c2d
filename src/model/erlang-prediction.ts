/**
 * What the planners' formulas predict for a queue of a scenario, to print beside the simulated
 * figures. Erlang C when callers never hang up, Erlang A when they do, M/M/c/K(+M) when trunks
 * are limited; each applied interval by interval with that interval's arrival rate, as planners
 * do (a stationary approximation, so expect it to be off where the rate changes fast).
 *
 * A prediction is made only where the formulas' model fits: one queue served by agents who serve
 * nothing else, and no retrials. Handle time enters only through its mean (AHT = talk + ACW)
 * and patience through its mean, which is exact only for exponential times: the figures are
 * labelled with the formula used, so a reader can tell an approximation from a check.
 * Trunks are held through talk only, so with ACW the M/M/c/K line count is an approximation too.
 */
import { distributionMean } from '../engine/distributions';
import { erlangAMetrics, erlangCMetrics, mmckMetrics } from './erlang';
import { rateProfile, expectedArrivals, DAY_SEC } from './arrival-profile';
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
  /** One entry per report interval of the day. */
  intervals: ErlangFigures[];
  /** Whole-day figures: each interval weighted by its expected calls (time for queue length and occupancy). */
  total: ErlangFigures | null;
}

/** The prediction for queue `queueIndex`, or null where the formulas do not describe it. */
export function predictQueue(scenario: Scenario, queueIndex: number): ErlangPrediction | null {
  const queue = scenario.queues[queueIndex];
  const groups = scenario.agentGroups.filter((g) => g.queues.includes(queue.id));
  if (groups.length === 0 || groups.some((g) => g.queues.length !== 1) || queue.retrial) return null;
  const agents = groups.reduce((sum, g) => sum + g.agents, 0);
  if (agents === 0) return null;

  const meanHandleSec = distributionMean(toDistribution(queue.talk)) + (queue.acw ? distributionMean(toDistribution(queue.acw)) : 0);
  const meanPatienceSec = queue.patience ? distributionMean(toDistribution(queue.patience)) : Infinity;
  const thresholdSec = scenario.serviceLevel.thresholdSec;
  const formula: ErlangFormula = queue.lines !== undefined ? 'mmck' : queue.patience ? 'erlang-a' : 'erlang-c';
  const profile = rateProfile(queue.arrivals);
  const intervalSec = scenario.reportIntervalMin * 60;

  const figuresAt = (arrivalRatePerSec: number): ErlangFigures => {
    if (formula === 'mmck') {
      const m = mmckMetrics({ agents, lines: Math.max(queue.lines!, agents), arrivalRatePerSec, meanHandleSec, thresholdSec, meanPatienceSec });
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
    const lambda = arrivalRatePerSec;
    return {
      serviceLevel: m.serviceLevel,
      asa: m.asaSec,
      abandonRate: 0,
      blockingRate: 0,
      occupancy: m.occupancy,
      meanQueueLength: Number.isFinite(m.asaSec) ? lambda * m.asaSec : Infinity,
    };
  };

  const intervals: ErlangFigures[] = [];
  const weights: number[] = [];
  for (let start = 0; start < DAY_SEC; start += intervalSec) {
    const calls = expectedArrivals(profile, start, start + intervalSec);
    intervals.push(figuresAt(calls / intervalSec));
    weights.push(calls);
  }
  return { formula, agents, intervals, total: weightedTotal(intervals, weights) };
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
