/**
 * The staffing optimiser in the Plan view: for the scenario as loaded, the seed and the Plan's
 * replications, the fewest agents per interval meeting a service-level target the planner sets
 * (SL % within T seconds, optionally a cap on abandons), found by `kituo staff`'s own optimiser in
 * a Web Worker (app/plan-staffing.ts) with a simulation count and Cancel. It shows required
 * against scheduled agents per interval with the Erlang estimate and the gap shaded, and a table
 * of the intervals the schedule is short in. A result for another scenario, seed, target or
 * number of replications is kept, dimmed and marked stale.
 */
import { shownNames } from '../display-names';
import StaffingWorkerScript from './staffing-worker?worker&inline';
import { answersCalls, InfeasibleStaffingError, optimiseOnWorker, gapAgentHours, shortIntervals, staffingSeries, type StaffingAnswer, type StaffingWorker } from '../../app/plan-staffing';
import { scenarioFingerprint, stamp, type PlanInputs, type StaleReason } from '../../app/plan-stale';
import { Cancelled } from '../../runner/cancelled';
import type { StaffingTarget } from '../../runner/staffing/optimiser';
import type { PageController } from '../page-controller';
import { h, setText } from '../dom';
import { formatDecimal, formatInteger, formatPercent, onLanguageChange, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { planButton, StaleMark, Translated } from './plan-parts';
import { CHART_BACKGROUND } from './plan-chart';
import { StaffingChart } from './staffing-chart';
import { downloadCanvas } from './plan-downloads';

/** What the optimiser part shows now, for the test hooks. */
export interface StaffingState {
  running: boolean;
  /** Simulations the search has run so far. */
  evaluations: number;
  message: string;
  answer: StaffingAnswer | null;
  stale: StaleReason[];
}

export class StaffingPanel {
  readonly root = h('section', { id: 'plan-staffing', class: 'plan-staffing' });
  private readonly serviceLevel = h('input', { id: 'plan-sl', type: 'number', min: 1, max: 99, step: 1, value: 80 });
  private readonly threshold = h('input', { id: 'plan-sl-sec', type: 'number', min: 1, max: 3600, step: 1, value: 20 });
  private readonly maxAbandon = h('input', { id: 'plan-max-abandon', type: 'number', min: 0.1, max: 100, step: 0.5, placeholder: '—' });
  private readonly runButton = h('button', { id: 'plan-staff-run', type: 'button', class: 'primary' });
  private readonly cancelButton = h('button', { id: 'plan-staff-cancel', type: 'button', disabled: true });
  private readonly progress = h('progress', { id: 'plan-staff-progress' });
  private readonly progressText = h('span', { id: 'plan-staff-progress-text' });
  private readonly message = h('p', { id: 'plan-staff-message', class: 'note', role: 'status' });
  private readonly results = h('div', { id: 'plan-staff-results', class: 'plan-results', hidden: true });
  private readonly stale = new StaleMark(this.results, 'plan-staff-stale');
  private readonly groupSelect = h('select', { id: 'plan-staff-group' });
  private readonly chartHost = h('div', { id: 'plan-staff-chart', class: 'chart' });
  private readonly chart = new StaffingChart(this.chartHost);
  private readonly shortTable = h('div', { id: 'plan-short', class: 'plan-table-wrap' });
  private readonly texts = new Translated();
  private abort: AbortController | null = null;
  private answer: StaffingAnswer | null = null;
  private evaluations = 0;

  constructor(
    private readonly controller: PageController,
    /** The Plan's replications, or the message saying why they are not valid. */
    private readonly replications: () => number | string,
  ) {
    const label = (key: MessageKey, element: HTMLElement) => this.texts.label(key, element);
    this.progress.hidden = true;
    this.root.append(
      this.text(h('h4', { class: 'plan-section' }), 'plan.staff.title'),
      this.text(h('p', { class: 'note plan-intro' }), 'plan.staff.intro'),
      h(
        'div',
        { class: 'plan-controls' },
        h('div', { class: 'plan-row' }, label('plan.staff.sl', this.serviceLevel), this.serviceLevel, label('plan.staff.within', this.threshold), this.threshold),
        h('div', { class: 'plan-row' }, label('plan.staff.maxAbandon', this.maxAbandon), this.maxAbandon),
        h('div', { class: 'plan-row' }, this.text(this.runButton, 'plan.staff.run'), this.text(this.cancelButton, 'plan.cancel')),
        h('div', { class: 'plan-row' }, this.progress, this.progressText),
      ),
      this.message,
      this.results,
    );
    this.runButton.addEventListener('click', () => void this.run());
    this.cancelButton.addEventListener('click', () => this.abort?.abort());
    this.groupSelect.addEventListener('change', () => this.drawChart());
    for (const input of [this.serviceLevel, this.threshold, this.maxAbandon]) input.addEventListener('input', () => this.checkStale());
    onLanguageChange(() => {
      this.texts.relabel();
      this.showProgress();
      if (this.answer) this.showResults();
      this.checkStale();
    });
  }

  shown(): void {
    this.chart.resize();
  }

  read(): StaffingState {
    return { running: this.abort !== null, evaluations: this.evaluations, message: this.message.textContent ?? '', answer: this.answer, stale: this.stale.reasons };
  }

  cancel(): void {
    this.abort?.abort();
  }

  private text<E extends HTMLElement>(element: E, key: MessageKey): E {
    return this.texts.text(element, key);
  }

  /** The target the planner typed, or the message naming the field that is wrong. */
  private target(): StaffingTarget | string {
    const sl = Number(this.serviceLevel.value);
    const sec = Number(this.threshold.value);
    if (this.serviceLevel.value === '' || !(sl > 0 && sl < 100)) return t('plan.staff.badSl');
    if (this.threshold.value === '' || !(sec > 0 && sec <= 3600)) return t('plan.staff.badWithin');
    const target: StaffingTarget = { serviceLevel: sl / 100, thresholdSec: sec };
    if (this.maxAbandon.value !== '') {
      const cap = Number(this.maxAbandon.value);
      if (!(cap > 0 && cap <= 100)) return t('plan.staff.badMaxAbandon');
      target.maxAbandonRate = cap / 100;
    }
    return target;
  }

  /** What a result computed now would be computed for; null without a scenario. */
  private inputs(): PlanInputs | null {
    const scenario = this.controller.scenario;
    if (!scenario) return null;
    const setup = JSON.stringify([this.serviceLevel.value, this.threshold.value, this.maxAbandon.value, this.replications()]);
    return { scenario: shownNames(scenario).name, fingerprint: scenarioFingerprint(scenario), seed: this.controller.seed, setup };
  }

  checkStale(): void {
    this.stale.update(this.inputs());
  }

  private async run(): Promise<void> {
    if (this.abort) return;
    const scenario = this.controller.scenario;
    if (!scenario) return setText(this.message, t('plan.noScenario'));
    if (!answersCalls(scenario)) return setText(this.message, t('plan.staff.noCalls'));
    const target = this.target();
    if (typeof target === 'string') return setText(this.message, target);
    const replications = this.replications();
    if (typeof replications === 'string') return setText(this.message, replications);
    const inputs = this.inputs()!;
    this.abort = new AbortController();
    this.evaluations = 0;
    this.setRunning(true);
    setText(this.message, '');
    this.showProgress();
    const startWorker = () => new StaffingWorkerScript() as unknown as StaffingWorker;
    try {
      this.answer = await optimiseOnWorker(startWorker, { scenario, target, seed: inputs.seed, replications }, {
        signal: this.abort.signal,
        onSimulated: (evaluations) => {
          this.evaluations = evaluations;
          this.showProgress();
        },
      });
      this.stale.computed = stamp(inputs, new Date());
      this.showResults();
    } catch (error) {
      setText(this.message, this.failure(error as Error));
    }
    this.abort = null;
    this.setRunning(false);
    this.checkStale();
  }

  /** Why the search gave no answer, in the page's words. */
  private failure(error: Error): string {
    if (error instanceof Cancelled) return t('plan.staff.cancelled', { evaluations: this.evaluations });
    if (error instanceof InfeasibleStaffingError) return t('plan.staff.infeasible');
    return t('plan.failed', { message: error.message });
  }

  private setRunning(running: boolean): void {
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    this.progress.hidden = !running;
  }

  private showProgress(): void {
    if (!this.abort && this.evaluations === 0) return setText(this.progressText, '');
    setText(this.progressText, t('plan.staff.progress', { evaluations: this.evaluations }));
  }

  /** A group's name as the page shows it (the scenario's translation in the page's language). */
  private groupName(group: { group: string; name: string }): string {
    const scenario = this.controller.scenario;
    return (scenario && shownNames(scenario).agentGroups.get(group.group)) ?? group.name;
  }

  private showResults(): void {
    const answer = this.answer!;
    const { target } = answer;
    const groups = answer.groups;
    const chosen = this.groupSelect.value;
    this.groupSelect.replaceChildren(...groups.map((group, g) => h('option', { value: String(g), text: this.groupName(group) })));
    if (groups.some((_, g) => String(g) === chosen)) this.groupSelect.value = chosen;
    const short = shortIntervals(answer);
    const summary = t(target.maxAbandonRate === undefined ? 'plan.staff.summary' : 'plan.staff.summaryAbandon', {
      sl: formatPercent(target.serviceLevel),
      sec: target.thresholdSec,
      cap: formatPercent(target.maxAbandonRate ?? null, 1),
      replications: answer.replications,
      seed: answer.seed,
      evaluations: answer.evaluations,
    });
    const gaps = groups.map((group) => {
      const hours = gapAgentHours(group);
      return h('p', { class: 'plan-gap', text: t('plan.staff.gap', { group: this.groupName(group), short: formatDecimal(hours.short), over: formatDecimal(hours.over), intervals: short.filter((s) => s.group === group.group).length }) });
    });
    this.results.replaceChildren(
      ...[
        this.stale.note,
        h('p', { class: 'note', text: summary }),
        ...gaps,
        groups.length > 1 ? h('label', { class: 'plan-row' }, t('plan.staff.group'), ' ', this.groupSelect) : null,
        this.chartHost,
        h('h4', { text: t('plan.staff.shortTitle') }),
        this.shortTable,
        h('div', { class: 'plan-row plan-exports' }, planButton('plan-staff-png', 'plan.exportPng', () => this.chart.canvas && downloadCanvas('kituo-staffing-chart.png', this.chart.canvas, CHART_BACKGROUND))),
      ].filter((element) => element !== null),
    );
    this.results.hidden = false;
    this.drawChart();
  }

  /** The group picked: its chart, and the intervals it is short in. */
  private drawChart(): void {
    const group = this.answer?.groups[Number(this.groupSelect.value) || 0];
    if (!group) return;
    this.chart.show(staffingSeries(group), {
      required: t('plan.staff.required'),
      scheduled: t('plan.staff.scheduled'),
      erlang: t('plan.staff.erlang'),
      over: t('plan.staff.over'),
      under: t('plan.staff.under'),
    });
    const short = shortIntervals(this.answer!).filter((s) => s.group === group.group);
    if (short.length === 0) {
      this.shortTable.replaceChildren(h('p', { id: 'plan-short-none', class: 'note', text: t('plan.staff.noneShort') }));
      return;
    }
    // Three columns, so that the Kiswahili headings fit the side column at 14 px.
    const head = h('tr', {}, ...(['plan.interval', 'plan.staff.requiredScheduled', 'plan.staff.short'] as const).map((key) => h('th', { scope: 'col', text: t(key) })));
    const rows = short.map((s) =>
      h('tr', {}, h('th', { scope: 'row', text: s.start }), h('td', { text: `${formatInteger(s.required)} / ${formatCount(s.scheduled)}` }), h('td', { class: 'under', text: formatCount(-s.gap) })),
    );
    this.shortTable.replaceChildren(h('table', { id: 'plan-short-table', class: 'plan-table short' }, h('thead', {}, head), h('tbody', {}, ...rows)));
  }
}

/** Scheduled agents: whole where whole, else one decimal (breaks and absence make averages). */
const formatCount = (x: number) => (Number.isInteger(x) ? formatInteger(x) : formatDecimal(x));
