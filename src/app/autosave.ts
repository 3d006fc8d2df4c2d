/**
 * Never lose work: the page's draft (the run as a snapshot: scenario edits, seed, what-if
 * settings, simulated time; the scenario editor's text while it is mid-edit; a lesson in
 * progress) kept in a small key-value store after every change, and on the next load an offer
 * to restore it or discard it.
 *
 * The store is an interface so the page uses localStorage (synchronous, so a draft written just
 * before a tab crashes is there; available from file:// too) and the tests an in-memory one. A
 * draft is read back through the same checks as a share link (run-snapshot.ts): a draft from
 * another Kituo version or a damaged one is offered for discarding with its problems, never
 * half-applied.
 */
import { z } from 'zod';
import { validateWithSchema, type ScenarioProblem } from '../model/scenario/parse-scenario';
import { finite, id } from '../model/scenario/schema-primitives';
import { defaultWhatIf, sameWhatIf } from './what-if';
import { readSnapshot, snapshotData, type RunSnapshot, type ShippedScenario } from './run-snapshot';
import { startingSeed } from './seed';
import { sameJson, type Json } from './json-merge-patch';

export interface DraftStore {
  get(key: string): string | null;
  set(key: string, value: string): StoreWrite;
  remove(key: string): void;
}

export type StoreWrite = { ok: true } | { ok: false; message: string };

/** Where the page keeps its one draft. */
export const DRAFT_KEY = 'kituo.draft';
/** The draft format this Kituo writes and reads. */
export const DRAFT_VERSION = 1;
/** Larger drafts are not written: localStorage holds about 5 MB per origin, shared by every file:// page. */
export const MAX_DRAFT_CHARS = 2_000_000;

export type LessonStage = 'predicting' | 'running' | 'revealed';

/** A lesson the room is part-way through. */
export interface LessonProgress {
  readonly lesson: string;
  readonly stage: LessonStage;
  /** The room's prediction once made: a choice id or a number. */
  readonly prediction?: string | number;
}

export interface Draft {
  readonly run: RunSnapshot;
  /** The scenario editor's text when it is not (yet) the run's scenario, perhaps not even valid JSON. */
  readonly editorText?: string;
  readonly lesson?: LessonProgress;
}

export type RestoreOffer =
  | { kind: 'none' }
  | { kind: 'offer'; draft: Draft; savedAtMs: number; ageMs: number }
  /** A draft that cannot be restored: the page offers to discard it (or save its text as a file). */
  | { kind: 'unreadable'; text: string; problems: ScenarioProblem[] };

const draftSchema = z.strictObject({
  draftVersion: z.number().int({ message: 'must be a whole number' }),
  savedAtMs: z.number().int({ message: 'must be a whole number' }).min(0),
  run: z.unknown(),
  editorText: z.string().max(MAX_DRAFT_CHARS).optional(),
  lesson: z
    .strictObject({
      lesson: id(),
      stage: z.enum(['predicting', 'running', 'revealed']),
      prediction: z.union([z.string().max(64), finite(1e15)]).optional(),
    })
    .optional(),
});

/** The draft as stored text. */
export function draftText(draft: Draft, shipped: readonly ShippedScenario[], nowMs: number): string {
  return JSON.stringify({ draftVersion: DRAFT_VERSION, savedAtMs: Math.round(nowMs), run: snapshotData(draft.run, shipped), ...optional(draft) });
}

/** Writes the draft, unless it is too large or the store refuses (full, or storage turned off). */
export function saveDraft(store: DraftStore, draft: Draft, shipped: readonly ShippedScenario[], nowMs: number): StoreWrite {
  const text = draftText(draft, shipped, nowMs);
  if (text.length > MAX_DRAFT_CHARS) {
    return { ok: false, message: `This work is ${(text.length / 1e6).toFixed(1)} MB, more than the ${MAX_DRAFT_CHARS / 1e6} MB kept between visits: save the scenario as a file.` };
  }
  return store.set(DRAFT_KEY, text);
}

