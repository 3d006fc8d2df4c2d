/**
 * The editor's two day charts as SVG: the arrival curve, whose interval bars are dragged up and
 * down (or set with the arrow keys on a focused bar), and the shift timeline, whose bars are
 * dragged to move a shift or by an edge to resize it. The hours and the figures are HTML under
 * the chart, so they read at the page's text size; the SVG draws only bars.
 */
import { h } from '../dom';
import { formatClock, formatDecimal, formatInteger, t } from '../i18n/i18n';
import { DAY_MIN, clockMinutes, moveShift, resizeShift, shiftSpans, type ShiftTimes } from '../../app/editor/shift-edits';

const SVG = 'http://www.w3.org/2000/svg';
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
};

/** Hour marks under a day chart: 00, 03, … 24, each placed at its share of the width. */
function hourAxis(): HTMLElement {
  const axis = h('div', { class: 'ed-axis', 'aria-hidden': 'true' });
  for (let hour = 0; hour <= 24; hour += 3) {
    const mark = h('span', { text: String(hour).padStart(2, '0') });
    mark.style.left = `${(hour / 24) * 100}%`;
    axis.append(mark);
  }
  return axis;
}

/** Where a pointer is across an element, from 0 (left, or bottom) to 1. */
function across(event: PointerEvent, element: Element): { x: number; y: number; width: number } {
  const box = element.getBoundingClientRect();
  return { x: Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, 1 - (event.clientY - box.top) / box.height)), width: box.width };
}

export interface CurveChartOptions {
  /** Names the curve in the page's language (calls or items per interval). */
  readonly label: string;
  readonly unitKey: 'editor.curve.calls' | 'editor.curve.items';
  /** A new value of interval `index`; `gesture` names the drag or key presses it belongs to. */
  readonly onSet: (index: number, value: number, gesture: string) => void;
  /** The drag or key presses are over: the next change is a step of its own. */
  readonly onSeal: () => void;
}

/** The arrival curve: one bar per interval of the day. */
export class CurveChart {
  readonly element: HTMLElement;
  private readonly plot = svg('svg', { class: 'ed-curve', preserveAspectRatio: 'none', role: 'group' });
  private readonly readout = h('p', { class: 'ed-readout', 'aria-live': 'polite' });
  private values: number[] = [];
  private bars: SVGRectElement[] = [];
  private scaleMax = 1;
  private dragging = false;
  private focused = 0;
  private gestures = 0;

  constructor(private readonly options: CurveChartOptions) {
    this.plot.setAttribute('aria-label', options.label);
    this.element = h('div', { class: 'ed-chart' }, this.plot, hourAxis(), this.readout);
    this.plot.addEventListener('pointerdown', (event) => this.startDrag(event));
    this.plot.addEventListener('pointermove', (event) => this.drag(event));
    const stop = () => {
      if (!this.dragging) return;
      this.dragging = false;
      this.options.onSeal();
      this.rescale();
    };
    this.plot.addEventListener('pointerup', stop);
    this.plot.addEventListener('pointercancel', stop);
  }

  /** Shows `values` (unless a drag is under way, which draws its own). */
  show(values: readonly number[]): void {
    if (this.dragging) return;
    const sameLength = values.length === this.values.length;
    this.values = [...values];
    if (!sameLength) {
      // The readout starts at the busiest interval, the one a trainer is most likely to change.
      this.focused = Math.max(0, this.values.indexOf(Math.max(...this.values)));
      this.build();
    }
    this.rescale();
  }

  private build(): void {
    const n = this.values.length;
    this.plot.setAttribute('viewBox', `0 0 ${n} 100`);
    this.bars = this.values.map((_, i) => {
      const bar = svg('rect', { x: i + 0.12, width: 0.76, class: 'ed-bar', role: 'slider', tabindex: i === this.focused ? 0 : -1, 'data-index': i });
      bar.addEventListener('keydown', (event) => this.key(event, i));
      bar.addEventListener('focus', () => this.describe(i));
      bar.addEventListener('blur', () => this.options.onSeal());
      return bar;
    });
    this.plot.replaceChildren(...this.bars);
  }

