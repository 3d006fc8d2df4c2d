/**
 * The Plan view's chart: one queue's service level interval by interval, A and B each with its
 * 95% band (uPlot bands between the band's edges), so a planner sees in which hours B is better.
 */
import uPlot from 'uplot';
import type { IntervalSeries } from '../../app/plan-report';
import { formatPercent } from '../i18n/i18n';
import { legendLine } from '../charts/chart-common';

const COLOURS = ['#56b4e9', '#e69f00'];
const BANDS = ['rgba(86, 180, 233, 0.22)', 'rgba(230, 159, 0, 0.22)'];
export const CHART_BACKGROUND = '#172231';

/** 'HH:MM' to hours since midnight, the x axis. */
const hours = (label: string) => Number(label.slice(0, 2)) + Number(label.slice(3, 5)) / 60;

export class PlanChart {
  private plot: uPlot | null = null;

  constructor(private readonly host: HTMLElement) {}

  show(series: IntervalSeries, names: readonly string[]): void {
    this.plot?.destroy();
    legendLine(
      this.host,
      names.map((label, c) => ({ label, colour: COLOURS[c] })),
    );
    const axis = { stroke: '#a9b6c4', grid: { stroke: '#2c3b50', width: 1 }, ticks: { stroke: '#2c3b50' } };
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
          { ...axis, values: (_u, splits) => splits.map((h) => `${String(Math.floor(h)).padStart(2, '0')}:00`), incrs: [1, 2, 3, 4, 6, 12], size: 28 },
          { ...axis, values: (_u, splits) => splits.map((v) => formatPercent(v)), size: 50 },
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
