/**
 * A comparison (compare, sweep) as an aligned table for people, or CSV or JSON for tools. The
 * table shows totals (per-interval rows with --intervals): each configuration's mean ± 95%
 * half-width, and each alternative's paired difference from the baseline with its verdict.
 */
import type { ComparedKpi, ComparisonReport } from '../runner/compare-configurations';
import type { Estimate } from '../runner/statistics';
import type { OutputFormat } from './cli-options';

/** A, B, C … for the configurations; #27, #28 … past Z. */
export const configurationName = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : `#${c + 1}`);

export function formatComparison(report: ComparisonReport, format: OutputFormat, intervals: boolean): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return comparisonToCsv(report);
  return comparisonToTable(report, intervals);
}

/** Enough digits to see a difference, not so many that columns drown: 3 significant, whole numbers from 1,000. */
export function formatNumber(x: number): string {
  const size = Math.abs(x);
  if (size >= 1000) return x.toFixed(0);
  if (size >= 100) return x.toFixed(1);
  if (size >= 1 || size === 0) return x.toFixed(2);
  return x.toPrecision(3);
}

function estimateCell(estimate: Estimate | null, signed = false): string {
  if (!estimate || estimate.mean === null) return '—';
  const sign = signed && estimate.mean > 0 ? '+' : '';
  return `${sign}${formatNumber(estimate.mean)}${estimate.ci95 === null ? '' : ` ± ${formatNumber(estimate.ci95)}`}`;
}

function rowLabel(kpi: ComparedKpi): string {
  const where = kpi.section === 'cost' || kpi.section === 'back-office' ? kpi.section : `${kpi.section} ${kpi.id}`;
  return `${where} ${kpi.kpi}${kpi.interval === 'total' ? '' : ` ${kpi.interval}`}${kpi.cap === undefined ? '' : ` (cap ${kpi.cap})`}`;
}

function comparisonToTable(report: ComparisonReport, intervals: boolean): string {
  const names = report.configurations.map((_, c) => configurationName(c));
  const header = ['KPI', ...names, ...names.slice(1).flatMap((name) => [`${name} − A`, `${name}: verdict`])];
  const body = report.kpis
    .filter((kpi) => intervals || kpi.interval === 'total')
    .map((kpi) => [
      rowLabel(kpi),
      ...kpi.configurations.map((estimate) => {
        const over = kpi.cap !== undefined && estimate?.mean != null && estimate.mean > kpi.cap;
        return `${estimateCell(estimate)}${over ? ' over cap' : ''}`;
      }),
      ...kpi.differences.slice(1).flatMap((difference) => [estimateCell(difference, true), difference?.verdict ?? '—']),
    ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const lines = [
    `Comparison on common random numbers: seed ${report.seed}, ${report.replications} replication${report.replications === 1 ? '' : 's'}; mean ± 95% half-width, differences paired per replication.`,
    ...report.configurations.map((c, i) => `  ${names[i]}${i === 0 ? ' (baseline)' : ''}: ${c.label} (${c.scenario})`),
    ...report.notes.map((note) => `Note: ${note}`),
    '',
    line(header),
    ...body.map(line),
  ];
  if (!intervals && report.kpis.some((kpi) => kpi.interval !== 'total')) lines.push('', 'Per-interval rows: --intervals, or --format csv|json.');
  return `${lines.join('\n')}\n`;
}

const csvField = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function comparisonToCsv(report: ComparisonReport): string {
  const rows = ['section,id,interval,kpi,better,configuration,label,mean,ci95,difference,differenceCi95,verdict'];
  for (const kpi of report.kpis) {
    kpi.configurations.forEach((estimate, c) => {
      const difference = kpi.differences[c];
      rows.push(
        [kpi.section, kpi.id, kpi.interval, kpi.kpi, kpi.better, configurationName(c), report.configurations[c].label, estimate?.mean ?? null, estimate?.ci95 ?? null, difference?.mean ?? null, difference?.ci95 ?? null, difference?.verdict ?? null]
          .map(csvField)
          .join(','),
      );
    });
  }
  return `${rows.join('\n')}\n`;
}
