/**
 * The back office as the page sees it: the back-office model (src/model/backoffice/) built on
 * the same Simulation as the voice model, so both rooms run on one clock, and an adapter that
 * turns its state into the renderer's BackOfficeSnapshot and its own KPI code's figures
 * (deriveBackOfficeKpis) into the wallboard's BackOfficeKpis.
 *
 * "Today" figures are differences of the model's live counters taken exactly at midnight (the
 * session stops the shared clock at every boundary), flows and time integrals subtracted, stocks
 * taken as they are now. Nothing is counted here.
 *
 * Age bands on the shelves: an item is late once its due time has passed, at risk when less than
 * a quarter of the time it was allowed (due − arrival) remains, on time otherwise.
 */
import type { VoiceModel } from '../model/voice/voice-model';
import { IntervalSeries } from './interval-series';
import { connectBlending } from '../model/blending';
import type { Scenario } from '../model/scenario-schema';
import { BackOfficeModel, type BackOfficePeriodRecord, type WorkItem } from '../model/backoffice/backoffice-model';
import { deriveBackOfficeKpis, emptyBackOfficeCounters, subtractBackOfficeCounters, type BackOfficeCounters } from '../model/backoffice/backoffice-counters';
import type { BackOfficeEvent } from '../model/backoffice/backoffice-events';
import type { BackOfficeKpis, BackOfficeSnapshot, BackOfficeSource, ClerkSnapshot, WorkItemArt } from '../render/backoffice-view';
import { DAY_SEC } from '../model/calendar-schema';
import {
  MOVE_CHECK_TO_DONE,
  MOVE_CHECK_TO_SHELF,
  MOVE_DESK_TO_CHECK,
  MOVE_DESK_TO_DONE,
  type BatchArrival,
  type ItemMoveLog,
} from '../render/backoffice-view';

/** Share of its allowed time left below which a waiting item counts as at risk. */
export const AT_RISK_SHARE = 0.25;
/** Simulated seconds the mail cart stays at the door after a batch lands. */
const BATCH_SHOWN_SEC = 45 * 60;
/** Waiting items scanned per work type per frame for the age split; beyond it the split is scaled. */
const MAX_SCAN = 4000;
/** Item moves kept for the room: more than one frame's worth at the speeds where moves are drawn. */
const MOVE_LOG = 128;

class MoveLog implements ItemMoveLog {
  readonly capacity = MOVE_LOG;
  written = 0;
  readonly kind = new Uint8Array(MOVE_LOG);
  readonly clerk = new Int32Array(MOVE_LOG);
  readonly workType = new Int32Array(MOVE_LOG);
  readonly timeSec = new Float64Array(MOVE_LOG);

  add(kind: number, clerk: number, workType: number, timeSec: number): void {
    const i = this.written % MOVE_LOG;
    this.kind[i] = kind;
    this.clerk[i] = clerk;
    this.workType[i] = workType;
    this.timeSec[i] = timeSec;
    this.written++;
  }
}

interface MutableWorkType {
  id: string;
  name: string;
  art: WorkItemArt;
  onTime: number;
  atRisk: number;
  late: number;
}

interface MutableClerk {
  id: string;
  state: ClerkSnapshot['state'];
  workTypeId: string | null;
  progress: number;
  trayCount: number;
  readonly lent: boolean;
}

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

export class BackOfficeAdapter implements BackOfficeSource {
  readonly model: BackOfficeModel;
  readonly history: BackOfficeHistory;
  private dayStart: BackOfficeCounters;
  private lastBatchSec = -Infinity;
  private readonly workTypes: MutableWorkType[];
  private readonly clerks: MutableClerk[];
  private readonly snapshotObject: BackOfficeSnapshot & { open: boolean; awaitingCheck: number; doneToday: number; batchArriving: boolean; lastBatch: BatchArrival | null };
  private readonly moves = new MoveLog();
  private readonly clerkIndex = new Map<string, number>();
  private readonly workTypeIndex = new Map<string, number>();
  private batchSeq = 0;

  constructor(scenario: Scenario, voice: VoiceModel, seed: number, onFailureDemand?: (queueId: string) => void) {
    this.history = new BackOfficeHistory(Math.ceil((14 * DAY_SEC) / (scenario.reportIntervalMin * 60)));
    this.model = new BackOfficeModel(scenario, {
      sim: voice.sim,
      seed,
      listener: (event) => this.onEvent(event),
      onIntervalClosed: (record) => this.history.push(record),
      onDayClosed: (record) => this.history.pushDay(record),
      ...(onFailureDemand ? { onFailureDemand: (call: { queueId: string }) => onFailureDemand(call.queueId) } : {}),
    });
    // Agents of blending voice groups join the back office as lent teams: before the clerks are listed.
    connectBlending(voice, this.model);
    this.dayStart = emptyBackOfficeCounters();
    this.workTypes = this.model.workTypes.map((w) => ({ id: w.id, name: w.name, art: artFor(w.id, w.name), onTime: 0, atRisk: 0, late: 0 }));
    this.clerks = this.model.clerks.map((c) => ({ id: c.id, state: 'off', workTypeId: null, progress: 0, trayCount: 0, lent: c.team.lender !== null }));
    this.model.clerks.forEach((c, i) => this.clerkIndex.set(c.id, i));
    this.model.workTypes.forEach((w, i) => this.workTypeIndex.set(w.id, i));
    this.snapshotObject = { open: false, workTypes: this.workTypes, clerks: this.clerks, awaitingCheck: 0, doneToday: 0, batchArriving: false, lastBatch: null, moves: this.moves };
  }

