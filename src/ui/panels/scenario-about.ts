/**
 * What the selected scenario is about, over the scene until its run is played: a first-time
 * viewer reads the scenario's own description (from its file, set as text, never HTML) before
 * watching. Closed by its button or by playing; a new run (another scenario, a reset) shows it
 * again.
 */
import { byId, setText } from '../dom';
import type { PageController } from '../page-controller';
import { shownNames } from '../display-names';
import { onLanguageChange } from '../i18n/i18n';

export function connectScenarioAbout(controller: PageController): void {
  const card = byId('scenario-about');
  const title = byId('scenario-about-title');
  const text = byId('scenario-about-text');
  let closed = false;

  const sync = () => {
    const scenario = controller.run?.session.scenario ?? null;
    const names = scenario ? shownNames(scenario) : null;
    const description = names?.description ?? '';
    if (controller.clock.playing) closed = true;
    card.hidden = closed || description === '';
    setText(title, names?.name ?? '');
    setText(text, description);
  };
  controller.subscribe((change) => {
    if (change === 'run') closed = false;
    if (change === 'run' || change === 'transport') sync();
  });
  byId('scenario-about-close').addEventListener('click', () => {
    closed = true;
    sync();
  });
  onLanguageChange(sync);
  sync();
}
