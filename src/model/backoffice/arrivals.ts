/**
 * Arrivals: work items arriving as a Poisson stream with a weekly profile, or in batches that land
 * whole at set times of the days the calendar picks. Each item draws everything about itself when
 * it arrives (handling time, whether it is checked and how many checks it fails, its check time,
 * whether and how long it waits for the customer), so two configurations run with one seed meet
 * the same items with the same needs (common random numbers).
 */
import { DAY_SEC } from '../scenario/calendar-schema';
import type { Batch, WorkItem, WorkType } from './backoffice-objects';
import type { BackOfficeState } from './backoffice-state';
import { backlogCount, type Backlogs } from './backlogs';
import type { Lateness } from './lateness';
import type { BatchDelivery } from './backoffice-schema';

/** A batch's landing: its work type and the day it lands on. */
interface BatchLanding {
  readonly workType: WorkType;
  readonly batch: Batch;
  readonly day: number;
}

export class Arrivals {
  constructor(
    private readonly state: BackOfficeState,
    private readonly backlogs: Backlogs,
    private readonly lateness: Lateness,
  ) {}

  /** Schedules each work type's first stream arrival and the first landing of each of its batches. */
  start(): void {
    const start = this.state.startSec;
    for (const workType of this.state.workTypes) {
      if (workType.nextStreamArrivalAfter) this.scheduleNextStreamArrival(workType, start);
      for (const batch of workType.batches) this.scheduleNextBatch(workType, batch, Math.floor(start / DAY_SEC));
    }
  }

  private scheduleNextStreamArrival(workType: WorkType, afterSec: number): void {
    const at = workType.nextStreamArrivalAfter!(afterSec);
    workType.streamEvent = at < this.state.horizonSec ? this.state.sim.scheduleAt(at, this.onStreamArrival, workType) : null;
  }

  /** The work type's stream rate has changed now: the arrival drawn at the old rate is withdrawn and the next drawn from now (a Poisson stream has no memory). */
  redrawStreamArrival(workType: WorkType): void {
    if (workType.streamEvent !== null) this.state.sim.cancel(workType.streamEvent);
    if (workType.nextStreamArrivalAfter) this.scheduleNextStreamArrival(workType, this.state.sim.now);
  }

  /** `count` items of a work type land now, as one batch delivered as a file. */
  dropFile(workType: WorkType, count: number): void {
    const now = this.state.sim.now;
    const firstItemId = this.state.nextItemId;
    let dueSec = now;
    for (let i = 0; i < count; i++) dueSec = this.createItem(workType, now).dueSec;
    this.announceBatch(workType, count, firstItemId, dueSec, 'file');
  }

  private readonly onStreamArrival = (workType: WorkType): void => {
    const now = this.state.sim.now;
    this.scheduleNextStreamArrival(workType, now);
    const item = this.createItem(workType, now);
    this.state.listener?.({
      type: 'item.arrived',
      timeSec: now,
      itemId: item.id,
      workTypeId: workType.id,
      dueSec: item.dueSec,
      backlogCount: backlogCount(workType),
    });
    this.backlogs.offerWork(workType);
  };

  private scheduleNextBatch(workType: WorkType, batch: Batch, fromDay: number): void {
    const { horizonSec, sim, calendar } = this.state;
    for (let day = fromDay; day * DAY_SEC < horizonSec; day++) {
      const time = day * DAY_SEC + batch.atSec;
      if (time < sim.now) continue;
      if (!calendar.batchLandsOn(batch.config, day)) continue;
      if (time < horizonSec) sim.scheduleAt(time, this.onBatch, { workType, batch, day } satisfies BatchLanding);
      return;
    }
  }

  private readonly onBatch = ({ workType, batch, day }: BatchLanding): void => {
    const now = this.state.sim.now;
    this.scheduleNextBatch(workType, batch, day + 1);
    const count = batch.drawSize(workType.dayFactors[day % 7] * workType.volumeFactor);
    if (count <= 0) return;
    const firstItemId = this.state.nextItemId;
    let dueSec = now;
    for (let i = 0; i < count; i++) dueSec = this.createItem(workType, now).dueSec;
    this.announceBatch(workType, count, firstItemId, dueSec, this.state.calendar.batchDelivery(batch.config, now));
  };

  private announceBatch(workType: WorkType, count: number, firstItemId: number, dueSec: number, delivery: BatchDelivery): void {
    const now = this.state.sim.now;
    this.state.listener?.({
      type: 'item.batch-arrived',
      timeSec: now,
      workTypeId: workType.id,
      count,
      firstItemId,
      lastItemId: this.state.nextItemId - 1,
      dueSec,
      backlogCount: backlogCount(workType),
      delivery,
    });
    // Every item of the batch is in the backlog before anyone takes one, so the rule sees them all.
    this.backlogs.offerWork(workType);
  }

  /** Creates an item, draws everything about it, and puts it in the backlog. */
  private createItem(workType: WorkType, now: number): WorkItem {
    const config = workType.config;
    const qc = config.qualityCheck;
    const processSec = workType.drawHandling();
    let needsCheck = false;
    let failuresLeft = 0;
    if (qc) {
      needsCheck = workType.qcStream() < qc.share;
      failuresLeft = checkFailures(qc.errorProbability, workType.qcStream());
    }
    const checkSec = needsCheck ? workType.drawCheck!() : 0;
    let pendingDelaySec = -1;
    let afterReplySec = 0;
    if (config.pendingOnCustomer && workType.pendingStream() < config.pendingOnCustomer.probability) {
      pendingDelaySec = workType.drawPendingDelay!();
      afterReplySec = workType.drawAfterReply();
    }
    const item: WorkItem = {
      id: this.state.nextItemId++,
      workType,
      arrivalSec: now,
      dueSec: this.state.calendar.dueTime(config.due, now),
      priority: workType.priority,
      state: 'waiting',
      taskSec: processSec,
      processSec,
      checkSec,
      needsCheck,
      failuresLeft: needsCheck ? failuresLeft : 0,
      pendingDelaySec,
      afterReplySec,
      reworkCount: 0,
      maker: null,
      clerk: null,
      isLate: false,
      lateEvent: null,
      backlogSlot: -1,
      openSlot: -1,
    };
    this.state.current[workType.index].arrived++;
    workType.open.push(item);
    this.lateness.watch(item);
    this.backlogs.enqueueProcess(item);
    return item;
  }
}

/**
 * Checks an item will fail before one passes: geometric with P(at least k) = p^k, drawn from one
 * uniform at arrival so the outcome of every check is fixed by the item, not by who checks it.
 */
export function checkFailures(errorProbability: number, u: number): number {
  if (errorProbability <= 0) return 0;
  if (errorProbability >= 1) return Infinity;
  return Math.floor(Math.log(1 - u) / Math.log(errorProbability));
}
