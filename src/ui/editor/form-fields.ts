/**
 * The form's building blocks: a labelled input bound to a JSON path of the scenario document,
 * with a slot under it where that path's problems are shown. Inputs write through the editor
 * (`FormContext.set`), read their value back after every edit they did not make (undo, the JSON
 * tab, a drag), and never show file text as anything but text.
 */
import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { setAt, valueAt, type EditResult, type ScenarioDocument } from '../../app/editor/edit-operations';
import { FORM_KINDS, meanField, summarizeDuration, withKind, type TimeUnit } from '../../app/editor/duration-edits';

export interface FormContext {
  readonly document: ScenarioDocument;
  /** Writes `value` at `path`; edits with the same gesture key make one undo step. */
  set(path: string, value: unknown, gesture?: string): void;
  /** A change of the form's shape (an entry added or removed, a kind changed): the form is built again. */
  change(edit: (document: ScenarioDocument) => EditResult): void;
  /** The gesture is over: the next edit is an undo step of its own. */
  seal(): void;
  /** Registers what shows the value at `path` (read back after each edit) and returns its problem slot. */
  bind(path: string, refresh: (document: ScenarioDocument) => void): HTMLElement;
}

let fieldIds = 0;

/** A label above a control, and the path's problem slot under both. */
export function labelled(context: FormContext, label: string, path: string, control: HTMLElement, refresh: (document: ScenarioDocument) => void): HTMLElement {
  const id = `ed-field-${++fieldIds}`;
  control.id = id;
  control.dataset.path = path;
  const slot = context.bind(path, refresh);
  return h('div', { class: 'ed-field' }, h('label', { for: id, text: label }), control, slot);
}

const shown = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const unlessFocused = (input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
  if (document.activeElement !== input && input.value !== value) input.value = value;
};

/** A text field; an emptied optional field is left out of the file. */
export function textField(context: FormContext, labelKey: MessageKey, path: string, options: { optional?: boolean; long?: boolean } = {}): HTMLElement {
  const input = options.long ? h('textarea', { rows: 3 }) : h('input', { type: 'text', spellcheck: 'false' });
  input.value = shown(valueAt(context.document, path));
  input.addEventListener('input', () => context.set(path, input.value === '' && options.optional ? undefined : input.value, path));
  input.addEventListener('blur', () => context.seal());
  return labelled(context, t(labelKey), path, input, (document) => unlessFocused(input, shown(valueAt(document, path))));
}

/**
 * A number field. What is typed goes into the file as typed, a number or not (an empty field is
 * null), so the schema's own message says what is wrong with it beside the field.
 */
export function numberField(context: FormContext, labelKey: MessageKey, path: string, options: { optional?: boolean; step?: number } = {}): HTMLElement {
  const input = h('input', { type: 'text', inputmode: 'decimal', spellcheck: 'false', class: 'ed-number' });
  input.value = shown(valueAt(context.document, path));
  input.addEventListener('input', () => {
    const text = input.value.trim();
    const value = text === '' ? (options.optional ? undefined : null) : Number.isNaN(Number(text)) ? text : Number(text);
    context.set(path, value, path);
  });
  input.addEventListener('blur', () => context.seal());
  return labelled(context, t(labelKey), path, input, (document) => unlessFocused(input, shown(valueAt(document, path))));
}

/** A choice among fixed values, each shown with its label in the page's language. */
export function selectField(context: FormContext, labelKey: MessageKey, path: string, choices: readonly (readonly [value: string | number | null, label: string])[], onPick?: (value: string | number | null) => void): HTMLElement {
  const select = h('select');
  const current = valueAt(context.document, path);
  for (const [value, label] of choices) select.append(h('option', { value: JSON.stringify(value), text: label }));
  // A value the form has no choice for (from the JSON tab) shows as itself rather than as another.
  if (!choices.some(([value]) => value === (current ?? null))) select.append(h('option', { value: JSON.stringify(current ?? null), text: shown(current) }));
  select.value = JSON.stringify(current ?? null);
  select.addEventListener('change', () => {
    const value = JSON.parse(select.value) as string | number | null;
    if (onPick) onPick(value);
    else context.set(path, value ?? undefined);
  });
  return labelled(context, t(labelKey), path, select, (document) => unlessFocused(select, JSON.stringify(valueAt(document, path) ?? null)));
}

/** Check boxes for a list of ids (the queues a group answers, the work types a team takes). */
export function idChecks(context: FormContext, labelKey: MessageKey, path: string, ids: readonly string[]): HTMLElement {
  const chosen = () => {
    const list = valueAt(context.document, path);
    return Array.isArray(list) ? list : [];
  };
  const boxes = ids.map((id) => {
    const box = h('input', { type: 'checkbox', value: id });
    box.checked = chosen().includes(id);
    box.addEventListener('change', () => {
      const kept = chosen().filter((entry) => entry !== id);
      context.set(path, box.checked ? [...kept, id] : kept);
    });
    return h('label', { class: 'ed-check' }, box, id);
  });
  const group = h('fieldset', { class: 'ed-checks' }, h('legend', { text: t(labelKey) }), ...boxes);
  group.dataset.path = path;
  const slot = context.bind(path, (document) => {
    const list = valueAt(document, path);
    boxes.forEach((label) => {
      const box = label.querySelector('input')!;
      box.checked = Array.isArray(list) && list.includes(box.value);
    });
  });
  return h('div', { class: 'ed-field ed-wide' }, group, slot);
}

const KIND_LABEL: Record<(typeof FORM_KINDS)[number], MessageKey> = {
  exponential: 'editor.kind.exponential',
  deterministic: 'editor.kind.deterministic',
  lognormal: 'editor.kind.lognormal',
  gamma: 'editor.kind.gamma',
};

const UNIT_KEY: Record<TimeUnit, MessageKey> = { Sec: 'editor.mean.sec', Min: 'editor.mean.min', Hours: 'editor.mean.hours' };

/**
 * A duration: its kind, mean and (for lognormal and gamma) cv, in the unit of its fields. An
 * optional duration has "none" among its kinds; a kind the form does not offer is edited in JSON.
 */
export function durationFields(context: FormContext, labelKey: MessageKey, path: string, unit: TimeUnit, optional: boolean): HTMLElement {
  const summary = summarizeDuration(valueAt(context.document, path), unit);
  const present = valueAt(context.document, path) !== undefined;
  const choices: [string | null, string][] = FORM_KINDS.map((kind) => [kind, t(KIND_LABEL[kind])]);
  if (optional) choices.unshift([null, t('editor.kind.none')]);
  const kind = selectField(context, 'editor.kind', `${path}.kind`, choices, (picked) => {
    context.change((document) => {
      const next = picked === null ? undefined : withKind(valueAt(document, path), picked as (typeof FORM_KINDS)[number], unit);
      return setAt(document, path, next);
    });
  });
  const box = h('fieldset', { class: 'ed-group ed-duration' }, h('legend', { text: t(labelKey) }), kind);
  if (present && summary.kind === null) box.append(h('p', { class: 'ed-note', text: t('editor.kind.other') }));
  if (summary.kind !== null) {
    box.append(numberField(context, UNIT_KEY[unit], `${path}.${meanField(summary.kind, unit)}`));
    if (summary.cv !== null) box.append(numberField(context, 'editor.cv', `${path}.cv`));
  }
  const slot = context.bind(path, () => undefined);
  box.append(slot);
  return box;
}

/** A button that changes the form's shape. */
export function actionButton(labelKey: MessageKey, onClick: () => void, params?: Record<string, string>): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'ed-action', text: t(labelKey, params) });
  button.addEventListener('click', onClick);
  return button;
}
