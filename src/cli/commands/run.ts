/** `kituo run`: one scenario, N replications, its report as JSON or CSV. */
import { runReplications } from '../../runner/run-replications';
import { parseCommandOptions } from '../cli-options';
import { checkOutputFile, writeOutput } from '../output-file';
import { reportToCsv } from '../report-csv';
import { loadScenario, overridesFor } from '../scenario-file';

export function runCommand(args: readonly string[], stdout: (s: string) => void): number {
  const options = parseCommandOptions(args, { command: 'run', files: { min: 1, max: 1 }, formats: ['json', 'csv'], extra: ['--set'] });
  if (options.out) checkOutputFile(options.out);
  const scenario = loadScenario(options.files[0], overridesFor(options.sets, 0));
  const report = runReplications(scenario, { seed: options.seed, replications: options.replications });
  writeOutput(options.out, options.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`, stdout);
  return 0;
}
