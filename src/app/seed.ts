import type { Scenario } from '../model/scenario/scenario-schema';

/**
 * The seed box: a seed is a whole number from 0 up to the largest integer a double holds exactly
 * (beyond it two different seeds would be the same number). Anything else is refused, never
 * turned into a seed the user did not type (an empty box is not seed 0).
 */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const seed = Number(trimmed);
  return Number.isSafeInteger(seed) ? seed : null;
}

/** The seed a scenario starts with in the page: its own, else 1. */
export function startingSeed(scenario: Pick<Scenario, 'seed'>): number {
  return scenario.seed ?? 1;
}
