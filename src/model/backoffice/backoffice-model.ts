/**
 * The back-office model: work items arrive (in batches at set times or as a Poisson stream),
 * wait in a backlog, are processed by a clerk skilled in their work type, may be checked by a
 * second clerk (maker–checker) and sent back for rework, may wait for the customer to supply
 * missing information, and are completed, on time or late. Clerks work shifts on a business
 * calendar, so the backlog waits overnight and over weekends and carries from day to day.
 *
 * Lifecycle of an item (its `state`):
 *
 *   waiting ──► processing ──► (pending ──► waiting ──► processing) ──► awaiting-check ──► checking ──► completed
 *      ▲                                                                                     │
 *      └──────────────────────────── rework after a failed check ◄───────────────────────────┘
 *
 * - A free clerk first looks for a check it may do (never of an item it processed itself),
 *   then for an item to process; among several it follows the scenario's allocation rule
 *   (see allocation.ts). Finishing before starting keeps work in progress and cycle time down.
 * - New work goes to the clerk idle longest among the teams skilled in it.
 * - At the end of a shift a clerk stops: an item in hand is PAUSED and stays with that clerk,
 *   who RESUMES it first thing at the start of their next shift (`item.paused`/`item.resumed`).
 *   We chose this over handing it to another shift because back-office work carries context
 *   (a half-keyed claim, a half-read file) that a hand-over would lose; the cost is that an
 *   item can sit overnight in a clerk's hands, which the events make visible. Paused items
 *   count as work in progress.
 * - Pending: with the work type's probability, the first processing ends with a question to the
 *   customer; after the reply delay (clock hours) the item joins the backlog again and is
 *   processed once more with a fresh handling time. The due clock keeps running meanwhile.
 * - Late: when an item's due time passes before completion it `went-late`; its customer may
 *   then call the call center (failure demand), if the item is still open when they call.
 *
 * Randomness comes from named streams per work type (`bo-arrivals:<id>`, `bo-handling:<id>`,
 * `bo-qc:<id>`, `bo-qc-time:<id>`, `bo-rework:<id>`, `bo-pending:<id>`, `bo-failure-demand:<id>`).
 * An item's handling time, whether it is checked, how many checks it will fail, its first check
 * time and whether it will go pending are all drawn when it arrives, so two configurations run
 * with one seed (say FIFO against EDD) meet the same items with the same needs.
 *
 * Memory holds the live items and nothing else: every period's counters are final when the
 * period ends, and open items sit in heaps they leave when completed.
 */
import { Simulation, type RunResult } from '../../engine/simulation';
import { RandomStreams, type RandomStream } from '../../engine/random-streams';
import { createSampler, type Sampler } from '../../engine/distributions';
import { TimeWeighted } from '../../engine/time-weighted';
import { poissonArrivals, type RateProfile } from '../arrival-profile';
import type { Scenario } from '../scenario-schema';
import {
  WEEKDAYS,
  clockSec,
  toSecondsSpec,
  type BackOfficeConfig,
  type BatchConfig,
  type TeamConfig,
  type Weekday,
  type WorkTypeConfig,
  type AllocationRule,
} from './backoffice-schema';
import { BusinessCalendar, ShiftPattern, type ShiftWindow } from './business-calendar';
import { DAY_SEC } from '../calendar-schema';
import { createCountSampler, type CountSampler } from './count-distribution';
import { BinaryHeap } from './binary-heap';
import { orderFor, pickNextItem, type AllocatableItem } from './allocation';
import { emptyList, linkLast, unlink, type IntrusiveList } from '../intrusive-list';
import {
  addBackOfficeCounters,
  combineWorkTypes,
  emptyBackOfficeCounters,
  type BackOfficeCounters,
} from './backoffice-counters';
import type { BackOfficeEventListener, ClerkState, ProcessedNext, TaskStep } from './backoffice-events';

/** Whatever the engine hands back for a scheduled event, to cancel it later. */
type ScheduledEvent = ReturnType<Simulation['schedule']>;

export type ItemState = 'waiting' | 'processing' | 'pending' | 'awaiting-check' | 'checking' | 'completed';

export interface WorkItem extends AllocatableItem {
  readonly id: number;
  readonly workType: WorkType;
  readonly arrivalSec: number;
  readonly dueSec: number;
  readonly priority: number;
  state: ItemState;
  /** Length of the task the item waits for or is in (the allocation rules' `taskSec`). */
  taskSec: number;
  /** Time of its next processing pass. */
  processSec: number;
  /** Time of its next check. */
  checkSec: number;
  readonly needsCheck: boolean;
  /** Checks still to fail before one passes (drawn at arrival; Infinity when checks always fail). */
  failuresLeft: number;
  /** Customer reply delay if the item will go pending after its first processing, else −1. */
  pendingDelaySec: number;
  /** Processing time after the customer's reply. */
  afterReplySec: number;
  reworkCount: number;
  /** The clerk of its latest processing pass: never its checker. */
  maker: Clerk | null;
  /** The clerk holding it (processing, checking or paused overnight). */
  clerk: Clerk | null;
  isLate: boolean;
  lateEvent: ScheduledEvent | null;
  /** Positions in the backlog heap and in the open-items heap (−1 when not in them). */
  backlogSlot: number;
  openSlot: number;
}

