/**
 * A live change in words, in the page's language: short for a chart mark ("+3 agents at 10:15"),
 * with the group or team it names for the list of changes so far.
 */
import type { LiveChange } from '../app/live-changes';
import type { MessageKey } from './i18n/en';
import { formatClock, formatDecimal, formatInteger, t } from './i18n/i18n';

/** What the change did, without its time or place: "+3 agents", "Calls 120%", "TV advert". */
export function changeText(change: LiveChange): string {
  return t(`change.${change.kind}` as MessageKey, { value: changeValue(change) });
}

/** The chart mark's label: what, at what time of day. */
export function changeMarkText(change: LiveChange): string {
  return t('changes.at', { what: changeText(change), time: formatClock(change.atSec, false) });
}

/** The list's line: what, and the group, team, queue or work type it named. */
export function changeListText(change: LiveChange): string {
  return change.where === '' ? changeText(change) : t('changes.where', { what: changeText(change), where: change.where });
}

function changeValue(change: LiveChange): string {
  const { kind, value } = change;
  if (typeof value === 'string') return kind === 'dialer' ? t(`whatif.mode.${value}` as MessageKey) : t(`events.rule.${value}` as MessageKey);
  if (kind === 'agents' || kind === 'clerks') return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatInteger(Math.abs(value))}`;
  if (kind === 'call-volume' || kind === 'aht' || kind === 'patience' || kind === 'item-volume') return t('whatif.percent', { value: formatInteger(value) });
  return kind === 'tv-advert' ? formatDecimal(value) : formatInteger(value);
}
