/**
 * `kituo compare A.json B.json [C.json …]`: configurations on common random numbers, every KPI
 * with the paired difference from A. A --set applies to the file just before it (before any
 * file: to all), so `compare base.json base.json --set agentGroups[0].agents=27` compares a
 * variant without a second file.
 */
import type { Configuration } from '../../runner/compare-configurations';
import { InputError, parseCommandOptions, type CommandOptions } from '../cli-options';
import { withBatch, type CommandContext } from '../command-context';
import type { RunJobs } from '../../runner/replication-jobs';
import { formatComparison } from '../comparison-output';
import { checkOutputFile, writeOutput } from '../output-file';

export async function compareCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseCommandOptions(args, {
    command: 'compare',
    files: { min: 2, max: Infinity },
    formats: ['table', 'json', 'csv'],
    extra: ['--set', '--intervals', '--workers', '--progress'],
    replications: 10,
  });
  if (options.out) checkOutputFile(options.out);
  await withBatch(options, context, options.files.length * options.replications, async (runJobs) => {
    // Loaded once the pool's threads have started, so that they load the simulation alongside (worker-pool.ts).
    const { loadScenario, overridesFor } = await import('../scenario-file');
    const configurations = options.files.map((file, f) => {
      const overrides = overridesFor(options.sets, f);
      return { label: [file, ...overrides.map((o) => o.label)].join(' '), scenario: loadScenario(file, overrides) };
    });
    await runComparison(configurations, options, context, runJobs);
  });
  return 0;
}

/** Runs configurations already checked and writes the comparison; shared by compare and sweep. */
export async function runComparison(configurations: readonly Configuration[], options: CommandOptions, context: CommandContext, runJobs: RunJobs): Promise<void> {
  const [{ scenarioCosts }, { compareConfigurationsOn }] = await Promise.all([import('../../model/scenario/scenario-schema'), import('../../runner/batch-runs')]);
  const currency = scenarioCosts(configurations[0].scenario)?.currency;
  for (const configuration of configurations.slice(1)) {
    const other = scenarioCosts(configuration.scenario)?.currency;
    if (currency && other && other !== currency) {
      throw new InputError([`${configuration.label}: costs.currency: must be the baseline's currency ${currency} to compare costs (got "${other}")`]);
    }
  }
  const report = await compareConfigurationsOn(runJobs, configurations, { seed: options.seed, replications: options.replications });
  writeOutput(options.out, formatComparison(report, options.format, options.intervals), context.stdout);
}
