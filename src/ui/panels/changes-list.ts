/**
 * "Changes so far" on the What-if tab: every change the run on the floor has had (controls moved,
 * events injected, the scenario's own events when due), each with its time, as text.
 */
import { shownNames } from '../display-names';
import { describeChanges } from '../../app/live-changes';
import { h, setText } from '../dom';
import { formatClock, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { changeListText } from '../change-text';

export function connectChangesList(controller: PageController): HTMLElement {
  const title = h('h4');
  const empty = h('p', { class: 'note' });
  const list = h('ol', { id: 'changes-list' });
  const root = h('section', { class: 'changes-so-far', id: 'whatif-changes', 'aria-live': 'polite' }, title, empty, list);
  let shown = -1;
  const render = () => {
    shown = controller.changes.length;
    setText(title, t('changes.title'));
    setText(empty, t('changes.none'));
    const start = controller.runWhatIf;
    const changes = start && controller.scenario ? describeChanges(shownNames(controller.scenario), start, controller.changes) : [];
    empty.hidden = changes.length > 0;
    list.replaceChildren(...changes.map((change) => h('li', {}, h('time', { text: formatClock(change.atSec, false) }), ' ', changeListText(change))));
  };
  controller.subscribe((change) => {
    // The scenario's own events join the list as the clock passes them.
    if (change === 'changes' || change === 'run' || change === 'jump' || (change === 'refresh' && controller.changes.length !== shown)) render();
  });
  onLanguageChange(render);
  return root;
}