export interface Clerk {
  readonly id: string;
  readonly team: Team;
  state: ClerkState;
  stateSinceSec: number;
  /** The item in hand: being processed or checked, or paused until the next shift. */
  item: WorkItem | null;
  /** When the task in hand ends (while working or checking). */
  endSec: number;
  /** Work left on a paused task. */
  remainingSec: number;
  endEvent: ScheduledEvent | null;
  /** Links of the team's idle list, ordered by idleSeq (longest idle first). */
  prev: Clerk | null;
  next: Clerk | null;
  idleSeq: number;
}

/**
 * A voice agent group that lends its agents to the back office (blending): it tells the back
 * office when an agent is free (`lend`), wanted back (`recall`, `interrupt`), and hears when the
 * back office has started an agent on an item and when a task of it is done.
 */
export interface AgentLender {
  workStarted(clerk: Clerk): void;
  taskDone(clerk: Clerk): void;
}

export interface LentTeamSpec {
  readonly id: string;
  readonly name: string;
  readonly locationId: string | undefined;
  /** Work type ids the agents may take. */
  readonly skills: readonly string[];
  /** The agents' ids, as clerk ids. */
  readonly clerkIds: readonly string[];
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  /** The scenario's team; null for a team of voice agents lent by their group. */
  readonly config: TeamConfig | null;
  readonly locationId: string | undefined;
  readonly clerks: Clerk[];
  readonly workTypes: WorkType[];
  /** Its shift pattern; null for lent agents, whose hours the voice model decides. */
  readonly shift: ShiftPattern | null;
  window: ShiftWindow | null;
  readonly idle: IntrusiveList<Clerk>;
  /** The voice agent group lending these clerks; null for the back office's own teams. */
  readonly lender: AgentLender | null;
  /** Whole-run integrals (never split) for costs: clerks on shift, clerks busy. */
  readonly onShift: TimeWeighted;
  readonly busy: TimeWeighted;
}

export interface Batch {
  readonly config: BatchConfig;
  /** Time of day it lands, seconds after midnight. */
  readonly atSec: number;
  readonly drawSize: CountSampler;
}

export interface WorkType {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly config: WorkTypeConfig;
  readonly priority: number;
  readonly teams: Team[];
  readonly processBacklog: BinaryHeap<WorkItem>;
  readonly checkBacklog: BinaryHeap<WorkItem>;
  /** Every item not completed, oldest first. */
  readonly open: BinaryHeap<WorkItem>;
  readonly backlogLevel: TimeWeighted;
  readonly wipLevel: TimeWeighted;
  readonly pendingLevel: TimeWeighted;
  readonly busyLevel: TimeWeighted;
  readonly staffedLevel: TimeWeighted;
  lateOpen: number;
  readonly dayFactors: readonly number[];
  readonly nextStreamArrivalAfter: ((t: number) => number) | null;
  /** Its batches, each with a size sampler drawing from the work type's arrival stream. */
  readonly batches: readonly Batch[];
  readonly drawHandling: Sampler;
  readonly qcStream: RandomStream;
  readonly drawCheck: Sampler | null;
  readonly drawRework: Sampler;
  readonly pendingStream: RandomStream;
  readonly drawPendingDelay: Sampler | null;
  readonly drawAfterReply: Sampler;
  readonly failureStream: RandomStream;
  readonly drawFailureDelay: Sampler | null;
}

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

export class BackOfficeModel {
  readonly sim: Simulation;
  readonly config: BackOfficeConfig;
  readonly calendar: BusinessCalendar;
  readonly rule: AllocationRule;
  readonly workTypes: WorkType[];
  readonly teams: Team[];
  readonly clerks: Clerk[];
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly seed: number;
  /** Counters of every closed non-warm-up interval, per work type. */
  readonly totals: BackOfficeCounters[];
  /** The same for the whole back office. */
  readonly total: BackOfficeCounters;

  private readonly listener: BackOfficeEventListener | undefined;
  private readonly onIntervalClosed: ((record: BackOfficePeriodRecord) => void) | undefined;
  private readonly onDayClosed: ((record: BackOfficeDayRecord) => void) | undefined;
  private readonly onFailureDemand: ((call: FailureDemandCall) => void) | undefined;
  /** Clerks on shift, all teams. */
  private readonly onShiftAll: TimeWeighted;
  private current: BackOfficeCounters[];
  private currentIndex = 0;
  private currentStartSec = 0;
  private day: BackOfficeCounters[];
  private dayTotal: BackOfficeCounters;
  private dayIndex = 0;
  private nextItemId = 1;
  private nextIdleSeq = 0;
  private finished = false;
  // Scratch arrays reused on the hot path instead of allocating per decision.
  private readonly cursors: (Clerk | null)[];
  private readonly heads: (WorkItem | undefined)[];
  private readonly skipped: WorkItem[] = [];

