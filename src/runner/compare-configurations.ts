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
import { ReplicationAccumulator, runReplication, type RunOptions, type RunReport } from './run-replications';
import { RecordAccumulator, type Estimate } from './statistics';

export interface ComparisonReport {
  baseline: RunReport;
  alternative: RunReport;
  /** What the alternative saves against the baseline (positive: cheaper); null without costs in both. */
  saving: { [K in keyof CostSaving]: Estimate } | null;
}

export function compareConfigurations(baseline: Scenario, alternative: Scenario, options: RunOptions = {}): ComparisonReport {
  const seed = options.seed ?? baseline.seed ?? 1;
  const replications = options.replications ?? 1;
  const reports = [new ReplicationAccumulator(baseline, seed), new ReplicationAccumulator(alternative, seed)];
  const savings = new RecordAccumulator<CostSaving>();
  let everySaving = true;
  for (let r = 0; r < replications; r++) {
    const a = runReplication(baseline, seed, r);
    const b = runReplication(alternative, seed, r);
    reports[0].add(a);
    reports[1].add(b);
    if (a.cost && b.cost) savings.add(costSaving(a.cost.report, b.cost.report));
    else everySaving = false;
  }
  return {
    baseline: reports[0].report(),
    alternative: reports[1].report(),
    saving: everySaving ? savings.estimates() : null,
  };
}
