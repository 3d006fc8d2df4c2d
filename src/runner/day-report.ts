/**
 * The run report's `days[]`: for each simulated day its date and weekday (run-calendar.ts) and
 * the day's KPIs, each as { mean, ci95 } across replications like the whole-run figures. Calls
 * count on the day they arrived (the per-interval rule), warm-up intervals are left out, so the
 * days' counts add up to the whole run's. The back office's figures are its day records: items
 * arrived and completed that day, the on-time rate of those completed, the backlog at the day's end.
 */
import { DAY_SEC } from '../model/scenario/calendar-schema';
import { RunCalendar } from '../model/scenario/run-calendar';
import type { Scenario } from '../model/scenario/scenario-schema';
import type { Weekday } from '../model/scenario/calendar-schema';
import type { IntervalRecord } from '../model/voice/voice-model';
import { addQueueCounters, deriveQueueKpis, emptyQueueCounters, type QueueCounters, type QueueKpis } from '../model/voice/queue-counters';
import { deriveBackOfficeKpis, type BackOfficeKpis } from '../model/backoffice/backoffice-counters';
import type { BackOfficeDayRecord } from '../model/backoffice/backoffice-records';
import { RecordAccumulator, type Estimate } from './statistics';

const QUEUE_DAY_KPIS = ['offered', 'answered', 'abandoned', 'serviceLevel', 'asa', 'occupancy'] as const;
const BACK_OFFICE_DAY_KPIS = ['arrived', 'completed', 'onTimeRate', 'backlogAtEnd'] as const;

export type QueueDayKpis = Pick<QueueKpis, (typeof QUEUE_DAY_KPIS)[number]>;
export type BackOfficeDayKpis = Pick<BackOfficeKpis, (typeof BACK_OFFICE_DAY_KPIS)[number]>;

/** One replication's days: per day, each queue's KPIs and the back office's (null on a day it did not measure). */
export interface DaySample {
  queues: QueueDayKpis[];
  backOffice: BackOfficeDayKpis | null;
}

export interface DayReport {
  /** 1 = the first day of the run. */
  day: number;
  /** "YYYY-MM-DD", or null when the scenario gives no start date. */
  date: string | null;
  weekday: Weekday;
  /** Present on the site's public holidays. */
  holiday?: true;
  queues: Record<string, { [K in keyof QueueDayKpis]: Estimate }>;
  /** The whole back office that day (absent without a back office, and on days inside the warm-up). */
  backOffice?: { [K in keyof BackOfficeDayKpis]: Estimate };
}

const pick = <T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((key) => [key, record[key]])) as Pick<T, K>;

/** The days a report lists: every day that ends after the warm-up. */
function measuredDays(scenario: Scenario): { first: number; count: number } {
  const first = Math.floor(((scenario.warmupMin ?? 0) * 60) / DAY_SEC);
  return { first, count: Math.ceil(scenario.days) - first };
}

/** Gathers one replication's days from the Site's observers. */
export class DayRecorder {
  private readonly first: number;
  private readonly counters: QueueCounters[][];
  private readonly backOffice: (BackOfficeDayKpis | null)[];

  constructor(private readonly scenario: Scenario) {
    const { first, count } = measuredDays(scenario);
    this.first = first;
    this.counters = Array.from({ length: count }, () => scenario.queues.map(emptyQueueCounters));
    this.backOffice = new Array<BackOfficeDayKpis | null>(count).fill(null);
  }

  readonly voiceIntervalClosed = (record: IntervalRecord): void => {
    if (record.isWarmup) return;
    const day = this.counters[Math.floor(record.startSec / DAY_SEC) - this.first];
    record.queues.forEach((counters, q) => addQueueCounters(day[q], counters));
  };

  readonly backOfficeDayClosed = (record: BackOfficeDayRecord): void => {
    const index = record.index - this.first;
    if (record.isWarmup || index < 0 || index >= this.backOffice.length) return;
    this.backOffice[index] = pick(deriveBackOfficeKpis(record.total), BACK_OFFICE_DAY_KPIS);
  };

  samples(): DaySample[] {
    return this.counters.map((queues, d) => ({
      queues: queues.map((counters) => pick(deriveQueueKpis(counters), QUEUE_DAY_KPIS)),
      backOffice: this.scenario.backOffice ? this.backOffice[d] : null,
    }));
  }
}

/** The days of the report, gathered a replication at a time. */
export class DayAccumulator {
  private readonly queues: RecordAccumulator<QueueDayKpis>[][];
  private readonly backOffice: RecordAccumulator<BackOfficeDayKpis>[];

  constructor(private readonly scenario: Scenario) {
    const { count } = measuredDays(scenario);
    this.queues = Array.from({ length: count }, () => scenario.queues.map(() => new RecordAccumulator<QueueDayKpis>()));
    this.backOffice = Array.from({ length: count }, () => new RecordAccumulator<BackOfficeDayKpis>());
  }

  add(days: readonly DaySample[]): void {
    days.forEach((sample, d) => {
      sample.queues.forEach((kpis, q) => this.queues[d][q].add(kpis));
      if (sample.backOffice) this.backOffice[d].add(sample.backOffice);
    });
  }

  report(): DayReport[] {
    const { scenario } = this;
    const calendar = new RunCalendar(scenario);
    const { first } = measuredDays(scenario);
    return this.queues.map((queueDays, d) => {
      const index = first + d;
      const office = this.backOffice[d].estimates();
      return {
        day: index + 1,
        date: calendar.isoDate(index),
        weekday: calendar.weekdayName(index),
        ...(calendar.isHoliday(index) ? { holiday: true as const } : {}),
        queues: Object.fromEntries(scenario.queues.map((queue, q) => [queue.id, queueDays[q].estimates()])),
        ...(Object.keys(office).length > 0 ? { backOffice: office } : {}),
      };
    });
  }
}
