/**
 * Never lose work: the page's draft (the scenario with its live changes, what-if settings, seed and the time reached)
 * is written after each change, and on the next visit a small banner offers to restore it or
 * discard it. Nothing is written before the offer is answered, so an unanswered draft is never
 * overwritten by the page that opened over it. A draft that cannot be restored offers its text
 * as a download instead.
 *
 * A lesson in progress (its id, stage and the room's prediction) is kept with the draft and comes
 * back as the lesson where the room left it (app/lesson-progress.ts).
 *
 * Written on: a new run, a live change (a what-if control or a palette event: the draft's
 * scenario carries it as an event), a seed edit, a step or skip, a pause (the time), a lesson's
 * change of stage, every edit in the scenario editor (its text, valid or not, until it is run),
 * and when the tab is hidden or closed; never frame by frame while playing. Restoring a draft with
 * editor text opens the editor on it.
 */
import './share.css';
import { DRAFT_KEY, answerOffer, localStorageStore, memoryStore, restoreOffer, saveDraft, type DraftStore, type LessonProgress, type RestoreOffer } from '../../app/autosave';
import type { ShippedScenario } from '../../app/run-snapshot';
import { h } from '../dom';
import { shownNames } from '../display-names';
import { download } from '../download';
import { locale, onLanguageChange, t } from '../i18n/i18n';
import type { PageChange, PageController } from '../page-controller';
import { problemList } from './problems';

const SAVED_ON: readonly PageChange[] = ['run', 'pending', 'changes', 'jump', 'transport'];

/** localStorage when the browser allows it (reading the property itself throws when storage is turned off), else memory. */
export function browserDraftStore(): DraftStore {
  try {
    return localStorageStore(window.localStorage);
  } catch {
    return memoryStore();
  }
}

/** The scenario editor as the draft sees it: its text while it holds work not yet run, and how to reopen it. */
export interface EditorDraft {
  readonly draftText: string | undefined;
  onChange(listener: () => void): void;
  open(text: string, base: string | null): void;
}

/** The Lessons view as the draft sees it: the lesson in progress, word of its changes, and resuming one. */
export interface LessonDraft {
  progress(): LessonProgress | null;
  onChange(listener: () => void): void;
  resume(progress: LessonProgress): boolean;
}

/** What else the draft keeps beside the run: the editor's text and the lesson in progress. */
export interface DraftParts {
  readonly editor: EditorDraft;
  readonly lessons: LessonDraft;
}

export function connectAutosave(controller: PageController, shipped: readonly ShippedScenario[], store: DraftStore, { editor, lessons }: DraftParts): void {
  const offer = restoreOffer(store.get(DRAFT_KEY), shipped, Date.now());
  let answered = offer.kind === 'none';
  let warned = false;
  const banner = new DraftBanner();

  const save = () => {
    const run = controller.snapshot('pending');
    if (!answered || !run) return;
    const editorText = editor.draftText;
    const lesson = lessons.progress();
    const written = saveDraft(store, { run, ...(editorText !== undefined ? { editorText } : {}), ...(lesson ? { lesson } : {}) }, shipped, Date.now());
    if (!written.ok && !warned) {
      warned = true;
      banner.show({ kind: 'notKept' });
    }
  };
  // Several changes come together (a reset tells of run, pending and refresh): one write for all of them.
  let queued = false;
  const queueSave = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      save();
    });
  };
  controller.subscribe((change) => {
    if (SAVED_ON.includes(change) && !(change === 'transport' && controller.clock.playing)) queueSave();
  });
  // Every edit in the editor, valid or not, is kept.
  editor.onChange(queueSave);
  lessons.onChange(queueSave);
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });

  const answer = (choice: 'restore' | 'discard') => {
    answerOffer(store, choice);
    answered = true;
    banner.hide();
    if (choice !== 'restore' || offer.kind !== 'offer') return;
    const { lesson, editorText } = offer.draft;
    // A lesson under way comes back as the lesson (its own run, locks and stop), else the run as it was.
    if (!lesson || !lessons.resume(lesson)) controller.openSnapshot(offer.draft.run);
    if (editorText !== undefined) editor.open(editorText, offer.draft.run.baseFile);
  };
  if (offer.kind !== 'none') banner.show({ kind: 'offer', offer, answer });
}

type BannerMessage = { kind: 'offer'; offer: Exclude<RestoreOffer, { kind: 'none' }>; answer: (choice: 'restore' | 'discard') => void } | { kind: 'notKept' };

/** The small banner at the foot of the page: the restore offer, or a word that work cannot be kept. */
class DraftBanner {
  private readonly root = h('section', { id: 'draft-banner', class: 'page-notice draft-banner', role: 'region' });
  private shown: BannerMessage | null = null;

  constructor() {
    this.root.hidden = true;
    document.body.append(this.root);
    onLanguageChange(() => {
      if (this.shown) this.show(this.shown);
    });
  }

  show(message: BannerMessage): void {
    this.shown = message;
    this.root.setAttribute('aria-label', t('autosave.label'));
    this.root.replaceChildren(...this.content(message));
    this.root.hidden = false;
  }

  hide(): void {
    this.shown = null;
    this.root.hidden = true;
  }

  private content(message: BannerMessage): Node[] {
    if (message.kind === 'notKept') return [h('p', { text: t('autosave.notKept') }), this.button('draft-close', t('share.close'), () => this.hide())];
    const { offer, answer } = message;
    const discard = this.button('draft-discard', t('autosave.discard'), () => answer('discard'));
    if (offer.kind === 'unreadable') {
      return [
        h('div', { class: 'draft-text' }, h('p', { text: t('autosave.unreadable') }), problemList(offer.problems.slice(0, 3), 'draft-problems')),
        this.button('draft-download', t('autosave.download'), () => download('kituo-draft.json', offer.text)),
        discard,
      ];
    }
    const { run } = offer.draft;
    const when = new Date(offer.savedAtMs).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    const text = t('autosave.offer', { when, name: shownNames(run.scenario).name, seed: String(run.seed) });
    return [h('p', { class: 'draft-text', text }), this.button('draft-restore', t('autosave.restore'), () => answer('restore'), 'primary'), discard];
  }

  private button(id: string, text: string, onClick: () => void, className?: string): HTMLButtonElement {
    const button = h('button', { type: 'button', id, text, class: className });
    button.addEventListener('click', onClick);
    return button;
  }
}
