/**
 * Back-office domain events: facts in the past tense, emitted at every change of an item or a
 * clerk, each with its simulated time and, for things that last, when they will end (`endSec`,
 * `untilSec`), so the renderer can draw progress without history.
 *
 * A batch lands as ONE `item.batch-arrived` event carrying the id range (ids are consecutive),
 * not one `item.arrived` per item: a month-end file of thousands of items is one stack on a
 * tray. Work still in hand at a clerk's shift end is paused (`item.paused`) and resumed by the
 * same clerk at the start of their next shift (`item.resumed`). The model builds these objects
 * only when a listener is attached.
 */

export type ClerkState = 'offline' | 'idle' | 'working' | 'checking';

/** What a clerk does to an item: process it (first time, after the customer replied, or rework) or check it. */
export type TaskStep = 'process' | 'check';

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
