/**
 * The run report as CSV in long form: one row per queue, interval and KPI, so a spreadsheet
 * pivot or `grep` can slice it. The interval column says `total` for the whole run.
 */
import type { KpiEstimates, RunReport } from '../runner/run-replications';

const HEADER = 'queue,interval,kpi,mean,ci95';

export function reportToCsv(report: RunReport): string {
  const rows = [HEADER];
  const cell = (v: number | null) => (v === null ? '' : String(v));
  const add = (queueId: string, interval: string, kpis: KpiEstimates) => {
    for (const [name, value] of Object.entries(kpis)) {
      if (value && typeof value === 'object' && 'mean' in value) rows.push(`${queueId},${interval},${name},${cell(value.mean)},${cell(value.ci95)}`);
    }
  };
  for (const [queueId, queue] of Object.entries(report.queues)) {
    add(queueId, 'total', queue);
    for (const interval of queue.intervals) add(queueId, interval.start, interval);
  }
  return `${rows.join('\n')}\n`;
}
