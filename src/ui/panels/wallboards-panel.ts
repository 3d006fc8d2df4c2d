/**
 * The two wallboards under the rooms: the call center's (whose queue picker chooses the queue the
 * charts show too) and the back office's, each with the cost so far when the scenario gives costs.
 */
import { byId } from '../dom';
import { onLanguageChange } from '../i18n/i18n';
import { costSoFar } from '../../app/cost-so-far';
import { BackOfficeWallboard, VoiceWallboard } from '../wallboards';
import type { PageController } from '../page-controller';

export function connectWallboards(controller: PageController): void {
  const voice = new VoiceWallboard(byId('wallboard-voice'), (selection) => controller.selectQueue(selection));
  const backOffice = new BackOfficeWallboard(byId('wallboard-backoffice'));
  const refresh = () => {
    const run = controller.run;
    voice.refresh();
    if (run) backOffice.show(run.backOffice ? run.backOffice.kpis(run.session.now) : null);
    else backOffice.detach();
    // Cost so far through the model's cost formulas, on both wallboards (only with costs).
    const cost = run ? costSoFar(run.session.model, run.backOffice?.model ?? null) : null;
    voice.showCost(cost);
    backOffice.showCost(cost);
  };
  controller.subscribe((change) => {
    const run = controller.run;
    if (change === 'run' && run) voice.attach(run.session, controller.queueSelection);
    else if (change === 'run') {
      voice.detach();
      backOffice.detach();
    } else if (change === 'refresh') refresh();
  });
  onLanguageChange(() => {
    voice.applyLanguage();
    backOffice.applyLanguage();
  });
}
