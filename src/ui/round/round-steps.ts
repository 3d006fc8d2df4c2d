/**
 * The round's first two steps as DOM: Setup (source, seed, replications, budget, locks, weights)
 * and Teams (each team's name and staffing, locked decisions disabled; Run, progress, Cancel).
 * Every edit goes back to the view (RoundView.change), which checks it against the round file's
 * schema before it takes it.
 */
import type { Scenario } from '../../model/scenario/scenario-schema';
import { shownName, shownNames } from '../display-names';
import { DEFAULT_WEIGHTS, isLocked, MAX_REPLICATIONS, MAX_TEAMS, MAX_WEIGHT, MIN_REPLICATIONS, decisionValue, staffingKnobs, withDecision, type RoundSource, type ScoreWeights, type StaffingKnob } from '../../app/round/round';
import { scoredKpis } from '../../app/round/round-score';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { say } from '../workshop/lesson-text';
import type { RoundHost } from './round-host';

/** A labelled number box that hands a finite number to `onChange` when it is changed (an empty box: null). */
export function numberField(id: string, label: string, value: number | null, bounds: { min: number; max: number; step?: number | 'any' }, onChange: (value: number | null) => void, disabled = false): HTMLElement {
  const input = h('input', { id, type: 'number', min: bounds.min, max: bounds.max, step: bounds.step ?? 1, value: value === null ? '' : value, disabled });
  input.addEventListener('change', () => {
    const text = input.value.trim();
    const number = text === '' ? null : Number(text);
    onChange(number === null || Number.isFinite(number) ? number : null);
  });
  return h('label', { class: 'round-field', for: id }, h('span', { text: label }), input);
}

const WEIGHT_KEYS: Record<keyof ScoreWeights, MessageKey> = {
  serviceLevel: 'round.weightServiceLevel',
  abandoned: 'round.weightAbandoned',
  onTime: 'round.weightOnTime',
  cost: 'round.weightCost',
};

/** The score's weights, in Setup and on the Leaderboard; a KPI the round cannot measure is left out. */
export function weightsFieldset(view: RoundHost, shown: readonly (keyof ScoreWeights)[]): HTMLElement {
  const { weights } = view.current.round;
  return h(
    'fieldset',
    { class: 'round-weights' },
    h('legend', { text: t('round.weights') }),
    ...shown.map((kpi) =>
      numberField(`round-weight-${kpi}`, t(WEIGHT_KEYS[kpi]), weights[kpi], { min: 0, max: MAX_WEIGHT, step: 'any' }, (value) => view.change({ weights: { ...weights, [kpi]: value ?? DEFAULT_WEIGHTS[kpi] } })),
    ),
  );
}

/** The KPIs a round on this scenario can score before it has run: those its scenario has. */
export function weightedKpis(view: RoundHost): (keyof ScoreWeights)[] {
  const { scenario, round } = view.current;
  if (round.results) return scoredKpis(round.results.teams);
  if (!scenario) return [];
  const kpis: (keyof ScoreWeights)[] = [];
  if (scenario.queues.length > 0) kpis.push('serviceLevel', 'abandoned');
  if (scenario.backOffice) kpis.push('onTime');
  if (view.currency !== null) kpis.push('cost');
  return kpis;
}

export function setupStep(view: RoundHost): Node[] {
  const { round, scenario, lessons, entries } = view.current;
  const source = h('select', { id: 'round-source' });
  const option = (value: string, text: string) => h('option', { value, text, selected: value === sourceValue(round.source) });
  source.append(
    h('optgroup', { label: t('round.sourceScenarios') }, ...entries.filter((e) => e.result.ok).map((e) => option(`scenario:${e.file}`, e.result.ok ? shownNames(e.result.scenario).name : e.file))),
    h('optgroup', { label: t('round.sourceLessons') }, ...lessons.map((l) => option(`lesson:${l.lesson.id}`, say(l.lesson.title)))),
  );
  source.addEventListener('change', () => {
    const [kind, ...rest] = source.value.split(':');
    const value = rest.join(':');
    view.changeSource(kind === 'lesson' ? { kind: 'lesson', lesson: value } : { kind: 'scenario', file: value });
  });
  const knobs = scenario ? shownKnobs(scenario) : [];
  const lockable = knobs.filter((knob, i) => knobs.findIndex((k) => k.kind === knob.kind && k.id === knob.id) === i);
  const locks = lockable.map((knob) => {
    const input = h('input', { type: 'checkbox', id: `round-lock-${knob.kind}-${knob.id}`, checked: isLocked(round, knob) });
    input.addEventListener('change', () => {
      const ids = round.locked[knob.kind].filter((id) => id !== knob.id);
      view.change({ locked: { ...round.locked, [knob.kind]: input.checked ? [...ids, knob.id] : ids } });
    });
    return h('label', { class: 'round-check' }, input, h('span', { text: t(knob.kind === 'agents' ? 'round.lockAgents' : 'round.lockClerks', { name: knob.name }) }));
  });
  const currency = view.currency;
  const next = h('button', { type: 'button', id: 'round-to-teams', class: 'primary', text: t('round.toTeams'), disabled: !scenario });
  next.addEventListener('click', () => view.goTo('teams'));
  return [
    h('p', { class: 'note', text: t('round.intro') }),
    h(
      'div',
      { class: 'round-grid' },
      h('label', { class: 'round-field round-source', for: 'round-source' }, h('span', { text: t('round.source') }), source),
      numberField('round-seed', t('round.seed'), round.seed, { min: 0, max: 2 ** 31 - 1 }, (seed) => view.change({ seed: seed ?? round.seed })),
      numberField('round-replications', t('round.replications'), round.replications, { min: MIN_REPLICATIONS, max: MAX_REPLICATIONS }, (replications) => view.change({ replications: replications ?? round.replications })),
    ),
    currency === null
      ? h('p', { class: 'note', text: t('round.noCosts') })
      : h(
          'div',
          { class: 'round-grid' },
          numberField('round-budget', t('round.budget', { currency }), round.budgetPerDay, { min: 0, max: 1e9, step: 'any' }, (budgetPerDay) => view.change({ budgetPerDay })),
          numberField('round-penalty', t('round.penalty'), round.overBudgetPenalty, { min: 0, max: 100 }, (penalty) => view.change({ overBudgetPenalty: penalty ?? round.overBudgetPenalty })),
          h('p', { class: 'note', text: t('round.noBudget') }),
        ),
    h('fieldset', { class: 'round-locks' }, h('legend', { text: t('round.locks') }), ...(locks.length > 0 ? locks : [h('p', { class: 'note', text: t('round.noLocks') })])),
    weightsFieldset(view, weightedKpis(view)),
    h('div', { class: 'round-actions' }, next),
  ];
}

