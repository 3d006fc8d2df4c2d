/**
 * A duration distribution as the form shows it: its kind, mean and coefficient of variation, in
 * the unit its field names carry (`meanSec`, `meanMin`, `meanHours`). Changing the kind keeps the
 * mean, so switching exponential → gamma is one click and not a rewrite; kinds the form does not
 * offer (uniform, empirical …) are edited in the JSON tab.
 */
export const FORM_KINDS = ['exponential', 'deterministic', 'lognormal', 'gamma'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export type TimeUnit = 'Sec' | 'Min' | 'Hours';

export interface DurationSummary {
  /** One of FORM_KINDS, or null when the distribution is of another kind (or none). */
  readonly kind: FormKind | null;
  readonly mean: number | null;
  /** The cv of a lognormal or gamma; null for the other kinds. */
  readonly cv: number | null;
}

type Duration = Record<string, unknown>;

/** The form's view of a duration object (anything else reads as no kind). */
export function summarizeDuration(duration: unknown, unit: TimeUnit): DurationSummary {
  if (duration === null || typeof duration !== 'object') return { kind: null, mean: null, cv: null };
  const d = duration as Duration;
  const kind = FORM_KINDS.find((k) => k === d.kind) ?? null;
  const number = (v: unknown) => (typeof v === 'number' ? v : null);
  const mean = kind === 'deterministic' ? number(d[`value${unit}`]) : number(d[`mean${unit}`]);
  return { kind, mean, cv: kind === 'lognormal' || kind === 'gamma' ? number(d.cv) : null };
}

/** The distribution with another kind, keeping its mean (and a cv of 1, an exponential's, when it had none). */
export function withKind(duration: unknown, kind: FormKind, unit: TimeUnit): Duration {
  const { mean, cv } = summarizeDuration(duration, unit);
  const m = mean ?? 60;
  if (kind === 'deterministic') return { kind, [`value${unit}`]: m };
  if (kind === 'exponential') return { kind, [`mean${unit}`]: m };
  return { kind, [`mean${unit}`]: m, cv: cv ?? 1 };
}

/** The field of the duration that holds its mean: `valueSec` for a fixed time, else `meanSec` (in the unit given). */
export function meanField(kind: FormKind, unit: TimeUnit): string {
  return kind === 'deterministic' ? `value${unit}` : `mean${unit}`;
}
