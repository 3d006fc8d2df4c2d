/**
 * The run report as CSV in long form: one row per section, id, interval and KPI, so a
 * spreadsheet pivot or `grep` can slice it. Sections: queue, group, campaign, work-type,
 * back-office, cost (the whole operation, id `all`), cost-location (id: the location), and the
 * days: queue-day and back-office-day. The interval column says `total` for the whole run, and on
 * a day's row its date (or `day-N` when the scenario gives no start date). Amounts are in the
 * scenario's currency (the JSON's `cost.currency`).
 */
import type { Estimate } from '../runner/statistics';
import type { RunReport } from '../runner/run-replications';

const HEADER = 'section,id,interval,kpi,mean,ci95';

const isEstimate = (value: unknown): value is Estimate => value !== null && typeof value === 'object' && 'mean' in value && 'ci95' in value;

export function reportToCsv(report: RunReport): string {
  const rows = [HEADER];
  const cell = (v: number | null) => (v === null ? '' : String(v));
  const add = (section: string, id: string, interval: string, record: object) => {
    for (const [name, value] of Object.entries(record)) {
      if (isEstimate(value)) rows.push(`${section},${id},${interval},${name},${cell(value.mean)},${cell(value.ci95)}`);
    }
  };
  for (const [id, queue] of Object.entries(report.queues)) {
    add('queue', id, 'total', queue);
    for (const interval of queue.intervals) add('queue', id, interval.start, interval);
  }
  for (const [id, group] of Object.entries(report.groups)) add('group', id, 'total', group);
  for (const [id, campaign] of Object.entries(report.campaigns)) add('campaign', id, 'total', campaign);
  for (const [id, workType] of Object.entries(report.backOffice ?? {})) add('work-type', id, 'total', workType);
  if (report.backOfficeTotal) add('back-office', 'all', 'total', report.backOfficeTotal);
  if (report.cost) {
    add('cost', 'all', 'total', report.cost);
    for (const [id, location] of Object.entries(report.cost.locations)) add('cost-location', id, 'total', location);
  }
  for (const day of report.days) {
    const interval = day.date ?? `day-${day.day}`;
    for (const [id, queue] of Object.entries(day.queues)) add('queue-day', id, interval, queue);
    if (day.backOffice) add('back-office-day', 'all', interval, day.backOffice);
  }
  return `${rows.join('\n')}\n`;
}
