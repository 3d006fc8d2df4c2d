/**
 * The facilitator's events on the What-if tab: a TV advert, agents off sick, a phone outage, a
 * file drop, a switch of allocation rule, each with sensible defaults and one button that injects
 * it now, at the time on the clock (PageController.applyChange). Only what the scenario can take
 * is offered: no back office, no file drop or rule; no call queue, no advert or outage.
 */
import { shownName } from '../display-names';
import './event-palette.css';
import { ALLOCATION_RULES } from '../../model/backoffice/backoffice-schema';
import type { Scenario } from '../../model/scenario/scenario-schema';
import type { InterventionChange } from '../../model/site/site-knobs';
import { h, setText } from '../dom';
import type { MessageKey } from '../i18n/en';
import { formatClock, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';

/** One labelled field of an event: a number, or a choice among the scenario's ids. */
interface Field {
  readonly root: HTMLElement;
  readonly relabel: () => void;
}

interface PaletteEvent {
  readonly root: HTMLElement;
  readonly relabel: () => void;
}

/** Defaults: a sizeable but plausible disturbance, for a facilitator who just presses the button. */
const ADVERT = { callsPerMinute: 3, minutes: 30 };
const SICK_AGENTS = 2;
const OUTAGE_MINUTES = 15;
const FILE_ITEMS = 200;

export function connectEventPalette(controller: PageController): HTMLElement {
  const title = h('h4');
  const note = h('p', { class: 'note' });
  const result = h('p', { class: 'palette-result', id: 'palette-result', role: 'status' });
  const events = h('div', { class: 'palette-events' });
  const root = h('fieldset', { class: 'whatif-section event-palette', id: 'event-palette' }, h('legend', {}, title), note, events, result);
  let shown: PaletteEvent[] = [];
  let lastResult: { ok: boolean; atSec: number; key: MessageKey; refusal: string | null } | null = null;

  const inject = (key: MessageKey, change: InterventionChange) => {
    const atSec = controller.run?.session.now ?? 0;
    const ok = controller.applyChange(change);
    lastResult = { ok, atSec, key, refusal: controller.changeRefused };
    relabel();
  };
  const relabel = () => {
    setText(title, t('events.title'));
    setText(note, t('events.note'));
    for (const event of shown) event.relabel();
    result.hidden = lastResult === null;
    result.classList.toggle('refused', lastResult?.ok === false);
    if (lastResult) {
      setText(result, lastResult.ok ? t('events.injected', { what: t(lastResult.key), time: formatClock(lastResult.atSec, false) }) : t('whatif.refused', { message: lastResult.refusal ?? '' }));
    }
  };
  const build = () => {
    const scenario = controller.scenario;
    lastResult = null;
    shown = scenario ? paletteEvents(scenario, inject) : [];
    root.hidden = shown.length === 0;
    events.replaceChildren(...shown.map((e) => e.root));
    relabel();
  };
  controller.subscribe((change) => {
    if (change === 'scenario') build();
  });
  onLanguageChange(relabel);
  return root;
}

function paletteEvents(scenario: Scenario, inject: (key: MessageKey, change: InterventionChange) => void): PaletteEvent[] {
  const list: PaletteEvent[] = [];
  const queues = scenario.queues.map((q) => ({ value: q.id, text: () => shownName(scenario, 'queues', q.id) }));
  const groups = scenario.agentGroups.map((g) => ({ value: g.id, text: () => shownName(scenario, 'agentGroups', g.id) }));
  if (queues.length > 0) {
    const queue = choice('palette-advert-queue', 'events.queue', queues);
    const perMinute = number('palette-advert-rate', 'events.perMinute', ADVERT.callsPerMinute, 0.5, 0.5);
    const minutes = number('palette-advert-minutes', 'events.minutes', ADVERT.minutes, 1, 1);
    list.push(event('palette-advert', 'events.advert', [queue, perMinute, minutes], () => ({ kind: 'tv-advert', queueId: queue.value(), callsPerMinute: perMinute.value(), minutes: minutes.value() }), inject));
  }
  if (groups.length > 0) {
    const group = choice('palette-sick-group', 'events.group', groups);
    const agents = number('palette-sick-agents', 'events.agents', SICK_AGENTS, 1, 1);
    list.push(event('palette-sick', 'events.sick', [group, agents], () => ({ kind: 'sick', groupId: group.value(), agents: agents.value() }), inject));
  }
  if (queues.length > 0) {
    const minutes = number('palette-outage-minutes', 'events.minutes', OUTAGE_MINUTES, 1, 1);
    list.push(event('palette-outage', 'events.outage', [minutes], () => ({ kind: 'outage', minutes: minutes.value() }), inject));
  }
  const office = scenario.backOffice;
  if (office) {
    const workType = choice('palette-file-worktype', 'events.workType', office.workTypes.map((w) => ({ value: w.id, text: () => shownName(scenario, 'workTypes', w.id) })));
    const items = number('palette-file-items', 'events.items', FILE_ITEMS, 1, 1);
    list.push(event('palette-file', 'events.fileDrop', [workType, items], () => ({ kind: 'file-drop', workTypeId: workType.value(), items: items.value() }), inject));
    const rules = ALLOCATION_RULES.map((r) => ({ value: r, text: () => t(`events.rule.${r}` as MessageKey) }));
    const rule = choice('palette-rule', 'events.rule', rules, ALLOCATION_RULES.find((r) => r !== office.allocation));
    list.push(event('palette-allocation', 'events.allocation', [rule], () => ({ kind: 'allocation', rule: rule.value() as (typeof ALLOCATION_RULES)[number] }), inject));
  }
  return list;
}

function event(id: string, key: MessageKey, fields: Field[], change: () => InterventionChange, inject: (key: MessageKey, change: InterventionChange) => void): PaletteEvent {
  const name = h('span', { class: 'palette-name' });
  const button = h('button', { type: 'button', id: `${id}-inject`, class: 'palette-inject' });
  button.addEventListener('click', () => inject(key, change()));
  const root = h('div', { class: 'palette-event', id }, name, h('div', { class: 'palette-fields' }, ...fields.map((f) => f.root)), button);
  return {
    root,
    relabel: () => {
      setText(name, t(key));
      setText(button, t('events.inject'));
      button.setAttribute('aria-label', `${t('events.inject')}: ${t(key)}`);
      for (const field of fields) field.relabel();
    },
  };
}

/** A whole or decimal number field; what is typed goes to the knobs as it is, and they refuse what is out of bounds. */
function number(id: string, key: MessageKey, value: number, min: number, step: number): Field & { value: () => number } {
  const label = h('label', { for: id });
  const input = h('input', { id, type: 'number', min, step, value: String(value) });
  return { root: h('div', { class: 'palette-field' }, label, input), relabel: () => setText(label, t(key)), value: () => input.valueAsNumber };
}

function choice(id: string, key: MessageKey, options: { value: string; text: () => string }[], selected?: string): Field & { value: () => string } {
  const label = h('label', { for: id });
  const elements = options.map((o) => h('option', { value: o.value }));
  const select = h('select', { id }, ...elements);
  if (selected !== undefined) select.value = selected;
  const relabel = () => {
    setText(label, t(key));
    options.forEach((o, i) => setText(elements[i], o.text()));
  };
  return { root: h('div', { class: 'palette-field' }, label, select), relabel, value: () => select.value };
}
