/** The problem list over the scene: why nothing runs (the scenario's problems, or the what-if changes'). */
import { byId, h } from '../dom';
import { formatInteger, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';

/** Problems listed on the page at most; the rest are counted ("… and 49,990 more"). */
const PROBLEMS_SHOWN = 50;

export function connectProblems(controller: PageController): void {
  const box = byId('problems');
  const render = () => {
    const problems = controller.problems;
    if (!problems) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const list = h('ul', { id: 'problem-list' });
    for (const problem of problems.list.slice(0, PROBLEMS_SHOWN)) {
      list.append(h('li', {}, h('code', { text: problem.path === '' ? t('problems.document') : problem.path }), ': ', problem.message));
    }
    const more = problems.list.length - PROBLEMS_SHOWN;
    if (more > 0) list.append(h('li', { class: 'more', text: t('problems.more', { count: formatInteger(more) }) }));
    box.replaceChildren(h('h2', { text: t(problems.title) }), list);
    box.hidden = false;
  };
  controller.subscribe((change) => {
    if (change === 'problems') render();
  });
  onLanguageChange(() => {
    if (controller.problems) render();
  });
}
