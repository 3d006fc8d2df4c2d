/**
 * The KPIs a planner compares configurations on, read from one replication's result: per queue
 * (in total and per interval) service level, service level excluding short abandons, ASA,
 * abandon and blocked rates, occupancy; per agent group occupancy (total and per interval); per
 * campaign dials, right-party contacts per hour and the abandon rate against its cap; per work
 * type and for the whole back office the on-time rate, backlog at end, cycle time and oldest
 * age; and the cost in total, per call, per item and per paid hour. Each says which direction
 * is better, so a comparison can give a verdict.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { scenarioCosts } from '../model/scenario/scenario-schema';
import { DAY_SEC } from '../model/scenario/calendar-schema';
import type { BackOfficeKpis } from '../model/backoffice/backoffice-counters';
import type { QueueKpis } from '../model/voice/queue-counters';
import type { BetterDirection } from './paired-comparison';
import { clockLabel, type ReplicationResult } from './run-replications';

export type KpiSection = 'queue' | 'group' | 'campaign' | 'work-type' | 'back-office' | 'cost';

export interface KpiRow {
  section: KpiSection;
  id: string;
  kpi: string;
  /** 'total' for the whole run, else the interval's start of day, 'HH:MM'. */
  interval: string;
  better: BetterDirection;
  /** A regulated ceiling the KPI is held against (an outbound campaign's abandon cap). */
  cap?: number;
}

export interface KpiCatalog {
  rows: KpiRow[];
  /** The rows' values in one replication, in the order of `rows`. */
  read(result: ReplicationResult): (number | null)[];
}

export const rowKey = (row: KpiRow) => `${row.section}|${row.id}|${row.kpi}|${row.interval}`;

const QUEUE_KPIS: [keyof QueueKpis, BetterDirection][] = [
  ['serviceLevel', 'higher'],
  ['serviceLevelExShortAbandons', 'higher'],
  ['asa', 'lower'],
  ['abandonRate', 'lower'],
  ['blockingRate', 'lower'],
  ['occupancy', 'neither'],
];
const BACK_OFFICE_KPIS: [keyof BackOfficeKpis, BetterDirection][] = [
  ['onTimeRate', 'higher'],
  ['backlogAtEnd', 'lower'],
  ['meanCycleTimeSec', 'lower'],
  ['oldestAgeAtEndSec', 'lower'],
];

export function kpiCatalog(scenario: Scenario): KpiCatalog {
  const rows: KpiRow[] = [];
  const readers: ((result: ReplicationResult) => number | null)[] = [];
  const add = (row: KpiRow, reader: (result: ReplicationResult) => number | null) => {
    rows.push(row);
    readers.push(reader);
  };
  const intervalsPerDay = DAY_SEC / (scenario.reportIntervalMin * 60);
  const label = (i: number) => clockLabel(i * scenario.reportIntervalMin * 60);

  scenario.queues.forEach((queue, q) => {
    for (const [kpi, better] of QUEUE_KPIS) add({ section: 'queue', id: queue.id, kpi, interval: 'total', better }, (r) => r.totals[q][kpi]);
    for (let i = 0; i < intervalsPerDay; i++) {
      for (const [kpi, better] of QUEUE_KPIS) add({ section: 'queue', id: queue.id, kpi, interval: label(i), better }, (r) => r.intervals[q][i][kpi]);
    }
  });
  scenario.agentGroups.forEach((group, g) => {
    add({ section: 'group', id: group.id, kpi: 'occupancy', interval: 'total', better: 'neither' }, (r) => r.groups[g].occupancy);
    for (let i = 0; i < intervalsPerDay; i++) {
      add({ section: 'group', id: group.id, kpi: 'occupancy', interval: label(i), better: 'neither' }, (r) => r.groupIntervals[g][i].occupancy);
    }
  });
  (scenario.campaigns ?? []).forEach((campaign, c) => {
    const cap = campaign.abandonCap ?? 0.03;
    add({ section: 'campaign', id: campaign.id, kpi: 'dials', interval: 'total', better: 'higher' }, (r) => r.campaigns[c].dials);
    add({ section: 'campaign', id: campaign.id, kpi: 'rightPartyContactsPerHour', interval: 'total', better: 'higher' }, (r) => {
      const { rightPartyRate, dialsPerHour } = r.campaigns[c];
      return rightPartyRate === null || dialsPerHour === null ? null : rightPartyRate * dialsPerHour;
    });
    add({ section: 'campaign', id: campaign.id, kpi: 'abandonRate', interval: 'total', better: 'lower', cap }, (r) => r.campaigns[c].abandonRate);
    add({ section: 'campaign', id: campaign.id, kpi: 'worst24hAbandonRate', interval: 'total', better: 'lower', cap }, (r) => r.worst24hAbandonRates[c]);
  });
  scenario.backOffice?.workTypes.forEach((workType, w) => {
    for (const [kpi, better] of BACK_OFFICE_KPIS) add({ section: 'work-type', id: workType.id, kpi, interval: 'total', better }, (r) => r.backOffice!.workTypes[w][kpi]);
  });
  if (scenario.backOffice) {
    for (const [kpi, better] of BACK_OFFICE_KPIS) add({ section: 'back-office', id: 'all', kpi, interval: 'total', better }, (r) => r.backOffice!.total[kpi]);
  }
  if (scenarioCosts(scenario)) {
    // Per call and per item only where the scenario has calls or items.
    const kpis = ['total', ...(scenario.queues.length > 0 ? ['costPerCallHandled' as const] : []), ...(scenario.backOffice ? ['costPerItemCompleted' as const] : []), 'costPerPaidHour'] as const;
    for (const kpi of kpis) add({ section: 'cost', id: 'all', kpi, interval: 'total', better: 'lower' }, (r) => r.cost!.report[kpi]);
  }
  return { rows, read: (result) => readers.map((reader) => reader(result)) };
}
