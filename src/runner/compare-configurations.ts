/**
 * A/B comparison of two configurations of the same operation (say, an in-house team onshore
 * against a BPO vendor offshore): both run with the same seed and replication numbers, so they
 * meet the same arrivals and work (common random numbers) and the difference is the
 * configuration's, not the dice's. The saving is computed per replication pair and then
 * estimated, which gives a much tighter interval than differencing two independent means.
 * Any scenario with costs can be compared: voice only, back office only, or both. Both should
 * give their costs in the same currency (the CLI refuses a mix).
 */
import type { Scenario } from '../model/scenario-schema';
import { costSaving, type CostSaving } from '../model/backoffice/cost';
import { reportFromResults, runReplication, type RunOptions, type RunReport } from './run-replications';
import { estimateFields, type Estimate } from './statistics';

export interface ComparisonReport {
  baseline: RunReport;
  alternative: RunReport;
  /** What the alternative saves against the baseline (positive: cheaper); null without costs in both. */
  saving: { [K in keyof CostSaving]: Estimate } | null;
}

export function compareConfigurations(baseline: Scenario, alternative: Scenario, options: RunOptions = {}): ComparisonReport {
  const seed = options.seed ?? baseline.seed ?? 1;
  const replications = options.replications ?? 1;
  const a = Array.from({ length: replications }, (_, r) => runReplication(baseline, seed, r));
  const b = Array.from({ length: replications }, (_, r) => runReplication(alternative, seed, r));
  const savings = a.map((run, r) => {
    const costA = run.cost?.report;
    const costB = b[r].cost?.report;
    return costA && costB ? costSaving(costA, costB) : null;
  });
  return {
    baseline: reportFromResults(baseline, seed, a),
    alternative: reportFromResults(alternative, seed, b),
    saving: savings.every((s) => s !== null) ? estimateFields(savings as CostSaving[]) : null,
  };
}
