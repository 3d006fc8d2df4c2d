/** `kituo run`: one scenario, N replications, its report as JSON or CSV. */
import { parseCommandOptions } from '../cli-options';
import { withBatch, type CommandContext } from '../command-context';
import { checkOutputFile, writeOutput } from '../output-file';
import { reportToCsv } from '../report-csv';

export async function runCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseCommandOptions(args, { command: 'run', files: { min: 1, max: 1 }, formats: ['json', 'csv'], extra: ['--set', '--workers', '--progress'] });
  if (options.out) checkOutputFile(options.out);
  await withBatch(options, context, options.replications, async (runJobs) => {
    // Loaded once the pool's threads have started, so that they load the simulation alongside (worker-pool.ts).
    const [{ loadScenario, overridesFor }, { runReplicationsOn }] = await Promise.all([import('../scenario-file'), import('../../runner/batch-runs')]);
    const scenario = loadScenario(options.files[0], overridesFor(options.sets, 0));
    const report = await runReplicationsOn(runJobs, scenario, { seed: options.seed, replications: options.replications });
    writeOutput(options.out, options.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`, context.stdout);
  });
  return 0;
}
