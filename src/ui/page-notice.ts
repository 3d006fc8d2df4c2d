/**
 * A short notice over the scene for what the page did instead of what was asked (a `?scenario=`
 * that names no bundled file, a seed that was refused), until it is closed or no longer true.
 * It is text in the DOM with role="status", so a screen reader announces it too.
 */
import { h, setText } from './dom';
import { t } from './i18n/i18n';
import type { PageController, PageNoticeMessage } from './page-controller';

export class PageNotice {
  private readonly text = h('span', { id: 'page-notice-text' });
  private readonly close = h('button', { type: 'button', class: 'close' });
  private readonly root = h('div', { id: 'page-notice', class: 'page-notice', role: 'status' }, this.text, this.close);

  constructor(host: HTMLElement, onClose: () => void) {
    this.root.hidden = true;
    this.close.addEventListener('click', onClose);
    host.append(this.root);
  }

  show(message: string): void {
    setText(this.text, message);
    setText(this.close, '×');
    this.close.setAttribute('aria-label', t('notice.close'));
    this.root.hidden = false;
  }

  hide(): void {
    this.root.hidden = true;
  }
}

/** Shows the controller's notice, in the language of the moment it was given. */
export function connectNotice(controller: PageController): void {
  const notice = new PageNotice(document.body, () => controller.dismissNotice());
  controller.subscribe((change) => {
    if (change !== 'notice') return;
    const message = controller.notice;
    if (message) notice.show(noticeText(message));
    else notice.hide();
  });
}

function noticeText(message: PageNoticeMessage): string {
  if (message.kind === 'seedRefused') return t('controls.seedRefused', { seed: String(message.seed) });
  return t('controls.scenarioUnknown', { name: message.name, shown: message.shown });
}
