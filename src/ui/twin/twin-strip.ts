/**
 * The strip of differences under twin floors: for each figure both floors have, right − left with
 * its honest sign ("+", "−", or 0), the two values it comes from, and whether the right floor is
 * better or worse, coloured as the wallboards colour good and bad figures.
 */
import { h, setText } from '../dom';
import { formatDecimal, formatInteger, formatMoney, formatPercent, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { TWIN_FIGURES, type TwinDifference, type TwinFigureId } from '../../app/twin-run';

const LABELS: Record<TwinFigureId, MessageKey> = {
  serviceLevelToday: 'wb.slToday',
  abandonedToday: 'twin.abandonedToday',
  backlog: 'wb.backlog',
  onTimeToday: 'wb.onTime',
  costSoFar: 'wb.cost',
};

const RATES: ReadonlySet<TwinFigureId> = new Set(['serviceLevelToday', 'onTimeToday']);

interface Cell {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly difference: HTMLElement;
  /** The two values and the verdict, as one text (one box on the page however it wraps). */
  readonly values: HTMLElement;
}

export class TwinStrip {
  readonly root: HTMLElement;
  private readonly title = h('h3', { class: 'twin-strip-title' });
  private readonly cells = new Map<TwinFigureId, Cell>();

  constructor(back: HTMLElement) {
    const cells = TWIN_FIGURES.map(({ id }) => {
      const cell: Cell = {
        root: h('div', { class: 'twin-cell', id: `twin-diff-${id}` }),
        label: h('div', { class: 'label' }),
        difference: h('b', { class: 'difference' }),
        values: h('div', { class: 'values' }),
      };
      cell.root.append(cell.label, cell.difference, cell.values);
      this.cells.set(id, cell);
      return cell.root;
    });
    this.root = h('section', { class: 'twin-strip', 'aria-live': 'off' }, h('div', { class: 'twin-strip-head' }, this.title, back), ...cells);
    this.applyLanguage();
  }

  applyLanguage(): void {
    setText(this.title, t('twin.strip'));
    for (const [id, cell] of this.cells) setText(cell.label, t(LABELS[id]));
  }

  show(differences: readonly TwinDifference[], currency: string | null): void {
    for (const d of differences) {
      const cell = this.cells.get(d.id)!;
      cell.root.hidden = d.a === null && d.b === null;
      if (cell.root.hidden) continue;
      setText(cell.difference, d.difference === null ? t('value.none') : signed(d.id, d.difference, currency));
      const verdict = d.verdict === null ? '' : `, ${d.verdict === 'same' ? t('twin.same') : t(`plan.verdict.${d.verdict}`)}`;
      setText(cell.values, `${plain(d.id, d.a, currency)} → ${plain(d.id, d.b, currency)}${verdict}`);
      cell.root.classList.toggle('good', d.verdict === 'better');
      cell.root.classList.toggle('bad', d.verdict === 'worse');
    }
  }
}

/** A difference with its sign: "+3", "−12.5 pp", "−US$40"; nothing at all is "0". */
function signed(id: TwinFigureId, x: number, currency: string | null): string {
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  const size = Math.abs(x);
  if (RATES.has(id)) return t('plan.points', { value: sign + formatDecimal(size * 100) });
  if (id === 'costSoFar' && currency) return sign + formatMoney(size, currency);
  return sign + formatInteger(size);
}

function plain(id: TwinFigureId, x: number | null, currency: string | null): string {
  if (x === null) return t('value.none');
  if (RATES.has(id)) return formatPercent(x);
  if (id === 'costSoFar' && currency) return formatMoney(x, currency);
  return formatInteger(x);
}
