/**
 * The form's sections: general settings, call queues, agent groups, the back office and costs.
 * Each builds its fields from the scenario document; names and ids from the file are shown as
 * text only. Lists have add and remove buttons; everything else the form does not show is in the
 * JSON tab.
 */
import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { addAgentGroup, addQueue, addShift, addSkill, addTeam, addWorkType, removeEntry, setAt, valueAt, type ScenarioDocument } from '../../app/editor/edit-operations';
import type { ShiftTimes } from '../../app/editor/shift-edits';
import { actionButton, durationFields, idChecks, labelled, numberField, selectField, textField, type FormContext } from './form-fields';
import { CurveChart, ShiftTimeline } from './day-charts';

export const SECTIONS = ['general', 'queues', 'groups', 'backOffice', 'costs'] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_LABEL: Record<SectionId, MessageKey> = {
  general: 'editor.section.general',
  queues: 'editor.section.queues',
  groups: 'editor.section.groups',
  backOffice: 'editor.section.backOffice',
  costs: 'editor.section.costs',
};

const list = (document: ScenarioDocument, path: string): Record<string, unknown>[] => {
  const value = valueAt(document, path);
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
};
const ids = (document: ScenarioDocument, path: string) => list(document, path).map((entry) => entry?.id).filter((id): id is string => typeof id === 'string');
const stepMin = (context: FormContext) => (valueAt(context.document, 'reportIntervalMin') as number) || 30;

/** One entry of a list: a titled box (the entry's name as text) with its remove button. */
function entryBox(context: FormContext, title: unknown, fallback: string, listPath: string, index: number, ...fields: HTMLElement[]): HTMLElement {
  const remove = actionButton('editor.remove', () => context.change((document) => removeEntry(document, listPath, index)));
  remove.classList.add('ed-remove');
  const name = typeof title === 'string' && title !== '' ? title : fallback;
  return h('section', { class: 'ed-entry', 'data-path': `${listPath}[${index}]` }, h('header', {}, h('h4', { text: name }), remove), ...fields);
}

export function buildSection(section: SectionId, context: FormContext): HTMLElement[] {
  switch (section) {
    case 'general':
      return general(context);
    case 'queues':
      return queues(context);
    case 'groups':
      return groups(context);
    case 'backOffice':
      return backOffice(context);
    case 'costs':
      return costs(context);
  }
}

function general(context: FormContext): HTMLElement[] {
  return [
    textField(context, 'editor.name', 'name'),
    textField(context, 'editor.description', 'description', { optional: true, long: true }),
    h(
      'div',
      { class: 'ed-row' },
      numberField(context, 'editor.days', 'days'),
      selectField(context, 'editor.reportInterval', 'reportIntervalMin', [15, 30, 60].map((m) => [m, t('editor.minutes', { n: m })] as const)),
      numberField(context, 'editor.seed', 'seed', { optional: true }),
    ),
    h('div', { class: 'ed-row' }, numberField(context, 'editor.slThreshold', 'serviceLevel.thresholdSec'), numberField(context, 'editor.slTarget', 'serviceLevel.targetPercent', { optional: true })),
  ];
}

const CONTACT_DEFAULTS: Record<string, unknown> = {
  enquiry: { kind: 'enquiry' },
  support: { kind: 'support', firstContactResolution: 0.8, repeatDelay: { kind: 'exponential', meanSec: 3600 } },
  order: { kind: 'order', orderProbability: 0.5, orderValue: { kind: 'lognormal', mean: 50, cv: 0.5 } },
};

function queues(context: FormContext): HTMLElement[] {
  const boxes = list(context.document, 'queues').map((queue, i) => {
    const path = `queues[${i}]`;
    const contact = selectField(
      context,
      'editor.contactType',
      `${path}.contactType.kind`,
      [
        [null, t('editor.contact.none')],
        ['enquiry', t('editor.contact.enquiry')],
        ['support', t('editor.contact.support')],
        ['order', t('editor.contact.order')],
      ],
      (kind) => context.change((document) => setAt(document, `${path}.contactType`, kind === null ? undefined : CONTACT_DEFAULTS[kind as string])),
    );
    return entryBox(
      context,
      queue?.name,
      path,
      'queues',
      i,
      h('div', { class: 'ed-row' }, textField(context, 'editor.id', `${path}.id`), textField(context, 'editor.name', `${path}.name`), contact, numberField(context, 'editor.lines', `${path}.lines`, { optional: true })),
      arrivals(context, `${path}.arrivals`),
      h('div', { class: 'ed-row' }, durationFields(context, 'editor.talk', `${path}.talk`, 'Sec', false), durationFields(context, 'editor.acw', `${path}.acw`, 'Sec', true), durationFields(context, 'editor.patience', `${path}.patience`, 'Sec', true)),
    );
  });
  return [...boxes, actionButton('editor.addQueue', () => context.change(addQueue))];
}

