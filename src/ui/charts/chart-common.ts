/**
 * What the side panel's charts share: the plot height the page sets so every chart fits, the
 * one-line legend above a chart, and whole-number tick steps for counts.
 */
import 'uplot/dist/uPlot.min.css';
import { h } from '../dom';

/** Tick steps for axes of counts (items, dials): whole numbers only, so small counts do not read "4, 4, 5, 5". */
export const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

/** A one-line legend above a chart of two series or more: a short line sample in each series' colour and dash. */
export function legendLine(host: HTMLElement, entries: { label: string; colour: string; dash?: 'dashed' | 'dotted'; point?: boolean }[]): void {
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
  // A single series needs no key: the chart's title says what it is, and the plot keeps the height.
  (legend as HTMLElement).hidden = host.hidden || entries.length < 2;
}

/** Every chart's axes: muted ticks and grid, and tick labels of 14 px, readable from the back of a room. */
export const AXIS_STYLE = {
  stroke: '#a9b6c4',
  font: '14px system-ui, Segoe UI, Roboto, Arial, sans-serif',
  grid: { stroke: '#2c3b50', width: 1 },
  ticks: { stroke: '#2c3b50' },
} as const;

/** Plot height in pixels, set by the page so that every chart shown fits the side panel. */
let plotHeight = 120;

export function setChartHeight(px: number): void {
  plotHeight = Math.max(60, Math.min(400, Math.round(px)));
}

export function chartHeight(): number {
  return plotHeight;
}
