/**
 * A round in progress survives a reload: the round (as its file holds it) and the step the
 * facilitator was on are kept under their own key, beside the page's draft (autosave.ts), after
 * every change. On the next visit the page offers to restore or discard it; a kept round that
 * no longer reads (damaged, another version) is offered for discarding with its problems.
 */
import type { ScenarioProblem } from '../../model/scenario/parse-scenario';
import type { DraftStore, StoreWrite } from '../autosave';
import type { Round } from './round';
import { validateRound } from './round-schema';

export const ROUND_KEY = 'kituo.round';

export const ROUND_STEPS = ['setup', 'teams', 'leaderboard', 'debrief'] as const;
export type RoundStep = (typeof ROUND_STEPS)[number];

export interface KeptRound {
  readonly round: Round;
  readonly step: RoundStep;
  readonly savedAtMs: number;
}

export type RoundOffer = { kind: 'none' } | { kind: 'offer'; kept: KeptRound } | { kind: 'unreadable'; problems: ScenarioProblem[] };

export function keepRound(store: DraftStore, round: Round, step: RoundStep, nowMs: number): StoreWrite {
  return store.set(ROUND_KEY, JSON.stringify({ savedAtMs: Math.round(nowMs), step, round }));
}

export function forgetRound(store: DraftStore): void {
  store.remove(ROUND_KEY);
}

/** What the page offers on load for the kept round. */
export function roundOffer(stored: string | null): RoundOffer {
  if (stored === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return { kind: 'unreadable', problems: [{ path: '', message: 'is not valid JSON: it was damaged' }] };
  }
  const { savedAtMs, step, round } = (data ?? {}) as { savedAtMs?: unknown; step?: unknown; round?: unknown };
  if (typeof savedAtMs !== 'number' || !Number.isFinite(savedAtMs)) return { kind: 'unreadable', problems: [{ path: 'savedAtMs', message: 'must be a number' }] };
  if (!ROUND_STEPS.includes(step as RoundStep)) return { kind: 'unreadable', problems: [{ path: 'step', message: `must be one of ${ROUND_STEPS.join(', ')}` }] };
  const read = validateRound(round);
  if (!read.ok) return { kind: 'unreadable', problems: read.problems.map((p) => ({ path: p.path === '' ? 'round' : `round.${p.path}`, message: p.message })) };
  return { kind: 'offer', kept: { round: read.round, step: step as RoundStep, savedAtMs } };
}
