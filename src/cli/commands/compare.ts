/** `kituo compare`: configurations on common random numbers. */
import { scenarioCosts } from '../../model/scenario-schema';
import { compareConfigurations } from '../../runner/compare-configurations';
import { InputError, parseCommandOptions } from '../cli-options';
import { checkOutputFile, writeOutput } from '../output-file';
import { loadScenario } from '../scenario-file';

export function compareCommand(args: readonly string[], stdout: (s: string) => void): number {
  const options = parseCommandOptions(args, { command: 'compare', files: { min: 2, max: 2 }, formats: ['json'] });
  if (options.out) checkOutputFile(options.out);
  const [baseline, alternative] = options.files.map((file) => loadScenario(file));
  const [currencyA, currencyB] = [baseline, alternative].map((s) => scenarioCosts(s)?.currency);
  if (currencyA && currencyB && currencyA !== currencyB) {
    throw new InputError([`${options.files[1]}: costs.currency: must be the baseline's currency ${currencyA} to compare costs (got "${currencyB}")`]);
  }
  const report = compareConfigurations(baseline, alternative, { seed: options.seed, replications: options.replications });
  writeOutput(options.out, `${JSON.stringify(report, null, 2)}\n`, stdout);
  return 0;
}
