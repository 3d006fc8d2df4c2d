/** The problem list over the scene: why nothing runs (the scenario's problems, or the what-if changes'). */
import { byId, h } from '../dom';
import { formatInteger, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import type { ScenarioProblem } from '../../model/scenario/parse-scenario';

/** Problems as a list, each path beside its message, all as text (a message may quote markup from a file or link). */
export function problemList(problems: readonly ScenarioProblem[], id: string): HTMLUListElement {
  const list = h('ul', { id });
  // The parser caps the list (parse-scenario.ts); its last line then counts the rest, in the page's language.
  for (const problem of problems) {
    if (problem.omitted !== undefined) list.append(h('li', { class: 'more', text: t('problems.more', { count: formatInteger(problem.omitted) }) }));
    else list.append(h('li', {}, h('code', { text: problem.path === '' ? t('problems.document') : problem.path }), ': ', problem.message));
  }
  return list;
}

export function connectProblems(controller: PageController): void {
  const box = byId('problems');
  const render = () => {
    const problems = controller.problems;
    if (!problems) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    box.replaceChildren(h('h2', { text: t(problems.title) }), problemList(problems.list, 'problem-list'));
    box.hidden = false;
  };
  controller.subscribe((change) => {
    if (change === 'problems') render();
  });
  onLanguageChange(() => {
    if (controller.problems) render();
  });
}
