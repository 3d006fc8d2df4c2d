/**
 * `--set PATH=VALUE`: a variant of a scenario without editing its JSON. PATH is written as the
 * problem messages print paths (`agentGroups[0].agents`, `costs.currency`); VALUE is read as JSON
 * (27, true, "x", [1,2]) and, when it is not JSON, as a string. The result goes through the same
 * schema as a file, so a variant can never be something a file could not be.
 */
import { isAtOrUnder, parsePath, writeAtPath } from '../model/scenario/scenario-overrides';
import { InputError } from './cli-options';

export interface Override {
  /** As the user typed it, for messages: `--set agentGroups[0].agents=27`. */
  readonly label: string;
  readonly path: readonly PropertyKey[];
  readonly value: unknown;
}

export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `PATH=VALUE` of option `option` (--set), or an InputError naming it. */
export function parseOverride(option: string, assignment: string): Override {
  const equals = assignment.indexOf('=');
  const label = `${option} ${assignment}`;
  const path = equals > 0 ? parsePath(assignment.slice(0, equals)) : null;
  if (!path) throw new InputError([`${label}: must be PATH=VALUE, with PATH as in agentGroups[0].agents`]);
  return { label, path, value: parseValue(assignment.slice(equals + 1)) };
}

/** Writes each override into the (unvalidated) scenario data, or throws an InputError naming the option. */
export function applyOverrides(data: unknown, overrides: readonly Override[]): void {
  for (const override of overrides) {
    const problem = writeAtPath(data, override.path, override.value);
    if (problem) throw new InputError([`${override.label}: ${problem.path || '(document)'}: ${problem.message}`]);
  }
}

/** Whether a problem at `problemPath` is about what an override wrote (at or under its path). */
export function concerns(override: Override, problemPath: string): boolean {
  return isAtOrUnder(override.path, problemPath);
}
