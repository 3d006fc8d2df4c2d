/**
 * The "Something went wrong" banner: up while the page is stopped by an error (a frame that threw,
 * or a start-up that failed), down again once a run is built afresh.
 */
import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { PageController } from '../page-controller';

export function showErrorBanner(message: string): void {
  let banner = document.querySelector<HTMLElement>('.error-banner');
  if (!banner) {
    banner = h('div', { class: 'error-banner', role: 'alert' });
    document.body.append(banner);
  }
  banner.textContent = t('error.unexpected', { message });
}

export function connectErrorBanner(controller: PageController): void {
  controller.subscribe((change) => {
    if (change !== 'failure') return;
    const message = controller.failure;
    if (message === null) document.querySelector('.error-banner')?.remove();
    else showErrorBanner(message);
  });
}