  constructor(
    readonly scenario: Scenario,
    options: BackOfficeModelOptions = {},
  ) {
    if (!scenario.backOffice) throw new RangeError('BackOfficeModel: the scenario has no backOffice section');
    this.config = scenario.backOffice;
    this.sim = options.sim ?? new Simulation();
    this.seed = options.seed ?? scenario.seed ?? 1;
    this.listener = options.listener;
    this.onIntervalClosed = options.onIntervalClosed;
    this.onDayClosed = options.onDayClosed;
    this.onFailureDemand = options.onFailureDemand;
    this.horizonSec = scenario.days * DAY_SEC;
    this.intervalSec = scenario.reportIntervalMin * 60;
    this.warmupSec = (scenario.warmupMin ?? 0) * 60;
    this.calendar = new BusinessCalendar(this.config.calendar);
    this.rule = this.config.allocation;
    const streams = new RandomStreams(`${this.seed}/${options.replication ?? 0}`);
    const start = this.sim.now;
    this.onShiftAll = new TimeWeighted(0, start);

    this.workTypes = this.config.workTypes.map((config, index) => this.buildWorkType(config, index, streams));
    this.teams = this.config.teams.map((config, index) => this.buildTeam(config, index));
    this.clerks = this.teams.flatMap((team) => team.clerks);
    this.cursors = new Array(this.teams.length).fill(null);
    this.heads = new Array(this.workTypes.length).fill(undefined);

    this.totals = this.workTypes.map(() => emptyBackOfficeCounters());
    this.total = emptyBackOfficeCounters();
    this.current = this.workTypes.map(() => emptyBackOfficeCounters());
    this.day = this.workTypes.map(() => emptyBackOfficeCounters());
    this.dayTotal = emptyBackOfficeCounters();
    this.currentStartSec = start;
    this.dayIndex = Math.floor(start / DAY_SEC);

    this.sim.scheduleAt(Math.min(start + this.intervalSec, this.horizonSec), this.onIntervalEnded, null);
    for (const workType of this.workTypes) {
      if (workType.nextStreamArrivalAfter) this.scheduleNextStreamArrival(workType, start);
      for (const batch of workType.batches) this.scheduleNextBatch(workType, batch, Math.floor(start / DAY_SEC));
    }
    for (const team of this.teams) {
      if (team.clerks.length > 0) this.scheduleShift(team, team.shift!.nextWindow(Math.floor(start / DAY_SEC)));
    }
  }

