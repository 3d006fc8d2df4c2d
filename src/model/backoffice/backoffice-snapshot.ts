/**
 * The back office as its views see it: the snapshot the room draws and the figures the wallboard
 * shows, declared here by the model so that the renderer, the page (src/app, src/ui) and the
 * wallboard all read one definition. A builder on the model's side (backoffice-view.ts) fills
 * one snapshot object in place per frame; it holds no model object, so a worker could post it,
 * and the views draw it and never write back.
 */
import type { BatchDelivery, ClerkState } from './backoffice-events';

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

export interface ClerkSnapshot {
  readonly id: string;
  /** Index of its team in the snapshot's `teams`. */
  readonly team: number;
  readonly state: ClerkState;
  readonly sinceSec: number;
  /** Work type of the item in hand, if any. */
  readonly workTypeId: string | null;
  /** Progress through the item in hand, 0…1, from its start and end times. */
  readonly progress: number;
  /** The item in hand: its id (-1 when none) and due time. */
  readonly itemId: number;
  readonly itemDueSec: number;
  /** When the task in hand ends (-1 unless working or checking). */
  readonly endSec: number;
  /** Items waiting in this clerk's own in-tray. */
  readonly trayCount: number;
  /** A call-center agent lent by a blending group (drawn with its headset), not one of the back office's clerks. */
  readonly lent: boolean;
}

export interface TeamSnapshot {
  readonly name: string;
  /** Names of the work types the team does. */
  readonly skills: readonly string[];
  /** Its shift as the scenario gives it; null for agents lent by a voice group (their group's shift applies). */
  readonly shift: { readonly start: string; readonly end: string; readonly days: readonly string[] } | null;
}

export interface BatchArrival {
  /** How it landed: on the mail cart or as a file drop, as the model's `item.batch-arrived` says. */
  readonly kind: BatchDelivery;
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
  readonly teams: readonly TeamSnapshot[];
  /** Items waiting for quality check, and finished today. */
  readonly awaitingCheck: number;
  readonly doneToday: number;
  /** True while a batch (mail cart, file drop) is arriving. */
  readonly batchArriving: boolean;
  /** The latest batch to land, if any. */
  readonly lastBatch: BatchArrival | null;
  readonly moves: ItemMoveLog;
}

/**
 * The back-office wallboard's figures, computed by the model's one KPI function
 * (deriveBackOfficeKpis): today's and the run's, not the full KPI set (BackOfficeKpis).
 */
export interface BackOfficeWallboardFigures {
  readonly backlog: number;
  readonly oldestAgeSec: number | null;
  readonly onTimeRate: number | null;
  readonly completedToday: number;
  readonly utilization: number | null;
  /** On-time rate over the run so far, and open items already past due (reported apart). */
  readonly onTimeRateRun: number | null;
  readonly lateInBacklog: number;
  /** Items a clerk has in hand: being processed or checked, or paused overnight on a desk. */
  readonly inHand: number;
  /** Items waiting for the customer (pending). */
  readonly withCustomer: number;
}
