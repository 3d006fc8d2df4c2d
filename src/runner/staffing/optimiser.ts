/**
 * The staffing optimiser: for each report interval of the day and each agent group answering
 * calls, the fewest agents whose interval service level meets a target (and abandon rate stays
 * under a cap). It starts from the planners' formula per interval (Erlang A, or Erlang C when
 * callers never hang up) and corrects by simulation, because retrials, callbacks, skills, shifts
 * and queues carried across intervals break the formula.
 *
 * The search: simulate; raise by one every interval that misses; once every interval meets,
 * lower by one every interval that has not yet been shown to need its count, simulate, and keep
 * the lowerings that still meet. An interval that misses after a lowering, or is raised, is
 * marked as needing its count and never lowered again, so the search ends. Every simulation uses
 * the same seed and replication numbers (common random numbers), so two staffings differ by
 * their staff, not by luck, and the answer repeats exactly.
 */
import { distributionMean } from '../../engine/distributions';
import { expectedArrivals, rateProfile } from '../../model/arrival-profile';
import { DAY_SEC } from '../../model/calendar-schema';
import { requiredAgents } from '../../model/erlang';
import { scheduledAgentsByInterval } from '../../model/erlang-prediction';
import { toDistribution, type Scenario } from '../../model/scenario-schema';
import { clockLabel, runReplications, type RunReport } from '../run-replications';
import { studentTQuantile, type Estimate } from '../statistics';
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

/** A target no staffing up to the limit meets: the search stops and names where. */
export class InfeasibleTargetError extends Error {}

/** Groups the optimiser staffs: those answering calls (a group only dialling keeps its staff). */
export function staffedGroups(scenario: Scenario): number[] {
  return scenario.agentGroups.flatMap((group, g) => (group.queues.length + (group.skills?.length ?? 0) > 0 ? [g] : []));
}

const queuesOf = (scenario: Scenario, g: number) => {
  const group = scenario.agentGroups[g];
  return [...group.queues, ...(group.skills ?? []).map((s) => s.queue).filter((q) => !group.queues.includes(q))];
};

/**
 * The formula's staffing per interval for each group: the calls of its primary queues (a queue's
 * calls shared equally among the groups that answer it first), their mean handle time and mean
 * patience weighted by calls, as one queue in steady state.
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
          const share = expectedArrivals(rateProfile(queue.arrivals), slot * intervalSec, (slot + 1) * intervalSec) / primaryGroups(queue.id);
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
function judged(estimate: Estimate, side: 1 | -1, target: StaffingTarget, replications: number): number | null {
  if (estimate.mean === null) return null;
  if (target.confidence === undefined || estimate.ci95 === null) return estimate.mean;
  const standardError = estimate.ci95 / studentTQuantile(0.975, replications - 1);
  return estimate.mean + side * studentTQuantile(target.confidence, replications - 1) * standardError;
}

/** Whether every queue a group answers meets the target in an interval; no resolved calls meets it. */
export function intervalMeets(report: RunReport, queueIds: readonly string[], slot: number, target: StaffingTarget, replications: number): boolean {
  return queueIds.every((id) => {
    const interval = report.queues[id].intervals[slot];
    const serviceLevel = judged(interval.serviceLevel, -1, target, replications);
    const abandonRate = judged(interval.abandonRate, 1, target, replications);
    return (serviceLevel === null || serviceLevel >= target.serviceLevel) && (target.maxAbandonRate === undefined || abandonRate === null || abandonRate <= target.maxAbandonRate);
  });
}

export function optimiseStaffing(scenario: Scenario, target: StaffingTarget, options: OptimiserOptions): StaffingRequirement {
  const { seed, replications } = options;
  if (target.confidence !== undefined && replications < 2) throw new RangeError('a confidence bound needs at least 2 replications');
  const measured: Scenario = { ...scenario, serviceLevel: { ...scenario.serviceLevel, thresholdSec: target.thresholdSec, targetPercent: target.serviceLevel * 100 } };
  const intervalSec = scenario.reportIntervalMin * 60;
  const groups = staffedGroups(scenario);
  const erlang = erlangStaffing(measured, target);
  // An interval expecting calls needs someone: with nobody, unanswered calls may never resolve there.
  const floor = new Map(groups.map((g) => [g, erlang.get(g)!.map((n) => (n > 0 ? 1 : 0))]));
  const ceiling = new Map(groups.map((g) => [g, erlang.get(g)!.map((n) => options.maxAgents ?? Math.max(10, 10 * n))]));
  const counts = new Map(groups.map((g) => [g, [...erlang.get(g)!]]));
  const needed = new Map(groups.map((g) => [g, counts.get(g)!.map(() => false)]));
  const maxEvaluations = options.maxEvaluations ?? 40;
  let evaluations = 0;
  const simulate = (staffing: Staffing) => {
    if (evaluations >= maxEvaluations) throw new InfeasibleTargetError(`the search did not settle within ${maxEvaluations} simulations`);
    evaluations++;
    return runReplications(staffedScenario(measured, staffing), { seed, replications });
  };
  const cells = () => groups.flatMap((g) => counts.get(g)!.map((_, slot) => [g, slot] as const));
  const meets = (report: RunReport, g: number, slot: number) => intervalMeets(report, queuesOf(scenario, g), slot, target, replications);

  let report = simulate(counts);
  for (;;) {
    const missing = cells().filter(([g, slot]) => !meets(report, g, slot));
    if (missing.length > 0) {
      for (const [g, slot] of missing) {
        const next = counts.get(g)![slot] + 1;
        if (next > ceiling.get(g)![slot]) {
          const sl = report.queues[queuesOf(scenario, g)[0]].intervals[slot].serviceLevel.mean;
          throw new InfeasibleTargetError(
            `agentGroups[${g}] (${scenario.agentGroups[g].id}) at ${clockLabel(slot * intervalSec)}: ${ceiling.get(g)![slot]} agents still miss it (service level ${sl === null ? 'none' : sl.toFixed(3)})`,
          );
        }
        counts.get(g)![slot] = next;
        needed.get(g)![slot] = true;
      }
      report = simulate(counts);
      continue;
    }
    const candidates = cells().filter(([g, slot]) => !needed.get(g)![slot] && counts.get(g)![slot] > floor.get(g)![slot]);
    if (candidates.length === 0) break;
    const lowered = new Map(groups.map((g) => [g, [...counts.get(g)!]]));
    for (const [g, slot] of candidates) lowered.get(g)![slot]--;
    const trial = simulate(lowered);
    let kept = 0;
    for (const [g, slot] of candidates) {
      if (meets(trial, g, slot)) {
        counts.get(g)![slot]--;
        kept++;
      } else needed.get(g)![slot] = true;
    }
    // Lowerings kept beside ones undone interact (a queue carries over): check them together.
    report = kept === candidates.length ? trial : kept > 0 ? simulate(counts) : report;
  }

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
        intervals: counts.get(g)!.map((required, slot) => ({
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
    staffing: counts,
  };
}