  get now(): number {
    return this.sim.now;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Advances to `untilSec` (never past the horizon); see Simulation.runUntil for the budget. */
  runUntil(untilSec: number, maxEvents?: number): RunResult {
    return this.sim.runUntil(Math.min(untilSec, this.horizonSec), maxEvents);
  }

  /** Runs to the horizon; the last interval and day are handed over as they end. */
  runToEnd(): void {
    this.runUntil(this.horizonSec);
    this.finished = true;
  }

  // ── Accessors for wallboards and the animation ─────────────────────────────────────────

  /** Items waiting in the backlog (to be processed, reworked or checked). */
  backlogCount(workTypeIndex: number): number {
    const workType = this.workTypes[workTypeIndex];
    return workType.processBacklog.size + workType.checkBacklog.size;
  }

  /** Items being processed or checked, or paused in a clerk's hands. */
  inProgressCount(workTypeIndex: number): number {
    return this.workTypes[workTypeIndex].wipLevel.value;
  }

  pendingCount(workTypeIndex: number): number {
    return this.workTypes[workTypeIndex].pendingLevel.value;
  }

  /** Items not completed whose due time has passed. */
  lateOpenCount(workTypeIndex: number): number {
    return this.workTypes[workTypeIndex].lateOpen;
  }

  /** Age of the oldest item not completed, seconds (0 when none is open). */
  oldestAgeSec(workTypeIndex: number): number {
    const oldest = this.workTypes[workTypeIndex].open.peek();
    return oldest ? this.sim.now - oldest.arrivalSec : 0;
  }

  /** Items not completed counted by age; bucket i holds ages below upperSec[i], the last the rest. O(open items). */
  openByAge(workTypeIndex: number, upperSec: readonly number[] = AGE_BUCKET_UPPER_SEC): number[] {
    const counts = new Array<number>(upperSec.length + 1).fill(0);
    const now = this.sim.now;
    for (const item of this.workTypes[workTypeIndex].open.values()) {
      const age = now - item.arrivalSec;
      let b = 0;
      while (b < upperSec.length && age >= upperSec[b]) b++;
      counts[b]++;
    }
    return counts;
  }

  /** How many clerks are in each state now. */
  clerkStateCounts(): Record<ClerkState, number> {
    const counts: Record<ClerkState, number> = { offline: 0, idle: 0, working: 0, checking: 0 };
    for (const clerk of this.clerks) counts[clerk.state]++;
    return counts;
  }

  /**
   * Paid and productive clerk-hours per team of the back office's own since the start: the input
   * of the cost formulas. Lent voice agents are left out: their group's counters price all their
   * hours, back-office work included.
   */
  teamUsage(): TeamUsage[] {
    const now = this.sim.now;
    return this.teams.filter((team) => !team.lender).map((team) => ({
      teamId: team.id,
      locationId: team.locationId,
      clerks: team.clerks.length,
      paidHours: team.onShift.peekArea(now) / 3600,
      productiveHours: team.busy.peekArea(now) / 3600,
    }));
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
    const now = this.sim.now;
    const inWarmup = this.currentStartSec < this.warmupSec;
    const part = combineWorkTypes(parts, inWarmup ? 0 : this.onShiftAll.peekArea(now), inWarmup ? 0 : now - this.currentStartSec);
    return addBackOfficeCounters(addBackOfficeCounters(emptyBackOfficeCounters(), this.total), part);
  }

  /** The current interval's counters up to now (flows left out during the warm-up), with today's stocks. */
  private currentSoFar(): BackOfficeCounters[] {
    const now = this.sim.now;
    const inWarmup = this.currentStartSec < this.warmupSec;
    return this.workTypes.map((workType, w) => {
      const c = inWarmup ? emptyBackOfficeCounters() : addBackOfficeCounters(emptyBackOfficeCounters(), this.current[w]);
      if (!inWarmup) {
        c.backlogArea += workType.backlogLevel.peekArea(now);
        c.wipArea += workType.wipLevel.peekArea(now);
        c.pendingArea += workType.pendingLevel.peekArea(now);
        c.busyArea += workType.busyLevel.peekArea(now);
        c.staffedArea += workType.staffedLevel.peekArea(now);
        c.observedSec += now - this.currentStartSec;
      }
      this.writeStocks(workType, c, now);
      return c;
    });
  }

  // ── Building ─────────────────────────────────────────────────────────────────────────────

  private buildWorkType(config: WorkTypeConfig, index: number, streams: RandomStreams): WorkType {
    const stream = (what: string) => streams.stream(`bo-${what}:${config.id}`);
    const arrivalStream = stream('arrivals');
    const handlingSpec = toSecondsSpec(config.handling);
    const qc = config.qualityCheck;
    const pendingStream = stream('pending');
    const failureStream = stream('failure-demand');
    const order = orderFor(this.rule);
    const backlogPosition = { get: (i: WorkItem) => i.backlogSlot, set: (i: WorkItem, slot: number) => (i.backlogSlot = slot) };
    const factors = config.arrivals.dayOfWeekFactors ?? [1, 1, 1, 1, 1, 1, 1];
    const start = this.sim.now;
    return {
      id: config.id,
      name: config.name,
      index,
      config,
      priority: config.priority ?? 5,
      teams: [],
      processBacklog: new BinaryHeap<WorkItem>(order, backlogPosition),
      checkBacklog: new BinaryHeap<WorkItem>(order, backlogPosition),
      open: new BinaryHeap<WorkItem>((a, b) => a.arrivalSec < b.arrivalSec || (a.arrivalSec === b.arrivalSec && a.id < b.id), {
        get: (i) => i.openSlot,
        set: (i, slot) => (i.openSlot = slot),
      }),
      backlogLevel: new TimeWeighted(0, start),
      wipLevel: new TimeWeighted(0, start),
      pendingLevel: new TimeWeighted(0, start),
      busyLevel: new TimeWeighted(0, start),
      staffedLevel: new TimeWeighted(0, start),
      lateOpen: 0,
      dayFactors: factors,
      nextStreamArrivalAfter: config.arrivals.stream
        ? poissonArrivals(weeklyProfile(config.arrivals.stream.intervalMin, config.arrivals.stream.itemsPerInterval, factors), arrivalStream, this.horizonSec)
        : null,
      batches: (config.arrivals.batches ?? []).map((batch) => ({ config: batch, atSec: clockSec(batch.atTime), drawSize: createCountSampler(batch.size, arrivalStream) })),
      drawHandling: createSampler(handlingSpec, stream('handling')),
      qcStream: stream('qc'),
      drawCheck: qc ? createSampler(toSecondsSpec(qc.checkTime), stream('qc-time')) : null,
      drawRework: createSampler(qc?.rework ? toSecondsSpec(qc.rework) : handlingSpec, stream('rework')),
      pendingStream,
      drawPendingDelay: config.pendingOnCustomer ? createSampler(toSecondsSpec(config.pendingOnCustomer.delay), pendingStream) : null,
      drawAfterReply: createSampler(handlingSpec, pendingStream),
      failureStream,
      drawFailureDelay: config.failureDemand ? createSampler(toSecondsSpec(config.failureDemand.delay), failureStream) : null,
    };
  }

  private buildTeam(config: TeamConfig, index: number): Team {
    const clerkIds = Array.from({ length: config.clerks }, (_, n) => `${config.id}-${n + 1}`);
    return this.assembleTeam(config.id, config.name, index, config.skills, clerkIds, {
      config,
      locationId: config.locationId,
      shift: new ShiftPattern(config.shift, this.calendar),
      lender: null,
    });
  }

  private assembleTeam(
    id: string,
    name: string,
    index: number,
    skills: readonly string[],
    clerkIds: readonly string[],
    rest: Pick<Team, 'config' | 'locationId' | 'shift' | 'lender'>,
  ): Team {
    const start = this.sim.now;
    const team: Team = {
      id,
      name,
      index,
      ...rest,
      clerks: [],
      workTypes: skills.map((skill) => this.workTypes.find((w) => w.id === skill)!),
      window: null,
      idle: emptyList<Clerk>(),
      onShift: new TimeWeighted(0, start),
      busy: new TimeWeighted(0, start),
    };
    for (const clerkId of clerkIds) {
      team.clerks.push({
        id: clerkId,
        team,
        state: 'offline',
        stateSinceSec: start,
        item: null,
        endSec: 0,
        remainingSec: 0,
        endEvent: null,
        prev: null,
        next: null,
        idleSeq: 0,
      });
    }
    for (const workType of team.workTypes) workType.teams.push(team);
    return team;
  }

  // ── Reporting periods ─────────────────────────────────────────────────────────────────

  private writeStocks(workType: WorkType, c: BackOfficeCounters, now: number): void {
    c.backlogAtEnd = workType.processBacklog.size + workType.checkBacklog.size;
    c.inProgressAtEnd = workType.wipLevel.value;
    c.pendingAtEnd = workType.pendingLevel.value;
    c.lateOpenAtEnd = workType.lateOpen;
    const oldest = workType.open.peek();
    c.oldestAgeAtEndSec = oldest ? now - oldest.arrivalSec : 0;
  }

  private readonly onIntervalEnded = (): void => {
    const now = this.sim.now;
    const startSec = this.currentStartSec;
    const isWarmup = startSec < this.warmupSec;
    const parts = this.current;
    this.workTypes.forEach((workType, w) => {
      const c = parts[w];
      c.backlogArea += workType.backlogLevel.takeArea(now);
      c.wipArea += workType.wipLevel.takeArea(now);
      c.pendingArea += workType.pendingLevel.takeArea(now);
      c.busyArea += workType.busyLevel.takeArea(now);
      c.staffedArea += workType.staffedLevel.takeArea(now);
      c.observedSec += now - startSec;
      this.writeStocks(workType, c, now);
    });
    const total = combineWorkTypes(parts, this.onShiftAll.takeArea(now), now - startSec);
    const record: BackOfficePeriodRecord = { index: this.currentIndex, startSec, endSec: now, isWarmup, workTypes: parts, total };
    if (!isWarmup) {
      parts.forEach((c, w) => addBackOfficeCounters(this.totals[w], c));
      addBackOfficeCounters(this.total, total);
    }
    parts.forEach((c, w) => addBackOfficeCounters(this.day[w], c));
    addBackOfficeCounters(this.dayTotal, total);
    this.onIntervalClosed?.(record);

    const atDayEnd = now >= this.horizonSec || Math.floor(now / DAY_SEC) > this.dayIndex;
    if (atDayEnd) this.closeDay(now);
    // A fresh interval even at the horizon, so live counters never count the closed one twice.
    this.current = this.workTypes.map(() => emptyBackOfficeCounters());
    this.currentIndex++;
    this.currentStartSec = now;
    if (now < this.horizonSec) this.sim.scheduleAt(Math.min(now + this.intervalSec, this.horizonSec), this.onIntervalEnded, null);
  };

  private closeDay(now: number): void {
    const dayIndex = this.dayIndex;
    const startSec = dayIndex * DAY_SEC;
    const record: BackOfficeDayRecord = {
      index: dayIndex,
      startSec,
      endSec: now,
      isWarmup: startSec < this.warmupSec,
      workTypes: this.day,
      total: this.dayTotal,
      dayNumber: dayIndex + 1,
      weekday: WEEKDAYS[dayIndex % 7],
      isBusinessDay: this.calendar.isBusinessDay(dayIndex),
      isHoliday: this.calendar.isHoliday(dayIndex),
      openByAgeAtEnd: this.onDayClosed ? this.workTypes.map((_, w) => this.openByAge(w)) : [],
    };
    this.dayIndex++;
    this.day = this.workTypes.map(() => emptyBackOfficeCounters());
    this.dayTotal = emptyBackOfficeCounters();
    this.onDayClosed?.(record);
  }

  // ── Arrivals ──────────────────────────────────────────────────────────────────────────

  private scheduleNextStreamArrival(workType: WorkType, afterSec: number): void {
    const at = workType.nextStreamArrivalAfter!(afterSec);
    if (at < this.horizonSec) this.sim.scheduleAt(at, this.onStreamArrival, workType);
  }

  private readonly onStreamArrival = (workType: WorkType): void => {
    const now = this.sim.now;
    this.scheduleNextStreamArrival(workType, now);
    const item = this.createItem(workType, now);
    this.listener?.({
      type: 'item.arrived',
      timeSec: now,
      itemId: item.id,
      workTypeId: workType.id,
      dueSec: item.dueSec,
      backlogCount: this.backlogCount(workType.index),
    });
    this.offerWork(workType);
  };

  private scheduleNextBatch(workType: WorkType, batch: Batch, fromDay: number): void {
    for (let day = fromDay; day * DAY_SEC < this.horizonSec; day++) {
      const time = day * DAY_SEC + batch.atSec;
      if (time < this.sim.now) continue;
      if (!this.calendar.batchLandsOn(batch.config, day)) continue;
      if (time < this.horizonSec) this.sim.scheduleAt(time, this.onBatch, { workType, batch, day });
      return;
    }
  }

  private readonly onBatch = ({ workType, batch, day }: { workType: WorkType; batch: Batch; day: number }): void => {
    const now = this.sim.now;
    this.scheduleNextBatch(workType, batch, day + 1);
    const count = batch.drawSize(workType.dayFactors[day % 7]);
    if (count <= 0) return;
    const firstItemId = this.nextItemId;
    let dueSec = now;
    for (let i = 0; i < count; i++) dueSec = this.createItem(workType, now).dueSec;
    this.listener?.({
      type: 'item.batch-arrived',
      timeSec: now,
      workTypeId: workType.id,
      count,
      firstItemId,
      lastItemId: this.nextItemId - 1,
      dueSec,
      backlogCount: this.backlogCount(workType.index),
      delivery: this.calendar.batchDelivery(batch.config, now),
    });
    // Every item of the batch is in the backlog before anyone takes one, so the rule sees them all.
    this.offerWork(workType);
  };

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
      id: this.nextItemId++,
      workType,
      arrivalSec: now,
      dueSec: this.calendar.dueTime(config.due, now),
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
    this.current[workType.index].arrived++;
    workType.open.push(item);
    if (item.dueSec < this.horizonSec) item.lateEvent = this.sim.scheduleAt(item.dueSec, this.onDue, item);
    this.enqueueProcess(item);
    return item;
  }

