/**
 * Charts over the current simulated day, interval by interval: the simulated service level and
 * mean queue length (from the model's closed interval records, through deriveQueueKpis) with the
 * planners' Erlang prediction for the same interval drawn beside them (predictQueue). A point
 * appears once every call that arrived in its interval has finished, as in the CLI report.
 * The charts are redrawn only when an interval closes or the day changes, not every frame.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { DAY_SEC } from '../model/calendar-schema';
import type { QueueSelection, VoiceSession } from '../app/voice-session';
import type { ErlangPrediction } from '../model/erlang-prediction';
import { formatClock, formatDecimal, formatInteger, formatPercent, t } from './i18n/i18n';
import type { BackOfficeAdapter } from '../app/backoffice-source';
import { h, setText } from './dom';
import type { MessageKey } from './i18n/en';

/** A one-line legend above a chart: a short line sample in each series' colour and dash. */
/** Tick steps for axes of counts (items, dials): whole numbers only, so small counts do not read "4, 4, 5, 5". */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

function legendLine(host: HTMLElement, entries: { label: string; colour: string; dash?: 'dashed' | 'dotted'; point?: boolean }[]): void {
  let legend = host.previousElementSibling;
  if (!(legend instanceof HTMLElement) || !legend.classList.contains('chart-legend')) {
    legend = h('div', { class: 'chart-legend', 'aria-hidden': 'true' });
    host.before(legend);
  }
  (legend as HTMLElement).replaceChildren(
    ...entries.map((e) =>
      h('span', {}, h('i', { style: `border-top-color:${e.colour};border-top-style:${e.dash ?? 'solid'}${e.point ? ';border-top-width:5px;width:8px;border-radius:3px' : ''}` }), e.label),
    ),
  );
  (legend as HTMLElement).hidden = host.hidden;
}

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

  private prediction(): ErlangPrediction | null {
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
    const formula = prediction ? t(`formula.${prediction.formula}`) : '';
    const queues = session ? session.scenario.queues.length : 0;
    setText(
      this.note,
      !session ? '' : queues === 0 ? t('chart.noQueues') : prediction ? '' : this.selection === 'all' && queues > 1 ? t('chart.noPredictionAll') : this.noPredictionNote(session),
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
    if (!session || queues === 0) return;
    const xAxis: uPlot.Axis = {
      stroke: '#a9b6c4',
      grid: { stroke: '#2c3b50', width: 1 },
      ticks: { stroke: '#2c3b50' },
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
        scales: { ...common.scales, y: { range: [0, 1] as uPlot.Range.MinMax } },
        axes: [
          xAxis,
          { stroke: '#a9b6c4', grid: { stroke: '#2c3b50', width: 1 }, values: (_u, splits) => splits.map((v) => formatPercent(v)), size: 50 },
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
        axes: [
          xAxis,
          { stroke: '#a9b6c4', grid: { stroke: '#2c3b50', width: 1 }, values: (_u, splits) => splits.map((v) => formatDecimal(v)), size: 44 },
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
    this.shownVersion = -1;
    this.shownDay = -1;
    this.refresh();
  }
}

/**
 * The back office over the last week: backlog per reporting interval (time average, from the
 * model's closed interval records) and the on-time rate of each finished day, both through
 * deriveBackOfficeKpis. Days, not minutes: a backlog carries over from one day to the next.
 */
export class BackOfficeChart {
  private plot: uPlot | null = null;
  private adapter: BackOfficeAdapter | null = null;
  private shownVersion = -1;
  private shownDay = -1;

  constructor(private readonly host: HTMLElement) {}

  attach(adapter: BackOfficeAdapter | null): void {
    this.adapter = adapter;
    this.rebuild();
  }

  applyLanguage(): void {
    this.rebuild();
  }

  resize(): void {
    this.plot?.setSize({ width: Math.max(200, this.host.clientWidth || 300), height: chartHeight() });
  }

  refresh(nowSec: number): void {
    const adapter = this.adapter;
    if (!adapter || !this.plot) return;
    const history = adapter.history;
    const day = Math.floor(nowSec / DAY_SEC);
    if (history.version === this.shownVersion && day === this.shownDay) return;
    this.shownVersion = history.version;
    this.shownDay = day;
    const firstDay = Math.max(0, day - 6);
    const x: number[] = [];
    const backlog: (number | null)[] = [];
    const onTime: (number | null)[] = [];
    const { periods, days } = history;
    for (let k = 0; k < periods.startSec.length; k++) {
      const start = periods.startSec[k];
      if (start < firstDay * DAY_SEC) continue;
      x.push(start / DAY_SEC);
      backlog.push(periods.values.meanBacklog[k]);
      onTime.push(null);
    }
    // Each finished day's on-time rate, placed at the day's last interval.
    for (let d = 0; d < days.startSec.length; d++) {
      const endDay = (days.startSec[d] + DAY_SEC) / DAY_SEC;
      let best = -1;
      for (let i = 0; i < x.length; i++) if (x[i] < endDay) best = i;
      if (best >= 0 && x[best] >= days.startSec[d] / DAY_SEC) onTime[best] = days.values.onTimeRate[d];
    }
    this.plot.setScale('x', { min: firstDay, max: Math.max(firstDay + 7, day + 1) });
    this.plot.setData([x, backlog, onTime], false);
    this.plot.setScale('x', { min: firstDay, max: Math.max(firstDay + 7, day + 1) });
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    this.host.hidden = !this.adapter;
    legendLine(this.host, [
      { label: t('chart.bo.backlog'), colour: '#cc79a7' },
      { label: t('chart.bo.onTime'), colour: '#009e73', point: true },
    ]);
    if (!this.adapter) return;
    const axisStyle = { stroke: '#a9b6c4', grid: { stroke: '#2c3b50', width: 1 }, ticks: { stroke: '#2c3b50' } };
    this.plot = new uPlot(
      {
        width: Math.max(200, this.host.clientWidth || 300),
        height: chartHeight(),
        cursor: { drag: { x: false, y: false } },
        legend: { show: false },
        scales: { x: { time: false, auto: false, range: [0, 7] as uPlot.Range.MinMax }, pct: { range: [0, 1] as uPlot.Range.MinMax } },
        axes: [
          { ...axisStyle, values: (_u, splits) => splits.map((d) => t('clock.day', { day: formatInteger(Math.floor(d) + 1) })), incrs: [1, 2, 7], size: 28 },
          { ...axisStyle, values: (_u, splits) => splits.map((v) => formatInteger(v)), incrs: WHOLE_STEPS, size: 40 },
          { ...axisStyle, scale: 'pct', side: 1, grid: { show: false }, values: (_u, splits) => splits.map((v) => formatPercent(v)), size: 40 },
        ],
        series: [
          {},
          { label: t('chart.bo.backlog'), stroke: '#cc79a7', width: 2, fill: 'rgba(204,121,167,0.18)', points: { show: false } },
          { label: t('chart.bo.onTime'), stroke: '#009e73', scale: 'pct', width: 0, points: { show: true, size: 8, fill: '#009e73' }, spanGaps: false },
        ],
      },
      [[], [], []],
      this.host,
    );
    this.shownVersion = -1;
    this.shownDay = -1;
  }
}

/** Plot height in pixels, set by the page so that every chart shown fits the side panel. */
let plotHeight = 120;

export function setChartHeight(px: number): void {
  plotHeight = Math.max(60, Math.min(400, Math.round(px)));
}

function chartHeight(): number {
  return plotHeight;
}

const DIALS_COLOUR = '#56b4e9';
const ABANDON_COLOUR = '#d55e00';
const CAP_COLOUR = '#a9b6c4';

/**
 * Outbound dialing over the current simulated day, interval by interval: dials per hour (left
 * axis) and the abandoned share of connects (right axis) against the strictest campaign cap,
 * from the model's interval records through deriveCampaignKpis (see OutboundSeries in src/app/voice-session.ts).
 */
export class OutboundChart {
  private plot: uPlot | null = null;
  private session: VoiceSession | null = null;
  private shownVersion = -1;
  private shownDay = -1;

  constructor(
    private readonly host: HTMLElement,
    private readonly title: HTMLElement,
  ) {}

  get visible(): boolean {
    return this.session?.outboundHistory != null;
  }

  attach(session: VoiceSession | null): void {
    this.session = session;
    this.rebuild();
  }

  applyLanguage(): void {
    this.rebuild();
  }

  resize(): void {
    this.plot?.setSize({ width: Math.max(200, this.host.clientWidth || 300), height: chartHeight() });
  }

  refresh(): void {
    const session = this.session;
    const history = session?.outboundHistory;
    if (!session || !history || !this.plot) return;
    const day = Math.floor(Math.min(session.now, session.horizonSec - 1) / DAY_SEC);
    if (history.series.version === this.shownVersion && day === this.shownDay) return;
    this.shownVersion = history.series.version;
    this.shownDay = day;
    const perDay = Math.round(DAY_SEC / session.intervalSec);
    const hoursPerInterval = session.intervalSec / 3600;
    const x = Array.from({ length: perDay }, (_, i) => i * hoursPerInterval);
    const cap = x.map(() => history.cap);
    const dials = history.series.dayOf('dialsPerHour', day * DAY_SEC, session.intervalSec, perDay);
    const abandon = history.series.dayOf('abandonRate', day * DAY_SEC, session.intervalSec, perDay);
    this.plot.setData([x, dials, abandon, cap], true);
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    const history = this.session?.outboundHistory ?? null;
    this.host.hidden = !history;
    this.title.hidden = !history;
    legendLine(this.host, [
      { label: t('chart.out.dials'), colour: DIALS_COLOUR },
      { label: t('chart.out.abandon'), colour: ABANDON_COLOUR, point: true },
      { label: `${t('chart.out.cap')} ${history ? formatPercent(history.cap, 1) : ''}`, colour: CAP_COLOUR, dash: 'dotted' },
    ]);
    if (!history) return;
    const axisStyle = { stroke: '#a9b6c4', grid: { stroke: '#2c3b50', width: 1 }, ticks: { stroke: '#2c3b50' } };
    // The abandon axis runs to twice the cap, so the cap line sits half-way up.
    const pctMax = Math.max(0.01, history.cap * 2);
    this.plot = new uPlot(
      {
        width: Math.max(200, this.host.clientWidth || 300),
        height: chartHeight(),
        cursor: { drag: { x: false, y: false } },
        legend: { show: false },
        scales: {
          x: { time: false, range: [0, 24] as uPlot.Range.MinMax },
          y: { range: (_u, _min, max) => [0, Math.max(10, (max ?? 0) * 1.1)] },
          pct: { range: (_u, _min, max) => [0, Math.max(pctMax, (max ?? 0) * 1.1)] },
        },
        axes: [
          { ...axisStyle, values: (_u, splits) => splits.map((hours) => formatClock(hours * 3600, false)), incrs: [1, 2, 3, 4, 6, 12], size: 28 },
          { ...axisStyle, values: (_u, splits) => splits.map((v) => formatInteger(v)), incrs: WHOLE_STEPS, size: 54 },
          { ...axisStyle, scale: 'pct', side: 1, grid: { show: false }, values: (_u, splits) => splits.map((v) => formatPercent(v, 1)), size: 46 },
        ],
        series: [
          {},
          { label: t('chart.out.dials'), stroke: DIALS_COLOUR, width: 2, fill: 'rgba(86,180,233,0.15)', points: { show: false }, spanGaps: false },
          { label: t('chart.out.abandon'), stroke: ABANDON_COLOUR, scale: 'pct', width: 1.5, points: { show: true, size: 5, fill: ABANDON_COLOUR }, spanGaps: false },
          { label: t('chart.out.cap'), stroke: CAP_COLOUR, scale: 'pct', width: 1.5, dash: [2, 4], points: { show: false } },
        ],
      },
      [[], [], [], []],
      this.host,
    );
    this.shownVersion = -1;
    this.shownDay = -1;
    this.refresh();
  }
}
