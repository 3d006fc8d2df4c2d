/**
 * The interval books: the back office's counters per reporting interval and per day. At each
 * interval's end its time integrals are taken and its stocks written, the record is handed over,
 * and it is added to the day (and, outside the warm-up, to the run's totals); at midnight the day
 * is handed over too. Every record is final when its period ends, so memory does not grow with
 * simulated time. Live read-outs add the open interval up to now, for the wallboard.
 */
import { DAY_SEC } from '../scenario/calendar-schema';
import { WEEKDAYS } from './backoffice-schema';
import { addBackOfficeCounters, combineWorkTypes, emptyBackOfficeCounters, type BackOfficeCounters } from './backoffice-counters';
import { AGE_BUCKET_UPPER_SEC, type BackOfficeDayRecord, type BackOfficeModelOptions, type BackOfficePeriodRecord } from './backoffice-records';
import type { WorkType } from './backoffice-objects';
import type { BackOfficeState } from './backoffice-state';
import { backlogCount } from './backlogs';

/** Age of a work type's oldest item not completed, seconds (0 when none is open). */
export function oldestOpenAgeSec(workType: WorkType, now: number): number {
  const oldest = workType.open.peek();
  return oldest ? now - oldest.arrivalSec : 0;
}

/** Items of a work type not completed, counted by age; bucket i holds ages below upperSec[i], the last the rest. O(open items). */
export function openByAge(workType: WorkType, now: number, upperSec: readonly number[] = AGE_BUCKET_UPPER_SEC): number[] {
  const counts = new Array<number>(upperSec.length + 1).fill(0);
  for (const item of workType.open.values()) {
    const age = now - item.arrivalSec;
    let b = 0;
    while (b < upperSec.length && age >= upperSec[b]) b++;
    counts[b]++;
  }
  return counts;
}

export class IntervalBooks {
  /** Counters of every closed non-warm-up interval, per work type. */
  readonly totals: BackOfficeCounters[];
  /** The same for the whole back office. */
  readonly total: BackOfficeCounters;
  private currentIndex = 0;
  private currentStartSec: number;
  private day: BackOfficeCounters[];
  private dayTotal: BackOfficeCounters;
  private dayIndex: number;
  private readonly onIntervalClosed: BackOfficeModelOptions['onIntervalClosed'];
  private readonly onDayClosed: BackOfficeModelOptions['onDayClosed'];

  constructor(
    private readonly state: BackOfficeState,
    options: Pick<BackOfficeModelOptions, 'onIntervalClosed' | 'onDayClosed'>,
  ) {
    this.onIntervalClosed = options.onIntervalClosed;
    this.onDayClosed = options.onDayClosed;
    this.totals = state.workTypes.map(() => emptyBackOfficeCounters());
    this.total = emptyBackOfficeCounters();
    this.day = state.workTypes.map(() => emptyBackOfficeCounters());
    this.dayTotal = emptyBackOfficeCounters();
    this.currentStartSec = state.startSec;
    this.dayIndex = Math.floor(state.startSec / DAY_SEC);
  }

  /** Schedules the end of the first interval. */
  start(): void {
    const { sim, startSec, intervalSec, horizonSec } = this.state;
    sim.scheduleAt(Math.min(startSec + intervalSec, horizonSec), this.onIntervalEnded, null);
  }

  /**
   * Counters of a work type for the whole run so far (warm-up excluded), the current interval's
   * time integrals included up to this instant and stocks as they are now: what a wallboard
   * shows. Feed them to deriveBackOfficeKpis. Call per frame, not per event.
   */
  liveCounters(workTypeIndex: number): BackOfficeCounters {
    return addBackOfficeCounters(addBackOfficeCounters(emptyBackOfficeCounters(), this.totals[workTypeIndex]), this.currentSoFar()[workTypeIndex]);
  }

  /** The same for the whole back office. */
  liveTotalCounters(): BackOfficeCounters {
    const parts = this.currentSoFar();
    const now = this.state.sim.now;
    const inWarmup = this.currentStartSec < this.state.warmupSec;
    const part = combineWorkTypes(parts, inWarmup ? 0 : this.state.onShiftAll.peekArea(now), inWarmup ? 0 : now - this.currentStartSec);
    return addBackOfficeCounters(addBackOfficeCounters(emptyBackOfficeCounters(), this.total), part);
  }

