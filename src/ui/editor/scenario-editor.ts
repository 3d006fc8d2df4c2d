/**
 * The scenario editor over the page: a form (sections for general settings, queues, agent
 * groups, the back office and costs, with the arrival curve and shifts as draggable charts) and a
 * raw JSON tab over one text, checked on every edit by the CLI's own parser, each problem shown
 * beside its field with its JSON path (or at the top when no field shows it). Undo and redo work
 * across both tabs. "Run this scenario" loads the text on the page and plays it, remembering the
 * shipped file it started from, so a share link carries only the difference.
 */
import './editor.css';
import { h } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { problemList } from '../panels/problems';
import { MAX_SCENARIO_TEXT_CHARS, parseScenarioText, type ParseResult, type ScenarioProblem } from '../../model/scenario/parse-scenario';
import { EditHistory } from '../../app/editor/edit-history';
import { setAt, type EditResult, type ScenarioDocument } from '../../app/editor/edit-operations';
import { documentText, readDocument } from '../../app/editor/editor-document';
import { placeProblems } from '../../app/editor/problem-fields';
import { SCENARIO_TEMPLATES, templateText } from '../../app/editor/scenario-templates';
import type { FormContext } from './form-fields';
import { SECTIONS, SECTION_LABEL, buildSection, type SectionId } from './editor-sections';

type Mode = 'form' | 'json';

interface Binding {
  readonly path: string;
  readonly refresh: (document: ScenarioDocument) => void;
  readonly slot: HTMLElement;
}

/** What the editor holds while the user works: the text and its history, and the shipped file it began from. */
interface Session {
  readonly history: EditHistory;
  base: string | null;
  /** Opened on a restored draft: its text is work even before the first edit. */
  readonly restored: boolean;
}

export interface EditorState {
  readonly open: boolean;
  readonly mode: Mode;
  readonly section: SectionId;
  readonly text: string | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly problems: ScenarioProblem[];
}

export class ScenarioEditor {
  readonly root = h('section', { id: 'editor', class: 'editor', 'aria-labelledby': 'editor-title' });
  private session: Session | null = null;
  private mode: Mode = 'form';
  private section: SectionId = 'queues';
  private checked: ParseResult | null = null;
  private bindings: Binding[] = [];
  private readonly listeners: (() => void)[] = [];
  private readonly title = h('h2', { id: 'editor-title' });
  private readonly template = h('select', { id: 'editor-template' });
  private readonly templateLabel = h('label', { class: 'ed-template' }, h('span'), this.template);
  private readonly undoButton = this.button('editor-undo', () => this.undo());
  private readonly redoButton = this.button('editor-redo', () => this.redo());
  private readonly runButton = this.button('editor-run', () => this.run(), 'primary');
  private readonly closeButton = this.button('editor-close', () => this.close());
  private readonly formTab = this.button('editor-tab-form', () => this.show('form'));
  private readonly jsonTab = this.button('editor-tab-json', () => this.show('json'));
  private readonly summary = h('div', { id: 'editor-summary', class: 'ed-summary', role: 'status' });
  private readonly nav = h('nav', { class: 'ed-nav' });
  private readonly content = h('div', { id: 'editor-form', class: 'ed-content' });
  private readonly json = h('textarea', { id: 'editor-json', class: 'ed-json', spellcheck: 'false' });

