/** Reads a scenario file, applies any --set overrides and validates it, or throws an InputError with one line per problem. */
import { readFileSync } from 'node:fs';
import { formatProblems, parseScenarioDocument, validateScenario } from '../model/scenario/parse-scenario';
import type { Scenario } from '../model/scenario/scenario-schema';
import { InputError, type CommandOptions } from './cli-options';
import { applyOverrides, concerns, parseOverride, type Override } from './scenario-overrides';

export function readScenarioData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? 'unknown error'})`;
    throw new InputError([`${file}: ${reason}`]);
  }
  const document = parseScenarioDocument(text);
  if (!document.ok) throw new InputError(formatProblems(file, document.problems));
  return document.data;
}

/** Validates scenario data read from `file` after `overrides`; a problem an override caused is named after the option. */
export function scenarioFromData(file: string, data: unknown, overrides: readonly Override[] = []): Scenario {
  applyOverrides(data, overrides);
  const result = validateScenario(data);
  if (result.ok) return result.scenario;
  throw new InputError(
    result.problems.flatMap((problem) => {
      const override = overrides.find((o) => concerns(o, problem.path));
      return formatProblems(override ? override.label : file, [problem]);
    }),
  );
}

export function loadScenario(file: string, overrides: readonly Override[] = []): Scenario {
  return scenarioFromData(file, readScenarioData(file), overrides);
}

/** The --set overrides that apply to file number `file`: those after it, and those before any file. */
export function overridesFor(sets: CommandOptions['sets'], file: number): Override[] {
  return sets.filter((set) => set.file === file || set.file < 0).map((set) => parseOverride('--set', set.assignment));
}
