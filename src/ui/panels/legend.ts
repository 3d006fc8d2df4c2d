/**
 * The legend: what the scene's marks mean, for the running scenario only (the agent states it can
 * produce, the callers' fates, the back office's age colours).
 */
import { artUrl } from '../../render/common/art';
import { STATE_COLOURS, STATE_ICONS, cssHex, type DisplayAgentState } from '../../render/common/palette';
import type { Scenario } from '../../model/scenario/scenario-schema';
import type { MessageKey } from '../i18n/en';
import { byId, h } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';

export function connectLegend(controller: PageController): void {
  const render = () => {
    const items = legendItems(controller.run?.session.scenario ?? null).map((item) => {
      let mark: HTMLElement;
      if (item.shape === 'badge') {
        mark = h('span', { class: 'badge token', style: `background:${item.colour}` }, h('img', { src: artUrl(item.icon!) ?? '', alt: '' }));
      } else if (item.shape === 'ring') {
        mark = h('span', { class: 'token', style: `border:3px solid ${item.colour};border-radius:50%;display:inline-block` });
      } else {
        mark = h('span', { class: 'token', style: `background:${item.colour};border-radius:3px;display:inline-block` });
      }
      return h('li', {}, mark, h('span', { text: t(item.key) }));
    });
    byId('legend').replaceChildren(...items);
  };
  // Left as it was while problems are up: only a new run changes what the scene can show.
  controller.subscribe((change) => {
    if (change === 'run' && controller.run) render();
  });
  onLanguageChange(render);
  render();
}

export interface LegendItem {
  readonly key: MessageKey;
  readonly colour: string;
  readonly icon: string | null;
  readonly shape: 'badge' | 'ring' | 'square';
}

/**
 * Legend entries for a scenario: the agent states it can produce (idle, talking and ACW always;
 * breaks and off-shift with shifts, hold when calls are put on hold, preview and dialing with
 * outbound campaigns, reserved with callbacks or a progressive dialer, back-office work with
 * blending groups), the callers' fates, and
 * the back office's age colours when it has a back office.
 */
export function legendItems(scenario: Scenario | null): LegendItem[] {
  const states: DisplayAgentState[] = ['idle', 'talking', 'acw'];
  if (scenario) {
    const groups = scenario.agentGroups as readonly { shifts?: unknown[]; campaigns?: unknown[]; backOfficeWork?: unknown }[];
    const queues = scenario.queues as readonly { hold?: unknown; callback?: unknown }[];
    const campaigns = ((scenario as { campaigns?: { mode?: string }[] }).campaigns ?? []);
    if (queues.some((q) => q.hold)) states.push('hold');
    if (campaigns.length > 0) states.push('preview', 'dialing');
    if (queues.some((q) => q.callback) || campaigns.some((c) => c.mode !== 'predictive')) states.push('ringing');
    if (groups.some((g) => g.shifts && g.shifts.length > 0)) states.push('break', 'offline');
    if (groups.some((g) => g.backOfficeWork)) states.push('backoffice');
  }
  const items: LegendItem[] = states.map((state) => ({ key: `state.${state}` as MessageKey, colour: cssHex(STATE_COLOURS[state]), icon: STATE_ICONS[state], shape: 'badge' }));
  items.push(
    { key: 'legend.waiting', colour: '#56b4e9', icon: null, shape: 'ring' },
    { key: 'legend.abandoned', colour: '#d55e00', icon: 'icon-abandon', shape: 'badge' },
    { key: 'legend.blocked', colour: '#d55e00', icon: 'icon-blocked', shape: 'badge' },
  );
  if (scenario && (scenario.queues as readonly { callback?: unknown }[]).some((q) => q.callback)) items.push({ key: 'legend.callback', colour: '#cc79a7', icon: null, shape: 'ring' });
  if (!scenario || scenario.backOffice) {
    items.push(
      { key: 'legend.onTime', colour: '#009e73', icon: null, shape: 'square' },
      { key: 'legend.atRisk', colour: '#e69f00', icon: null, shape: 'square' },
      { key: 'legend.late', colour: '#d55e00', icon: null, shape: 'square' },
    );
  }
  return items;
}
