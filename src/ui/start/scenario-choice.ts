/**
 * "Play a scenario" on the start screen: every playable scenario by its name in the page's
 * language, the contrast scenario first and marked as the place to start; the description of the
 * one under the pointer or the keyboard's focus beside the list. Choosing one opens it at the
 * moment its day gets going (opening-time.ts), never in an empty night. Scenario text is set as
 * text, never as HTML.
 */
import { START_HERE_SCENARIO, startScreenOrder } from '../../app/start-scenarios';
import { h, setText } from '../dom';
import { shownNames } from '../display-names';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import type { StartChoice, StartScreenHandle } from './start-screen';

export function playScenarioChoice(controller: PageController): StartChoice {
  let page: ScenarioList | null = null;
  return {
    id: 'play',
    titleKey: 'start.play.title',
    textKey: 'start.play.text',
    open: (screen) => {
      page ??= scenarioList(controller, screen);
      page.render();
      screen.showPage('start.play.title', page.element);
    },
  };
}

interface ScenarioList {
  readonly element: HTMLElement;
  /** Lists the catalogue as it is now (a file opened since joins the list). */
  render(): void;
}

function scenarioList(controller: PageController, screen: StartScreenHandle): ScenarioList {
  const list = h('ul', { class: 'start-scenarios', 'aria-labelledby': 'start-title' });
  const aboutTitle = h('h3', { id: 'start-about-title' });
  const aboutText = h('p', { id: 'start-about-text' });
  const about = h('section', { class: 'start-about', 'aria-live': 'polite' }, aboutTitle, aboutText);
  let shown = -1;

  const describe = (index: number) => {
    const entry = controller.entries[index];
    if (!entry?.result.ok) return;
    shown = index;
    const names = shownNames(entry.result.scenario);
    setText(aboutTitle, names.name);
    setText(aboutText, names.description);
  };
  const render = () => {
    const order = startScreenOrder(controller.entries);
    const items = order.map((index) => {
      const entry = controller.entries[index];
      const scenario = entry.result.ok ? entry.result.scenario : null;
      const button = h('button', { class: 'start-scenario', type: 'button', 'data-file': entry.file }, h('span', { text: scenario ? shownNames(scenario).name : entry.file }));
      if (entry.file === START_HERE_SCENARIO) button.append(h('span', { class: 'start-here', text: t('start.here') }));
      button.addEventListener('focus', () => describe(index));
      // Moving over a scenario describes it (not a list that merely appeared under a still pointer).
      button.addEventListener('pointermove', () => describe(index));
      button.addEventListener('click', () => {
        screen.close();
        controller.selectScenario(index);
        controller.skipToOpening();
      });
      return h('li', {}, button);
    });
    list.replaceChildren(...items);
    describe(order.includes(shown) ? shown : (order[0] ?? -1));
  };
  onLanguageChange(() => {
    if (list.isConnected) render();
  });
  return { element: h('div', { class: 'start-play' }, list, about), render };
}

/** A choice that closes the screen and shows one of the side column's tabs. */
export function tabChoice(id: string, tab: string, titleKey: StartChoice['titleKey'], textKey: StartChoice['textKey']): StartChoice {
  return actionChoice(id, titleKey, textKey, () => {
    const button = document.getElementById(tab);
    button?.click();
    button?.focus();
  });
}

/** A choice that closes the start screen and then does `act` on the page (opens a view over it). */
export function actionChoice(id: string, titleKey: StartChoice['titleKey'], textKey: StartChoice['textKey'], act: () => void): StartChoice {
  return {
    id,
    titleKey,
    textKey,
    open: (screen) => {
      screen.close();
      act();
    },
  };
}
