/**
 * What the back-office room needs to know, whatever model produces it: the adapter interface
 * between a back-office model and the renderer and wallboard. A model adapter fills one snapshot
 * object per frame (it may reuse the same object); the room draws it and never writes back.
 *
 * Until a back-office model exists the page passes no source, and the room and wallboard say so
 * instead of showing invented figures.
 */

/** Age of an item against its due time. */
export type AgeBand = 'onTime' | 'atRisk' | 'late';

/** Which art a work type's items use (assets/*.svg). */
export type WorkItemArt = 'invoice' | 'claim' | 'payroll' | 'hr-form' | 'email' | 'document';

export interface WorkTypeSnapshot {
  readonly id: string;
  readonly name: string;
  readonly art: WorkItemArt;
  /** Items waiting (not being worked), split by age against their due time. */
  readonly onTime: number;
  readonly atRisk: number;
  readonly late: number;
}

export type ClerkState = 'idle' | 'working' | 'checking' | 'off';

export interface ClerkSnapshot {
  readonly id: string;
  readonly state: ClerkState;
  /** Work type of the item in hand, if any. */
  readonly workTypeId: string | null;
  /** Progress through the item in hand, 0…1, from its start and end times. */
  readonly progress: number;
  /** Items waiting in this clerk's own in-tray. */
  readonly trayCount: number;
  /** A call-center agent lent by a blending group (drawn with its headset), not one of the back office's clerks. */
  readonly lent: boolean;
}

/** How a batch lands: on the mail cart or as a file drop, as the model's `item.batch-arrived` says (`delivery`). */
export type BatchKind = 'mail' | 'file';

export interface BatchArrival {
  readonly kind: BatchKind;
  readonly workTypeIndex: number;
  readonly count: number;
  readonly timeSec: number;
  /** 1, 2, 3 … for each batch in the run, so the room sees a new one. */
  readonly seq: number;
}

/** Kinds of item moves in the ItemMoveLog. */
export const MOVE_DESK_TO_CHECK = 1;
export const MOVE_CHECK_TO_DONE = 2;
export const MOVE_DESK_TO_DONE = 3;
export const MOVE_CHECK_TO_SHELF = 4;

/**
 * Item moves between desks, read from the model's domain events as they fire: a fixed ring of
 * typed arrays (no allocation per event). Entry n (0-based, n < written) sits at n % capacity;
 * the room draws the ones it has not drawn yet and skips those already overwritten.
 */
export interface ItemMoveLog {
  readonly capacity: number;
  readonly written: number;
  /** MOVE_* per entry. */
  readonly kind: Uint8Array;
  /** Clerk index (in the snapshot's clerk order) of the desk the item leaves or -1. */
  readonly clerk: Int32Array;
  readonly workType: Int32Array;
  /** Simulated time of the move's start. */
  readonly timeSec: Float64Array;
}

export interface BackOfficeSnapshot {
  /** Inside business hours. Out of hours the room dims and the backlog stays. */
  readonly open: boolean;
  readonly workTypes: readonly WorkTypeSnapshot[];
  readonly clerks: readonly ClerkSnapshot[];
  /** Items waiting for quality check, and finished today. */
  readonly awaitingCheck: number;
  readonly doneToday: number;
  /** True while a batch (mail cart, file drop) is arriving. */
  readonly batchArriving: boolean;
  /** The latest batch to land, if any. */
  readonly lastBatch: BatchArrival | null;
  readonly moves: ItemMoveLog;
}

/** Back-office wallboard figures, computed by the back-office model's own KPI code. */
export interface BackOfficeKpis {
  readonly backlog: number;
  readonly oldestAgeSec: number | null;
  readonly onTimeRate: number | null;
  readonly completedToday: number;
  readonly utilization: number | null;
  /** On-time rate over the run so far, and open items already past due (reported apart). */
  readonly onTimeRateRun: number | null;
  readonly lateInBacklog: number;
}

export interface BackOfficeSource {
  snapshot(nowSec: number): BackOfficeSnapshot;
  kpis(nowSec: number): BackOfficeKpis;
}
