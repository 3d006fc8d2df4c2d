/**
 * Which form field a problem belongs to. The form registers the JSON path of each field it
 * shows; a problem goes to the deepest field at or above its path (a problem at
 * `queues[0].talk.meanSec` shows by the talk-time field when there is no mean field of its own),
 * and a problem no field covers is listed at the top with its path.
 */
import type { ScenarioProblem } from '../../model/scenario/parse-scenario';
import { parsePath, isAtOrUnder } from '../../model/scenario/scenario-overrides';

export interface PlacedProblems {
  /** Problems by the path of the field they show beside. */
  readonly byField: ReadonlyMap<string, ScenarioProblem[]>;
  /** Problems with no field on the form: the document as a whole, fields the form does not show. */
  readonly unplaced: readonly ScenarioProblem[];
}

export function placeProblems(problems: readonly ScenarioProblem[], fieldPaths: Iterable<string>): PlacedProblems {
  const fields = [...fieldPaths].map((path) => ({ path, keys: parsePath(path) })).filter((f): f is { path: string; keys: PropertyKey[] } => f.keys !== null);
  const byField = new Map<string, ScenarioProblem[]>();
  const unplaced: ScenarioProblem[] = [];
  for (const problem of problems) {
    let best: { path: string; keys: PropertyKey[] } | null = null;
    for (const field of fields) {
      if (problem.path !== '' && isAtOrUnder(field.keys, problem.path) && (!best || field.keys.length > best.keys.length)) best = field;
    }
    if (!best) unplaced.push(problem);
    else byField.set(best.path, [...(byField.get(best.path) ?? []), problem]);
  }
  return { byField, unplaced };
}
