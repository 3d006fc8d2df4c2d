/**
 * Path overrides of a scenario: a value written at a path such as `agentGroups[0].agents`, as
 * problem messages print paths. The CLI's `--set` and a lesson's configurations both make their
 * variants this way, before the scenario schema validates the result, so a variant can never be
 * something a file could not be. Pure: no I/O, usable by the page.
 */
import { formatPath, type ScenarioProblem } from './parse-scenario';

/** `agentGroups[0].agents` → ['agentGroups', 0, 'agents']; null when the text is not a path. */
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

/**
 * Writes `value` at `path` into (unvalidated) scenario data, or says why it cannot: every step
 * of the path but the last must exist; the last may be a field the file leaves out, and the
 * schema then says whether the scenario has such a field. The problem's path is where the walk
 * stopped.
 */
export function writeAtPath(data: unknown, path: readonly PropertyKey[], value: unknown): ScenarioProblem | null {
  let node = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const where = formatPath(path.slice(0, i + 1));
    if (typeof key === 'number' ? !Array.isArray(node) : node === null || typeof node !== 'object' || Array.isArray(node)) {
      return { path: formatPath(path.slice(0, i)), message: `is not ${typeof key === 'number' ? 'a list' : 'an object'}, so ${where} does not exist` };
    }
    const container = node as Record<PropertyKey, unknown>;
    if (typeof key === 'number' && key >= (node as unknown[]).length) {
      const length = (node as unknown[]).length;
      return { path: where, message: `does not exist (the list has ${length} ${length === 1 ? 'entry' : 'entries'})` };
    }
    if (i === path.length - 1) container[key] = value;
    else if (!(key in container)) return { path: where, message: 'does not exist in the scenario' };
    else node = container[key];
  }
  return null;
}

/** Whether a problem at `problemPath` is about what was written at `path` (at or under it). */
export function isAtOrUnder(path: readonly PropertyKey[], problemPath: string): boolean {
  const written = formatPath(path);
  return problemPath === written || problemPath.startsWith(`${written}.`) || problemPath.startsWith(`${written}[`);
}
