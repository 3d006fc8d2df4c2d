/**
 * The round's place in the page: its view in the host element `#round`, `openRound()` for any
 * entry point (the Lessons tab's button, a start screen), and on load the offer to restore or
 * discard a round kept from an earlier visit (app/round/round-store.ts).
 */
import type { DraftStore } from '../../app/autosave';
import type { LessonEntry } from '../../app/lesson-catalog';
import { forgetRound, roundOffer, ROUND_KEY } from '../../app/round/round-store';
import { byId, h } from '../dom';
import { locale, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { problemList } from '../panels/problems';
import { RoundView } from './round-view';

let connected: RoundView | null = null;

/** Opens the facilitator's round over the page (a new round on the page's scenario, or the one in progress). */
export function openRound(): void {
  connected?.open();
}

export function connectRound(controller: PageController, lessons: readonly LessonEntry[], store: DraftStore): RoundView {
  const view = new RoundView(byId('round'), controller, lessons, store);
  connected = view;
  offerKeptRound(view, store);
  return view;
}

function offerKeptRound(view: RoundView, store: DraftStore): void {
  const offer = roundOffer(store.get(ROUND_KEY));
  if (offer.kind === 'none') return;
  const banner = h('section', { id: 'round-restore', class: 'page-notice round-restore', role: 'region' });
  document.body.append(banner);
  const button = (id: string, key: Parameters<typeof t>[0], onClick: () => void, className?: string) => {
    const element = h('button', { type: 'button', id, class: className, text: t(key) });
    element.addEventListener('click', () => {
      banner.remove();
      onClick();
    });
    return element;
  };
  const render = () => {
    if (!banner.isConnected) return;
    banner.setAttribute('aria-label', t('round.title'));
    const discard = button('round-discard', 'round.discard', () => forgetRound(store));
    if (offer.kind === 'unreadable') {
      banner.replaceChildren(h('div', { class: 'round-restore-text' }, h('p', { text: t('round.restoreUnreadable') }), problemList(offer.problems.slice(0, 3), 'round-restore-problems')), discard);
      return;
    }
    const { kept } = offer;
    const when = new Date(kept.savedAtMs).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
    banner.replaceChildren(
      h('p', { class: 'round-restore-text', text: t('round.restoreOffer', { when, teams: String(kept.round.teams.length) }) }),
      button('round-restore-button', 'round.restore', () => view.open(kept.round, kept.step), 'primary'),
      discard,
    );
  };
  onLanguageChange(render);
  render();
}