  // ── Backlogs and allocation ──────────────────────────────────────────────────────────

  private enqueueProcess(item: WorkItem): void {
    item.state = 'waiting';
    item.taskSec = item.processSec;
    item.workType.processBacklog.push(item);
    item.workType.backlogLevel.change(this.sim.now, 1);
  }

  private enqueueCheck(item: WorkItem): void {
    item.state = 'awaiting-check';
    item.taskSec = item.checkSec;
    item.workType.checkBacklog.push(item);
    item.workType.backlogLevel.change(this.sim.now, 1);
  }

  /**
   * Gives new work of one type to idle clerks, longest idle first across the teams skilled in
   * it. An idle clerk had nothing it could take, so only this type's new work can change that;
   * the loop ends when this type's backlogs are empty or every idle candidate has been asked.
   */
  private offerWork(workType: WorkType): void {
    const teams = workType.teams;
    const processBacklog = workType.processBacklog;
    const checkBacklog = workType.checkBacklog;
    if (teams.length === 1) {
      let clerk = teams[0].idle.head;
      while (clerk && (processBacklog.size > 0 || checkBacklog.size > 0)) {
        const next = clerk.next;
        this.startNextTask(clerk);
        clerk = next;
      }
      return;
    }
    const cursors = this.cursors;
    for (let i = 0; i < teams.length; i++) cursors[i] = teams[i].idle.head;
    while (processBacklog.size > 0 || checkBacklog.size > 0) {
      let best = -1;
      for (let i = 0; i < teams.length; i++) {
        const c = cursors[i];
        if (c && (best < 0 || c.idleSeq < cursors[best]!.idleSeq)) best = i;
      }
      if (best < 0) break;
      const clerk = cursors[best]!;
      cursors[best] = clerk.next;
      this.startNextTask(clerk);
    }
    cursors.fill(null);
  }

