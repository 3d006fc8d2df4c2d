/**
 * The optimiser's chart: required agents per interval (a step line) against the agents the
 * scenario schedules (a step line), the Erlang estimate beside them (dashed), and the gap between
 * required and scheduled shaded: green where the schedule is over, vermillion where it is short.
 */
import uPlot from 'uplot';
import type { StaffingSeries } from '../../app/plan-staffing';
import { AXIS_STYLE, legendLine } from '../charts/chart-common';
import { formatInteger } from '../i18n/i18n';
import { hourTicks, hours } from './plan-chart';

const REQUIRED = '#f0e442';
const SCHEDULED = '#56b4e9';
const ERLANG = '#cc79a7';
const OVER = 'rgba(0, 158, 115, 0.35)';
const UNDER = 'rgba(213, 94, 0, 0.55)';
const HEIGHT = 190;

export interface StaffingChartLabels {
  required: string;
  scheduled: string;
  erlang: string;
  over: string;
  under: string;
}

export class StaffingChart {
  private plot: uPlot | null = null;

  constructor(private readonly host: HTMLElement) {
    // The panel changes width with the window and the zoom (one column at 150%): the plot follows.
    new ResizeObserver(() => this.resize()).observe(host);
  }

  show(series: StaffingSeries, labels: StaffingChartLabels): void {
    this.plot?.destroy();
    legendLine(this.host, [
      { label: labels.required, colour: REQUIRED },
      { label: labels.scheduled, colour: SCHEDULED },
      { label: labels.erlang, colour: ERLANG, dash: 'dashed' },
      { label: labels.over, colour: OVER, point: true },
      { label: labels.under, colour: UNDER, point: true },
    ]);
    // A step holds its value to the interval's end: the last interval closes at 24:00.
    const x = [...series.intervals.map(hours), 24];
    const close = (values: number[]) => [...values, values[values.length - 1]];
    const stepped = uPlot.paths.stepped!({ align: 1 });
    const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({ label, stroke, width: 2, dash, paths: stepped, points: { show: false } });
    const most = Math.max(1, ...series.required, ...series.scheduled, ...series.erlang);
    this.plot = new uPlot(
      {
        width: this.width(),
        height: HEIGHT,
        cursor: { drag: { x: false, y: false } },
        legend: { show: false },
        scales: { x: { time: false, range: [0, 24] }, y: { range: [0, Math.ceil(most * 1.1)] } },
        axes: [
          { ...AXIS_STYLE, values: (_u, splits) => splits.map(hourTicks), incrs: [3, 6, 12], size: 30 },
          { ...AXIS_STYLE, values: (_u, splits) => splits.map(formatInteger), size: 44 },
        ],
        series: [{}, line(labels.required, REQUIRED), line(labels.scheduled, SCHEDULED), line(labels.erlang, ERLANG, [6, 4])],
        hooks: { drawSeries: [(u, index) => index === 1 && shadeGap(u, series)] },
      },
      [x, close(series.required), close(series.scheduled), close(series.erlang)],
      this.host,
    );
  }

  resize(): void {
    this.plot?.setSize({ width: this.width(), height: HEIGHT });
  }

  get canvas(): HTMLCanvasElement | null {
    return this.plot?.ctx.canvas ?? null;
  }

  private width(): number {
    return Math.max(200, this.host.clientWidth || 300);
  }
}

/** Each interval's gap between required and scheduled, as a box coloured by its sign. */
function shadeGap(u: uPlot, series: StaffingSeries): void {
  const context = u.ctx;
  context.save();
  series.intervals.forEach((start, i) => {
    const gap = series.scheduled[i] - series.required[i];
    if (gap === 0) return;
    const left = u.valToPos(hours(start), 'x', true);
    const right = u.valToPos(i + 1 < series.intervals.length ? hours(series.intervals[i + 1]) : 24, 'x', true);
    const top = u.valToPos(Math.max(series.scheduled[i], series.required[i]), 'y', true);
    const bottom = u.valToPos(Math.min(series.scheduled[i], series.required[i]), 'y', true);
    context.fillStyle = gap > 0 ? OVER : UNDER;
    context.fillRect(left, top, right - left, bottom - top);
  });
  context.restore();
}