  private rescale(): void {
    this.scaleMax = Math.max(10, ...this.values) * 1.25;
    this.draw();
  }

  private draw(): void {
    this.values.forEach((value, i) => {
      const height = (Math.max(0, value) / this.scaleMax) * 100;
      const bar = this.bars[i];
      bar.setAttribute('y', String(100 - height));
      bar.setAttribute('height', String(height));
      bar.setAttribute('aria-valuenow', String(value));
      bar.setAttribute('aria-valuetext', this.text(i));
    });
    this.describe(this.focused);
  }

  private text(i: number): string {
    const minutes = DAY_MIN / this.values.length;
    const from = formatClock(i * minutes * 60, false);
    const to = formatClock(((i + 1) * minutes * 60) % (DAY_MIN * 60), false);
    const value = this.values[i];
    const shown = Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
    return t(this.options.unitKey, { from, to: to === '00:00' ? '24:00' : to, value: shown });
  }

  private describe(i: number): void {
    if (this.values.length > 0) this.readout.textContent = this.text(i);
  }

  private setFrom(event: PointerEvent): void {
    const { x, y } = across(event, this.plot);
    const index = Math.min(this.values.length - 1, Math.floor(x * this.values.length));
    // Whole calls unless the scale is small enough for tenths to matter.
    const raw = y * this.scaleMax;
    const value = this.scaleMax > 20 ? Math.round(raw) : Math.round(raw * 10) / 10;
    this.focused = index;
    if (this.values[index] === value) return this.describe(index);
    this.values[index] = value;
    this.draw();
    this.options.onSet(index, value, `drag ${this.gestures}`);
  }

  private startDrag(event: PointerEvent): void {
    if (event.button !== 0 || this.values.length === 0) return;
    event.preventDefault();
    this.plot.setPointerCapture(event.pointerId);
    this.dragging = true;
    this.gestures++;
    this.setFrom(event);
  }

  private drag(event: PointerEvent): void {
    if (this.dragging) this.setFrom(event);
  }

  private key(event: KeyboardEvent, i: number): void {
    const step = (event.shiftKey ? 10 : 1) * (this.scaleMax > 20 ? 1 : 0.1);
    let next = i;
    if (event.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (event.key === 'ArrowRight') next = Math.min(this.values.length - 1, i + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const value = Math.max(0, Math.round((this.values[i] + (event.key === 'ArrowUp' ? step : -step)) * 10) / 10);
      this.values[i] = value;
      this.draw();
      this.options.onSet(i, value, `keys ${i}`);
    } else return;
    event.preventDefault();
    if (next !== i) this.moveFocus(next);
  }

  private moveFocus(next: number): void {
    this.bars[this.focused]?.setAttribute('tabindex', '-1');
    this.focused = next;
    this.bars[next].setAttribute('tabindex', '0');
    this.bars[next].focus();
  }
}

export interface TimelineOptions {
  readonly label: string;
  /** Snap of every move and resize, minutes: the scenario's reporting interval. */
  readonly stepMin: () => number;
  /** Back-office team shifts may run past midnight; voice shifts stay inside the day. */
  readonly crossesMidnight: boolean;
  readonly onChange: (index: number, shift: ShiftTimes, gesture: string) => void;
  readonly onSeal: () => void;
}

/** Shifts as bars on a day: drag a bar to move it, its edge to resize it; arrow keys on a focused bar. */
export class ShiftTimeline {
  readonly element: HTMLElement;
  private readonly plot = svg('svg', { class: 'ed-timeline', preserveAspectRatio: 'none', role: 'group' });
  private shifts: ShiftTimes[] = [];
  private drag: { index: number; mode: 'move' | 'start' | 'end'; from: number; original: ShiftTimes } | null = null;
  private gestures = 0;

