/**
 * The Plan view (issue 11, item 8): configuration A is the scenario as loaded, B the what-if
 * settings or another file; N replications of both run on common random numbers in Web Workers
 * (app/plan-pool.ts) while the animation goes on, with progress, an estimate of the time left and
 * a Cancel that terminates the workers. The result is the runner's comparison, the same as
 * `kituo compare` gives for the same files, seed and replications: a table of every KPI's means
 * and paired difference with its verdict, a chart of service level by interval with 95% bands,
 * downloads (CSV, JSON, PNG) and a printable summary.
 */
import './plan.css';
import PlanWorkerScript from './plan-worker?worker&inline';
import { applyWhatIf } from '../../app/what-if';
import { entryFromFile } from '../../app/scenario-catalog';
import { planWorkerCount, runJobsOnWorkers, type PlanWorker } from '../../app/plan-pool';
import { comparisonCsv, remainingSeconds, serviceLevelSeries, totalRows } from '../../app/plan-report';
import { compareConfigurationsOn } from '../../runner/batch-runs';
import { Cancelled } from '../../runner/cancelled';
import type { ComparisonReport, Configuration } from '../../runner/compare-configurations';
import { scenarioCosts, type Scenario } from '../../model/scenario/scenario-schema';
import type { PageController } from '../page-controller';
import { byId, h, setText } from '../dom';
import { formatDuration, onLanguageChange, t } from '../i18n/i18n';
import { estimateText, kpiLabel, verdictLabel } from './plan-format';
import { shownNames } from '../display-names';
import { CHART_BACKGROUND, PlanChart } from './plan-chart';
import { downloadCanvas, downloadText } from './plan-downloads';

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
  /** The file chosen for B, once read and valid. */
  variantFile: string | null;
  report: ComparisonReport | null;
}

export class PlanView {
  private readonly root = byId('plan');
  private readonly replications = h('input', { id: 'plan-replications', type: 'number', min: MIN_REPLICATIONS, max: MAX_REPLICATIONS, step: 1, value: 20 });
  private readonly fromWhatIf = h('input', { id: 'plan-variant-whatif', type: 'radio', name: 'plan-variant', value: 'whatif', checked: true });
  private readonly fromFile = h('input', { id: 'plan-variant-file', type: 'radio', name: 'plan-variant', value: 'file' });
  private readonly file = h('input', { id: 'plan-file', type: 'file', accept: '.json,application/json' });
  private readonly runButton = h('button', { id: 'plan-run', type: 'button', class: 'primary' });
  private readonly cancelButton = h('button', { id: 'plan-cancel', type: 'button', disabled: true });
  private readonly progress = h('progress', { id: 'plan-progress', max: 1, value: 0 });
  private readonly progressText = h('span', { id: 'plan-progress-text' });
  private readonly message = h('p', { id: 'plan-message', class: 'note', role: 'status' });
  private readonly results = h('div', { id: 'plan-results', hidden: true });
  private readonly chartHost = h('div', { id: 'plan-chart', class: 'chart' });
  private readonly chart = new PlanChart(this.chartHost);
  private readonly queueSelect = h('select', { id: 'plan-queue' });
  private readonly texts: [HTMLElement, Parameters<typeof t>[0]][] = [];
  private variantFile: { name: string; scenario: Scenario } | null = null;
  private abort: AbortController | null = null;
  private report: ComparisonReport | null = null;
  private currency: string | null = null;
  private state = { done: 0, total: 0, workers: 0, started: 0 };
  /** Tests and measurements only: this many workers instead of one per core. */
  workersOverride: number | null = null;