  /** The current interval's counters up to now (flows left out during the warm-up), with today's stocks. */
  private currentSoFar(): BackOfficeCounters[] {
    const now = this.state.sim.now;
    const inWarmup = this.currentStartSec < this.state.warmupSec;
    return this.state.workTypes.map((workType, w) => {
      const c = inWarmup ? emptyBackOfficeCounters() : addBackOfficeCounters(emptyBackOfficeCounters(), this.state.current[w]);
      if (!inWarmup) {
        c.backlogArea += workType.backlogLevel.peekArea(now);
        c.wipArea += workType.wipLevel.peekArea(now);
        c.pendingArea += workType.pendingLevel.peekArea(now);
        c.busyArea += workType.busyLevel.peekArea(now);
        c.staffedArea += workType.staffedLevel.peekArea(now);
        c.observedSec += now - this.currentStartSec;
      }
      writeStocks(workType, c, now);
      return c;
    });
  }

  private readonly onIntervalEnded = (): void => {
    const { sim, workTypes, horizonSec, intervalSec } = this.state;
    const now = sim.now;
    const startSec = this.currentStartSec;
    const isWarmup = startSec < this.state.warmupSec;
    const parts = this.state.current;
    workTypes.forEach((workType, w) => {
      const c = parts[w];
      c.backlogArea += workType.backlogLevel.takeArea(now);
      c.wipArea += workType.wipLevel.takeArea(now);
      c.pendingArea += workType.pendingLevel.takeArea(now);
      c.busyArea += workType.busyLevel.takeArea(now);
      c.staffedArea += workType.staffedLevel.takeArea(now);
      c.observedSec += now - startSec;
      writeStocks(workType, c, now);
    });
    const total = combineWorkTypes(parts, this.state.onShiftAll.takeArea(now), now - startSec);
    const record: BackOfficePeriodRecord = { index: this.currentIndex, startSec, endSec: now, isWarmup, workTypes: parts, total };
    if (!isWarmup) {
      parts.forEach((c, w) => addBackOfficeCounters(this.totals[w], c));
      addBackOfficeCounters(this.total, total);
    }
    parts.forEach((c, w) => addBackOfficeCounters(this.day[w], c));
    addBackOfficeCounters(this.dayTotal, total);
    this.onIntervalClosed?.(record);

    const atDayEnd = now >= horizonSec || Math.floor(now / DAY_SEC) > this.dayIndex;
    if (atDayEnd) this.closeDay(now);
    // A fresh interval even at the horizon, so live counters never count the closed one twice.
    this.state.current = workTypes.map(() => emptyBackOfficeCounters());
    this.currentIndex++;
    this.currentStartSec = now;
    if (now < horizonSec) sim.scheduleAt(Math.min(now + intervalSec, horizonSec), this.onIntervalEnded, null);
  };

  private closeDay(now: number): void {
    const { calendar, workTypes } = this.state;
    const dayIndex = this.dayIndex;
    const startSec = dayIndex * DAY_SEC;
    const record: BackOfficeDayRecord = {
      index: dayIndex,
      startSec,
      endSec: now,
      isWarmup: startSec < this.state.warmupSec,
      workTypes: this.day,
      total: this.dayTotal,
      dayNumber: dayIndex + 1,
      weekday: WEEKDAYS[calendar.weekday(dayIndex)],
      isBusinessDay: calendar.isBusinessDay(dayIndex),
      isHoliday: calendar.isHoliday(dayIndex),
      openByAgeAtEnd: this.onDayClosed ? workTypes.map((workType) => openByAge(workType, now)) : [],
    };
    this.dayIndex++;
    this.day = workTypes.map(() => emptyBackOfficeCounters());
    this.dayTotal = emptyBackOfficeCounters();
    this.onDayClosed?.(record);
  }
}

/** The stocks of a work type as they are at `now`: what is waiting, in hand, pending, late, and the oldest open item's age. */
function writeStocks(workType: WorkType, c: BackOfficeCounters, now: number): void {
  c.backlogAtEnd = backlogCount(workType);
  c.inProgressAtEnd = workType.wipLevel.value;
  c.pendingAtEnd = workType.pendingLevel.value;
  c.lateOpenAtEnd = workType.lateOpen;
  c.oldestAgeAtEndSec = oldestOpenAgeSec(workType, now);
}
