/**
 * Charts over the current simulated day, interval by interval: the simulated service level and
 * mean queue length (from the model's closed interval records, through deriveQueueKpis) with the
 * planners' Erlang prediction for the same interval drawn beside them (predictQueue). A point
 * appears once every call that arrived in its interval has finished, as in the CLI report.
 * The charts are redrawn only when an interval closes or the day changes, not every frame.
 */
import uPlot from 'uplot';
import { DAY_SEC } from '../../model/scenario/calendar-schema';
import type { QueueSelection, VoiceSession } from '../../app/voice-session';
import type { ScheduledErlangPrediction } from '../../model/erlang/erlang-prediction';
import { formatClock, formatDecimal, formatPercent, t } from '../i18n/i18n';
import { setText } from '../dom';
import type { MessageKey } from '../i18n/en';
import { AXIS_STYLE, chartHeight, legendLine, marksPlugin, type ChartMark } from './chart-common';
import type { LiveChange } from '../../app/live-changes';
import { changeMarkText } from '../change-text';

const SIM_COLOUR = '#56b4e9';
const ERLANG_COLOUR = '#e69f00';
const TARGET_COLOUR = '#a9b6c4';

export class VoiceCharts {
  private sl: uPlot | null = null;
  private queue: uPlot | null = null;
  private session: VoiceSession | null = null;
  private selection: QueueSelection = 0;
  private shownVersion = -1;
  private shownDay = -1;
  private changes: readonly LiveChange[] = [];

  constructor(
    private readonly slHost: HTMLElement,
    private readonly queueHost: HTMLElement,
    private readonly note: HTMLElement,
  ) {}

  attach(session: VoiceSession | null, selection: QueueSelection): void {
    this.session = session;
    this.selection = selection;
    this.rebuild();
  }

  select(selection: QueueSelection): void {
    this.selection = selection;
    this.rebuild();
  }

  applyLanguage(): void {
    this.rebuild();
  }

  resize(): void {
    const width = this.width();
    this.sl?.setSize({ width, height: this.height() });
    this.queue?.setSize({ width, height: this.height() });
  }

  /** The run's changes; the call center's are marked on both charts, on the day shown. */
  setChanges(changes: readonly LiveChange[]): void {
    this.changes = changes.filter((c) => c.room === 'voice');
    this.sl?.redraw(false);
    this.queue?.redraw(false);
  }

  private marks(): ChartMark[] {
    const day = this.shownDay;
    return this.changes.filter((c) => Math.floor(c.atSec / DAY_SEC) === day).map((c) => ({ x: (c.atSec - day * DAY_SEC) / 3600, label: changeMarkText(c) }));
  }

  /** Redraws when there is a newly closed interval or a new day. */
  refresh(): void {
    const session = this.session;
    if (!session || !this.sl || !this.queue) return;
    const history = session.historyFor(this.selection);
    const day = Math.floor(Math.min(session.now, session.horizonSec - 1) / DAY_SEC);
    if (history.version === this.shownVersion && day === this.shownDay) return;
    this.shownVersion = history.version;
    this.shownDay = day;
    const data = this.data(day);
    this.sl.setData([data.x, data.sim, data.erlangSl, data.target], true);
    this.queue.setData([data.x, data.queue, data.erlangQueue], true);
  }

  /** Why the selected queue has no prediction, in words: the model's reason codes, translated. */
  private noPredictionNote(session: VoiceSession): string {
    const reasons = session.noPredictionReasons[this.selection === 'all' ? 0 : this.selection];
    return t('chart.noPrediction', { reasons: reasons.map((reason) => t(`reason.${reason}` as MessageKey)).join('; ') });
  }

  private prediction(): ScheduledErlangPrediction | null {
    const session = this.session!;
    if (this.selection === 'all') return session.scenario.queues.length === 1 ? session.predictions[0] : null;
    return session.predictions[this.selection];
  }

  private data(day: number) {
    const session = this.session!;
    const perDay = Math.round(DAY_SEC / session.intervalSec);
    const hoursPerInterval = session.intervalSec / 3600;
    const x: number[] = [];
    const erlangSl: (number | null)[] = [];
    const erlangQueue: (number | null)[] = [];
    const target: (number | null)[] = [];
    const prediction = this.prediction();
    const targetPercent = session.scenario.serviceLevel.targetPercent;
    for (let i = 0; i < perDay; i++) {
      x.push(i * hoursPerInterval);
      const figures = prediction?.intervals[i];
      erlangSl.push(figures && Number.isFinite(figures.serviceLevel) ? figures.serviceLevel : null);
      erlangQueue.push(figures && Number.isFinite(figures.meanQueueLength) ? figures.meanQueueLength : null);
      target.push(targetPercent !== undefined ? targetPercent / 100 : null);
    }
    const history = session.historyFor(this.selection);
    const sim = history.dayOf('serviceLevel', day * DAY_SEC, session.intervalSec, perDay);
    const queue = history.dayOf('meanQueueLength', day * DAY_SEC, session.intervalSec, perDay);
    return { x, sim, queue, erlangSl, erlangQueue, target };
  }