  constructor(private readonly controller: PageController) {
    this.root.hidden = true;
    for (const tab of [this.formTab, this.jsonTab]) tab.setAttribute('role', 'tab');
    this.root.append(
      h('header', { class: 'ed-head' }, this.title, h('div', { class: 'ed-tabs', role: 'tablist' }, this.formTab, this.jsonTab), this.templateLabel, this.undoButton, this.redoButton, this.runButton, this.closeButton),
      this.summary,
      h('div', { class: 'ed-body' }, this.nav, this.content, this.json),
    );
    document.body.append(this.root);
    this.template.addEventListener('change', () => this.startFrom(this.template.value));
    this.json.addEventListener('input', () => {
      // A text too large to be a scenario is not kept in the history (200 copies of 50 MB): the parser's size problem says why.
      if (this.json.value.length > MAX_SCENARIO_TEXT_CHARS) this.check(this.json.value);
      else this.record(this.json.value, 'json', false);
    });
    this.json.addEventListener('blur', () => this.session?.history.seal());
    this.root.addEventListener('keydown', (event) => this.key(event));
    onLanguageChange(() => {
      if (!this.root.hidden) this.render();
    });
    // The editor covers the page below the top bar, whose height changes with the language and the window.
    const topbar = document.querySelector('.topbar');
    if (topbar) new ResizeObserver(() => this.root.style.setProperty('--editor-top', `${topbar.getBoundingClientRect().bottom}px`)).observe(topbar);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** The text edited and not yet run (kept in the draft), or undefined when there is none: merely opening the editor is no work. */
  get draftText(): string | undefined {
    const session = this.session;
    return session && (session.restored || session.history.canUndo) ? session.history.text : undefined;
  }

  /** Tells `listener` whenever the text changes, the editor opens or closes, or an edit is run. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Opens the editor: on `text` (a restored draft) when given, else on the work left open (Close
   * keeps it), else on the scenario the page shows.
   */
  open(text?: string, base: string | null = null): void {
    if (text !== undefined) this.session = { history: new EditHistory(text), base, restored: true };
    else if (!this.session) this.startFrom('page');
    if (!this.session) return;
    this.root.hidden = false;
    document.body.classList.add('editor-open');
    this.render();
    this.changed();
  }

  /** Closes the editor; the work stays (and in the draft) until it is run or replaced. */
  close(): void {
    this.root.hidden = true;
    document.body.classList.remove('editor-open');
    this.changed();
  }

  state(): EditorState {
    const history = this.session?.history;
    return {
      open: this.isOpen,
      mode: this.mode,
      section: this.section,
      text: history?.text ?? null,
      canUndo: history?.canUndo ?? false,
      canRedo: history?.canRedo ?? false,
      problems: this.checked && !this.checked.ok ? this.checked.problems : [],
    };
  }

  undo(): void {
    if (!this.session?.history.canUndo) return;
    this.session.history.undo();
    this.afterHistoryMove();
  }

  redo(): void {
    if (!this.session?.history.canRedo) return;
    this.session.history.redo();
    this.afterHistoryMove();
  }

  /** Loads the text on the page and plays it; the editor closes and its work is the page's scenario now. */
  run(): void {
    const session = this.session;
    if (!session) return;
    const result = parseScenarioText(session.history.text);
    if (!result.ok) return;
    const base = session.base ?? undefined;
    this.controller.addEntry({ file: `custom:${base ?? 'scenario.json'}`, text: session.history.text, result, base });
    this.session = null;
    this.close();
    if (this.controller.canRun && !this.controller.clock.playing) this.controller.togglePlay();
  }

  /** Starts over from a template, or from the scenario on the page (`page`), as one undoable step. */
  private startFrom(choice: string): void {
    const from = this.sourceText(choice);
    this.template.value = '';
    if (!from) return;
    if (!this.session) this.session = { history: new EditHistory(from.text), base: from.base, restored: false };
    else {
      this.session.history.seal();
      this.session.history.record(from.text);
      this.session.base = from.base;
    }
    if (this.isOpen) this.afterHistoryMove();
  }

  private sourceText(choice: string): { text: string; base: string | null } | null {
    const entries = this.controller.entries;
    if (choice === 'page') {
      const entry = entries[this.controller.selected];
      if (!entry) return null;
      return { text: entry.text, base: entry.file.startsWith('custom:') ? (entry.base ?? null) : entry.file };
    }
    const template = SCENARIO_TEMPLATES.find((candidate) => candidate.id === choice);
    const text = template ? templateText(template, entries) : null;
    return template && text !== null ? { text, base: template.file } : null;
  }

  private show(mode: Mode): void {
    this.session?.history.seal();
    this.mode = mode;
    this.render();
  }

  private afterHistoryMove(): void {
    this.render();
    this.changed();
  }

  /** An edit: a new state of the text; the form is built again only when its shape changed. */
  private record(text: string, gesture: string | null, rebuild: boolean): void {
    const session = this.session;
    if (!session) return;
    session.history.record(text, gesture);
    if (rebuild) this.render();
    else this.check();
    this.changed();
  }

  private context(document: ScenarioDocument): FormContext {
    const edit = (result: EditResult, gesture: string | null, rebuild: boolean) => {
      if (result.ok) this.record(documentText(result.document), gesture, rebuild);
    };
    return {
      document,
      set: (path, value, gesture) => edit(setAt(this.currentDocument() ?? document, path, value), gesture ?? null, false),
      change: (operation) => {
        this.session?.history.seal();
        const current = this.currentDocument();
        if (current) edit(operation(current), null, true);
      },
      seal: () => this.session?.history.seal(),
      bind: (path, refresh) => {
        const slot = h('div', { class: 'ed-problem', 'data-problem-for': path });
        this.bindings.push({ path, refresh, slot });
        return slot;
      },
    };
  }

  private currentDocument(): ScenarioDocument | null {
    const read = this.session ? readDocument(this.session.history.text) : null;
    return read?.ok ? read.document : null;
  }

  /** Draws everything from the text: the chrome in the page's language, the tab shown, the problems. */
  private render(): void {
    this.title.textContent = t('editor.title');
    (this.templateLabel.firstChild as HTMLElement).textContent = t('editor.newFrom');
    this.template.replaceChildren(
      h('option', { value: '', text: t('editor.choose') }),
      h('option', { value: 'page', text: t('editor.template.page') }),
      ...SCENARIO_TEMPLATES.map((template) => h('option', { value: template.id, text: t(`editor.template.${template.id}`) })),
    );
    this.template.value = '';
    this.undoButton.textContent = t('editor.undo');
    this.undoButton.setAttribute('aria-keyshortcuts', 'Control+Z');
    this.redoButton.textContent = t('editor.redo');
    this.redoButton.setAttribute('aria-keyshortcuts', 'Control+Shift+Z Control+Y');
    this.runButton.textContent = t('editor.run');
    this.closeButton.textContent = t('editor.close');
    this.formTab.textContent = t('editor.tab.form');
    this.jsonTab.textContent = t('editor.tab.json');
    this.formTab.setAttribute('aria-selected', String(this.mode === 'form'));
    this.jsonTab.setAttribute('aria-selected', String(this.mode === 'json'));
    this.nav.hidden = this.mode !== 'form';
    this.content.hidden = this.mode !== 'form';
    this.json.hidden = this.mode !== 'json';
    this.json.setAttribute('aria-label', t('editor.tab.json'));
    if (this.mode === 'json') {
      const text = this.session?.history.text ?? '';
      if (this.json.value !== text) this.json.value = text;
    } else this.buildForm();
    this.check();
  }

  private buildForm(): void {
    const scroll = this.content.scrollTop;
    this.bindings = [];
    this.nav.replaceChildren(
      ...SECTIONS.map((section) => {
        const button = this.button(`editor-nav-${section}`, () => {
          this.section = section;
          this.content.scrollTop = 0;
          this.render();
        });
        button.textContent = t(SECTION_LABEL[section]);
        if (section === this.section) button.setAttribute('aria-current', 'true');
        return button;
      }),
    );
    const document = this.currentDocument();
    if (!document) {
      this.content.replaceChildren(h('p', { class: 'ed-note', text: t('editor.fixJson') }));
      return;
    }
    this.content.replaceChildren(h('h3', { text: t(SECTION_LABEL[this.section]) }), ...buildSection(this.section, this.context(document)));
    this.content.scrollTop = scroll;
  }

  /** Checks the text with the CLI's parser; shows each problem by its field, the rest at the top. */
  private check(text = this.session?.history.text ?? ''): void {
    this.checked = parseScenarioText(text);
    const problems = this.checked.ok ? [] : this.checked.problems;
    const document = this.currentDocument();
    if (document && this.mode === 'form') for (const binding of this.bindings) binding.refresh(document);
    const placed = placeProblems(problems, this.mode === 'form' ? this.bindings.map((b) => b.path) : []);
    this.bindings.forEach((binding, i) => {
      const own = placed.byField.get(binding.path) ?? [];
      binding.slot.replaceChildren(...(own.length > 0 ? [problemList(own, `editor-problems-${i}`)] : []));
    });
    const status = this.checked.ok ? t('editor.valid') : t('editor.problems', { count: problems.length });
    this.summary.replaceChildren(h('p', { class: this.checked.ok ? 'ed-ok' : 'ed-bad', text: status }), ...(placed.unplaced.length > 0 ? [problemList(placed.unplaced, 'editor-top-problems')] : []));
    this.runButton.disabled = !this.checked.ok;
    this.undoButton.disabled = !this.session?.history.canUndo;
    this.redoButton.disabled = !this.session?.history.canRedo;
  }

  private key(event: KeyboardEvent): void {
    // The page's own shortcuts (Space, R, arrows) do not apply while editing.
    event.stopPropagation();
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      this.redo();
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private button(id: string, onClick: () => void, className?: string): HTMLButtonElement {
    const button = h('button', { type: 'button', id, class: className });
    button.addEventListener('click', onClick);
    return button;
  }
}

let editor: ScenarioEditor | null = null;

/** Builds the editor once for the page, opened by the What if… tab's Edit button or `openEditor`. */
export function connectEditor(controller: PageController): ScenarioEditor {
  editor ??= new ScenarioEditor(controller);
  document.getElementById('whatif-edit')?.addEventListener('click', () => openEditor());
  return editor;
}

/** Opens the scenario editor on the work left open, or else on the scenario the page shows. */
export function openEditor(): void {
  editor?.open();
}
