/**
 * Autosave (src/app/autosave.ts): a draft written to a store comes back whole on the next load,
 * is offered only when it holds work, and a damaged, foreign or oversized one is offered for
 * discarding with its problems; the localStorage store survives a full or disabled storage.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { shippedScenarios, type RunSnapshot } from '../../src/app/run-snapshot';
import { defaultWhatIf } from '../../src/app/what-if';
import {
  DRAFT_KEY,
  MAX_DRAFT_CHARS,
  answerOffer,
  draftText,
  localStorageStore,
  memoryStore,
  restoreOffer,
  saveDraft,
  type Draft,
  type DraftStore,
} from '../../src/app/autosave';

const shipped = shippedScenarios(bundledScenarios());
const SAVED_AT = Date.UTC(2026, 10, 30, 9, 0);
const scenarioOf = (file: string) => structuredClone(shipped.find((s) => s.file === file)!.scenario);

/** The page as it opens a shipped scenario: nothing changed. */
function untouched(file: string): RunSnapshot {
  const scenario = scenarioOf(file);
  return { baseFile: file, scenario, seed: scenario.seed ?? 1, whatIf: defaultWhatIf(scenario), timeSec: 0 };
}

function offerAfterSaving(draft: Draft, store: DraftStore = memoryStore()) {
  expect(saveDraft(store, draft, shipped, SAVED_AT)).toEqual({ ok: true });
  return restoreOffer(store.get(DRAFT_KEY), shipped, SAVED_AT + 5 * 60_000);
}

describe('an autosaved draft', () => {
  it('comes back whole: edited scenario, what-if settings, seed, time, editor text and the lesson under way', () => {
    const run = untouched('call-center-and-back-office.json');
    const scenario = { ...run.scenario, name: 'Edited in the room' };
    const draft: Draft = {
      run: { ...run, scenario, seed: 42, whatIf: { ...run.whatIf, arrivalPercent: 150 }, timeSec: 36_000 },
      editorText: '{ "name": "half-typ',
      lesson: { lesson: 'backlog-edf-vs-fifo', stage: 'running', prediction: 'edf' },
    };
    expect(offerAfterSaving(draft)).toEqual({ kind: 'offer', draft, savedAtMs: SAVED_AT, ageMs: 5 * 60_000 });
  });

  it.each<[string, (run: RunSnapshot) => Draft]>([
    ['a scenario of the user’s own', (run) => ({ run: { ...run, baseFile: null } })],
    ['an edited shipped scenario', (run) => ({ run: { ...run, scenario: { ...run.scenario, days: 2 } } })],
    ['changed what-if settings', (run) => ({ run: { ...run, whatIf: { ...run.whatIf, ahtPercent: 90 } } })],
    ['another seed', (run) => ({ run: { ...run, seed: run.seed + 1 } })],
    ['a live change', (run) => ({ run: { ...run, scenario: { ...run.scenario, events: [{ atSec: 3600, kind: 'outage', minutes: 5 }] } } })],
    ['editor text', (run) => ({ run, editorText: '{}' })],
    ['a lesson under way', (run) => ({ run, lesson: { lesson: 'abandonment-keeps-queue-stable', stage: 'predicting' } })],
  ])('is offered when it holds %s', (_what, make) => {
    expect(offerAfterSaving(make(untouched('inbound-basic.json'))).kind).toBe('offer');
  });

  it('is not offered when it holds no work: a shipped scenario as shipped, only played forward', () => {
    expect(offerAfterSaving({ run: { ...untouched('inbound-basic.json'), timeSec: 7200 } })).toEqual({ kind: 'none' });
    expect(restoreOffer(null, shipped, SAVED_AT)).toEqual({ kind: 'none' });
  });

  it('is removed when the user discards it and kept when they restore it', () => {
    const store = memoryStore();
    const draft: Draft = { run: untouched('inbound-basic.json'), editorText: '{}' };
    saveDraft(store, draft, shipped, SAVED_AT);
    answerOffer(store, 'restore');
    expect(store.get(DRAFT_KEY)).not.toBeNull();
    answerOffer(store, 'discard');
    expect(store.get(DRAFT_KEY)).toBeNull();
  });

  it('is not written when it is larger than a draft may be, and says to save a file', () => {
    const store = memoryStore();
    const result = saveDraft(store, { run: untouched('inbound-basic.json'), editorText: 'x'.repeat(MAX_DRAFT_CHARS) }, shipped, SAVED_AT);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^This work is 2\.0 MB, more than the 2 MB kept between visits: save the scenario as a file\.$/) });
    expect(store.get(DRAFT_KEY)).toBeNull();
  });
});

