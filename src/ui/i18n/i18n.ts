/**
 * The page's language: which dictionary is active, `t()` to look a string up, and locale-aware
 * number and duration formatting through Intl. The choice is remembered in localStorage and can
 * change at any time; views subscribe with `onLanguageChange` and redraw their text.
 */
import { en, type Dictionary, type MessageKey } from './en';
import { sw } from './sw';

export type Language = 'en' | 'sw';

const DICTIONARIES: Record<Language, Dictionary> = { en, sw };
/** BCP 47 tags for Intl: Kenyan/Tanzanian Kiswahili and British-style English. */
const LOCALES: Record<Language, string> = { en: 'en-GB', sw: 'sw-KE' };
const STORAGE_KEY = 'kituo.language';

export const LANGUAGES: readonly Language[] = ['en', 'sw'];

let current: Language = readStoredLanguage();
let formatters = makeFormatters(current);
const listeners: (() => void)[] = [];

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'sw') return stored;
  } catch {
    // Storage may be unavailable (privacy mode); fall back to the browser's language.
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('sw') ? 'sw' : 'en';
}

function makeFormatters(language: Language) {
  const locale = LOCALES[language];
  return {
    integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    decimal1: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    percent0: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
    percent1: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    twoDigits: new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }),
  };
}

export function language(): Language {
  return current;
}

export function locale(): string {
  return LOCALES[current];
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  formatters = makeFormatters(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but still switched.
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): void {
  listeners.push(listener);
}

/** The active language's string for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = DICTIONARIES[current][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The name of an agent state, known to the dictionary or not (a new model state shows as itself). */
export function stateLabel(state: string): string {
  const key = `state.${state}` as MessageKey;
  return key in en ? t(key) : state;
}

export function formatInteger(value: number): string {
  return formatters.integer.format(value);
}

export function formatDecimal(value: number): string {
  return formatters.decimal1.format(value);
}

/** A ratio in [0, 1] as a percentage; null (no calls) as a dash, never as 0%. */
export function formatPercent(value: number | null, digits: 0 | 1 = 0): string {
  if (value === null || !Number.isFinite(value)) return t('value.none');
  return (digits === 0 ? formatters.percent0 : formatters.percent1).format(value);
}

/** A duration in seconds, as "42 s", "3 min 05 s" or "2 h 10 min"; null as a dash. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('value.none');
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('unit.sec', { value: formatters.integer.format(s) });
  if (s < 3600) return t('unit.minSec', { min: formatters.integer.format(Math.floor(s / 60)), sec: formatters.twoDigits.format(s % 60) });
  if (s >= 86400) return t('unit.dayHour', { day: formatters.integer.format(Math.floor(s / 86400)), hour: formatters.integer.format(Math.floor((s % 86400) / 3600)) });
  return t('unit.hourMin', { hour: formatters.integer.format(Math.floor(s / 3600)), min: formatters.twoDigits.format(Math.floor((s % 3600) / 60)) });
}

/** Time of day hh:mm or hh:mm:ss from simulated seconds (the scenario starts at 00:00). */
export function formatClock(seconds: number, withSeconds = true): string {
  const s = Math.floor(seconds) % 86400;
  const two = formatters.twoDigits;
  const hm = `${two.format(Math.floor(s / 3600))}:${two.format(Math.floor((s % 3600) / 60))}`;
  return withSeconds ? `${hm}:${two.format(s % 60)}` : hm;
}

/** "Day 3 10:15:00" for simulated seconds since the start. */
export function formatDayClock(seconds: number): string {
  return `${t('clock.day', { day: formatters.integer.format(Math.floor(seconds / 86400) + 1) })} ${formatClock(seconds)}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in a currency (ISO code from the scenario), per locale; whole units from 100 up. */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return t('value.none');
  const whole = Math.abs(value) >= 100;
  const key = `${locale()}|${currency}|${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale(), { style: 'currency', currency, maximumFractionDigits: whole ? 0 : 2, minimumFractionDigits: whole ? 0 : 2 });
    } catch {
      format = new Intl.NumberFormat(locale(), { maximumFractionDigits: whole ? 0 : 2 });
    }
    moneyFormats.set(key, format);
  }
  return format.format(value);
}
