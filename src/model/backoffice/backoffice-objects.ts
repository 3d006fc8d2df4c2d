/**
 * The back office's live objects: work items, clerks, teams and work types, as the model's parts
 * share them. Plain records linked to each other (an item knows its work type and the clerk
 * holding it, a clerk its team), so no part looks anything up by id on the hot path.
 */
import type { Simulation } from '../../engine/simulation';
import type { RandomStream } from '../../engine/random-streams';
import type { Sampler } from '../../engine/distributions';
import type { TimeWeighted } from '../../engine/time-weighted';
import type { BinaryHeap } from '../../engine/binary-heap';
import type { IntrusiveList } from '../../engine/intrusive-list';
import type { BatchConfig, TeamConfig, WorkTypeConfig } from './backoffice-schema';
import type { ShiftPattern, ShiftWindow } from './business-calendar';
import type { CountSampler } from './count-distribution';
import type { AllocatableItem } from './allocation';
import type { ClerkState } from './backoffice-events';

/** Whatever the engine hands back for a scheduled event, to cancel it later. */
export type ScheduledEvent = ReturnType<Simulation['schedule']>;

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
  /** Taken off its team while busy: it finishes the task in hand, then goes (backoffice-knobs.ts). */
  leaving: boolean;
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
  /** In the allocation rule's order; rebuilt when the rule changes. */
  processBacklog: BinaryHeap<WorkItem>;
  checkBacklog: BinaryHeap<WorkItem>;
  /** Every item not completed, oldest first. */
  readonly open: BinaryHeap<WorkItem>;
  readonly backlogLevel: TimeWeighted;
  readonly wipLevel: TimeWeighted;
  readonly pendingLevel: TimeWeighted;
  readonly busyLevel: TimeWeighted;
  readonly staffedLevel: TimeWeighted;
  lateOpen: number;
  /** The work type's day-of-week factors by day of the run modulo 7 (byDayOfRun). */
  readonly dayFactors: readonly number[];
  /** Replaced when the item volume changes. */
  nextStreamArrivalAfter: ((t: number) => number) | null;
  /** The pending stream arrival (null when none). */
  streamEvent: ScheduledEvent | null;
  /** Stream rate and batch sizes are this × the scenario's (1 as written). */
  volumeFactor: number;
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
