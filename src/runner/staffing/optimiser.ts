/**
 * The staffing optimiser: for each report interval of the day and each agent group answering
 * calls, the fewest agents whose interval service level meets a target (and abandon rate stays
 * under a cap). It starts from the planners' formula per interval (Erlang A, or Erlang C when
 * callers never hang up) and corrects by simulation, because retrials, callbacks, skills, shifts
 * and queues carried across intervals break the formula.
 *
 * The search itself is fewest-meeting.ts, over one cell per interval of each group.
 */
import { distributionMean } from '../../engine/distributions';
import { expectedArrivals, rateProfile } from '../../model/common/arrival-profile';
import { clockSec, DAY_SEC } from '../../model/scenario/calendar-schema';
import { requiredAgents } from '../../model/erlang/erlang';
import { expectedSpikeCalls, scheduledAgentsByInterval } from '../../model/erlang/erlang-prediction';
import { toDistribution, type Scenario } from '../../model/scenario/scenario-schema';
import { clockLabel, runReplications, type RunReport } from '../run-replications';
import { studentTQuantile, type Estimate } from '../statistics';
import { fewestMeeting } from './fewest-meeting';
import { staffedScenario, type Staffing } from './staffed-scenario';

export interface StaffingTarget {
  /** Share answered within thresholdSec, in (0, 1). */
  serviceLevel: number;
  thresholdSec: number;
  /** Cap on the interval abandon rate, in (0, 1]. */
  maxAbandonRate?: number;
  /** When given (in (0, 1)), an interval meets the target only if the one-sided bound at this confidence does; else its mean must. */
  confidence?: number;
}

export interface OptimiserOptions {
  seed: number;
  replications: number;
  /** Most agents any interval of a group may get; default 10 × the formula's estimate (at least 10). */
  maxAgents?: number;
  /** Simulations at most before the search gives up; default 40. */
  maxEvaluations?: number;
  /** After each simulation of the search, how many it has run: the page's progress. */
  onSimulated?: (evaluations: number) => void;
}

/** A queue's figures in one interval, as simulated with the staffing found. */
export interface QueueInterval {
  serviceLevel: Estimate;
  abandonRate: Estimate;
  offered: Estimate;
}

export interface IntervalRequirement {
  start: string;
  /** Fewest agents on the phones found to meet the target. */
  required: number;
  /** The formula's answer for the interval alone, in steady state. */
  erlang: number;
  /** Agents the scenario schedules on the phones (on shift, less breaks and expected absence). */
  scheduled: number;
  /** scheduled − required: positive is over, negative under. */
  gap: number;
  /** Per queue the group answers. */
  queues: Record<string, QueueInterval>;
}

export interface GroupRequirement {
  group: string;
  name: string;
  queues: string[];
  intervals: IntervalRequirement[];
}

export interface StaffingRequirement {
  scenario: string;
  target: StaffingTarget;
  seed: number;
  replications: number;
  /** Simulations run and simulated days they used (replications × days each). */
  evaluations: number;
  simulatedDays: number;
  groups: GroupRequirement[];
  /** The scenario staffed with the requirement, as simulated last. */
  staffing: Staffing;
}

/** Groups the optimiser staffs: those answering calls (a group only dialling keeps its staff). */
export function staffedGroups(scenario: Scenario): number[] {
  return scenario.agentGroups.flatMap((group, g) => (group.queues.length + (group.skills?.length ?? 0) > 0 ? [g] : []));
}

const queuesOf = (scenario: Scenario, g: number) => {
  const group = scenario.agentGroups[g];
  return [...group.queues, ...(group.skills ?? []).map((s) => s.queue).filter((q) => !group.queues.includes(q))];
};


/**
 * The formula's staffing per interval for each group: the calls of its primary queues, arrival
 * spikes included (a queue's calls shared equally among the groups that answer it first), their
 * mean handle time and mean patience weighted by calls, as one queue in steady state.
 */
export function erlangStaffing(scenario: Scenario, target: StaffingTarget): Staffing {
  const intervalSec = scenario.reportIntervalMin * 60;
  const slots = DAY_SEC / intervalSec;
  const primaryGroups = (queueId: string) => scenario.agentGroups.filter((g) => g.queues.includes(queueId)).length;
  const staffing = new Map<number, number[]>();
  for (const g of staffedGroups(scenario)) {
    const queues = scenario.queues.filter((q) => scenario.agentGroups[g].queues.includes(q.id));
    staffing.set(
      g,
      Array.from({ length: slots }, (_, slot) => {
        let calls = 0;
        let handle = 0;
        let patience = 0;
        let everyonePatient = true;
        for (const queue of queues) {
          const from = slot * intervalSec;
          const to = from + intervalSec;
          const share = (expectedArrivals(rateProfile(queue.arrivals), from, to) + expectedSpikeCalls(queue, from, to, scenario.days)) / primaryGroups(queue.id);
          calls += share;
          handle += share * (distributionMean(toDistribution(queue.talk)) + (queue.acw ? distributionMean(toDistribution(queue.acw)) : 0));
          if (queue.patience) patience += share * distributionMean(toDistribution(queue.patience));
          else everyonePatient = false;
        }
        if (calls === 0) return 0;
        return requiredAgents({
          arrivalRatePerSec: calls / intervalSec,
          meanHandleSec: handle / calls,
          thresholdSec: target.thresholdSec,
          targetServiceLevel: target.serviceLevel,
          meanPatienceSec: everyonePatient ? patience / calls : undefined,
          maxAbandonRate: target.maxAbandonRate,
        }).agentsOnPhones;
      }),
    );
  }
  return staffing;
}

