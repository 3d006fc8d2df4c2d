/**
 * What the Plan view derives from a comparison (compare-configurations.ts), free of the DOM so
 * it is tested in Node: the rows its table shows (the whole run, or one KPI interval by
 * interval), the per-interval series its chart draws, the CSV and JSON it downloads, and the
 * time a batch still needs.
 */
import type { ComparedKpi, ComparisonReport } from '../runner/compare-configurations';
import type { PairedDifference } from '../runner/paired-comparison';
import type { Estimate } from '../runner/statistics';

/** Variants the page compares with A at once: B, C and D. */
export const MAX_VARIANTS = 3;

/** A configuration's letter in the page: A the baseline, then B, C, D. */
export const configurationLetter = (index: number) => String.fromCharCode(65 + index);

/** The rows for the whole run (per-interval rows open on demand, see intervalRows). */
export function totalRows(report: ComparisonReport): ComparedKpi[] {
  return report.kpis.filter((kpi) => kpi.interval === 'total');
}

/** The queue KPIs a planner opens interval by interval. */
export const INTERVAL_KPIS = ['serviceLevel', 'asa', 'abandonRate'] as const;
export type IntervalKpi = (typeof INTERVAL_KPIS)[number];

export interface IntervalRow {
  /** The interval's start of day, 'HH:MM'. */
  interval: string;
  /** The row itself, for the unit of its figures. */
  kpi: ComparedKpi;
  baseline: Estimate | null;
  variant: Estimate | null;
  /** variant − baseline, paired per replication. */
  difference: PairedDifference | null;
}

/**
 * One queue KPI of A and of one variant, interval by interval, over the hours calls came (an
 * interval where neither configuration has a value, the night, is left out), so the table a
 * planner opens is the working day, not 96 rows of dashes.
 */
export function intervalRows(report: ComparisonReport, queueId: string, kpi: IntervalKpi, variant: number): IntervalRow[] {
  if (variant < 1 || variant >= report.configurations.length) throw new RangeError(`variant ${variant} is not one of the ${report.configurations.length - 1} compared with A`);
  return report.kpis
    .filter((row) => row.section === 'queue' && row.id === queueId && row.kpi === kpi && row.interval !== 'total')
    .filter((row) => row.configurations[0]?.mean != null || row.configurations[variant]?.mean != null)
    .map((row) => ({ interval: row.interval, kpi: row, baseline: row.configurations[0], variant: row.configurations[variant], difference: row.differences[variant] }));
}

export interface IntervalSeries {
  /** Each interval's start of day, 'HH:MM'. */
  intervals: string[];
  /** Per configuration: the mean and its 95% band per interval (null where no call finished). */
  configurations: { mean: (number | null)[]; low: (number | null)[]; high: (number | null)[] }[];
}

/** A queue's interval-by-interval service level for every configuration, with its 95% band. */
export function serviceLevelSeries(report: ComparisonReport, queueId: string): IntervalSeries {
  const rows = report.kpis.filter((kpi) => kpi.section === 'queue' && kpi.id === queueId && kpi.kpi === 'serviceLevel' && kpi.interval !== 'total');
  return {
    intervals: rows.map((row) => row.interval),
    configurations: report.configurations.map((_, c) => {
      const estimates = rows.map((row) => row.configurations[c]);
      const band = (sign: 1 | -1) => estimates.map((e) => (e?.mean == null ? null : e.ci95 === null ? e.mean : e.mean + sign * e.ci95));
      return { mean: estimates.map((e) => e?.mean ?? null), low: band(-1), high: band(1) };
    }),
  };
}

const csvField = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * One line per KPI and interval, the configurations side by side (a spreadsheet's layout, where
 * the CLI's CSV has one line per configuration): each one's mean and half-width, then each
 * alternative's difference from the baseline, its half-width and verdict.
 */
export function comparisonCsv(report: ComparisonReport): string {
  const names = report.configurations.map((_, c) => configurationLetter(c));
  const header = [
    'section',
    'id',
    'kpi',
    'interval',
    'better',
    ...names.flatMap((name) => [`${name} mean`, `${name} ci95`]),
    ...names.slice(1).flatMap((name) => [`${name}-A difference`, `${name}-A ci95`, `${name} verdict`]),
  ];
  const lines = [header.map(csvField).join(',')];
  for (const kpi of report.kpis) {
    lines.push(
      [
        kpi.section,
        kpi.id,
        kpi.kpi,
        kpi.interval,
        kpi.better,
        ...kpi.configurations.flatMap((e) => [e?.mean, e?.ci95]),
        ...kpi.differences.slice(1).flatMap((d) => [d?.mean, d?.ci95, d?.verdict]),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Seconds a batch still needs at the pace so far; null before the first result. */
export function remainingSeconds(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return ((total - done) * elapsedMs) / done / 1000;
}
