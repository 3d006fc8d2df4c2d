/**
 * The runner's batch commands on any executor (replication-jobs.ts): the same accumulators as
 * runReplications and compareConfigurations, fed in the same order, so the reports are the same
 * byte for byte whether the replications ran in this thread or on eight workers.
 */
import { ComparisonAccumulator, type ComparisonReport, type Configuration } from './compare-configurations';
import { replicationJobs, type RunJobs } from './replication-jobs';
import { ReplicationAccumulator, runSettings, type RunOptions, type RunReport } from './run-replications';

export async function runReplicationsOn(runJobs: RunJobs, scenario: Configuration['scenario'], options: RunOptions = {}): Promise<RunReport> {
  const { seed, replications } = runSettings(scenario, options);
  const accumulator = new ReplicationAccumulator(scenario, seed);
  await runJobs({ scenarios: [scenario], seed, jobs: replicationJobs(1, replications) }, (result) => accumulator.add(result));
  return accumulator.report();
}

export async function compareConfigurationsOn(runJobs: RunJobs, configurations: readonly Configuration[], options: RunOptions = {}): Promise<ComparisonReport> {
  const comparison = new ComparisonAccumulator(configurations, options);
  const jobs = replicationJobs(configurations.length, comparison.replications);
  await runJobs({ scenarios: configurations.map((c) => c.scenario), seed: comparison.seed, jobs }, (result, index) =>
    comparison.add(jobs[index].configuration, result),
  );
  return comparison.report();
}
