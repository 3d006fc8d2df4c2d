/**
 * The order the start screen lists scenarios in: the contrast scenario (the same staff once as
 * calls, once as documents, the "aha" Kituo exists for) first, as the place to start, then the
 * others as the picker has them. Files that do not validate are left out: there is nothing to play.
 */
import type { CatalogEntry } from './scenario-catalog';

export const START_HERE_SCENARIO = 'contrast-same-staff.json';

/** Indices into `entries`, in the start screen's order. */
export function startScreenOrder(entries: readonly CatalogEntry[]): number[] {
  const playable = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.result.ok);
  const first = playable.filter(({ entry }) => entry.file === START_HERE_SCENARIO);
  const rest = playable.filter(({ entry }) => entry.file !== START_HERE_SCENARIO);
  return [...first, ...rest].map(({ index }) => index);
}
