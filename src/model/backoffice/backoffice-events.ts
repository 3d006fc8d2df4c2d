/**
 * Back-office domain events: facts in the past tense, emitted at every change of an item or a
 * clerk, each with its simulated time and, for things that last, when they will end (`endSec`,
 * `untilSec`), so the renderer can draw progress without history.
 *
 * A batch lands as ONE `item.batch-arrived` event carrying the id range (ids are consecutive),
 * not one `item.arrived` per item: a month-end file of thousands of items is one stack on a
 * tray. Work still in hand at a clerk's shift end is paused (`item.paused`) and resumed by the
 * same clerk at the start of their next shift (`item.resumed`). When a processing step ends the
 * model says what comes next (`item.processed` with `next`): the quality-check backlog, the
 * customer (pending), or completion; the event for that comes right after it. The model builds
 * these objects only when a listener is attached.
 */

import type { BatchDelivery } from './backoffice-schema';

export type { BatchDelivery } from './backoffice-schema';

export type ClerkState = 'offline' | 'idle' | 'working' | 'checking';

/** What a clerk does to an item: process it (first time, after the customer replied, or rework) or check it. */
export type TaskStep = 'process' | 'check';

/**
 * Where an item goes when its processing ends: to the quality-check backlog (`check`), to wait
 * for the customer (`pending`), or it is done (`complete`).
 */
export type ProcessedNext = 'check' | 'complete' | 'pending';

export type BackOfficeEvent =
  | { type: 'item.arrived'; timeSec: number; itemId: number; workTypeId: string; dueSec: number; backlogCount: number }
  | {
      type: 'item.batch-arrived';
      timeSec: number;
      workTypeId: string;
      count: number;
      firstItemId: number;
      lastItemId: number;
      /** Due time of the batch's items (they share one arrival time). */
      dueSec: number;
      backlogCount: number;
      /** How it was delivered: the scenario's `delivery`, or by default mail in business hours and a file outside them. */
      delivery: BatchDelivery;
    }
  | {
      type: 'item.started';
      timeSec: number;
      itemId: number;
      workTypeId: string;
      clerkId: string;
      step: TaskStep;
      /** True for a rework after a failed check. */
      isRework: boolean;
      endSec: number;
    }
  | {
      type: 'item.processed';
      timeSec: number;
      itemId: number;
      workTypeId: string;
      /** The clerk who processed it (its maker, for the check). */
      clerkId: string;
      /** What happens to it next; that event (`item.started` of the check later, `item.pending`, `item.completed`) follows. */
      next: ProcessedNext;
    }
  | { type: 'item.paused'; timeSec: number; itemId: number; workTypeId: string; clerkId: string; step: TaskStep; remainingSec: number }
  | { type: 'item.resumed'; timeSec: number; itemId: number; workTypeId: string; clerkId: string; step: TaskStep; endSec: number }
  | { type: 'item.checked'; timeSec: number; itemId: number; workTypeId: string; clerkId: string; makerId: string; passed: boolean }
  | { type: 'item.reworked'; timeSec: number; itemId: number; workTypeId: string; reworkCount: number }
  | { type: 'item.pending'; timeSec: number; itemId: number; workTypeId: string; clerkId: string; untilSec: number }
  | { type: 'item.customer-replied'; timeSec: number; itemId: number; workTypeId: string }
  | { type: 'item.went-late'; timeSec: number; itemId: number; workTypeId: string; dueSec: number }
  | { type: 'item.customer-called'; timeSec: number; itemId: number; workTypeId: string; queueId: string }
  | {
      type: 'item.completed';
      timeSec: number;
      itemId: number;
      workTypeId: string;
      clerkId: string;
      cycleTimeSec: number;
      onTime: boolean;
    }
  | {
      type: 'clerk.state-changed';
      timeSec: number;
      clerkId: string;
      teamId: string;
      from: ClerkState;
      to: ClerkState;
      /** The item in hand (worked on, checked, or paused overnight), if any. */
      itemId: number | null;
    };

export type BackOfficeEventType = BackOfficeEvent['type'];

export type BackOfficeEventListener = (event: BackOfficeEvent) => void;