  private width(): number {
    return Math.max(200, this.slHost.clientWidth || 300);
  }

  private height(): number {
    return chartHeight();
  }

  private rebuild(): void {
    const session = this.session;
    this.sl?.destroy();
    this.queue?.destroy();
    this.sl = null;
    this.queue = null;
    const prediction = session ? this.prediction() : null;
    const queues = session ? session.scenario.queues.length : 0;
    this.showNoteAndHosts(session, prediction, queues);
    if (!session || queues === 0) return;
    this.createPlots(prediction);
    this.shownVersion = -1;
    this.shownDay = -1;
    this.refresh();
  }

  /** The note under the charts (why there is no prediction, or what makes it an approximation), and the charts hidden without queues. */
  private showNoteAndHosts(session: VoiceSession | null, prediction: ScheduledErlangPrediction | null, queues: number): void {
    const approximation = prediction && prediction.approximate.length > 0 ? t('chart.approximation', { reasons: prediction.approximate.map((reason) => t(`approx.${reason}` as MessageKey)).join(', ') }) : '';
    setText(
      this.note,
      !session ? '' : queues === 0 ? t('chart.noQueues') : prediction ? approximation : this.selection === 'all' && queues > 1 ? t('chart.noPredictionAll') : this.noPredictionNote(session),
    );
    this.slHost.hidden = queues === 0;
    this.queueHost.hidden = queues === 0;
    for (const id of ['chart-sl-title', 'chart-queue-title']) {
      const title = document.getElementById(id);
      if (title) title.hidden = queues === 0;
    }
    for (const host of [this.slHost, this.queueHost]) {
      const legend = host.previousElementSibling;
      if (legend instanceof HTMLElement && legend.classList.contains('chart-legend')) legend.hidden = queues === 0;
    }
  }

  /** Service level and queue length over the day, with the Erlang prediction beside them when there is one. */
  private createPlots(prediction: ScheduledErlangPrediction | null): void {
    const formula = prediction ? t(`formula.${prediction.formula}`) : '';
    const xAxis: uPlot.Axis = {
      ...AXIS_STYLE,
      values: (_u, splits) => splits.map((hours) => formatClock(hours * 3600, false)),
      incrs: [1, 2, 3, 4, 6, 12],
      size: 28,
    };
    const common = {
      width: this.width(),
      height: this.height(),
      cursor: { drag: { x: false, y: false } },
      legend: { show: false },
      scales: { x: { time: false, range: [0, 24] as uPlot.Range.MinMax } },
    };
    legendLine(this.slHost, [
      { label: t('chart.sl.sim'), colour: SIM_COLOUR },
      ...(prediction ? [{ label: t('chart.sl.erlang', { formula }), colour: ERLANG_COLOUR, dash: 'dashed' as const }] : []),
      { label: t('chart.sl.target'), colour: TARGET_COLOUR, dash: 'dotted' as const },
    ]);
    legendLine(this.queueHost, [
      { label: t('chart.queue.sim'), colour: SIM_COLOUR },
      ...(prediction ? [{ label: t('chart.queue.erlang'), colour: ERLANG_COLOUR, dash: 'dashed' as const }] : []),
    ]);
    this.sl = new uPlot(
      {
        ...common,
        plugins: [marksPlugin(this.slHost, () => this.marks())],
        scales: { ...common.scales, y: { range: [0, 1] as uPlot.Range.MinMax } },
        axes: [
          xAxis,
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((v) => formatPercent(v)), size: 58 },
        ],
        series: [
          {},
          { label: t('chart.sl.sim'), stroke: SIM_COLOUR, width: 2, points: { show: true, size: 5, fill: SIM_COLOUR }, spanGaps: false },
          { label: t('chart.sl.erlang', { formula }), stroke: ERLANG_COLOUR, width: 2, dash: [6, 4], points: { show: false }, show: prediction !== null },
          { label: t('chart.sl.target'), stroke: TARGET_COLOUR, width: 1, dash: [2, 4], points: { show: false } },
        ],
      },
      [[], [], [], []],
      this.slHost,
    );
    this.queue = new uPlot(
      {
        ...common,
        plugins: [marksPlugin(this.queueHost, () => this.marks())],
        axes: [
          xAxis,
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((v) => formatDecimal(v)), size: 44 },
        ],
        scales: { ...common.scales, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        series: [
          {},
          { label: t('chart.queue.sim'), stroke: SIM_COLOUR, width: 2, fill: 'rgba(86,180,233,0.18)', points: { show: true, size: 4, fill: SIM_COLOUR } },
          { label: t('chart.queue.erlang'), stroke: ERLANG_COLOUR, width: 2, dash: [6, 4], points: { show: false }, show: prediction !== null },
        ],
      },
      [[], [], []],
      this.queueHost,
    );
  }
}