function sourceValue(source: RoundSource): string {
  return source.kind === 'lesson' ? `lesson:${source.lesson}` : `scenario:${source.file}`;
}

/** The scenario's staffing knobs, each named as the page shows its group or team. */
function shownKnobs(scenario: Scenario): StaffingKnob[] {
  return staffingKnobs(scenario).map((knob) => ({ ...knob, name: shownName(scenario, knob.kind === 'agents' ? 'agentGroups' : 'teams', knob.id) }));
}

function knobLabel(knob: StaffingKnob): string {
  if (knob.kind === 'clerks') return t('round.clerksOf', { name: knob.name });
  return knob.hours === null ? t('round.agentsOf', { name: knob.name }) : t('round.agentsOfShift', { name: knob.name, hours: knob.hours });
}

export function teamsStep(view: RoundHost, progress: { done: number; total: number }): Node[] {
  const { round, scenario } = view.current;
  if (!scenario) return [];
  const knobs = shownKnobs(scenario);
  const running = view.running;
  const cards = round.teams.map((team, i) => {
    const name = h('input', { id: `round-team-${i}-name`, type: 'text', maxlength: 60, value: team.name, disabled: running });
    name.addEventListener('change', () => view.change({ teams: round.teams.map((other, j) => (j === i ? { ...other, name: name.value } : other)) }));
    const remove = h('button', { type: 'button', class: 'round-remove', text: t('round.removeTeam'), disabled: running });
    remove.addEventListener('click', () => view.change({ teams: round.teams.filter((_, j) => j !== i) }));
    const fields = knobs.map((knob, k) => {
      const locked = isLocked(round, knob);
      const field = numberField(`round-team-${i}-knob-${k}`, knobLabel(knob), decisionValue(team.decisions, knob), knob.range, (value) => {
        if (value === null) return view.change({});
        view.change({ teams: round.teams.map((other, j) => (j === i ? { ...other, decisions: withDecision(other.decisions, knob, value, scenario) } : other)) });
      }, locked || running);
      if (locked) field.append(h('span', { class: 'chip', text: t('round.locked') }));
      return field;
    });
    return h(
      'section',
      { class: 'round-team', 'data-team': i },
      h('div', { class: 'round-team-head' }, h('label', { class: 'round-field', for: name.id }, h('span', { text: t('round.teamName') }), name), remove),
      h('div', { class: 'round-knobs' }, ...fields),
    );
  });
  const add = h('button', { type: 'button', id: 'round-add-team', text: t('round.addTeam'), disabled: running || round.teams.length >= MAX_TEAMS });
  add.addEventListener('click', () => view.addTeam());
  const run = h('button', { type: 'button', id: 'round-run', class: 'primary', text: t('round.run'), disabled: running });
  run.addEventListener('click', () => void view.run());
  const cancel = h('button', { type: 'button', id: 'round-cancel', text: t('round.cancel'), disabled: !running });
  cancel.addEventListener('click', () => view.cancel());
  return [
    ...(cards.length > 0 ? [h('div', { class: 'round-teams' }, ...cards)] : [h('p', { class: 'note', text: t('round.noTeams') })]),
    h(
      'div',
      { class: 'round-actions' },
      add,
      run,
      cancel,
      h('progress', { id: 'round-progress', max: 1, value: progress.total > 0 ? progress.done / progress.total : 0, hidden: !running && progress.total === 0 }),
      h('span', { id: 'round-progress-text', hidden: !running && progress.total === 0 }),
    ),
  ];
}
