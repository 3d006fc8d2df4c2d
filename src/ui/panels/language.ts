/** The language switch and the page's fixed text (elements marked data-i18n and data-i18n-aria-label). */
import { byId, setText } from '../dom';
import { language, onLanguageChange, setLanguage, t, type Language } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export function connectLanguage(): void {
  document.documentElement.lang = language();
  const picker = byId<HTMLSelectElement>('language');
  applyStaticText();
  picker.value = language();
  picker.addEventListener('change', () => setLanguage(picker.value as Language));
  onLanguageChange(() => {
    applyStaticText();
    picker.value = language();
  });
}

function applyStaticText(): void {
  document.title = t('app.title');
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) setText(element, t(element.dataset.i18n as MessageKey));
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as MessageKey));
  }
}
