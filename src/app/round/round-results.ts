/**
 * Running a round: every team's scenario on the round's seed, replication r of every team meeting
 * the same callers and items (common random numbers, replication-jobs.ts), on any executor (the
 * page's Web Workers, app/plan-pool.ts, or this thread in the tests). Each replication gives a
 * team's four round figures (service level and abandoned over every queue together, on time,
 * cost per day) and its service level per interval; the round keeps their means.
 */
import { DAY_SEC } from '../../model/scenario/calendar-schema';
import type { QueueKpis } from '../../model/voice/queue-counters';
import type { Scenario } from '../../model/scenario/scenario-schema';
import { replicationJobs, type RunJobs } from '../../runner/replication-jobs';
import { clockLabel, type ReplicationResult } from '../../runner/run-replications';
import { EstimateAccumulator } from '../../runner/statistics';
import type { RoundResults, TeamFigures } from './round';

type Sample = Omit<TeamFigures, 'intervalServiceLevel'> & { intervalServiceLevel: (number | null)[] };

/**
 * Service level over several queues: each queue's answered-within-threshold share weighted by
 * its denominator (answered + abandoned), which is the service level of their calls together.
 */
function combinedServiceLevel(queues: readonly QueueKpis[]): number | null {
  let weighted = 0;
  let calls = 0;
  for (const kpis of queues) {
    if (kpis.serviceLevel === null) continue;
    const denominator = kpis.answered + kpis.abandoned;
    weighted += kpis.serviceLevel * denominator;
    calls += denominator;
  }
  return calls > 0 ? weighted / calls : null;
}

function combinedAbandonRate(queues: readonly QueueKpis[]): number | null {
  const offered = queues.reduce((sum, q) => sum + q.offered, 0);
  return offered > 0 ? queues.reduce((sum, q) => sum + q.abandoned, 0) / offered : null;
}

/** Days the figures are measured over: the run less its warm-up. */
export function measuredDays(scenario: Scenario): number {
  return (scenario.days * DAY_SEC - (scenario.warmupMin ?? 0) * 60) / DAY_SEC;
}

/** A team's round figures in one replication. */
export function replicationFigures(scenario: Scenario, result: ReplicationResult): Sample {
  const intervals = result.intervals[0]?.length ?? 0;
  return {
    serviceLevel: combinedServiceLevel(result.totals),
    abandonRate: combinedAbandonRate(result.totals),
    onTimeRate: result.backOffice?.total.onTimeRate ?? null,
    costPerDay: result.cost ? result.cost.report.total / measuredDays(scenario) : null,
    intervalServiceLevel: Array.from({ length: intervals }, (_, i) => combinedServiceLevel(result.intervals.map((queue) => queue[i]))),
  };
}

/** The round's figures gathered a replication at a time, per team (means over the replications, in replication order). */
export class RoundAccumulator {
  private readonly figures: Record<'serviceLevel' | 'abandonRate' | 'onTimeRate' | 'costPerDay', EstimateAccumulator>[];
  private readonly intervals: EstimateAccumulator[][];

  constructor(private readonly scenarios: readonly Scenario[]) {
    const perDay = (scenario: Scenario) => DAY_SEC / (scenario.reportIntervalMin * 60);
    this.figures = scenarios.map(() => ({ serviceLevel: new EstimateAccumulator(), abandonRate: new EstimateAccumulator(), onTimeRate: new EstimateAccumulator(), costPerDay: new EstimateAccumulator() }));
    this.intervals = scenarios.map((scenario) => Array.from({ length: perDay(scenario) }, () => new EstimateAccumulator()));
  }

  add(team: number, result: ReplicationResult): void {
    const sample = replicationFigures(this.scenarios[team], result);
    const figures = this.figures[team];
    figures.serviceLevel.add(sample.serviceLevel);
    figures.abandonRate.add(sample.abandonRate);
    figures.onTimeRate.add(sample.onTimeRate);
    figures.costPerDay.add(sample.costPerDay);
    sample.intervalServiceLevel.forEach((value, i) => this.intervals[team][i].add(value));
  }

  results(): RoundResults {
    const minutes = this.scenarios[0]?.reportIntervalMin ?? 60;
    return {
      intervals: (this.intervals[0] ?? []).map((_, i) => clockLabel(i * minutes * 60)),
      teams: this.figures.map((figures, t) => ({
        serviceLevel: figures.serviceLevel.estimate().mean,
        abandonRate: figures.abandonRate.estimate().mean,
        onTimeRate: figures.onTimeRate.estimate().mean,
        costPerDay: figures.costPerDay.estimate().mean,
        intervalServiceLevel: this.intervals[t].map((accumulator) => accumulator.estimate().mean),
      })),
    };
  }
}

/**
 * Runs every team's scenario `replications` times on `seed`, replication by replication, and
 * gives their figures. An interval or KPI with no value in some replication (no call finished
 * there) has no mean: it shows as a gap, never as a guess.
 */
export async function runRound(runJobs: RunJobs, scenarios: readonly Scenario[], seed: number, replications: number): Promise<RoundResults> {
  const accumulator = new RoundAccumulator(scenarios);
  const jobs = replicationJobs(scenarios.length, replications);
  await runJobs({ scenarios: [...scenarios], seed, jobs }, (result, index) => accumulator.add(jobs[index].configuration, result));
  return accumulator.results();
}
