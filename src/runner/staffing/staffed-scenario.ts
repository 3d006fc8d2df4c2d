/**
 * Staffing as a planner writes it: for each agent group, a head-count per report interval of the
 * day. A scenario carries it as one shift per run of equal head-counts (no breaks: the counts
 * are agents on the phones), so the simulator can be asked what a staffing achieves.
 */
import type { AgentGroupConfig, Scenario } from '../../model/scenario-schema';
import { DAY_SEC } from '../../model/calendar-schema';
import { clockLabel } from '../run-replications';

/** Head-counts per interval of the day, one list per group named by its index in the scenario. */
export type Staffing = ReadonlyMap<number, readonly number[]>;

/** Shifts giving exactly `counts` agents in each interval: one shift per run of equal counts. */
export function shiftsForCounts(counts: readonly number[], intervalSec: number): NonNullable<AgentGroupConfig['shifts']> {
  const shifts: NonNullable<AgentGroupConfig['shifts']> = [];
  for (let i = 0; i < counts.length; ) {
    let end = i + 1;
    while (end < counts.length && counts[end] === counts[i]) end++;
    if (counts[i] > 0) shifts.push({ agents: counts[i], start: clockLabel(i * intervalSec), end: clockLabel(Math.min(end * intervalSec, DAY_SEC)) });
    i = end;
  }
  return shifts;
}

/** The scenario with each staffed group's shifts replaced by its head-counts; other groups as they were. */
export function staffedScenario(scenario: Scenario, staffing: Staffing): Scenario {
  const intervalSec = scenario.reportIntervalMin * 60;
  return {
    ...scenario,
    agentGroups: scenario.agentGroups.map((group, g) => {
      const counts = staffing.get(g);
      if (!counts) return group;
      const shifts = shiftsForCounts(counts, intervalSec);
      return { ...group, agents: shifts.reduce((sum, s) => sum + s.agents, 0), shifts };
    }),
  };
}