  constructor(private readonly controller: PageController) {
    const label = (key: Parameters<typeof t>[0], element?: HTMLElement) => this.text(h(element ? 'label' : 'span', element ? { for: element.id } : {}), key);
    this.root.replaceChildren(
      this.text(h('p', { class: 'note plan-intro' }), 'plan.intro'),
      h(
        'div',
        { class: 'plan-controls' },
        h(
          'fieldset',
          {},
          this.text(h('legend'), 'plan.variant'),
          h('div', {}, this.fromWhatIf, label('plan.variantWhatIf', this.fromWhatIf)),
          h('div', {}, this.fromFile, label('plan.variantFile', this.fromFile), this.file),
        ),
        h('div', { class: 'plan-row' }, label('plan.replications', this.replications), this.replications, this.text(this.runButton, 'plan.run'), this.text(this.cancelButton, 'plan.cancel')),
        h('div', { class: 'plan-row' }, this.progress, this.progressText),
      ),
      this.message,
      this.results,
    );
    this.file.addEventListener('change', () => void this.readFile());
    this.fromFile.addEventListener('change', () => this.file.click());
    this.runButton.addEventListener('click', () => void this.run());
    this.cancelButton.addEventListener('click', () => this.abort?.abort());
    this.queueSelect.addEventListener('change', () => this.drawChart());
    onLanguageChange(() => {
      for (const [element, key] of this.texts) element.textContent = t(key);
      this.showProgress();
      if (this.report) this.showResults();
    });
  }

  /** The tab was shown: the chart takes the panel's width. */
  shown(): void {
    this.chart.resize();
  }

  read(): PlanState {
    return { running: this.abort !== null, ...this.state, message: this.message.textContent ?? '', variantFile: this.variantFile?.name ?? null, report: this.report };
  }

  cancel(): void {
    this.abort?.abort();
  }

  private text<E extends HTMLElement>(element: E, key: Parameters<typeof t>[0]): E {
    element.textContent = t(key);
    this.texts.push([element, key]);
    return element;
  }

  private async readFile(): Promise<void> {
    const chosen = this.file.files?.[0];
    if (!chosen) return;
    this.fromFile.checked = true;
    const entry = await entryFromFile(chosen.name, chosen);
    if (!entry.result.ok) {
      this.variantFile = null;
      setText(this.message, t('plan.variantProblems', { problems: entry.result.problems.map((p) => `${p.path}: ${p.message}`).join('; ') }));
      return;
    }
    this.variantFile = { name: chosen.name, scenario: entry.result.scenario };
    setText(this.message, '');
  }

