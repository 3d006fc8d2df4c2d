/**
 * Twin floors' way in, at the top of the What-if tab: "Power of one" (the floor against one agent
 * fewer, from the largest inbound group or the one picked) and "These settings vs the scenario"
 * (the scenario as loaded against the what-if settings below). A button that cannot apply now is
 * disabled and the line under it says why.
 */
import { shownName } from '../display-names';
import { byId, h, setText } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import type { Stage } from '../stage';
import type { FrameLoop } from '../frame-loop';
import { inboundGroupsWithAgents, powerOfOneGroup } from '../../app/power-of-one';
import { isDefaultWhatIf } from '../../app/what-if';
import type { TwinKind } from '../../app/twin-plan';
import { TwinMode } from './twin-mode';

export function connectTwin(controller: PageController, stage: Stage, loop: FrameLoop): TwinMode {
  const mode = new TwinMode(controller, stage, loop);
  const title = h('h4', { id: 'twin-entry-title' });
  const power = h('button', { type: 'button', id: 'twin-power-of-one', class: 'primary' });
  const settings = h('button', { type: 'button', id: 'twin-settings' });
  const groupLabel = h('span');
  const group = h('select', { id: 'twin-group' });
  const groupField = h('label', { class: 'field' }, groupLabel, ' ', group);
  const why = h('p', { class: 'why', id: 'twin-why', role: 'status' });
  byId('twin-entry').replaceChildren(h('section', { class: 'whatif-section twin-entry', 'aria-labelledby': 'twin-entry-title' }, title, h('div', { class: 'actions' }, power, settings), groupField, why));

  let failure: string | null = null;
  const open = (kind: TwinKind) => {
    const plan = mode.openTwin(kind, kind === 'powerOfOne' && group.value !== '' ? group.value : undefined);
    failure = plan.ok ? null : t('twin.invalid', { problem: plan.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ') });
    render();
  };
  power.addEventListener('click', () => open('powerOfOne'));
  settings.addEventListener('click', () => open('settings'));

  const render = () => {
    setText(title, t('twin.title'));
    title.title = t('twin.intro');
    setText(power, t('twin.powerOfOne'));
    power.title = t('twin.powerOfOneHelp');
    setText(settings, t('twin.settings'));
    settings.title = t('twin.settingsHelp');
    setText(groupLabel, t('twin.group'));
    const scenario = controller.run?.session.scenario ?? null;
    const groups = scenario ? inboundGroupsWithAgents(scenario) : [];
    const chosen = group.value || (scenario ? powerOfOneGroup(scenario) : null);
    group.replaceChildren(...groups.map((g) => h('option', { value: g.id, text: scenario ? shownName(scenario, 'agentGroups', g.id) : g.name })));
    if (chosen && groups.some((g) => g.id === chosen)) group.value = chosen;
    groupField.hidden = groups.length < 2;
    power.disabled = groups.length === 0;
    const loaded = controller.scenario;
    const whatIf = controller.whatIf;
    settings.disabled = !controller.run || !loaded || !whatIf || isDefaultWhatIf(loaded, whatIf);
    const reasons = [failure, power.disabled && controller.run ? t('twin.noInboundGroup') : null, settings.disabled && controller.run ? t('twin.noSettingsChanged') : null];
    setText(why, reasons.filter((r) => r !== null).join(' '));
    why.hidden = why.textContent === '';
  };
  controller.subscribe((change) => {
    if (change === 'scenario') group.value = '';
    if (change === 'run' || change === 'pending' || change === 'changes' || change === 'scenario') {
      failure = null;
      render();
    }
  });
  onLanguageChange(render);
  render();
  return mode;
}
