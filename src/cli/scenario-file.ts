/** Reads a scenario file and validates it, or throws an InputError with one line per problem. */
import { readFileSync } from 'node:fs';
import { formatProblems, parseScenarioText } from '../model/parse-scenario';
import type { Scenario } from '../model/scenario-schema';
import { InputError } from './cli-options';

export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? 'unknown error'})`;
    throw new InputError([`${file}: ${reason}`]);
  }
  const result = parseScenarioText(text);
  if (!result.ok) throw new InputError(formatProblems(file, result.problems));
  return result.scenario;
}
