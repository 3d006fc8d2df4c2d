/** `kituo run`: one scenario, N replications, its report as JSON or CSV. */
import { runReplicationsOn } from '../../runner/batch-runs';
import { parseCommandOptions } from '../cli-options';
import { withBatch, type CommandContext } from '../command-context';
import { checkOutputFile, writeOutput } from '../output-file';
import { reportToCsv } from '../report-csv';
import { loadScenario, overridesFor } from '../scenario-file';

export async function runCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseCommandOptions(args, { command: 'run', files: { min: 1, max: 1 }, formats: ['json', 'csv'], extra: ['--set', '--workers', '--progress'] });
  if (options.out) checkOutputFile(options.out);
  await withBatch(options, context, options.replications, async (runJobs) => {
    const scenario = loadScenario(options.files[0], overridesFor(options.sets, 0));
    const report = await runReplicationsOn(runJobs, scenario, { seed: options.seed, replications: options.replications });
    writeOutput(options.out, options.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`, context.stdout);
  });
  return 0;
}