  /** A and B as the runner takes them, or the reason there are none. */
  private configurations(): Configuration[] | string {
    const baseline = this.controller.scenario;
    const settings = this.controller.whatIf;
    if (!baseline) return t('plan.noScenario');
    const a = { label: shownNames(baseline).name, scenario: baseline };
    if (this.fromFile.checked) {
      if (!this.variantFile) return t('plan.noFile');
      return [a, { label: this.variantFile.name, scenario: this.variantFile.scenario }];
    }
    if (!settings) return t('plan.noScenario');
    const variant = applyWhatIf(baseline, settings);
    if (!variant.ok) return t('plan.variantProblems', { problems: variant.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
    return [a, { label: t('plan.whatIfLabel', { name: a.label }), scenario: variant.scenario }];
  }

  private async run(): Promise<void> {
    if (this.abort) return;
    const replications = Number(this.replications.value);
    if (!Number.isInteger(replications) || replications < MIN_REPLICATIONS || replications > MAX_REPLICATIONS) {
      setText(this.message, t('plan.badReplications', { min: MIN_REPLICATIONS, max: MAX_REPLICATIONS }));
      return;
    }
    const configurations = this.configurations();
    if (typeof configurations === 'string') {
      setText(this.message, configurations);
      return;
    }
    const runs = configurations.length * replications;
    const workers = this.workersOverride ?? planWorkerCount(navigator.hardwareConcurrency, runs);
    const total = replications;
    this.abort = new AbortController();
    this.state = { done: 0, total, workers, started: performance.now() };
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
      this.report = await compareConfigurationsOn(runJobs, configurations, { seed: this.controller.seed, replications });
      this.currency = scenarioCosts(configurations[0].scenario)?.currency ?? null;
      this.showResults();
    } catch (error) {
      const text = error instanceof Cancelled ? t('plan.cancelled', { done: this.state.done, total }) : t('plan.failed', { message: (error as Error).message });
      setText(this.message, text);
    } finally {
      this.abort = null;
      this.setRunning(false);
    }
  }

  private setRunning(running: boolean): void {
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    this.replications.disabled = running;
    this.root.classList.toggle('running', running);
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

  private showResults(): void {
    const report = this.report!;
    const [a, b] = report.configurations;
    // The side column is narrow: each KPI's name is a row of its own over its figures, and each
    // figure's half-width a line of its own under its mean.
    const head = h('tr', {}, ...['A', 'B', t('plan.difference'), t('plan.verdict')].map((text) => h('th', { scope: 'col', text })));
    const body = totalRows(report).flatMap((kpi) => {
      const difference = kpi.differences[1];
      const cell = (estimate: (typeof kpi.configurations)[number], signed = false) => {
        const [mean, halfWidth] = estimateText(kpi, estimate, this.currency, signed);
        return h('td', {}, mean, halfWidth ? h('span', { class: 'ci', text: `± ${halfWidth}` }) : null);
      };
      return [
        h('tr', { class: 'kpi-name' }, h('th', { scope: 'rowgroup', colspan: 4, text: kpiLabel(kpi, this.controller.scenario) })),
        h(
          'tr',
          { class: 'kpi-figures' },
          cell(kpi.configurations[0]),
          cell(kpi.configurations[1]),
          cell(difference, true),
          h('td', { class: `verdict ${difference?.verdict.replace(/ /g, '-') ?? ''}`, text: difference ? verdictLabel(difference.verdict) : t('value.none') }),
        ),
      ];
    });
    const queues = [...new Set(report.kpis.filter((kpi) => kpi.section === 'queue').map((kpi) => kpi.id))];
    const selected = this.queueSelect.value;
    this.queueSelect.replaceChildren(...queues.map((id) => h('option', { value: id, text: id })));
    if (queues.includes(selected)) this.queueSelect.value = selected;
    const shown: (HTMLElement | null)[] = [
      h('h4', { class: 'plan-print-title', text: t('plan.title') }),
      h('p', { class: 'note', text: t('plan.summary', { seed: report.seed, replications: report.replications }) }),
      h('p', { class: 'plan-label', text: t('plan.labelA', { label: a.label }) }),
      h('p', { class: 'plan-label', text: t('plan.labelB', { label: b.label }) }),
      ...report.notes.map((note) => h('p', { class: 'note', text: note })),
      h('div', { class: 'plan-table-wrap' }, h('table', { id: 'plan-table', class: 'plan-table' }, h('thead', {}, head), h('tbody', {}, ...body))),
      h('h4', { text: t('plan.chartTitle') }),
      queues.length > 1 ? h('label', { class: 'plan-row' }, t('plan.chartQueue'), this.queueSelect) : null,
      queues.length > 0 ? this.chartHost : h('p', { class: 'note', text: t('plan.noQueues') }),
      h(
        'div',
        { class: 'plan-row plan-exports' },
        this.button('plan-csv', 'plan.exportCsv', () => downloadText('kituo-plan.csv', comparisonCsv(report), 'text/csv')),
        this.button('plan-json', 'plan.exportJson', () => downloadText('kituo-plan.json', `${JSON.stringify(report, null, 2)}\n`, 'application/json')),
        queues.length > 0 ? this.button('plan-png', 'plan.exportPng', () => this.chart.canvas && downloadCanvas('kituo-plan-chart.png', this.chart.canvas, CHART_BACKGROUND)) : null,
        this.button('plan-print', 'plan.print', () => window.print()),
      ),
    ];
    this.results.replaceChildren(...shown.filter((element) => element !== null));
    this.results.hidden = false;
    if (queues.length > 0) this.drawChart();
    else this.chart.clear();
  }

  private button(id: string, key: Parameters<typeof t>[0], action: () => void): HTMLButtonElement {
    const button = h('button', { id, type: 'button', text: t(key) });
    button.addEventListener('click', action);
    return button;
  }

  private drawChart(): void {
    const report = this.report;
    if (!report) return;
    this.chart.show(serviceLevelSeries(report, this.queueSelect.value), ['A', 'B']);
  }
}