/** A daily curve of a queue (calls) or a work type's stream (items); a constant rate is a number field with the offer of a curve. */
function arrivals(context: FormContext, path: string): HTMLElement {
  const arrivalsData = valueAt(context.document, path) as Record<string, unknown> | undefined;
  if (arrivalsData && 'ratePerHour' in arrivalsData) {
    const toCurve = actionButton('editor.useCurve', () =>
      context.change((document) => {
        const rate = Number(valueAt(document, `${path}.ratePerHour`)) || 0;
        const intervalMin = stepMin(context);
        return setAt(document, path, { intervalMin, callsPerInterval: new Array((24 * 60) / intervalMin).fill(Math.round(((rate * intervalMin) / 60) * 10) / 10) });
      }),
    );
    return h('div', { class: 'ed-row' }, numberField(context, 'editor.ratePerHour', `${path}.ratePerHour`), toCurve);
  }
  return curve(context, `${path}.callsPerInterval`, 'editor.arrivalCurve', 'editor.curve.calls');
}

function curve(context: FormContext, path: string, labelKey: MessageKey, unitKey: 'editor.curve.calls' | 'editor.curve.items'): HTMLElement {
  const chart = new CurveChart({
    label: t(labelKey),
    unitKey,
    onSet: (index, value, gesture) => context.set(`${path}[${index}]`, value, `${path} ${gesture}`),
    onSeal: () => context.seal(),
  });
  const read = (document: ScenarioDocument) => {
    const values = valueAt(document, path);
    chart.show(Array.isArray(values) ? values.map((v) => (typeof v === 'number' ? v : 0)) : []);
  };
  read(context.document);
  const slot = context.bind(path, read);
  return h('div', { class: 'ed-field ed-wide', 'data-path': path }, h('span', { class: 'ed-label', text: t(labelKey) }), chart.element, slot);
}

function timeline(context: FormContext, path: string, labelKey: MessageKey, crossesMidnight: boolean, single: boolean): HTMLElement {
  const chart = new ShiftTimeline({
    label: t(labelKey),
    stepMin: () => stepMin(context),
    crossesMidnight,
    onChange: (index, shift, gesture) => context.set(single ? path : `${path}[${index}]`, shift, `${path} ${gesture}`),
    onSeal: () => context.seal(),
  });
  const read = (document: ScenarioDocument) => {
    const value = valueAt(document, path);
    const shifts = (single ? [value] : Array.isArray(value) ? value : []) as ShiftTimes[];
    chart.show(shifts.filter((s) => s !== null && typeof s === 'object' && typeof s.start === 'string' && typeof s.end === 'string'));
  };
  read(context.document);
  const slot = context.bind(path, read);
  return h('div', { class: 'ed-field ed-wide', 'data-path': path }, h('span', { class: 'ed-label', text: t('editor.shiftHint') }), chart.element, slot);
}

function groups(context: FormContext): HTMLElement[] {
  const queueIds = ids(context.document, 'queues');
  const boxes = list(context.document, 'agentGroups').map((group, i) => {
    const path = `agentGroups[${i}]`;
    const skills = list(context.document, `${path}.skills`).map((_, j) =>
      h(
        'div',
        { class: 'ed-row ed-subentry' },
        selectField(context, 'editor.skillQueue', `${path}.skills[${j}].queue`, queueIds.map((id) => [id, id] as const)),
        numberField(context, 'editor.skillPriority', `${path}.skills[${j}].priority`, { optional: true }),
        numberField(context, 'editor.overflowAfter', `${path}.skills[${j}].overflowAfterSec`, { optional: true }),
        actionButton('editor.remove', () => context.change((document) => removeEntry(document, `${path}.skills`, j))),
      ),
    );
    const shifts = list(context.document, `${path}.shifts`).map((_, j) =>
      h(
        'div',
        { class: 'ed-row ed-subentry' },
        numberField(context, 'editor.shiftAgents', `${path}.shifts[${j}].agents`),
        textField(context, 'editor.start', `${path}.shifts[${j}].start`),
        textField(context, 'editor.end', `${path}.shifts[${j}].end`),
        actionButton('editor.remove', () => context.change((document) => removeEntry(document, `${path}.shifts`, j))),
      ),
    );
    const hasShifts = shifts.length > 0;
    return entryBox(
      context,
      group?.name,
      path,
      'agentGroups',
      i,
      h('div', { class: 'ed-row' }, textField(context, 'editor.id', `${path}.id`), textField(context, 'editor.name', `${path}.name`), numberField(context, 'editor.agents', `${path}.agents`)),
      idChecks(context, 'editor.groupQueues', `${path}.queues`, queueIds),
      h('h5', { text: t('editor.skills') }),
      ...skills,
      actionButton('editor.addSkill', () => context.change((document) => addSkill(document, i))),
      h('h5', { text: t('editor.shifts') }),
      hasShifts ? timeline(context, `${path}.shifts`, 'editor.shiftTimeline', false, false) : h('p', { class: 'ed-note', text: t('editor.allDay') }),
      ...shifts,
      actionButton('editor.addShift', () => context.change((document) => addShift(document, i))),
    );
  });
  return [...boxes, actionButton('editor.addGroup', () => context.change(addAgentGroup))];
}