  /** Called by the session when the shared clock stops at a reporting boundary. */
  atBoundary(boundarySec: number): void {
    if (boundarySec % DAY_SEC === 0) this.dayStart = this.model.liveTotalCounters();
  }

  finish(): void {
    if (!this.model.isFinished) this.model.runToEnd();
  }

  snapshot(now: number): BackOfficeSnapshot {
    const model = this.model;
    const snap = this.snapshotObject;
    let anyOnShift = false;
    for (let i = 0; i < model.clerks.length; i++) {
      const clerk = model.clerks[i];
      const out = this.clerks[i];
      out.state = clerk.state === 'offline' ? 'off' : clerk.state;
      if (clerk.state !== 'offline') anyOnShift = true;
      out.workTypeId = clerk.item ? clerk.item.workType.id : null;
      out.trayCount = clerk.item ? 1 : 0;
      const busy = clerk.state === 'working' || clerk.state === 'checking';
      out.progress = busy && clerk.endSec > clerk.stateSinceSec ? Math.min(1, Math.max(0, (now - clerk.stateSinceSec) / (clerk.endSec - clerk.stateSinceSec))) : 0;
    }
    let awaitingCheck = 0;
    for (let w = 0; w < model.workTypes.length; w++) {
      const type = model.workTypes[w];
      awaitingCheck += type.checkBacklog.size;
      const out = this.workTypes[w];
      out.onTime = 0;
      out.atRisk = 0;
      out.late = 0;
      const scanned = this.scan(type.processBacklog.values(), now, out, 0) + this.scan(type.checkBacklog.values(), now, out, 0);
      const total = type.processBacklog.size + type.checkBacklog.size;
      if (scanned > 0 && scanned < total) {
        const factor = total / scanned;
        out.onTime = Math.round(out.onTime * factor);
        out.atRisk = Math.round(out.atRisk * factor);
        out.late = total - out.onTime - out.atRisk;
      }
    }
    snap.open = anyOnShift || model.calendar.isOpenAt(now);
    snap.awaitingCheck = awaitingCheck;
    snap.doneToday = model.liveTotalCounters().completed - this.dayStart.completed;
    snap.batchArriving = now - this.lastBatchSec < BATCH_SHOWN_SEC;
    return snap;
  }

  kpis(_now: number): BackOfficeKpis {
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
    };
  }

  private scan(items: readonly WorkItem[], now: number, out: MutableWorkType, already: number): number {
    const n = Math.min(items.length, MAX_SCAN - already);
    for (let i = 0; i < n; i++) {
      const item = items[i];
      const left = item.dueSec - now;
      if (left < 0) out.late++;
      else if (left < AT_RISK_SHARE * (item.dueSec - item.arrivalSec)) out.atRisk++;
      else out.onTime++;
    }
    return n;
  }

  /**
   * Item moves and batches from the model's events, nothing guessed: `item.processed` says where
   * a sheet goes when its processing ends (the quality-check desk, or the done tray), `item.checked`
   * where it goes from the check (the done tray, or back to its shelf), and `item.batch-arrived`
   * how a batch was delivered.
   */
  private onEvent(event: BackOfficeEvent): void {
    switch (event.type) {
      case 'item.batch-arrived': {
        this.lastBatchSec = event.timeSec;
        this.snapshotObject.lastBatch = {
          kind: event.delivery,
          workTypeIndex: this.workTypeIndex.get(event.workTypeId) ?? 0,
          count: event.count,
          timeSec: event.timeSec,
          seq: ++this.batchSeq,
        };
        break;
      }
      case 'item.processed': {
        // Processing ends: to the quality-check desk (it joins the check backlog), or straight to
        // the done tray. An item sent to wait for the customer makes no move (as before).
        if (event.next === 'pending') break;
        const kind = event.next === 'check' ? MOVE_DESK_TO_CHECK : MOVE_DESK_TO_DONE;
        this.moves.add(kind, this.clerkIndex.get(event.clerkId) ?? -1, this.workTypeIndex.get(event.workTypeId) ?? 0, event.timeSec);
        break;
      }
      case 'item.checked':
        this.moves.add(event.passed ? MOVE_CHECK_TO_DONE : MOVE_CHECK_TO_SHELF, -1, this.workTypeIndex.get(event.workTypeId) ?? 0, event.timeSec);
        break;
      default:
        break;
    }
  }
}


function artFor(id: string, name: string): WorkItemArt {
  const text = `${id} ${name}`.toLowerCase();
  if (text.includes('claim')) return 'claim';
  if (text.includes('payroll') || text.includes('pay')) return 'payroll';
  if (text.includes('email') || text.includes('quer') || text.includes('mail')) return 'email';
  if (text.includes('invoice')) return 'invoice';
  if (text.includes('hr') || text.includes('onboard')) return 'hr-form';
  return 'document';
}

/**
 * Builds the back-office side of a scenario on the voice model's clock, with its blending groups
 * connected and late items calling the voice model's queues; null when it has no back office.
 */
export function connectBackOffice(scenario: Scenario, voice: VoiceModel, seed: number): BackOfficeAdapter | null {
  return scenario.backOffice ? new BackOfficeAdapter(scenario, voice, seed, (queueId) => voice.receiveFailureDemandCall(queueId)) : null;
}
