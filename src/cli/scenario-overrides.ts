/**
 * `--set PATH=VALUE`: a variant of a scenario without editing its JSON. PATH is written as the
 * problem messages print paths (`agentGroups[0].agents`, `costs.currency`); VALUE is read as JSON
 * (27, true, "x", [1,2]) and, when it is not JSON, as a string. The result goes through the same
 * schema as a file, so a variant can never be something a file could not be.
 */
import { formatPath } from '../model/parse-scenario';
import { InputError } from './cli-options';

export interface Override {
  /** As the user typed it, for messages: `--set agentGroups[0].agents=27`. */
  readonly label: string;
  readonly path: readonly PropertyKey[];
  readonly value: unknown;
}

export function parsePath(text: string): PropertyKey[] | null {
  const path: PropertyKey[] = [];
  const segment = /([^.[\]]+)|\[(\d+)\]/y;
  let position = 0;
  while (position < text.length) {
    if (path.length > 0 && text[position] === '.') position++;
    segment.lastIndex = position;
    const match = segment.exec(text);
    if (!match) return null;
    path.push(match[2] !== undefined ? Number(match[2]) : match[1]);
    position = segment.lastIndex;
  }
  return path.length > 0 ? path : null;
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

/**
 * Writes each override into the (unvalidated) scenario data. Every step of the path but the
 * last must exist; the last may be a field the file leaves out, and the schema then says
 * whether the scenario has such a field.
 */
export function applyOverrides(data: unknown, overrides: readonly Override[]): void {
  for (const override of overrides) {
    let node = data;
    for (let i = 0; i < override.path.length; i++) {
      const key = override.path[i];
      const where = formatPath(override.path.slice(0, i + 1));
      const isLast = i === override.path.length - 1;
      if (typeof key === 'number' ? !Array.isArray(node) : node === null || typeof node !== 'object' || Array.isArray(node)) {
        throw new InputError([`${override.label}: ${formatPath(override.path.slice(0, i)) || '(document)'}: is not ${typeof key === 'number' ? 'a list' : 'an object'}, so ${where} does not exist`]);
      }
      const container = node as Record<PropertyKey, unknown>;
      if (typeof key === 'number' && key >= (node as unknown[]).length) {
        const length = (node as unknown[]).length;
        throw new InputError([`${override.label}: ${where}: does not exist (the list has ${length} ${length === 1 ? 'entry' : 'entries'})`]);
      }
      if (isLast) container[key] = override.value;
      else if (!(key in container)) throw new InputError([`${override.label}: ${where}: does not exist in the scenario`]);
      else node = container[key];
    }
  }
}

/** Whether a problem at `problemPath` is about what an override wrote (at or under its path). */
export function concerns(override: Override, problemPath: string): boolean {
  const path = formatPath(override.path);
  return problemPath === path || problemPath.startsWith(`${path}.`) || problemPath.startsWith(`${path}[`);
}
