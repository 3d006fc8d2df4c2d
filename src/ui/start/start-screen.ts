/**
 * The start screen: a modal dialog over the running page with one big tile per way in (play a
 * scenario, run a lesson, plan staffing, and whatever main.ts registers next). The screen knows
 * nothing of what a choice does: each choice opens itself, either by closing the screen and
 * going somewhere on the page, or by showing a page of its own inside the screen (with a way
 * back). Shown on a first visit to the bare address, and again from the brand in the top bar.
 */
import './start.css';
import { byId, h, setText } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { rememberStartScreenSeen } from './start-seen';

/** What a choice can do with the screen it was chosen on. */
export interface StartScreenHandle {
  close(): void;
  /** Shows `body` in the screen under `titleKey`, with a Back button to the choices. */
  showPage(titleKey: MessageKey, body: HTMLElement): void;
}

export interface StartChoice {
  readonly id: string;
  readonly titleKey: MessageKey;
  readonly textKey: MessageKey;
  open(screen: StartScreenHandle): void;
}

export class StartScreen implements StartScreenHandle {
  private readonly dialog = h('dialog', { id: 'start-screen', class: 'start-screen', 'aria-labelledby': 'start-title' });
  private readonly title = h('h2', { id: 'start-title' });
  private readonly lead = h('p', { class: 'start-lead' });
  private readonly back = h('button', { id: 'start-back', class: 'start-back', type: 'button', hidden: true });
  private readonly closeButton = h('button', { id: 'start-close', class: 'start-close', type: 'button' });
  private readonly body = h('div', { class: 'start-body' });
  private page: { titleKey: MessageKey; body: HTMLElement } | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(
    host: HTMLElement,
    private readonly choices: readonly StartChoice[],
  ) {
    this.dialog.append(h('header', { class: 'start-head' }, this.back, h('div', { class: 'start-heading' }, this.title, this.lead), this.closeButton), this.body);
    host.append(this.dialog);
    this.back.addEventListener('click', () => this.showChoices());
    this.closeButton.addEventListener('click', () => this.close());
    // Esc (the dialog's cancel) closes the screen through the same path as the button.
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.close();
    });
    // The page behind is inert: its shortcuts (Space, →, R …) must not run it while the screen is up.
    this.dialog.addEventListener('keydown', (event) => event.stopPropagation());
    onLanguageChange(() => this.render());
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** Opens on the choices, with the first one focused; focus goes back where it was on close. */
  open(): void {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.page = null;
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    rememberStartScreenSeen();
    this.focusFirst();
  }

  close(): void {
    if (!this.dialog.open) return;
    this.dialog.close();
    this.returnFocus?.focus();
    this.returnFocus = null;
  }

  showPage(titleKey: MessageKey, body: HTMLElement): void {
    this.page = { titleKey, body };
    this.render();
    this.focusFirst();
  }

  private showChoices(): void {
    this.page = null;
    this.render();
    this.focusFirst();
  }

  private focusFirst(): void {
    this.body.querySelector<HTMLElement>('button, [tabindex="0"]')?.focus();
  }

  private render(): void {
    setText(this.closeButton, t('start.close'));
    setText(this.back, t('start.back'));
    this.back.hidden = this.page === null;
    setText(this.title, this.page ? t(this.page.titleKey) : t('start.title'));
    setText(this.lead, this.page ? '' : t('start.lead'));
    this.lead.hidden = this.page !== null;
    if (this.page) {
      if (this.body.firstElementChild !== this.page.body) this.body.replaceChildren(this.page.body);
      return;
    }
    const tiles = this.choices.map((choice) =>
      h('button', { id: `start-${choice.id}`, class: 'start-tile', type: 'button' }, h('span', { class: 'start-tile-title', text: t(choice.titleKey) }), h('span', { class: 'start-tile-text', text: t(choice.textKey) })),
    );
    tiles.forEach((tile, i) => tile.addEventListener('click', () => this.choices[i].open(this)));
    this.body.replaceChildren(h('div', { class: 'start-tiles' }, ...tiles));
  }
}

/** The brand in the top bar (logo and title) opens the start screen again. */
export function connectBrand(screen: StartScreen): void {
  byId('brand').addEventListener('click', () => screen.open());
}
