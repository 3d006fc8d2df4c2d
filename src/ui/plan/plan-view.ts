/**
 * The Plan view (issue 11, item 8): configuration A is the scenario as loaded; up to three
 * variants (B, C, D) each come from the what-if settings at the time they are added or from a
 * file. N replications of all run on common random numbers in Web Workers (app/plan-pool.ts)
 * while the animation goes on, with progress, an estimate of the time left and a Cancel that
 * terminates the workers. The result is the runner's comparison, the same as `kituo compare`
 * gives for the same files, seed and replications: a table of every KPI's means and each
 * variant's paired difference from A with its verdict, per-interval rows of one queue KPI on
 * demand, a chart of service level by interval with 95% bands, downloads (CSV, JSON, PNG) and a
 * printable summary. Below it, the staffing optimiser (staffing-panel.ts).
 *
 * A result computed for another scenario, seed or set of variants than the page now shows is
 * kept but marked stale (app/plan-stale.ts).
 */
import './plan.css';
import PlanWorkerScript from './plan-worker?worker&inline';
import { applyWhatIf } from '../../app/what-if';
import { entryFromFile } from '../../app/scenario-catalog';
import { planWorkerCount, runJobsOnWorkers, type PlanWorker } from '../../app/plan-pool';
import { comparisonCsv, configurationLetter, intervalRows, INTERVAL_KPIS, MAX_VARIANTS, remainingSeconds, serviceLevelSeries, totalRows, type IntervalKpi, type IntervalRow } from '../../app/plan-report';
import { scenarioFingerprint, stamp, type PlanInputs, type StaleReason } from '../../app/plan-stale';
import { compareConfigurationsOn } from '../../runner/batch-runs';
import { Cancelled } from '../../runner/cancelled';
import type { ComparedKpi, ComparisonReport, Configuration } from '../../runner/compare-configurations';
import type { Estimate } from '../../runner/statistics';
import type { PairedDifference } from '../../runner/paired-comparison';
import { scenarioCosts } from '../../model/scenario/scenario-schema';
import type { PageController } from '../page-controller';
import { byId, h, setText } from '../dom';
import { formatDuration, onLanguageChange, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { estimateText, kpiLabel, verdictLabel } from './plan-format';
import { shownNames } from '../display-names';
import { planButton, StaleMark, Translated } from './plan-parts';
import { CHART_BACKGROUND, PlanChart } from './plan-chart';
import { downloadCanvas, downloadText } from './plan-downloads';
import { StaffingPanel, type StaffingState } from './staffing-panel';

export const MIN_REPLICATIONS = 2;
export const MAX_REPLICATIONS = 1000;

/** What the Plan view shows now, for the test hooks. */
export interface PlanState {
  running: boolean;
  /** Replications that every configuration has run, of `total`. */
  done: number;
  total: number;
  workers: number;
  message: string;
  /** The variants compared with A, B first: each one's label. */
  variants: string[];
  report: ComparisonReport | null;
  /** What changed since the report was computed (empty: it is current). */
  stale: StaleReason[];
  staffing: StaffingState;
}

export class PlanView {
  private readonly root = byId('plan');
  private readonly replications = h('input', { id: 'plan-replications', type: 'number', min: MIN_REPLICATIONS, max: MAX_REPLICATIONS, step: 1, value: 20 });
  private readonly variantList = h('ol', { id: 'plan-variants', class: 'plan-variants' });
  private readonly noVariants = h('li', { class: 'note' });
  private readonly addWhatIf = h('button', { id: 'plan-add-whatif', type: 'button' });
  // The browser labels a file input in its own language: a button in the page's opens it.
  private readonly file = h('input', { id: 'plan-file', type: 'file', accept: '.json,application/json', hidden: true });
  private readonly addFile = h('button', { id: 'plan-add-file', type: 'button' });
  private readonly runButton = h('button', { id: 'plan-run', type: 'button', class: 'primary' });
  private readonly cancelButton = h('button', { id: 'plan-cancel', type: 'button', disabled: true });
  private readonly progress = h('progress', { id: 'plan-progress', max: 1, value: 0 });
  private readonly progressText = h('span', { id: 'plan-progress-text' });
  private readonly message = h('p', { id: 'plan-message', class: 'note', role: 'status' });
  private readonly results = h('div', { id: 'plan-results', class: 'plan-results', hidden: true });
  private readonly stale = new StaleMark(this.results, 'plan-stale');
  private readonly chartHost = h('div', { id: 'plan-chart', class: 'chart' });
  private readonly chart = new PlanChart(this.chartHost);
  private readonly queueSelect = h('select', { id: 'plan-queue' });
  private readonly intervalKpi = h('select', { id: 'plan-interval-kpi' });
  private readonly intervalVariant = h('select', { id: 'plan-interval-variant' });
  private readonly intervalTable = h('div', { id: 'plan-intervals', class: 'plan-table-wrap' });
  private readonly texts = new Translated();
  private readonly staffing: StaffingPanel;
  private variants: Configuration[] = [];
  private abort: AbortController | null = null;
  private report: ComparisonReport | null = null;
  private currency: string | null = null;
  private state = { done: 0, total: 0, workers: 0, started: 0 };
  /** Tests and measurements only: this many workers instead of one per core. */
  workersOverride: number | null = null;

  constructor(private readonly controller: PageController) {
    const label = (key: MessageKey, element: HTMLElement) => this.texts.label(key, element);
    this.staffing = new StaffingPanel(controller, () => this.replicationCount());
    this.text(this.noVariants, 'plan.noVariants');
    this.root.replaceChildren(
      this.text(h('p', { class: 'note plan-intro' }), 'plan.intro'),
      h(
        'div',
        { class: 'plan-controls' },
        h(
          'fieldset',
          {},
          this.text(h('legend'), 'plan.variants'),
          this.variantList,
          h('div', { class: 'plan-row' }, this.text(this.addWhatIf, 'plan.addWhatIf'), this.text(this.addFile, 'plan.addFile'), this.file),
        ),
        h('div', { class: 'plan-row' }, label('plan.replications', this.replications), this.replications, this.text(this.runButton, 'plan.run'), this.text(this.cancelButton, 'plan.cancel')),
        h('div', { class: 'plan-row' }, this.progress, this.progressText),
      ),
      this.message,
      this.results,
      this.staffing.root,
    );
    this.file.addEventListener('change', () => void this.readFile());
    this.addWhatIf.addEventListener('click', () => this.addWhatIfVariant());
    this.addFile.addEventListener('click', () => this.file.click());
    this.runButton.addEventListener('click', () => void this.run());
    this.cancelButton.addEventListener('click', () => this.abort?.abort());
    this.queueSelect.addEventListener('change', () => {
      this.drawChart();
      this.showIntervals();
    });
    this.intervalKpi.addEventListener('change', () => this.showIntervals());
    this.intervalVariant.addEventListener('change', () => this.showIntervals());
    controller.subscribe(() => this.checkStale());
    onLanguageChange(() => {
      this.texts.relabel();
      this.showVariants();
      this.showProgress();
      if (this.report) this.showResults();
      this.checkStale();
    });
    this.showVariants();
  }

  /** The tab was shown: the charts take the panel's width. */
  shown(): void {
    this.chart.resize();
    this.staffing.shown();
  }

  read(): PlanState {
    return {
      running: this.abort !== null,
      ...this.state,
      message: this.message.textContent ?? '',
      variants: this.variants.map((v) => v.label),
      report: this.report,
      stale: this.stale.reasons,
      staffing: this.staffing.read(),
    };
  }

  cancel(): void {
    this.abort?.abort();
    this.staffing.cancel();
  }

  private text<E extends HTMLElement>(element: E, key: MessageKey): E {
    return this.texts.text(element, key);
  }

  private replicationCount(): number | string {
    const replications = Number(this.replications.value);
    if (!Number.isInteger(replications) || replications < MIN_REPLICATIONS || replications > MAX_REPLICATIONS) {
      return t('plan.badReplications', { min: MIN_REPLICATIONS, max: MAX_REPLICATIONS });
    }
    return replications;
  }

  private addVariant(variant: Configuration): void {
    if (this.variants.length >= MAX_VARIANTS) {
      setText(this.message, t('plan.tooManyVariants', { max: MAX_VARIANTS }));
      return;
    }
    this.variants.push(variant);
    setText(this.message, '');
    this.showVariants();
    this.checkStale();
  }

  private async readFile(): Promise<void> {
    const chosen = this.file.files?.[0];
    if (!chosen) return;
    const entry = await entryFromFile(chosen.name, chosen);
    // The same file may be chosen again (a second variant from it, or after an edit).
    this.file.value = '';
    if (!entry.result.ok) {
      setText(this.message, t('plan.variantProblems', { problems: entry.result.problems.map((p) => `${p.path}: ${p.message}`).join('; ') }));
      return;
    }
    this.addVariant({ label: chosen.name, scenario: entry.result.scenario });
  }

  /** The what-if settings as they are now become the next variant; later edits do not change it. */
  private addWhatIfVariant(): boolean {
    const baseline = this.controller.scenario;
    const settings = this.controller.whatIf;
    if (!baseline || !settings) {
      setText(this.message, t('plan.noScenario'));
      return false;
    }
    const variant = applyWhatIf(baseline, settings);
    if (!variant.ok) {
      setText(this.message, t('plan.variantProblems', { problems: variant.problems.map((p) => `${p.path}: ${p.message}`).join('; ') }));
      return false;
    }
    this.addVariant({ label: t('plan.whatIfLabel', { name: shownNames(baseline).name }), scenario: variant.scenario });
    return true;
  }

  private showVariants(): void {
    const items = this.variants.map((variant, v) => {
      const remove = h('button', { type: 'button', class: 'plan-remove', text: t('plan.removeVariant'), 'aria-label': t('plan.removeVariantNamed', { letter: configurationLetter(v + 1) }) });
      remove.addEventListener('click', () => {
        this.variants.splice(v, 1);
        this.showVariants();
        this.checkStale();
      });
      return h('li', {}, h('span', { class: 'plan-label', text: `${configurationLetter(v + 1)}: ${variant.label}` }), remove);
    });
    this.variantList.replaceChildren(...(items.length > 0 ? items : [this.noVariants]));
    const full = this.variants.length >= MAX_VARIANTS;
    this.addWhatIf.disabled = full || this.abort !== null;
    this.addFile.disabled = full || this.abort !== null;
  }

  /** What a result computed now would be computed for; null without a scenario. */
  private inputs(): PlanInputs | null {
    const scenario = this.controller.scenario;
    if (!scenario) return null;
    const setup = JSON.stringify(this.variants.map((v) => [v.label, scenarioFingerprint(v.scenario)]));
    return { scenario: shownNames(scenario).name, fingerprint: scenarioFingerprint(scenario), seed: this.controller.seed, setup };
  }

  private checkStale(): void {
    this.staffing.checkStale();
    this.stale.update(this.inputs());
  }

  private async run(): Promise<void> {
    if (this.abort) return;
    const replications = this.replicationCount();
    if (typeof replications === 'string') return setText(this.message, replications);
    const baseline = this.controller.scenario;
    if (!baseline) return setText(this.message, t('plan.noScenario'));
    // With no variant chosen, B is the what-if settings as they are now.
    if (this.variants.length === 0 && !this.addWhatIfVariant()) return;
    const configurations: Configuration[] = [{ label: shownNames(baseline).name, scenario: baseline }, ...this.variants];
    const inputs = this.inputs()!;
    const workers = this.workersOverride ?? planWorkerCount(navigator.hardwareConcurrency, configurations.length * replications);
    this.abort = new AbortController();
    this.state = { done: 0, total: replications, workers, started: performance.now() };
    this.setRunning(true);
    setText(this.message, '');
    this.showProgress();
    // A Vite worker is a real Worker; PlanWorker is the part of it the pool uses.
    const startWorker = () => new PlanWorkerScript() as unknown as PlanWorker;
    const runJobs = runJobsOnWorkers(startWorker, {
      workers,
      signal: this.abort.signal,
      // A replication is done when every configuration has run it (the runs come in that order).
      onProgress: (done) => {
        this.state.done = Math.floor(done / configurations.length);
        this.showProgress();
      },
    });
    try {
      this.report = await compareConfigurationsOn(runJobs, configurations, { seed: inputs.seed, replications });
      this.stale.computed = stamp(inputs, new Date());
      this.currency = scenarioCosts(baseline)?.currency ?? null;
      this.showResults();
    } catch (error) {
      const text = error instanceof Cancelled ? t('plan.cancelled', { done: this.state.done, total: replications }) : t('plan.failed', { message: (error as Error).message });
      setText(this.message, text);
    } finally {
      this.abort = null;
      this.setRunning(false);
      this.checkStale();
    }
  }

  private setRunning(running: boolean): void {
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    this.replications.disabled = running;
    this.root.classList.toggle('running', running);
    this.showVariants();
  }

  private showProgress(): void {
    const { done, total, workers, started } = this.state;
    if (total === 0) return;
    this.progress.value = done / total;
    const left = this.abort ? remainingSeconds(done, total, performance.now() - started) : null;
    const parts = [t('plan.progress', { done, total }), t('plan.workers', { workers })];
    if (left !== null && done < total) parts.push(t('plan.eta', { time: formatDuration(left) }));
    setText(this.progressText, parts.join(' · '));
  }

  /** A figure and, on a line of its own under it, its 95% half-width. */
  private figure(kpi: ComparedKpi, estimate: Estimate | null, difference = false, extra?: HTMLElement): HTMLTableCellElement {
    const [mean, halfWidth] = estimateText(kpi, estimate, this.currency, difference);
    return h('td', {}, mean, halfWidth ? h('span', { class: 'ci', text: `± ${halfWidth}` }) : null, extra);
  }

  private verdictCell(difference: PairedDifference | null): HTMLTableCellElement {
    return h('td', { class: `verdict ${difference?.verdict.replace(/ /g, '-') ?? ''}`, text: difference ? verdictLabel(difference.verdict) : '' });
  }

  private showResults(): void {
    const report = this.report!;
    // The side column is narrow: each KPI's name is a row of its own over one row per
    // configuration (A's mean; each variant's mean, its difference from A and the verdict).
    const head = h('tr', {}, ...['', t('plan.mean'), t('plan.difference'), t('plan.verdict')].map((text) => h('th', { scope: 'col', text })));
    const body = totalRows(report).flatMap((kpi) => [
      h('tr', { class: 'kpi-name' }, h('th', { scope: 'rowgroup', colspan: 4, text: kpiLabel(kpi, this.controller.scenario) })),
      ...report.configurations.map((_, c) =>
        h(
          'tr',
          { class: c === 0 ? 'kpi-figures baseline' : 'kpi-figures' },
          h('th', { scope: 'row', class: `letter c${c}`, text: configurationLetter(c) }),
          this.figure(kpi, kpi.configurations[c]),
          c === 0 ? h('td', {}) : this.figure(kpi, kpi.differences[c], true),
          c === 0 ? h('td', {}) : this.verdictCell(kpi.differences[c]),
        ),
      ),
    ]);
    const queues = [...new Set(report.kpis.filter((kpi) => kpi.section === 'queue').map((kpi) => kpi.id))];
    keepOptions(this.queueSelect, queues.map((id) => [id, id]));
    keepOptions(this.intervalKpi, INTERVAL_KPIS.map((kpi) => [kpi, t(`plan.kpi.${kpi}` as MessageKey)]));
    keepOptions(this.intervalVariant, report.configurations.slice(1).map((_, v) => [String(v + 1), configurationLetter(v + 1)]));
    const pickers = h(
      'div',
      { class: 'plan-row plan-pickers' },
      queues.length > 1 ? h('label', {}, t('plan.chartQueue'), ' ', this.queueSelect) : null,
      h('label', {}, t('plan.kpi'), ' ', this.intervalKpi),
      report.configurations.length > 2 ? h('label', {}, t('plan.intervalVariant'), ' ', this.intervalVariant) : null,
    );
    const shown: (HTMLElement | null)[] = [
      this.stale.note,
      h('h4', { class: 'plan-print-title', text: t('plan.printTitle') }),
      h('p', { class: 'note', text: t('plan.summary', { seed: report.seed, replications: report.replications, date: this.stale.computed ? `${this.stale.computed.date} ${this.stale.computed.at}` : '' }) }),
      ...report.configurations.map((configuration, c) => h('p', { class: 'plan-label', text: t(c === 0 ? 'plan.labelA' : 'plan.labelVariant', { letter: configurationLetter(c), label: configuration.label }) })),
      ...report.notes.map((note) => h('p', { class: 'note', text: note })),
      h('div', { class: 'plan-table-wrap' }, h('table', { id: 'plan-table', class: 'plan-table totals' }, h('thead', {}, head), h('tbody', {}, ...body))),
      h('h4', { class: 'plan-screen-only', text: t('plan.intervalsTitle') }),
      queues.length > 0 ? pickers : null,
      queues.length > 0 ? this.intervalTable : null,
      h('div', { class: 'plan-chart-block' }, h('h4', { text: t('plan.chartTitle') }), queues.length > 0 ? this.chartHost : h('p', { class: 'note', text: t('plan.noQueues') })),
      h(
        'div',
        { class: 'plan-row plan-exports' },
        planButton('plan-csv', 'plan.exportCsv', () => downloadText('kituo-plan.csv', comparisonCsv(report), 'text/csv')),
        planButton('plan-json', 'plan.exportJson', () => downloadText('kituo-plan.json', `${JSON.stringify(report, null, 2)}\n`, 'application/json')),
        queues.length > 0 ? planButton('plan-png', 'plan.exportPng', () => this.chart.canvas && downloadCanvas('kituo-plan-chart.png', this.chart.canvas, CHART_BACKGROUND)) : null,
        planButton('plan-print', 'plan.print', () => window.print()),
      ),
    ];
    this.results.replaceChildren(...shown.filter((element) => element !== null));
    this.results.hidden = false;
    if (queues.length > 0) {
      this.drawChart();
      this.showIntervals();
    } else this.chart.clear();
  }

  /** One queue KPI interval by interval, A against the variant picked, over the hours calls came. */
  private showIntervals(): void {
    const report = this.report;
    if (!report || !this.queueSelect.value) return;
    const variant = report.configurations.length > 2 ? Number(this.intervalVariant.value) : 1;
    const letter = configurationLetter(variant);
    const rows = intervalRows(report, this.queueSelect.value, this.intervalKpi.value as IntervalKpi, variant);
    const head = h('tr', {}, ...[t('plan.interval'), 'A', letter, t('plan.differenceOf', { letter })].map((text) => h('th', { scope: 'col', text })));
    // The means' half-widths stay in the downloads: per interval, the difference's is the one that
    // decides. A significant difference carries its verdict; the others are greyed, so the
    // intervals where the variant changes something stand out.
    const mean = (row: IntervalRow, estimate: Estimate | null) => h('td', { text: estimateText(row.kpi, estimate, this.currency)[0] });
    const body = rows.map((row) => {
      const verdict = row.difference?.verdict ?? 'undetermined';
      const significant = verdict !== 'no significant difference' && verdict !== 'undetermined';
      const word = significant ? h('span', { class: `verdict ${verdict}`, text: verdictLabel(verdict) }) : undefined;
      return h('tr', { class: significant ? '' : 'quiet' }, h('th', { scope: 'row', text: row.interval }), mean(row, row.baseline), mean(row, row.variant), this.figure(row.kpi, row.difference, true, word));
    });
    this.intervalTable.replaceChildren(
      h('p', { class: 'note', text: t('plan.quietRows') }),
      h('table', { id: 'plan-interval-table', class: 'plan-table intervals' }, h('thead', {}, head), h('tbody', {}, ...body)),
    );
  }

  private drawChart(): void {
    const report = this.report;
    if (!report) return;
    this.chart.show(
      serviceLevelSeries(report, this.queueSelect.value),
      report.configurations.map((_, c) => configurationLetter(c)),
    );
  }
}

/** Fills a picker with `options`, keeping the choice made when it is still offered. */
function keepOptions(select: HTMLSelectElement, options: [value: string, text: string][]): void {
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}
