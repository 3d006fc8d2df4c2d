/**
 * `kituo sweep base.json --vary PATH=v1,v2,… [--vary PATH2=w1,w2,…]`: the scenario at every point
 * of a grid over one or two parameters, on common random numbers, compared with the grid's
 * first point. Values are split on commas and read like --set values (JSON, else a string).
 */
import { MAX_REPLICATIONS, InputError, parseCommandOptions } from '../cli-options';
import { withBatch, type CommandContext } from '../command-context';
import { checkOutputFile } from '../output-file';
import { overridesFor, readScenarioData, scenarioFromData } from '../scenario-file';
import { parseOverride, parseValue, type Override } from '../scenario-overrides';
import { runComparison } from './compare';

/** Simulated replications a sweep may ask for in all (grid points × replications). */
export const MAX_SWEEP_RUNS = MAX_REPLICATIONS;

function parseVary(assignment: string): Override[] {
  const { path } = parseOverride('--vary', assignment);
  const equals = assignment.indexOf('=');
  const pathText = assignment.slice(0, equals);
  const values = assignment.slice(equals + 1).split(',');
  if (values.some((value) => value === '')) throw new InputError([`--vary ${assignment}: needs values separated by commas, none empty (PATH=v1,v2,…)`]);
  return values.map((value) => ({ label: `--vary ${pathText}=${value}`, path, value: parseValue(value) }));
}

export async function sweepCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const options = parseCommandOptions(args, {
    command: 'sweep',
    files: { min: 1, max: 1 },
    formats: ['table', 'json', 'csv'],
    extra: ['--set', '--vary', '--intervals', '--workers', '--progress'],
    replications: 10,
  });
  if (options.varies.length < 1 || options.varies.length > 2) throw new InputError([`--vary: a sweep varies one or two parameters (got ${options.varies.length})`]);
  const axes = options.varies.map(parseVary);
  const points = axes.reduce<Override[][]>((grid, axis) => grid.flatMap((point) => axis.map((value) => [...point, value])), [[]]);
  const runs = points.length * options.replications;
  if (points.length < 2) throw new InputError(['--vary: the grid has one point; give at least two values to compare']);
  if (runs > MAX_SWEEP_RUNS) {
    throw new InputError([
      `--vary: ${axes.map((axis) => axis.length).join(' × ')} values × ${options.replications} replications = ${runs.toLocaleString('en-US')} runs; at most ${MAX_SWEEP_RUNS.toLocaleString('en-US')}`,
    ]);
  }
  if (options.out) checkOutputFile(options.out);
  await withBatch(options, context, runs, async (runJobs) => {
    const [file] = options.files;
    const data = readScenarioData(file);
    const sets = overridesFor(options.sets, 0);
    const configurations = points.map((point) => ({
      label: point.map((override) => override.label.replace(/^--vary /, '')).join(', '),
      scenario: scenarioFromData(file, structuredClone(data), [...sets, ...point]),
    }));
    await runComparison(configurations, options, context, runJobs);
  });
  return 0;
}
