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
 * on a dark box, in 14 CSS px like the axes: right of the line, else left of it, else broken
 * into two lines at the space that balances them. Labels that would overlap one before drop a
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
          const pad = 4 * ratio;
          const lineHeight = (MARK_FONT_PX + 4) * ratio;
          const rows = Math.max(1, Math.floor(height / lineHeight));
          const rowEnds: number[] = [];
          const drawn: string[] = [];
          ctx.save();
          ctx.font = `${MARK_FONT_PX * ratio}px system-ui, "Segoe UI", Roboto, Arial, sans-serif`;
          ctx.textBaseline = 'top';
          // uPlot leaves the alignment of its last axis label behind.
          ctx.textAlign = 'left';
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
            ctx.setLineDash([]);
            const { lines, boxX, boxWidth } = placeLabel(ctx, mark.label, x, left, left + width, pad);
            let row = 0;
            while (row + lines.length < rows && lines.some((_, k) => (rowEnds[row + k] ?? -Infinity) > boxX)) row++;
            lines.forEach((_, k) => (rowEnds[row + k] = boxX + boxWidth + pad));
            const boxY = top + row * lineHeight;
            ctx.fillStyle = 'rgba(8, 12, 18, 0.9)';
            ctx.fillRect(boxX, boxY, boxWidth, lines.length * lineHeight);
            ctx.fillStyle = MARK_COLOUR;
            lines.forEach((line, k) => ctx.fillText(line, boxX + pad, boxY + 2 * ratio + k * lineHeight));
          }
          ctx.restore();
          host.dataset.marks = drawn.join('\n');
        },
      ],
    },
  };
}

/** Where a mark's label goes beside its line at `x`, between the plot's edges, and in how many lines. */
function placeLabel(ctx: CanvasRenderingContext2D, label: string, x: number, left: number, right: number, pad: number): { lines: string[]; boxX: number; boxWidth: number } {
  const widthOf = (lines: string[]) => Math.max(...lines.map((line) => ctx.measureText(line).width)) + 2 * pad;
  const candidates = [[label], ...twoLines(label)];
  for (const lines of candidates) {
    const boxWidth = widthOf(lines);
    if (x + boxWidth <= right) return { lines, boxX: x, boxWidth };
    if (x - boxWidth >= left) return { lines, boxX: x - boxWidth, boxWidth };
  }
  // Wider than either side even in two lines: on the wider side, against the plot's edge.
  const lines = candidates.at(-1)!;
  const boxWidth = widthOf(lines);
  return { lines, boxX: right - x >= x - left ? Math.max(left, right - boxWidth) : left, boxWidth };
}

/** The label broken at the space that makes its longer half shortest (none without a space). */
function twoLines(label: string): string[][] {
  let best: string[] | null = null;
  for (let i = label.indexOf(' '); i > 0; i = label.indexOf(' ', i + 1)) {
    const split = [label.slice(0, i), label.slice(i + 1)];
    if (!best || Math.max(...split.map((s) => s.length)) < Math.max(...best.map((s) => s.length))) best = split;
  }
  return best ? [best] : [];
}