/**
 * What the page offers on load: nothing when no draft is stored or it holds no work (the shipped
 * scenario untouched, default settings and seed: reopening it loses nothing), else the draft to
 * restore or discard, or the reasons it cannot be restored.
 */
export function restoreOffer(stored: string | null, shipped: readonly ShippedScenario[], nowMs: number): RestoreOffer {
  if (stored === null) return { kind: 'none' };
  const unreadable = (problems: ScenarioProblem[]): RestoreOffer => ({ kind: 'unreadable', text: stored, problems });
  if (stored.length > MAX_DRAFT_CHARS) return unreadable([{ path: '', message: `is ${stored.length.toLocaleString('en-US')} characters long; a draft is at most ${MAX_DRAFT_CHARS.toLocaleString('en-US')}` }]);
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return unreadable([{ path: '', message: 'is not valid JSON: it was damaged' }]);
  }
  const checked = validateWithSchema(draftSchema, data);
  if (!checked.ok) return unreadable(checked.problems);
  const { draftVersion, savedAtMs, run: runData, ...rest } = checked.data;
  if (draftVersion !== DRAFT_VERSION) {
    return unreadable([{ path: 'draftVersion', message: `is ${draftVersion}; this Kituo reads drafts of version ${DRAFT_VERSION}` }]);
  }
  const run = readSnapshot(runData, shipped);
  if (!run.ok) return unreadable(run.problems.map((p) => ({ path: p.path === '' ? 'run' : `run.${p.path}`, message: p.message })));
  const draft: Draft = { run: run.snapshot, ...optional(rest) };
  if (!holdsWork(draft, shipped)) return { kind: 'none' };
  return { kind: 'offer', draft, savedAtMs, ageMs: Math.max(0, nowMs - savedAtMs) };
}

/**
 * True when losing the draft would lose something: a scenario of the user's own or an edited
 * shipped one, changed what-if settings or seed, editor text, or a lesson under way. The
 * simulated time alone is not work: replaying to it is one click.
 */
export function holdsWork(draft: Draft, shipped: readonly ShippedScenario[]): boolean {
  const { run } = draft;
  const base = shipped.find((s) => s.file === run.baseFile);
  if (!base || !sameJson(base.scenario as unknown as Json, run.scenario as unknown as Json)) return true;
  if (!sameWhatIf(run.whatIf, defaultWhatIf(run.scenario)) || run.seed !== startingSeed(run.scenario)) return true;
  return draft.editorText !== undefined || draft.lesson !== undefined;
}

/** The store after the user's answer: a restored draft stays (autosave carries on from it), a discarded one goes. */
export function answerOffer(store: DraftStore, answer: 'restore' | 'discard'): void {
  if (answer === 'discard') store.remove(DRAFT_KEY);
}

function optional(draft: { editorText?: string; lesson?: LessonProgress }): { editorText?: string; lesson?: LessonProgress } {
  return { ...(draft.editorText !== undefined ? { editorText: draft.editorText } : {}), ...(draft.lesson !== undefined ? { lesson: draft.lesson } : {}) };
}

/** A store in memory, for tests and for a browser with storage turned off. */
export function memoryStore(): DraftStore {
  const entries = new Map<string, string>();
  return {
    get: (key) => entries.get(key) ?? null,
    set: (key, value) => {
      entries.set(key, value);
      return { ok: true };
    },
    remove: (key) => void entries.delete(key),
  };
}

/**
 * The browser's localStorage as a DraftStore. Every call is guarded: storage can be turned off
 * (a SecurityError on access) or full (a QuotaExceededError on write), and neither may break the page.
 */
export function localStorageStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): DraftStore {
  return {
    get: (key) => {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        storage.setItem(key, value);
        return { ok: true };
      } catch (error) {
        const full = error instanceof Error && error.name === 'QuotaExceededError';
        return { ok: false, message: full ? 'The browser has no room left to keep this work between visits: save the scenario as a file.' : 'This browser does not allow keeping work between visits: save the scenario as a file.' };
      }
    },
    remove: (key) => {
      try {
        storage.removeItem(key);
      } catch {
        // Storage turned off: there is nothing stored to remove.
      }
    },
  };
}