  /** The best check this clerk may do in one backlog: its own items are skipped (maker–checker). */
  private eligibleCheckHead(workType: WorkType, clerk: Clerk): WorkItem | undefined {
    const backlog = workType.checkBacklog;
    const top = backlog.peek();
    if (!top || top.maker !== clerk) return top;
    const skipped = this.skipped;
    let head: WorkItem | undefined;
    while ((head = backlog.peek()) && head.maker === clerk) skipped.push(backlog.pop()!);
    for (const item of skipped) backlog.push(item);
    skipped.length = 0;
    return head;
  }

  /** Starts the next task for a clerk on shift and not busy; false when there is nothing it may take. */
  private startNextTask(clerk: Clerk): boolean {
    const workTypes = clerk.team.workTypes;
    let chosen: WorkItem | undefined;
    if (workTypes.length === 1) {
      chosen = this.eligibleCheckHead(workTypes[0], clerk) ?? workTypes[0].processBacklog.peek();
    } else {
      // Checks first, then processing; within each, the rule chooses among the backlogs' heads.
      const heads = this.heads;
      for (let i = 0; i < workTypes.length; i++) heads[i] = this.eligibleCheckHead(workTypes[i], clerk);
      chosen = pickNextItem(this.rule, heads);
      if (!chosen) {
        for (let i = 0; i < workTypes.length; i++) heads[i] = workTypes[i].processBacklog.peek();
        chosen = pickNextItem(this.rule, heads);
      }
      heads.fill(undefined);
    }
    if (!chosen) return false;
    if (clerk.state === 'idle') this.removeIdle(clerk);
    this.startTask(clerk, chosen);
    return true;
  }

  // ── Work ──────────────────────────────────────────────────────────────────────────────

  private startTask(clerk: Clerk, item: WorkItem): void {
    const now = this.sim.now;
    const workType = item.workType;
    const step: TaskStep = item.state === 'awaiting-check' ? 'check' : 'process';
    (step === 'check' ? workType.checkBacklog : workType.processBacklog).remove(item);
    workType.backlogLevel.change(now, -1);
    workType.wipLevel.change(now, 1);
    item.state = step === 'check' ? 'checking' : 'processing';
    item.clerk = clerk;
    clerk.item = item;
    this.runTask(clerk, item.taskSec);
    this.setClerkState(clerk, step === 'check' ? 'checking' : 'working');
    clerk.team.lender?.workStarted(clerk);
    this.listener?.({
      type: 'item.started',
      timeSec: now,
      itemId: item.id,
      workTypeId: workType.id,
      clerkId: clerk.id,
      step,
      // Pending happens only after the first processing, so any processing after a failed check is a rework.
      isRework: step === 'process' && item.reworkCount > 0,
      endSec: clerk.endSec,
    });
  }

  private runTask(clerk: Clerk, durationSec: number): void {
    const now = this.sim.now;
    clerk.endSec = now + durationSec;
    clerk.endEvent = this.sim.schedule(durationSec, this.onTaskDone, clerk);
    clerk.item!.workType.busyLevel.change(now, 1);
    clerk.team.busy.change(now, 1);
  }

