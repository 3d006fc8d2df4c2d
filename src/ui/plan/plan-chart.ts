/**
 * The Plan view's chart: one queue's service level interval by interval, A and each variant with
 * its 95% band (uPlot bands between the band's edges), so a planner sees in which hours a variant
 * is better.
 */
import uPlot from 'uplot';
import type { IntervalSeries } from '../../app/plan-report';
import { formatPercent } from '../i18n/i18n';
import { AXIS_STYLE, legendLine } from '../charts/chart-common';

/** A, B, C, D in the Okabe–Ito colours, which stay apart for colour-blind eyes. */
const COLOURS = ['#56b4e9', '#e69f00', '#009e73', '#cc79a7'];
const BANDS = ['rgba(86, 180, 233, 0.22)', 'rgba(230, 159, 0, 0.22)', 'rgba(0, 158, 115, 0.22)', 'rgba(204, 121, 167, 0.22)'];
export const CHART_BACKGROUND = '#172231';

/** 'HH:MM' to hours since midnight, the x axis. */
export const hours = (label: string) => Number(label.slice(0, 2)) + Number(label.slice(3, 5)) / 60;

/** An x-axis tick, hours since midnight, as 'HH:00'. */
export const hourTicks = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:00`;

export class PlanChart {
  private plot: uPlot | null = null;

  constructor(private readonly host: HTMLElement) {
    // The panel changes width with the window and the zoom (one column at 150%): the plot follows.
    new ResizeObserver(() => this.resize()).observe(host);
  }

  show(series: IntervalSeries, names: readonly string[]): void {
    this.plot?.destroy();
    legendLine(
      this.host,
      names.map((label, c) => ({ label, colour: COLOURS[c] })),
    );
    const lines: uPlot.Series[] = [{}];
    const data: (number | null)[][] = [series.intervals.map(hours)];
    const bands: uPlot.Band[] = [];
    series.configurations.forEach((configuration, c) => {
      const first = lines.length;
      lines.push(
        { label: names[c], stroke: COLOURS[c], width: 2, points: { show: true, size: 4, fill: COLOURS[c] } },
        { label: `${names[c]} +`, stroke: 'transparent', points: { show: false } },
        { label: `${names[c]} −`, stroke: 'transparent', points: { show: false } },
      );
      data.push(configuration.mean, configuration.high, configuration.low);
      bands.push({ series: [first + 1, first + 2], fill: BANDS[c] });
    });
    this.plot = new uPlot(
      {
        width: this.width(),
        height: 180,
        cursor: { drag: { x: false, y: false } },
        legend: { show: false },
        scales: { x: { time: false, range: [0, 24] }, y: { range: [0, 1] } },
        axes: [
          { ...AXIS_STYLE, values: (_u, splits) => splits.map(hourTicks), incrs: [3, 6, 12], size: 30 },
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((v) => formatPercent(v)), size: 54 },
        ],
        series: lines,
        bands,
      },
      data as uPlot.AlignedData,
      this.host,
    );
  }

  clear(): void {
    this.plot?.destroy();
    this.plot = null;
    this.host.replaceChildren();
    const legend = this.host.previousElementSibling;
    if (legend instanceof HTMLElement && legend.classList.contains('chart-legend')) legend.replaceChildren();
  }

  resize(): void {
    this.plot?.setSize({ width: this.width(), height: 180 });
  }

  get canvas(): HTMLCanvasElement | null {
    return this.plot?.ctx.canvas ?? null;
  }

  private width(): number {
    return Math.max(200, this.host.clientWidth || 300);
  }
}
