/**
 * A shift plan checked by the simulator: cover each group's requirement with its shift
 * templates (shift-plan.ts), run the scenario with those shifts (breaks and absence included,
 * on the same common random numbers as the search), and where an interval misses the target,
 * ask one agent more there and plan again.
 */
import type { AgentGroupConfig, Scenario } from '../../model/scenario/scenario-schema';
import { clockLabel, runReplications } from '../run-replications';
import type { Estimate } from '../statistics';
import { intervalMeets, measuredScenario, type OptimiserOptions, type StaffingRequirement } from './optimiser';
import { coverWithShifts, type ShiftTemplate } from './shift-plan';

type Shift = NonNullable<AgentGroupConfig['shifts']>[number];

export interface GroupShiftPlan {
  group: string;
  /** The templates with the agents on each (templates given no agent are left out). */
  shifts: Shift[];
  paidHours: number;
  intervals: { start: string; required: number; onPhones: number; serviceLevel: Estimate }[];
}

export interface VerifiedShiftPlan {
  groups: GroupShiftPlan[];
  /** The scenario with the planned shifts: what --write-scenario writes. */
  scenario: Scenario;
  /** Intervals ("group HH:MM") that still missed the target after the last round; empty when the plan meets it everywhere. */
  missed: string[];
  evaluations: number;
  simulatedDays: number;
}

const MAX_ROUNDS = 8;

export function verifiedShiftPlan(
  scenario: Scenario,
  requirement: StaffingRequirement,
  templates: ReadonlyMap<number, readonly ShiftTemplate[]>,
  options: Pick<OptimiserOptions, 'seed' | 'replications'>,
): VerifiedShiftPlan {
  const intervalSec = scenario.reportIntervalMin * 60;
  const { target } = requirement;
  const measured = measuredScenario(scenario, target);
  const asked = new Map([...requirement.staffing].map(([g, counts]) => [g, [...counts]]));
  const groupsOf = requirement.groups;
  let evaluations = 0;
  for (let round = 1; ; round++) {
    const plans = new Map([...asked].map(([g, counts]) => [g, coverWithShifts(counts, templates.get(g)!, intervalSec)]));
    const planned: Scenario = {
      ...measured,
      agentGroups: measured.agentGroups.map((group, g) => {
        const plan = plans.get(g);
        if (!plan) return group;
        const shifts = templates.get(g)!.flatMap((t, i) => (plan.agents[i] > 0 ? [{ ...t, agents: plan.agents[i] }] : []));
        return { ...group, agents: plan.agents.reduce((a, b) => a + b, 0), shifts };
      }),
    };
    evaluations++;
    const report = runReplications(planned, { seed: options.seed, replications: options.replications });
    const missed: string[] = [];
    for (const [g, counts] of asked) {
      const queueIds = groupsOf.find((r) => r.group === scenario.agentGroups[g].id)!.queues;
      counts.forEach((_, slot) => {
        if (intervalMeets(report, queueIds, slot, target, options.replications)) return;
        missed.push(`${scenario.agentGroups[g].id} ${clockLabel(slot * intervalSec)}`);
        counts[slot]++;
      });
    }
    if (missed.length === 0 || round === MAX_ROUNDS) {
      return {
        groups: [...plans].map(([g, plan]) => {
          const queueId = groupsOf.find((r) => r.group === scenario.agentGroups[g].id)!.queues[0];
          return {
            group: scenario.agentGroups[g].id,
            shifts: planned.agentGroups[g].shifts!,
            paidHours: plan.paidHours,
            intervals: plan.coverage.map((onPhones, slot) => ({
              start: clockLabel(slot * intervalSec),
              required: requirement.staffing.get(g)![slot],
              onPhones: Math.round(onPhones * 100) / 100,
              serviceLevel: report.queues[queueId].intervals[slot].serviceLevel,
            })),
          };
        }),
        scenario: planned,
        missed,
        evaluations,
        simulatedDays: evaluations * options.replications * scenario.days,
      };
    }
  }
}
