/**
 * Fills the back-office snapshot (backoffice-snapshot.ts) from the model: a pure read of its
 * clerks and backlogs into objects made once, plus the log of item moves and batches kept from the
 * model's own events (nothing guessed). The page calls it every frame; it holds no model object,
 * so a worker could build it and post it.
 *
 * Age bands on the shelves: an item is late once its due time has passed, at risk when less than
 * a quarter of the time it was allowed (due − arrival) remains, on time otherwise.
 */
import type { BackOfficeModel } from './backoffice-model';
import type { WorkItem } from './backoffice-objects';
import type { BackOfficeEvent } from './backoffice-events';
import { ViewLog } from '../common/view-log';
import {
  MOVE_CHECK_TO_DONE,
  MOVE_CHECK_TO_SHELF,
  MOVE_DESK_TO_CHECK,
  MOVE_DESK_TO_DONE,
  type BackOfficeSnapshot,
  type BatchArrival,
  type ClerkSnapshot,
  type ItemMoveLog,
  type WorkItemArt,
  type WorkTypeSnapshot,
} from './backoffice-snapshot';

/** Share of its allowed time left below which a waiting item counts as at risk. */
export const AT_RISK_SHARE = 0.25;
/** Simulated seconds the mail cart stays at the door after a batch lands. */
const BATCH_SHOWN_SEC = 45 * 60;
/** Waiting items scanned per work type per frame for the age split; beyond it the split is scaled. */
const MAX_SCAN = 4000;
/** Item moves kept for the room: more than one frame's worth at the speeds where moves are drawn. */
const MOVE_LOG = 128;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

class MoveLog extends ViewLog implements ItemMoveLog {
  readonly kind = new Uint8Array(MOVE_LOG);
  readonly clerk = new Int32Array(MOVE_LOG);
  readonly workType = new Int32Array(MOVE_LOG);
  readonly timeSec = new Float64Array(MOVE_LOG);

  constructor() {
    super(MOVE_LOG);
  }

  add(kind: number, clerk: number, workType: number, timeSec: number): void {
    const i = this.claim();
    this.kind[i] = kind;
    this.clerk[i] = clerk;
    this.workType[i] = workType;
    this.timeSec[i] = timeSec;
  }
}

export class BackOfficeViewBuilder {
  private completedAtDayStart = 0;
  private lastBatchSec = -Infinity;
  private readonly workTypes: Writable<WorkTypeSnapshot>[];
  private readonly clerks: Writable<ClerkSnapshot>[];
  private readonly snap: Writable<BackOfficeSnapshot>;
  private readonly moves = new MoveLog();
  private readonly clerkIndex = new Map<string, number>();
  private readonly workTypeIndex = new Map<string, number>();
  private batchSeq = 0;

  /** `model` is a Site's back office, already wired to the voice model (blending teams listed). */
  constructor(private readonly model: BackOfficeModel) {
    this.workTypes = model.workTypes.map((w) => ({ id: w.id, name: w.name, art: artFor(w.id, w.name), onTime: 0, atRisk: 0, late: 0 }));
    this.clerks = [];
    this.addJoiners();
    const teams = model.teams.map((team) => {
      const shift = team.config?.shift;
      return { name: team.name, skills: team.workTypes.map((w) => w.name), shift: shift ? { start: shift.start, end: shift.end, days: [...shift.days] } : null };
    });
    model.workTypes.forEach((w, i) => this.workTypeIndex.set(w.id, i));
    this.snap = { open: false, workTypes: this.workTypes, clerks: this.clerks, teams, awaitingCheck: 0, doneToday: 0, batchArriving: false, lastBatch: null, moves: this.moves };
  }

  /** Views for the model's clerks not seen yet: all at first, then those who joined during the run (the model only appends). */
  private addJoiners(): void {
    for (let i = this.clerks.length; i < this.model.clerks.length; i++) {
      const c = this.model.clerks[i];
      this.clerkIndex.set(c.id, i);
      this.clerks.push({ id: c.id, team: c.team.index, state: 'offline', sinceSec: 0, workTypeId: null, progress: 0, itemId: -1, itemDueSec: 0, endSec: -1, trayCount: 0, lent: c.team.lender !== null });
    }
  }

  /** A new day begins now (the clock stops exactly at midnight): "done today" counts from here. */
  startDay(): void {
    this.completedAtDayStart = this.model.liveTotalCounters().completed;
  }

  /** The snapshot at time `now`, filled in place (the same object every call). */
  snapshot(now: number): BackOfficeSnapshot {
    const model = this.model;
    const snap = this.snap;
    let anyOnShift = false;
    if (model.clerks.length > this.clerks.length) this.addJoiners();
    for (let i = 0; i < model.clerks.length; i++) {
      const clerk = model.clerks[i];
      const out = this.clerks[i];
      out.state = clerk.state;
      out.sinceSec = clerk.stateSinceSec;
      if (clerk.state !== 'offline') anyOnShift = true;
      const item = clerk.item;
      out.workTypeId = item ? item.workType.id : null;
      out.itemId = item ? item.id : -1;
      out.itemDueSec = item ? item.dueSec : 0;
      out.trayCount = item ? 1 : 0;
      const busy = clerk.state === 'working' || clerk.state === 'checking';
      out.endSec = busy ? clerk.endSec : -1;
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
      const scanned = scanAges(type.processBacklog.values(), now, out, 0) + scanAges(type.checkBacklog.values(), now, out, 0);
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
    snap.doneToday = model.liveTotalCounters().completed - this.completedAtDayStart;
    snap.batchArriving = now - this.lastBatchSec < BATCH_SHOWN_SEC;
    return snap;
  }

  /**
   * The back office's events (the Site's observer): `item.processed` says where a sheet goes when
   * its processing ends (the quality-check desk, or the done tray), `item.checked` where it goes
   * from the check (the done tray, or back to its shelf), and `item.batch-arrived` how a batch
   * was delivered.
   */
  onEvent(event: BackOfficeEvent): void {
    switch (event.type) {
      case 'item.batch-arrived': {
        this.lastBatchSec = event.timeSec;
        const batch: BatchArrival = {
          kind: event.delivery,
          workTypeIndex: this.workTypeIndex.get(event.workTypeId) ?? 0,
          count: event.count,
          timeSec: event.timeSec,
          seq: ++this.batchSeq,
        };
        this.snap.lastBatch = batch;
        break;
      }
      case 'item.processed': {
        // An item sent to wait for the customer makes no move.
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

function scanAges(items: readonly WorkItem[], now: number, out: Writable<WorkTypeSnapshot>, already: number): number {
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

function artFor(id: string, name: string): WorkItemArt {
  const text = `${id} ${name}`.toLowerCase();
  if (text.includes('claim')) return 'claim';
  if (text.includes('payroll') || text.includes('pay')) return 'payroll';
  if (text.includes('email') || text.includes('quer') || text.includes('mail')) return 'email';
  if (text.includes('invoice')) return 'invoice';
  if (text.includes('hr') || text.includes('onboard')) return 'hr-form';
  return 'document';
}
