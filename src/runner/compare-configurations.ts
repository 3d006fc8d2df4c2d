/**
 * Compares configurations of the same operation (staffing levels, an in-house team against an
 * offshore vendor, a sweep over a parameter) on common random numbers: every configuration runs
 * with the same seed and replication numbers, so replication r of each meets the same arrivals
 * and work, and the difference is the configuration's, not the dice's. Every KPI of the catalog
 * (kpi-catalog.ts) gets each configuration's mean with its 95% interval and, against the first
 * configuration (the baseline), the paired difference with its interval and a verdict
 * (paired-comparison.ts). Replications are gathered as they finish, so memory does not grow
 * with their number.
 */
import type { Scenario } from '../model/scenario-schema';
import { costSaving, type CostSaving } from '../model/site/cost';
import { runReplication, type RunOptions } from './run-replications';
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
  if (configurations.length < 2) throw new RangeError(`a comparison needs at least 2 configurations (got ${configurations.length})`);
  const seed = options.seed ?? configurations[0].scenario.seed ?? 1;
  const replications = options.replications ?? 1;
  const catalogs = configurations.map((c) => kpiCatalog(c.scenario));

  // Rows of every configuration, the baseline's first; each configuration reads its own positions.
  const rows: KpiRow[] = [];
  const rowIndex = new Map<string, number>();
  for (const catalog of catalogs) {
    for (const row of catalog.rows) {
      if (!rowIndex.has(rowKey(row))) rowIndex.set(rowKey(row), rows.push(row) - 1);
    }
  }
  const positions = catalogs.map((catalog) => {
    const position = new Array<number>(rows.length).fill(-1);
    catalog.rows.forEach((row, p) => (position[rowIndex.get(rowKey(row))!] = p));
    return position;
  });

  const means = configurations.map(() => rows.map(() => new EstimateAccumulator()));
  const differences = configurations.map(() => rows.map(() => new PairedDifferenceAccumulator()));
  const savings = configurations.map(() => new RecordAccumulator<CostSaving>());
  const everySaving = configurations.map(() => true);
  for (let r = 0; r < replications; r++) {
    let baselineValues: (number | null)[] = [];
    let baselineCost: CostSample | null = null;
    for (let c = 0; c < configurations.length; c++) {
      const result = runReplication(configurations[c].scenario, seed, r);
      const read = catalogs[c].read(result);
      const values = positions[c].map((p) => (p < 0 ? null : read[p]));
      positions[c].forEach((p, k) => {
        if (p >= 0) means[c][k].add(values[k]);
      });
      if (c === 0) {
        baselineValues = values;
        baselineCost = result.cost;
        continue;
      }
      values.forEach((value, k) => differences[c][k].add(baselineValues[k], value));
      if (baselineCost && result.cost) savings[c].add(costSaving(baselineCost.report, result.cost.report));
      else everySaving[c] = false;
    }
  }

  return {
    seed,
    replications,
    configurations: configurations.map((c) => ({ label: c.label, scenario: c.scenario.name })),
    notes: demandNotes(configurations),
    kpis: rows.map((row, k) => ({
      ...row,
      configurations: configurations.map((_, c) => (positions[c][k] < 0 ? null : means[c][k].estimate())),
      differences: configurations.map((_, c) => (c === 0 ? null : differences[c][k].result(row.better))),
    })),
    saving: configurations.map((_, c) => (c > 0 && everySaving[c] ? savings[c].estimates() : null)),
  };
}

/** What makes the calls and items arrive; configurations that differ here share only part of their random numbers. */
function demandSignature(scenario: Scenario): string {
  return JSON.stringify({
    days: scenario.days,
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
    `${differing.map((c) => c.label).join(', ')} ${differing.length === 1 ? 'differs' : 'differ'} from the baseline in demand (days, call arrivals, work types' arrivals or campaign records): common random numbers apply only in part, so the differences' intervals are wider than a pure staffing change would give.`,
  ];
}
