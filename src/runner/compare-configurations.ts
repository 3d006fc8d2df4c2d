/**
 * Compares configurations of the same operation (staffing levels, an in-house team against an
 * offshore vendor, a sweep over a parameter) on common random numbers: every configuration runs
 * with the same seed and replication numbers, so replication r of each meets the same arrivals
 * and work, and the difference is the configuration's, not the dice's. Every KPI of the catalog
 * (kpi-catalog.ts) gets each configuration's mean with its 95% interval and, against the first
 * configuration (the baseline), the paired difference with its interval and a verdict
 * (paired-comparison.ts). Replications are gathered as they finish, so memory does not grow
 * with their number. ComparisonAccumulator takes them one at a time, from this thread or from
 * workers (batch-runs.ts).
 */
import { startDateOf } from '../model/scenario/run-calendar';
import type { Scenario } from '../model/scenario/scenario-schema';
import { costSaving, type CostSaving } from '../model/site/cost';
import { runReplication, type ReplicationResult, type RunOptions } from './run-replications';
import type { CostSample } from './cost-report';
import { EstimateAccumulator, RecordAccumulator, type Estimate } from './statistics';
import { kpiCatalog, rowKey, type KpiRow } from './kpi-catalog';
import { PairedDifferenceAccumulator, type PairedDifference } from './paired-comparison';

export interface Configuration {
  /** How the configuration is named in the output: its file, or the values a sweep gave. */
  label: string;
  scenario: Scenario;
}

export interface ComparedKpi extends KpiRow {
  /** Per configuration, its mean and 95% half-width; null when the configuration has no such KPI. */
  configurations: (Estimate | null)[];
  /** Per configuration, the paired difference configuration − baseline; null for the baseline itself. */
  differences: (PairedDifference | null)[];
}

export interface ComparisonReport {
  seed: number;
  replications: number;
  configurations: { label: string; scenario: string }[];
  /** Caveats a reader needs, such as demand that differs between configurations. */
  notes: string[];
  kpis: ComparedKpi[];
  /** Per configuration, what it saves against the baseline (positive: cheaper); null for the baseline or without costs in both. */
  saving: ({ [K in keyof CostSaving]: Estimate } | null)[];
}

export function compareConfigurations(configurations: readonly Configuration[], options: RunOptions = {}): ComparisonReport {
  const comparison = new ComparisonAccumulator(configurations, options);
  for (let r = 0; r < comparison.replications; r++) {
    configurations.forEach((configuration, c) => comparison.add(c, runReplication(configuration.scenario, comparison.seed, r)));
  }
  return comparison.report();
}

/**
 * The comparison, gathered one replication at a time: replication r of every configuration in
 * turn, the baseline first (replicationJobs' order), so each configuration's result meets the
 * baseline's result of the same replication.
 */
export class ComparisonAccumulator {
  readonly seed: number;
  readonly replications: number;
  private readonly catalogs: ReturnType<typeof kpiCatalog>[];
  private readonly rows: KpiRow[] = [];
  /** Per configuration, where each row sits in its own catalog (-1: it has no such KPI). */
  private readonly positions: number[][];
  private readonly means: EstimateAccumulator[][];
  private readonly differences: PairedDifferenceAccumulator[][];
  private readonly savings: RecordAccumulator<CostSaving>[];
  private readonly everySaving: boolean[];
  private baselineValues: (number | null)[] = [];
  private baselineCost: CostSample | null = null;

  constructor(
    private readonly configurations: readonly Configuration[],
    options: RunOptions = {},
  ) {
    if (configurations.length < 2) throw new RangeError(`a comparison needs at least 2 configurations (got ${configurations.length})`);
    this.seed = options.seed ?? configurations[0].scenario.seed ?? 1;
    this.replications = options.replications ?? 1;
    this.catalogs = configurations.map((c) => kpiCatalog(c.scenario));
    // Rows of every configuration, the baseline's first; each configuration reads its own positions.
    const rowIndex = new Map<string, number>();
    for (const catalog of this.catalogs) {
      for (const row of catalog.rows) {
        if (!rowIndex.has(rowKey(row))) rowIndex.set(rowKey(row), this.rows.push(row) - 1);
      }
    }
    this.positions = this.catalogs.map((catalog) => {
      const position = new Array<number>(this.rows.length).fill(-1);
      catalog.rows.forEach((row, p) => (position[rowIndex.get(rowKey(row))!] = p));
      return position;
    });
    this.means = configurations.map(() => this.rows.map(() => new EstimateAccumulator()));
    this.differences = configurations.map(() => this.rows.map(() => new PairedDifferenceAccumulator()));
    this.savings = configurations.map(() => new RecordAccumulator<CostSaving>());
    this.everySaving = configurations.map(() => true);
  }

  /** Adds configuration c's result of the current replication; the baseline's (c = 0) must come first. */
  add(c: number, result: ReplicationResult): void {
    const read = this.catalogs[c].read(result);
    const values = this.positions[c].map((p) => (p < 0 ? null : read[p]));
    this.positions[c].forEach((p, k) => {
      if (p >= 0) this.means[c][k].add(values[k]);
    });
    if (c === 0) {
      this.baselineValues = values;
      this.baselineCost = result.cost;
      return;
    }
    values.forEach((value, k) => this.differences[c][k].add(this.baselineValues[k], value));
    if (this.baselineCost && result.cost) this.savings[c].add(costSaving(this.baselineCost.report, result.cost.report));
    else this.everySaving[c] = false;
  }

  report(): ComparisonReport {
    const { configurations, positions } = this;
    return {
      seed: this.seed,
      replications: this.replications,
      configurations: configurations.map((c) => ({ label: c.label, scenario: c.scenario.name })),
      notes: demandNotes(configurations),
      kpis: this.rows.map((row, k) => ({
        ...row,
        configurations: configurations.map((_, c) => (positions[c][k] < 0 ? null : this.means[c][k].estimate())),
        differences: configurations.map((_, c) => (c === 0 ? null : this.differences[c][k].result(row.better))),
      })),
      saving: configurations.map((_, c) => (c > 0 && this.everySaving[c] ? this.savings[c].estimates() : null)),
    };
  }
}

/** What makes the calls and items arrive; configurations that differ here share only part of their random numbers. */
function demandSignature(scenario: Scenario): string {
  return JSON.stringify({
    days: scenario.days,
    // The dates move the weekday factors and holidays onto other days.
    startDate: startDateOf(scenario),
    holidays: scenario.calendar?.holidays,
    queues: scenario.queues.map((queue) => [queue.id, queue.arrivals]),
    workTypes: scenario.backOffice?.workTypes.map((workType) => [workType.id, workType.arrivals]) ?? [],
    campaigns: (scenario.campaigns ?? []).map((campaign) => [campaign.id, campaign.records]),
  });
}

function demandNotes(configurations: readonly Configuration[]): string[] {
  const baseline = demandSignature(configurations[0].scenario);
  const differing = configurations.slice(1).filter((c) => demandSignature(c.scenario) !== baseline);
  if (differing.length === 0) return [];
  return [
    `${differing.map((c) => c.label).join(', ')} ${differing.length === 1 ? 'differs' : 'differ'} from the baseline in demand (days, calendar, call arrivals, work types' arrivals or campaign records): common random numbers apply only in part, so the differences' intervals are wider than a pure staffing change would give.`,
  ];
}
