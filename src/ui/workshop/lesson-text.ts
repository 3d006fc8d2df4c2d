/** A lesson's texts and figures in the page's language. */
import type { ShownFigure } from '../../app/lesson-reveal';
import type { Bilingual } from '../../model/lesson/lesson-schema';
import { formatClock, formatDecimal, formatDuration, formatInteger, formatMoney, formatPercent, language, t } from '../i18n/i18n';

/** A lesson file's text in the page's language. */
export const say = (text: Bilingual): string => text[language()];

/** "Day 2 17:00": a lesson's moments fall on whole minutes. */
export function dayAndTime(seconds: number): string {
  return `${t('clock.day', { day: formatInteger(Math.floor(seconds / 86400) + 1) })} ${formatClock(seconds, false)}`;
}

/** A revealed figure in the format its lesson names. */
export function formatFigure(figure: Pick<ShownFigure, 'format' | 'value'>, currency: string | null): string {
  const value = figure.value;
  if (value === null) return t('value.none');
  switch (figure.format) {
    case 'percent':
      return formatPercent(value, 1);
    case 'seconds':
      return formatDuration(value);
    case 'hours':
      return `${formatDecimal(value / 3600)} h`;
    case 'count':
      return formatInteger(value);
    case 'money':
      return currency ? formatMoney(value, currency) : formatDecimal(value);
    case 'number':
      return formatDecimal(value);
  }
}
