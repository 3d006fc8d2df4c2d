/**
 * The back office's staffing: the fewest clerks per team for which every work type the team
 * processes completes at least a target share of its items on time. No formula describes a back
 * office (due times in business hours, checks, rework, pending customers), so the search starts
 * from the scenario's own teams and moves by simulation alone (fewest-meeting.ts).
 */
import type { Scenario } from '../../model/scenario/scenario-schema';
import { runReplications, type RunReport } from '../run-replications';
import type { Estimate } from '../statistics';
import { fewestMeeting } from './fewest-meeting';
import { judged } from './optimiser';

export interface ClerkOptions {
  seed: number;
  replications: number;
  /** Share completed on time, in (0, 1). */
  onTime: number;
  /** One-sided confidence of the bound the on-time rate is judged by; the mean when absent. */
  confidence?: number;
  /** Most clerks a team may get; default 10 × its clerks today (at least 10). */
  maxAgents?: number;
  maxEvaluations?: number;
}

export interface TeamRequirement {
  team: string;
  name: string;
  required: number;
  /** Clerks the scenario has. */
  scheduled: number;
  /** scheduled − required: positive is over, negative under. */
  gap: number;
  /** On-time rate of each work type the team processes, with the clerks required. */
  workTypes: Record<string, Estimate>;
}

export interface ClerkRequirement {
  onTime: number;
  evaluations: number;
  simulatedDays: number;
  teams: TeamRequirement[];
  /** The scenario with the clerks required. */
  scenario: Scenario;
}

export function withClerks(scenario: Scenario, clerks: readonly number[]): Scenario {
  const backOffice = scenario.backOffice!;
  return { ...scenario, backOffice: { ...backOffice, teams: backOffice.teams.map((team, t) => ({ ...team, clerks: clerks[t] })) } };
}

export function optimiseClerks(scenario: Scenario, options: ClerkOptions): ClerkRequirement {
  if (!scenario.backOffice) throw new RangeError('the scenario has no back office');
  if (options.confidence !== undefined && options.replications < 2) throw new RangeError('a confidence bound needs at least 2 replications');
  const { teams } = scenario.backOffice;
  const { seed, replications, onTime } = options;
  const onTimeOf = (report: RunReport, workType: string) => report.backOffice![workType].onTimeRate;
  const start = teams.map((team) => team.clerks);
  const { counts, result, evaluations } = fewestMeeting<RunReport>({
    start,
    floor: start.map((n) => Math.min(n, 1)),
    ceiling: start.map((n) => options.maxAgents ?? Math.max(10, 10 * n)),
    simulate: (clerks) => runReplications(withClerks(scenario, clerks), { seed, replications }),
    // A work type none of whose items was completed in some replication has no on-time rate: that misses.
    meets: (report, t) =>
      teams[t].skills.every((workType) => {
        const rate = judged(onTimeOf(report, workType), -1, options.confidence, replications);
        return rate !== null && rate >= onTime;
      }),
    describeMiss: (report, t) => {
      const rates = teams[t].skills.map((w) => `${w} ${onTimeOf(report, w).mean?.toFixed(3) ?? 'none'}`).join(', ');
      return `backOffice.teams[${t}] (${teams[t].id}): ${options.maxAgents ?? Math.max(10, 10 * start[t])} clerks still miss it (on time: ${rates})`;
    },
    maxEvaluations: options.maxEvaluations ?? 40,
  });
  return {
    onTime,
    evaluations,
    simulatedDays: evaluations * replications * scenario.days,
    teams: teams.map((team, t) => ({
      team: team.id,
      name: team.name,
      required: counts[t],
      scheduled: team.clerks,
      gap: team.clerks - counts[t],
      workTypes: Object.fromEntries(team.skills.map((w) => [w, onTimeOf(result, w)])),
    })),
    scenario: withClerks(scenario, counts),
  };
}