  private readonly onTaskDone = (clerk: Clerk): void => {
    const now = this.sim.now;
    const item = clerk.item!;
    const workType = item.workType;
    const counters = this.current[workType.index];
    clerk.item = null;
    clerk.endEvent = null;
    item.clerk = null;
    workType.busyLevel.change(now, -1);
    clerk.team.busy.change(now, -1);
    workType.wipLevel.change(now, -1);
    let newWork = false;

    if (item.state === 'processing') {
      counters.processed++;
      counters.processSumSec += item.taskSec;
      item.maker = clerk;
      const next: ProcessedNext = item.pendingDelaySec >= 0 ? 'pending' : item.needsCheck ? 'check' : 'complete';
      this.listener?.({ type: 'item.processed', timeSec: now, itemId: item.id, workTypeId: workType.id, clerkId: clerk.id, next });
      if (next === 'pending') {
        this.startPending(item, clerk);
      } else if (next === 'check') {
        this.enqueueCheck(item);
        newWork = true;
      } else {
        this.complete(item, clerk);
      }
    } else {
      counters.checked++;
      counters.checkSumSec += item.taskSec;
      const passed = item.failuresLeft === 0;
      this.listener?.({
        type: 'item.checked',
        timeSec: now,
        itemId: item.id,
        workTypeId: workType.id,
        clerkId: clerk.id,
        makerId: item.maker!.id,
        passed,
      });
      if (passed) {
        this.complete(item, clerk);
      } else {
        counters.checksFailed++;
        item.failuresLeft--;
        item.reworkCount++;
        item.processSec = workType.drawRework();
        item.checkSec = workType.drawCheck!();
        this.enqueueProcess(item);
        newWork = true;
        this.listener?.({ type: 'item.reworked', timeSec: now, itemId: item.id, workTypeId: workType.id, reworkCount: item.reworkCount });
      }
    }

    if (clerk.team.lender) this.returnToLender(clerk);
    else if (!this.startNextTask(clerk)) this.goIdle(clerk);
    if (newWork) this.offerWork(workType);
  };

  private startPending(item: WorkItem, clerk: Clerk): void {
    const now = this.sim.now;
    const delay = item.pendingDelaySec;
    item.state = 'pending';
    item.pendingDelaySec = -1;
    item.processSec = item.afterReplySec;
    item.workType.pendingLevel.change(now, 1);
    this.current[item.workType.index].pendingStarted++;
    this.sim.schedule(delay, this.onCustomerReplied, item);
    this.listener?.({ type: 'item.pending', timeSec: now, itemId: item.id, workTypeId: item.workType.id, clerkId: clerk.id, untilSec: now + delay });
  }

  private readonly onCustomerReplied = (item: WorkItem): void => {
    item.workType.pendingLevel.change(this.sim.now, -1);
    this.enqueueProcess(item);
    this.listener?.({ type: 'item.customer-replied', timeSec: this.sim.now, itemId: item.id, workTypeId: item.workType.id });
    this.offerWork(item.workType);
  };

  private complete(item: WorkItem, clerk: Clerk): void {
    const now = this.sim.now;
    const workType = item.workType;
    const counters = this.current[workType.index];
    const cycle = now - item.arrivalSec;
    const onTime = now <= item.dueSec;
    item.state = 'completed';
    workType.open.remove(item);
    counters.completed++;
    if (onTime) counters.completedOnTime++;
    counters.cycleTimeSumSec += cycle;
    if (cycle > counters.maxCycleTimeSec) counters.maxCycleTimeSec = cycle;
    if (item.isLate) workType.lateOpen--;
    if (item.lateEvent) {
      this.sim.cancel(item.lateEvent);
      item.lateEvent = null;
    }
    item.maker = null;
    this.listener?.({ type: 'item.completed', timeSec: now, itemId: item.id, workTypeId: workType.id, clerkId: clerk.id, cycleTimeSec: cycle, onTime });
  }

  private readonly onDue = (item: WorkItem): void => {
    const now = this.sim.now;
    const workType = item.workType;
    item.lateEvent = null;
    item.isLate = true;
    workType.lateOpen++;
    this.current[workType.index].wentLate++;
    this.listener?.({ type: 'item.went-late', timeSec: now, itemId: item.id, workTypeId: workType.id, dueSec: item.dueSec });
    const demand = workType.config.failureDemand;
    if (demand && workType.failureStream() < demand.probability) {
      const delay = workType.drawFailureDelay!();
      if (now + delay < this.horizonSec) this.sim.schedule(delay, this.onCustomerCalled, item);
    }
  };

  private readonly onCustomerCalled = (item: WorkItem): void => {
    if (item.state === 'completed') return;
    const now = this.sim.now;
    const workType = item.workType;
    const queueId = workType.config.failureDemand!.queueId;
    this.current[workType.index].failureDemandCalls++;
    this.listener?.({ type: 'item.customer-called', timeSec: now, itemId: item.id, workTypeId: workType.id, queueId });
    this.onFailureDemand?.({ timeSec: now, queueId, itemId: item.id, workTypeId: workType.id });
  };

  // ── Shifts and clerk states ─────────────────────────────────────────────────────────

  private scheduleShift(team: Team, window: ShiftWindow | null): void {
    team.window = window;
    if (window && window.startSec < this.horizonSec) this.sim.scheduleAt(window.startSec, this.onShiftStarted, team);
  }

  private readonly onShiftStarted = (team: Team): void => {
    const now = this.sim.now;
    const n = team.clerks.length;
    this.onShiftAll.change(now, n);
    team.onShift.change(now, n);
    for (const workType of team.workTypes) workType.staffedLevel.change(now, n);
    for (const clerk of team.clerks) {
      // The item paused at the end of the last shift comes before anything else.
      if (clerk.item) this.resumeTask(clerk);
      else if (!this.startNextTask(clerk)) this.goIdle(clerk);
    }
    const window = team.window!;
    if (window.endSec < this.horizonSec) this.sim.scheduleAt(window.endSec, this.onShiftEnded, team);
  };

