/**
 * What the side panel's charts share: the plot height the page sets so every chart fits, the
 * one-line legend above a chart, whole-number tick steps for counts, and the marks of live changes.
 */
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
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

/** A change marked on a chart: where on the x axis, and what it says ("+3 agents at 10:15"). */
export interface ChartMark {
  readonly x: number;
  readonly label: string;
}

const MARK_COLOUR = '#f0e442';
const MARK_FONT_PX = 14;

/**
 * Draws marks over a plot: a dashed vertical line at each mark's x with its label at the top,
 * on a dark box, in 14 CSS px like the axes. Labels that would overlap the one before drop a
 * row. The host's `data-marks` lists the labels drawn (those inside the plot), for the tests.
 */
export function marksPlugin(host: HTMLElement, marks: () => readonly ChartMark[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          const ratio = uPlot.pxRatio;
          const { left, top, width, height } = u.bbox;
          const drawn: string[] = [];
          const rowHeight = (MARK_FONT_PX + 6) * ratio;
          const rows = Math.max(1, Math.floor(height / rowHeight));
          const rowEnds: number[] = [];
          ctx.save();
          ctx.font = `${MARK_FONT_PX * ratio}px system-ui, Segoe UI, Roboto, Arial, sans-serif`;
          ctx.textBaseline = 'top';
          for (const mark of marks()) {
            const x = u.valToPos(mark.x, 'x', true);
            if (!(x >= left && x <= left + width)) continue;
            drawn.push(mark.label);
            ctx.strokeStyle = MARK_COLOUR;
            ctx.lineWidth = 2 * ratio;
            ctx.setLineDash([4 * ratio, 3 * ratio]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            const textWidth = ctx.measureText(mark.label).width + 8 * ratio;
            // Right of the line, or left of it near the plot's right edge.
            const boxX = x + textWidth <= left + width ? x : Math.max(left, x - textWidth);
            let row = rowEnds.findIndex((end) => end <= boxX);
            if (row < 0) row = Math.min(rowEnds.length, rows - 1);
            rowEnds[row] = boxX + textWidth + 4 * ratio;
            const boxY = top + row * rowHeight;
            ctx.setLineDash([]);
            ctx.fillStyle = 'rgba(15, 23, 34, 0.85)';
            ctx.fillRect(boxX, boxY, textWidth, rowHeight - 2 * ratio);
            ctx.fillStyle = MARK_COLOUR;
            ctx.fillText(mark.label, boxX + 4 * ratio, boxY + 2 * ratio);
          }
          ctx.restore();
          host.dataset.marks = drawn.join('\n');
        },
      ],
    },
  };
}
