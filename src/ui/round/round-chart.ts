/**
 * The debrief's small multiples: one team's service level per interval of the day, drawn with
 * uPlot like the Plan view's chart, every team on the same axes (00:00–24:00, 0–100%) so the
 * room compares shapes at a glance.
 */
import uPlot from 'uplot';
import { AXIS_STYLE } from '../charts/chart-common';
import { formatPercent } from '../i18n/i18n';

const COLOUR = '#56b4e9';
const HEIGHT = 220;

/** 'HH:MM' to hours since midnight, the x axis. */
const hours = (label: string) => Number(label.slice(0, 2)) + Number(label.slice(3, 5)) / 60;

export function serviceLevelChart(host: HTMLElement, intervals: readonly string[], serviceLevel: readonly (number | null)[], width: number): uPlot {
  return new uPlot(
    {
      width: Math.max(200, width),
      height: HEIGHT,
      cursor: { show: false },
      legend: { show: false },
      scales: { x: { time: false, range: [0, 24] }, y: { range: [0, 1] } },
      axes: [
        { ...AXIS_STYLE, values: (_u, splits) => splits.map((h) => `${String(Math.floor(h)).padStart(2, '0')}:00`), incrs: [3, 6, 12], size: 30 },
        { ...AXIS_STYLE, values: (_u, splits) => splits.map((v) => formatPercent(v)), incrs: [0.25, 0.5], size: 56 },
      ],
      series: [{}, { stroke: COLOUR, width: 2, points: { show: true, size: 4, fill: COLOUR } }],
    },
    [intervals.map(hours), [...serviceLevel]] as uPlot.AlignedData,
    host,
  );
}