/** The bound an interval is judged by: the mean, or its one-sided bound at the confidence asked. */
export function judged(estimate: Estimate, side: 1 | -1, confidence: number | undefined, replications: number): number | null {
  if (estimate.mean === null) return null;
  if (confidence === undefined || estimate.ci95 === null) return estimate.mean;
  const standardError = estimate.ci95 / studentTQuantile(0.975, replications - 1);
  return estimate.mean + side * studentTQuantile(confidence, replications - 1) * standardError;
}

/** Whether every queue a group answers meets the target in an interval; no resolved calls meets it. */
export function intervalMeets(report: RunReport, queueIds: readonly string[], slot: number, target: StaffingTarget, replications: number): boolean {
  return queueIds.every((id) => {
    const interval = report.queues[id].intervals[slot];
    const serviceLevel = judged(interval.serviceLevel, -1, target.confidence, replications);
    const abandonRate = judged(interval.abandonRate, 1, target.confidence, replications);
    return (serviceLevel === null || serviceLevel >= target.serviceLevel) && (target.maxAbandonRate === undefined || abandonRate === null || abandonRate <= target.maxAbandonRate);
  });
}

/** The scenario as the target measures it: the target's threshold in every service level. */
export const measuredScenario = (scenario: Scenario, target: StaffingTarget): Scenario => ({
  ...scenario,
  serviceLevel: { ...scenario.serviceLevel, thresholdSec: target.thresholdSec, targetPercent: target.serviceLevel * 100 },
});

export function optimiseStaffing(scenario: Scenario, target: StaffingTarget, options: OptimiserOptions): StaffingRequirement {
  const { seed, replications } = options;
  if (target.confidence !== undefined && replications < 2) throw new RangeError('a confidence bound needs at least 2 replications');
  const measured = measuredScenario(scenario, target);
  const intervalSec = scenario.reportIntervalMin * 60;
  const slots = DAY_SEC / intervalSec;
  const groups = staffedGroups(scenario);
  const erlang = erlangStaffing(measured, target);
  // Cell k is interval k % slots of group groups[⌊k / slots⌋].
  const estimate = groups.flatMap((g) => erlang.get(g)!);
  const ceiling = estimate.map((n) => options.maxAgents ?? Math.max(10, 10 * n));
  // A ceiling below the formula's estimate starts the search at the ceiling, to be judged there.
  const start = estimate.map((n, cell) => Math.min(n, ceiling[cell]));
  const toStaffing = (counts: readonly number[]): Staffing => new Map(groups.map((g, i) => [g, counts.slice(i * slots, (i + 1) * slots)]));
  const groupOf = (cell: number) => groups[Math.floor(cell / slots)];
  let simulated = 0;
  const { counts, result: report, evaluations } = fewestMeeting<RunReport>({
    start,
    floor: start.map((n) => (n > 0 ? 1 : 0)),
    ceiling,
    simulate: (trial) => {
      const result = runReplications(staffedScenario(measured, toStaffing(trial)), { seed, replications });
      options.onSimulated?.(++simulated);
      return result;
    },
    meets: (result, cell) => intervalMeets(result, queuesOf(scenario, groupOf(cell)), cell % slots, target, replications),
    describeMiss: (result, cell) => {
      const g = groupOf(cell);
      const sl = result.queues[queuesOf(scenario, g)[0]].intervals[cell % slots].serviceLevel.mean;
      return `agentGroups[${g}] (${scenario.agentGroups[g].id}) at ${clockLabel((cell % slots) * intervalSec)}: ${ceiling[cell]} agents still miss it (service level ${sl === null ? 'none' : sl.toFixed(3)})`;
    },
    maxEvaluations: options.maxEvaluations ?? 40,
  });
  const staffing = toStaffing(counts);

  return {
    scenario: scenario.name,
    target,
    seed,
    replications,
    evaluations,
    simulatedDays: evaluations * replications * scenario.days,
    groups: groups.map((g) => {
      const group = scenario.agentGroups[g];
      const scheduled = scheduledAgentsByInterval(group, intervalSec, scenario.days);
      const queueIds = queuesOf(scenario, g);
      return {
        group: group.id,
        name: group.name,
        queues: queueIds,
        intervals: staffing.get(g)!.map((required, slot) => ({
          start: clockLabel(slot * intervalSec),
          required,
          erlang: erlang.get(g)![slot],
          scheduled: Math.round(scheduled[slot] * 100) / 100,
          gap: Math.round((scheduled[slot] - required) * 100) / 100,
          queues: Object.fromEntries(
            queueIds.map((id) => {
              const interval = report.queues[id].intervals[slot];
              return [id, { serviceLevel: interval.serviceLevel, abandonRate: interval.abandonRate, offered: interval.offered }];
            }),
          ),
        })),
      };
    }),
    staffing,
  };
}
