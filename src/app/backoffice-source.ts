/**
 * The back office's wallboard books: the model's own KPI code's figures (deriveBackOfficeKpis) for
 * the wallboard, and the closed periods and days for the chart. The room's snapshot is the
 * model's (src/model/backoffice/backoffice-view.ts, through the Site's views).
 *
 * "Today" figures are differences of the model's live counters taken exactly at midnight (the
 * session stops the shared clock at every boundary), flows and time integrals subtracted, stocks
 * taken as they are now. Nothing is counted here.
 */
import { IntervalSeries } from './interval-series';
import type { BackOfficeModel } from '../model/backoffice/backoffice-model';
import type { BackOfficePeriodRecord } from '../model/backoffice/backoffice-records';
import { deriveBackOfficeKpis, emptyBackOfficeCounters, subtractBackOfficeCounters, type BackOfficeCounters } from '../model/backoffice/backoffice-counters';
import { DAY_SEC } from '../model/scenario/calendar-schema';
import type { BackOfficeWallboardFigures } from '../model/backoffice/backoffice-snapshot';

/** Closed reporting periods (mean backlog) and days (on-time rate) for the chart, two weeks at most. */
export class BackOfficeHistory {
  readonly periods: IntervalSeries<'meanBacklog'>;
  readonly days = new IntervalSeries<'onTimeRate'>(14, ['onTimeRate']);

  constructor(capacity: number) {
    this.periods = new IntervalSeries(capacity, ['meanBacklog']);
  }

  /** Goes up whenever either series changes. */
  get version(): number {
    return this.periods.version + this.days.version;
  }

  push(record: BackOfficePeriodRecord): void {
    if (!record.isWarmup) this.periods.push(record.startSec, deriveBackOfficeKpis(record.total));
  }

  pushDay(record: BackOfficePeriodRecord): void {
    if (!record.isWarmup) this.days.push(record.startSec, deriveBackOfficeKpis(record.total));
  }
}

export class BackOfficeAdapter {
  readonly history: BackOfficeHistory;
  private dayStart: BackOfficeCounters;

  /** `model` is a Site's back office, already wired to the voice model (blending teams listed). */
  constructor(readonly model: BackOfficeModel) {
    this.history = new BackOfficeHistory(Math.ceil((14 * DAY_SEC) / model.intervalSec));
    this.dayStart = emptyBackOfficeCounters();
  }

  /** Called by the session when the shared clock stops at a reporting boundary. */
  atBoundary(boundarySec: number): void {
    if (boundarySec % DAY_SEC === 0) this.dayStart = this.model.liveTotalCounters();
  }

  finish(): void {
    if (!this.model.isFinished) this.model.runToEnd();
  }

  kpis(_now: number): BackOfficeWallboardFigures {
    const live = this.model.liveTotalCounters();
    const today = deriveBackOfficeKpis(subtractBackOfficeCounters(live, this.dayStart));
    const run = deriveBackOfficeKpis(live);
    return {
      backlog: run.backlogAtEnd,
      oldestAgeSec: run.oldestAgeAtEndSec > 0 ? run.oldestAgeAtEndSec : null,
      onTimeRate: today.onTimeRate,
      completedToday: today.completed,
      utilization: today.utilization,
      onTimeRateRun: run.onTimeRate,
      lateInBacklog: run.lateInBacklog,
      inHand: run.inProgressAtEnd,
      withCustomer: run.pendingAtEnd,
    };
  }
}
