/**
 * What the back office hands out: the records of each reporting period and day, the calls of
 * customers whose item went late, the hours each team worked (for costs), and the options a
 * caller passes to receive them.
 */
import type { Simulation } from '../../engine/simulation';
import { DAY_SEC } from '../scenario/calendar-schema';
import type { Weekday } from './backoffice-schema';
import type { BackOfficeCounters } from './backoffice-counters';
import type { BackOfficeEventListener } from './backoffice-events';

/** A reporting period's counters: per work type and for the whole back office. */
export interface BackOfficePeriodRecord {
  readonly index: number;
  readonly startSec: number;
  readonly endSec: number;
  /** True for periods that start inside the warm-up, which no total includes. */
  readonly isWarmup: boolean;
  readonly workTypes: BackOfficeCounters[];
  readonly total: BackOfficeCounters;
}

export interface BackOfficeDayRecord extends BackOfficePeriodRecord {
  /** 1 = the first day (a Monday). */
  readonly dayNumber: number;
  readonly weekday: Weekday;
  readonly isBusinessDay: boolean;
  readonly isHoliday: boolean;
  /** Per work type, items not completed at the day's end counted by age, in the buckets of AGE_BUCKET_UPPER_SEC. */
  readonly openByAgeAtEnd: number[][];
}

/** Upper bounds of the age buckets of `openByAgeAtEnd`: < 4 h, < 8 h, < 1 day, < 2 days, < 5 days, and older. */
export const AGE_BUCKET_UPPER_SEC: readonly number[] = [4 * 3600, 8 * 3600, DAY_SEC, 2 * DAY_SEC, 5 * DAY_SEC];

export interface FailureDemandCall {
  readonly timeSec: number;
  readonly queueId: string;
  readonly itemId: number;
  readonly workTypeId: string;
}

export interface TeamUsage {
  readonly teamId: string;
  readonly locationId: string | undefined;
  readonly clerks: number;
  /** Clerk-hours on shift so far (paid time). */
  readonly paidHours: number;
  /** Clerk-hours processing or checking so far. */
  readonly productiveHours: number;
}

export interface BackOfficeModelOptions {
  /** Shares a clock with other models (the voice model); a fresh one when absent. */
  sim?: Simulation;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Replication number: replications of one seed draw from independent streams. */
  replication?: number;
  listener?: BackOfficeEventListener;
  /** Receives each reporting interval (scenario.reportIntervalMin) as it ends. */
  onIntervalClosed?: (record: BackOfficePeriodRecord) => void;
  /** Receives each day as it ends (at midnight, or at the end of the run). */
  onDayClosed?: (record: BackOfficeDayRecord) => void;
  /** Called when the customer of a late item calls: the hook that feeds the phone queue. */
  onFailureDemand?: (call: FailureDemandCall) => void;
}