  private readonly onShiftEnded = (team: Team): void => {
    const now = this.sim.now;
    const n = team.clerks.length;
    for (const clerk of team.clerks) {
      if (clerk.item) this.pauseTask(clerk);
      else this.removeIdle(clerk);
      this.setClerkState(clerk, 'offline');
    }
    this.onShiftAll.change(now, -n);
    team.onShift.change(now, -n);
    for (const workType of team.workTypes) workType.staffedLevel.change(now, -n);
    this.scheduleShift(team, team.shift!.nextWindow(team.window!.dayIndex + 1));
  };

  /** Takes a clerk off its task for now (shift end, or a lent agent wanted for a call); the clerk keeps the item. */
  private pauseTask(clerk: Clerk): void {
    const now = this.sim.now;
    const item = clerk.item!;
    this.sim.cancel(clerk.endEvent!);
    clerk.endEvent = null;
    clerk.remainingSec = clerk.endSec - now;
    item.workType.busyLevel.change(now, -1);
    clerk.team.busy.change(now, -1);
    this.listener?.({
      type: 'item.paused',
      timeSec: now,
      itemId: item.id,
      workTypeId: item.workType.id,
      clerkId: clerk.id,
      step: item.state === 'checking' ? 'check' : 'process',
      remainingSec: clerk.remainingSec,
    });
  }

  private resumeTask(clerk: Clerk): void {
    const item = clerk.item!;
    this.runTask(clerk, clerk.remainingSec);
    clerk.remainingSec = 0;
    const step: TaskStep = item.state === 'checking' ? 'check' : 'process';
    this.setClerkState(clerk, step === 'check' ? 'checking' : 'working');
    this.listener?.({ type: 'item.resumed', timeSec: this.sim.now, itemId: item.id, workTypeId: item.workType.id, clerkId: clerk.id, step, endSec: clerk.endSec });
    clerk.team.lender?.workStarted(clerk);
  }

  // ── Blending: voice agents lent by their group ─────────────────────────────────────────

  /**
   * Adds a team of voice agents their group lends while the phone is quiet. Their hours are the
   * voice model's: they work here only between \`lend\` and \`recall\`/\`interrupt\` (or a task's end,
   * when the lender decides again). Call before the run starts.
   */
  addLentTeam(spec: LentTeamSpec, lender: AgentLender): Team {
    const team = this.assembleTeam(spec.id, spec.name, this.teams.length, spec.skills, spec.clerkIds, {
      config: null,
      locationId: spec.locationId,
      shift: null,
      lender,
    });
    this.teams.push(team);
    this.clerks.push(...team.clerks);
    this.cursors.push(null);
    return team;
  }

  /** A lent agent is free: its paused item first, else the next item the rule picks, else it waits idle here. */
  lend(clerk: Clerk): void {
    this.changeLent(clerk, 1);
    if (clerk.item) this.resumeTask(clerk);
    else if (!this.startNextTask(clerk)) this.goIdle(clerk);
  }

  /** A lent agent idle here is taken back by its group. */
  recall(clerk: Clerk): void {
    this.removeIdle(clerk);
    this.setClerkState(clerk, 'offline');
    this.changeLent(clerk, -1);
  }

  /** A lent agent is taken off its item by its group; it keeps the item, paused, until lent again. */
  interrupt(clerk: Clerk): void {
    this.pauseTask(clerk);
    this.setClerkState(clerk, 'offline');
    this.changeLent(clerk, -1);
  }

  /** A lent agent's task is done: back to its group, which decides what it does next. */
  private returnToLender(clerk: Clerk): void {
    this.setClerkState(clerk, 'offline');
    this.changeLent(clerk, -1);
    clerk.team.lender!.taskDone(clerk);
  }

  /** Time lent counts as time on shift for the back office's utilization (not for its paid hours). */
  private changeLent(clerk: Clerk, delta: number): void {
    const now = this.sim.now;
    this.onShiftAll.change(now, delta);
    clerk.team.onShift.change(now, delta);
    for (const workType of clerk.team.workTypes) workType.staffedLevel.change(now, delta);
  }

  private goIdle(clerk: Clerk): void {
    this.setClerkState(clerk, 'idle');
    clerk.idleSeq = this.nextIdleSeq++;
    linkLast(clerk.team.idle, clerk);
  }

  private removeIdle(clerk: Clerk): void {
    unlink(clerk.team.idle, clerk);
  }

  private setClerkState(clerk: Clerk, to: ClerkState): void {
    const from = clerk.state;
    clerk.state = to;
    clerk.stateSinceSec = this.sim.now;
    this.listener?.({
      type: 'clerk.state-changed',
      timeSec: this.sim.now,
      clerkId: clerk.id,
      teamId: clerk.team.id,
      from,
      to,
      itemId: clerk.item ? clerk.item.id : null,
    });
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

/** The arrival rate of a daily profile over a week, scaled by each day's factor (week starts Monday). */
export function weeklyProfile(intervalMin: number, itemsPerInterval: readonly number[], dayFactors: readonly number[]): RateProfile {
  const pieceSec = intervalMin * 60;
  const perDay = itemsPerInterval.length;
  const ratePerSec = new Float64Array(7 * perDay);
  for (let d = 0; d < 7; d++) {
    for (let i = 0; i < perDay; i++) ratePerSec[d * perDay + i] = (itemsPerInterval[i] * dayFactors[d]) / pieceSec;
  }
  return { pieceSec, ratePerSec };
}