const DUE_DEFAULTS: Record<string, unknown> = { businessHours: { businessHours: 8 }, calendarHours: { calendarHours: 24 }, endOfNextBusinessDay: { endOfNextBusinessDay: true } };

function backOffice(context: FormContext): HTMLElement[] {
  if (valueAt(context.document, 'backOffice') === undefined) return [h('p', { class: 'ed-note', text: t('editor.noBackOffice') })];
  const workTypeIds = ids(context.document, 'backOffice.workTypes');
  const workTypes = list(context.document, 'backOffice.workTypes').map((workType, i) => {
    const path = `backOffice.workTypes[${i}]`;
    const due = (valueAt(context.document, `${path}.due`) ?? {}) as Record<string, unknown>;
    const dueKind = Object.keys(due)[0] ?? null;
    // The due rule is an object of one field; its kind is which field it has.
    const dueSelect = h('select', {}, ...Object.keys(DUE_DEFAULTS).map((kind) => h('option', { value: kind, text: t(`editor.due.${kind}` as MessageKey) })));
    dueSelect.value = dueKind ?? '';
    dueSelect.addEventListener('change', () => context.change((document) => setAt(document, `${path}.due`, DUE_DEFAULTS[dueSelect.value])));
    const dueKindField = labelled(context, t('editor.due'), `${path}.due`, dueSelect, () => undefined);
    const stream = valueAt(context.document, `${path}.arrivals.stream`) !== undefined;
    return entryBox(
      context,
      workType?.name,
      path,
      'backOffice.workTypes',
      i,
      h('div', { class: 'ed-row' }, textField(context, 'editor.id', `${path}.id`), textField(context, 'editor.name', `${path}.name`), dueKindField, dueKind === 'businessHours' || dueKind === 'calendarHours' ? numberField(context, 'editor.dueHours', `${path}.due.${dueKind}`) : null),
      durationFields(context, 'editor.handling', `${path}.handling`, 'Min', false),
      stream ? curve(context, `${path}.arrivals.stream.itemsPerInterval`, 'editor.itemCurve', 'editor.curve.items') : h('p', { class: 'ed-note', text: t('editor.batchesInJson') }),
    );
  });
  const teams = list(context.document, 'backOffice.teams').map((team, i) => {
    const path = `backOffice.teams[${i}]`;
    return entryBox(
      context,
      team?.name,
      path,
      'backOffice.teams',
      i,
      h('div', { class: 'ed-row' }, textField(context, 'editor.id', `${path}.id`), textField(context, 'editor.name', `${path}.name`), numberField(context, 'editor.clerks', `${path}.clerks`)),
      idChecks(context, 'editor.teamSkills', `${path}.skills`, workTypeIds),
      timeline(context, `${path}.shift`, 'editor.shiftTimeline', true, true),
      h('div', { class: 'ed-row' }, textField(context, 'editor.start', `${path}.shift.start`), textField(context, 'editor.end', `${path}.shift.end`)),
    );
  });
  return [
    h('div', { class: 'ed-row' }, textField(context, 'editor.calendarOpen', 'backOffice.calendar.open'), textField(context, 'editor.calendarClose', 'backOffice.calendar.close')),
    h('h4', { text: t('editor.workTypes') }),
    ...workTypes,
    actionButton('editor.addWorkType', () => context.change(addWorkType)),
    h('h4', { text: t('editor.teams') }),
    ...teams,
    actionButton('editor.addTeam', () => context.change(addTeam)),
  ];
}

function costs(context: FormContext): HTMLElement[] {
  if (valueAt(context.document, 'costs') === undefined) return [h('p', { class: 'ed-note', text: t('editor.noCosts') })];
  const locations = list(context.document, 'costs.locations').map((location, i) => {
    const path = `costs.locations[${i}]`;
    return h(
      'section',
      { class: 'ed-entry', 'data-path': path },
      h('header', {}, h('h4', { text: typeof location?.name === 'string' ? location.name : path })),
      h('div', { class: 'ed-row' }, textField(context, 'editor.id', `${path}.id`), textField(context, 'editor.name', `${path}.name`)),
      h(
        'div',
        { class: 'ed-row' },
        numberField(context, 'editor.hourlyCost', `${path}.loadedHourlyCost`),
        numberField(context, 'editor.seatCost', `${path}.seatCostPerHour`),
        numberField(context, 'editor.telecomCost', `${path}.telecomCostPerMinute`),
        numberField(context, 'editor.overhead', `${path}.managementOverheadPercent`),
        numberField(context, 'editor.margin', `${path}.vendorMarginPercent`),
      ),
    );
  });
  return [textField(context, 'editor.currency', 'costs.currency'), ...locations];
}