describe('a draft that cannot be restored is offered for discarding, with its problems', () => {
  const good = JSON.parse(draftText({ run: untouched('inbound-basic.json'), editorText: '{}' }, shipped, SAVED_AT));

  it.each<[string, string, string, RegExp]>([
    ['damaged text', '{"draftVersion": 1, "sav', '', /^is not valid JSON: it was damaged$/],
    ['a draft from a newer Kituo', JSON.stringify({ ...good, draftVersion: 2 }), 'draftVersion', /^is 2; this Kituo reads drafts of version 1$/],
    ['an unknown field', JSON.stringify({ ...good, fetch: 'https://evil.example' }), 'fetch', /^unknown field$/],
    ['a run whose scenario is broken', JSON.stringify({ ...good, run: { ...good.run, patch: { days: -1 } } }), 'run.scenario.days', /^must be > 0/],
    ['edits to a shipped file that has since changed', JSON.stringify({ ...good, run: { ...good.run, baseHash: '00000000' } }), 'run.baseHash', /^does not match inbound-basic\.json/],
    ['a lesson stage that does not exist', JSON.stringify({ ...good, lesson: { lesson: 'x', stage: 'won' } }), 'lesson.stage', /^must be one of "predicting", "running", "revealed"/],
    ['a draft of 3 MB', JSON.stringify({ ...good, editorText: 'x'.repeat(3_000_000) }), '', /^is 3,000,\d{3} characters long; a draft is at most 2,000,000$/],
  ])('%s', (_what, stored, path, message) => {
    const offer = restoreOffer(stored, shipped, SAVED_AT);
    expect(offer.kind).toBe('unreadable');
    if (offer.kind !== 'unreadable') return;
    expect(offer.text).toBe(stored);
    expect(offer.problems.find((p) => p.path === path)?.message).toMatch(message);
  });
});

describe('the localStorage store', () => {
  /** A Storage that fails the way browsers do: full on write, or turned off altogether. */
  function failingStorage(name: 'QuotaExceededError' | 'SecurityError') {
    const fail = () => {
      throw Object.assign(new Error(name), { name });
    };
    return { getItem: name === 'SecurityError' ? fail : () => null, setItem: fail, removeItem: fail };
  }

  it('reads and writes through to the storage it wraps', () => {
    const items = new Map<string, string>();
    const store = localStorageStore({ getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) });
    expect(store.set('a', '1')).toEqual({ ok: true });
    expect(store.get('a')).toBe('1');
    store.remove('a');
    expect(items.size).toBe(0);
  });

  it('says the browser has no room when the storage is full, and never throws', () => {
    const store = localStorageStore(failingStorage('QuotaExceededError'));
    expect(store.set('a', '1')).toEqual({ ok: false, message: expect.stringMatching(/^The browser has no room left/) });
  });

  it('reads nothing and writes nothing when storage is turned off, and never throws', () => {
    const store = localStorageStore(failingStorage('SecurityError'));
    expect(store.get('a')).toBeNull();
    expect(store.set('a', '1')).toEqual({ ok: false, message: expect.stringMatching(/^This browser does not allow keeping work/) });
    expect(() => store.remove('a')).not.toThrow();
  });
});
