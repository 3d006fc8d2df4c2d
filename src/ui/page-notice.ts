/**
 * A short notice over the scene for what the page did instead of what was asked (a `?scenario=`
 * that names no bundled file, a seed that was refused), until it is closed or no longer true.
 * It is text in the DOM with role="status", so a screen reader announces it too.
 */
import { h, setText } from './dom';
import { t } from './i18n/i18n';

export class PageNotice {
  private readonly text = h('span', { id: 'page-notice-text' });
  private readonly close = h('button', { type: 'button', class: 'close' });
  private readonly root = h('div', { id: 'page-notice', class: 'page-notice', role: 'status' }, this.text, this.close);
  /** The field the notice is about (marked invalid), if any. */
  private field: HTMLElement | null = null;

  constructor(host: HTMLElement) {
    this.root.hidden = true;
    this.close.addEventListener('click', () => this.hide());
    host.append(this.root);
  }

  show(message: string, field: HTMLElement | null = null): void {
    this.field = field;
    setText(this.text, message);
    setText(this.close, '×');
    this.close.setAttribute('aria-label', t('notice.close'));
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
    this.field?.classList.remove('invalid');
    this.field?.setAttribute('aria-invalid', 'false');
    this.field = null;
  }
}
