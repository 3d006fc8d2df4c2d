/**
 * Pieces both halves of the Plan view (the comparison and the optimiser) are built from: texts
 * that follow the page's language, a labelled button, and the stale mark a result gets when what
 * it was computed for has changed.
 */
import { staleReasons, type PlanInputs, type PlanStamp, type StaleReason } from '../../app/plan-stale';
import { h, setText } from '../dom';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { staleText } from './plan-format';

/** Elements whose text is a dictionary key, set again when the language changes. */
export class Translated {
  private readonly texts: [HTMLElement, MessageKey][] = [];

  text<E extends HTMLElement>(element: E, key: MessageKey): E {
    element.textContent = t(key);
    this.texts.push([element, key]);
    return element;
  }

  label(key: MessageKey, control: HTMLElement): HTMLLabelElement {
    return this.text(h('label', { for: control.id }), key);
  }

  relabel(): void {
    for (const [element, key] of this.texts) element.textContent = t(key);
  }
}

export function planButton(id: string, key: MessageKey, action: () => void): HTMLButtonElement {
  const button = h('button', { id, type: 'button', text: t(key) });
  button.addEventListener('click', action);
  return button;
}

/** A result's stale mark: its figures dimmed and a note saying what it was computed for. */
export class StaleMark {
  readonly note = h('p', { class: 'plan-stale', role: 'status', hidden: true });
  computed: PlanStamp | null = null;
  reasons: StaleReason[] = [];

  constructor(
    private readonly results: HTMLElement,
    id: string,
  ) {
    this.note.id = id;
  }

  update(now: PlanInputs | null): void {
    if (!this.computed) return;
    this.reasons = staleReasons(this.computed, now);
    const stale = this.reasons.length > 0;
    this.results.classList.toggle('stale', stale);
    this.note.hidden = !stale;
    setText(this.note, stale ? staleText(this.computed, this.reasons) : '');
  }
}