  constructor(private readonly options: TimelineOptions) {
    this.plot.setAttribute('aria-label', options.label);
    this.element = h('div', { class: 'ed-chart' }, this.plot, hourAxis());
    this.plot.addEventListener('pointermove', (event) => this.move(event));
    const stop = () => {
      if (!this.drag) return;
      this.drag = null;
      this.options.onSeal();
    };
    this.plot.addEventListener('pointerup', stop);
    this.plot.addEventListener('pointercancel', stop);
  }

  show(shifts: readonly ShiftTimes[]): void {
    if (this.drag) return;
    this.shifts = [...shifts];
    this.draw();
  }

  private draw(): void {
    const rows = Math.max(1, this.shifts.length);
    this.plot.setAttribute('viewBox', `0 0 ${DAY_MIN} ${rows * 10}`);
    this.plot.style.height = `${rows * 26 + 4}px`;
    const active = document.activeElement instanceof SVGElement && this.plot.contains(document.activeElement) ? Number(document.activeElement.dataset.index) : -1;
    const bars = this.shifts.map((shift, index) => {
      const group = svg('g', { class: 'ed-shift', role: 'slider', tabindex: 0, 'data-index': index, 'aria-valuetext': `${shift.start}–${shift.end}` });
      group.setAttribute('aria-label', `${this.options.label} ${index + 1}: ${shift.start}–${shift.end}`);
      for (const [from, to] of shiftSpans(shift)) group.append(svg('rect', { x: from, width: to - from, y: index * 10 + 1.5, height: 7, rx: 1 }));
      group.addEventListener('pointerdown', (event) => this.start(event, index));
      group.addEventListener('keydown', (event) => this.key(event, index));
      group.addEventListener('blur', () => this.options.onSeal());
      return group;
    });
    this.plot.replaceChildren(...bars);
    if (active >= 0) (bars[active] as SVGGElement | undefined)?.focus();
  }

  private minuteAt(event: PointerEvent): number {
    return across(event, this.plot).x * DAY_MIN;
  }

  private start(event: PointerEvent, index: number): void {
    if (event.button !== 0) return;
    event.preventDefault();
    const shift = this.shifts[index];
    const at = this.minuteAt(event);
    // An edge is grabbed within 8 screen pixels of it; elsewhere the bar moves.
    const slack = (8 / this.plot.getBoundingClientRect().width) * DAY_MIN;
    const start = clockMinutes(shift.start);
    const end = clockMinutes(shift.end) || DAY_MIN;
    const mode = Math.abs(at - start) <= slack ? 'start' : Math.abs(at - end) <= slack ? 'end' : 'move';
    this.plot.setPointerCapture(event.pointerId);
    this.gestures++;
    this.drag = { index, mode, from: at, original: shift };
  }

  private move(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    const at = this.minuteAt(event);
    const step = this.options.stepMin();
    const next = drag.mode === 'move' ? moveShift(drag.original, at - drag.from, step, this.options.crossesMidnight) : resizeShift(drag.original, drag.mode, at, step, this.options.crossesMidnight);
    const current = this.shifts[drag.index];
    if (next.start === current.start && next.end === current.end) return;
    this.shifts[drag.index] = next;
    this.draw();
    this.options.onChange(drag.index, next, `drag ${this.gestures}`);
  }

  private key(event: KeyboardEvent, index: number): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = this.options.stepMin();
    const shift = this.shifts[index];
    const delta = event.key === 'ArrowLeft' ? -step : step;
    // Shift + arrow moves the end (longer or shorter); an arrow alone moves the whole shift.
    const next = event.shiftKey ? resizeShift(shift, 'end', (clockMinutes(shift.end) || DAY_MIN) + delta, step, this.options.crossesMidnight) : moveShift(shift, delta, step, this.options.crossesMidnight);
    this.shifts[index] = next;
    this.draw();
    this.options.onChange(index, next, `keys ${index}`);
  }
}
