import uPlot from 'uplot';
import { DAY_SEC } from '../../model/scenario/calendar-schema';
import type { BackOfficeAdapter } from '../../app/backoffice-source';
import { formatInteger, formatPercent, t } from '../i18n/i18n';
import { AXIS_STYLE, WHOLE_STEPS, chartHeight, legendLine, marksPlugin } from './chart-common';
import type { LiveChange } from '../../app/live-changes';
import { changeMarkText } from '../change-text';

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
  private changes: readonly LiveChange[] = [];

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

  /** The run's changes; the back office's are marked at their time (the x axis counts days). */
  setChanges(changes: readonly LiveChange[]): void {
    this.changes = changes.filter((c) => c.room === 'backOffice');
    this.plot?.redraw(false);
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
    this.plot = new uPlot(
      {
        width: Math.max(200, this.host.clientWidth || 300),
        height: chartHeight(),
        cursor: { drag: { x: false, y: false } },
        legend: { show: false },
        plugins: [marksPlugin(this.host, () => this.changes.map((c) => ({ x: c.atSec / DAY_SEC, label: changeMarkText(c) })))],
        scales: { x: { time: false, auto: false, range: [0, 7] as uPlot.Range.MinMax }, pct: { range: [0, 1] as uPlot.Range.MinMax } },
        axes: [
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((d) => t('clock.day', { day: formatInteger(Math.floor(d) + 1) })), incrs: [1, 2, 7], size: 28 },
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((v) => formatInteger(v)), incrs: WHOLE_STEPS, size: 40 },
          { ...AXIS_STYLE, scale: 'pct', side: 1, grid: { show: false }, values: (_u, splits) => splits.map((v) => formatPercent(v)), size: 50 },
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
