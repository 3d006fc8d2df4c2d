/**
 * Staffing as a planner writes it: for each agent group, a head-count per report interval of the
 * day. A scenario carries it as stacked shifts without breaks (the counts are agents on the
 * phones), so the simulator can be asked what a staffing achieves.
 */
import type { AgentGroupConfig, Scenario } from '../../model/scenario/scenario-schema';
import { DAY_SEC } from '../../model/scenario/calendar-schema';
import { clockLabel } from '../run-replications';

/** Head-counts per interval of the day, one list per group named by its index in the scenario. */
export type Staffing = ReadonlyMap<number, readonly number[]>;

/**
 * Shifts giving exactly `counts` agents in each interval, stacked so that an agent stays on as
 * long as the count allows: the k-th agent works every run of intervals whose count is at least
 * k. A count going from 34 to 33 thus sends one agent home, not 34 home and 33 new ones in, and
 * only that one agent's overrun (finishing a call after the shift) adds capacity that the count
 * does not show.
 */
export function shiftsForCounts(counts: readonly number[], intervalSec: number): NonNullable<AgentGroupConfig['shifts']> {
  const agentsByRun = new Map<string, { from: number; to: number; agents: number }>();
  const most = counts.reduce((a, b) => Math.max(a, b), 0);
  for (let level = 1; level <= most; level++) {
    for (let from = 0; from < counts.length; from++) {
      if (counts[from] < level || (from > 0 && counts[from - 1] >= level)) continue;
      let to = from + 1;
      while (to < counts.length && counts[to] >= level) to++;
      const key = `${from}-${to}`;
      const run = agentsByRun.get(key) ?? { from, to, agents: 0 };
      run.agents++;
      agentsByRun.set(key, run);
    }
  }
  return [...agentsByRun.values()]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((run) => ({ agents: run.agents, start: clockLabel(run.from * intervalSec), end: clockLabel(Math.min(run.to * intervalSec, DAY_SEC)) }));
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
