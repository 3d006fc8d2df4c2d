/**
 * The call center as its views see it: plain data the voice room, the outbound strip, the callback
 * list and the agent tooltip draw, declared here by the model so that the renderer and the page
 * read one definition and never touch the model's live objects (Call, Agent, Dial, CallQueue).
 * A builder (src/model/site/voice-view.ts) fills one snapshot in place per frame: the objects and
 * typed arrays are made once, so a frame allocates nothing, and the whole snapshot is plain data
 * that a Web Worker could post to the page.
 *
 * What moved since the last frame (an answered call walking to a desk, a caller leaving, a dial
 * ringing out) is in the snapshot's feed, a ring of typed arrays filled from the model's domain
 * events as they fire.
 */
import type { AgentState } from './domain-events';

/** Waiting callers listed per queue, head of the line first: more than a lane can draw. */
export const VOICE_LANE_CALLERS = 60;
/** Callers waiting for a callback listed per queue, in the order they will be called back. */
export const VOICE_CALLBACK_CARDS = 18;

export interface VoiceQueueView {
  readonly id: string;
  readonly name: string;
  /** Infinity when the queue has no line limit. */
  readonly lineLimit: number;
  readonly offersCallbacks: boolean;
  /** Callers waiting on the line, and for a callback. */
  readonly waiting: number;
  readonly callbacksWaiting: number;
  readonly linesInUse: number;
  /** Callers who hung up, and calls that got a busy signal, since the views started listening. */
  readonly abandoned: number;
  readonly blocked: number;
  /** How many of the first waiting callers the arrays below hold (≤ VOICE_LANE_CALLERS). */
  readonly callersShown: number;
  readonly callerId: Float64Array;
  readonly callerArrivalSec: Float64Array;
  /** How many callback callers `callbackArrivalSec` holds (≤ VOICE_CALLBACK_CARDS). */
  readonly callbacksShown: number;
  readonly callbackArrivalSec: Float64Array;
}

export interface VoiceShiftView {
  /** First agent (index in the group) and one past the last. */
  readonly firstAgent: number;
  readonly endAgent: number;
  readonly startSec: number;
  readonly endSec: number;
}

export interface VoiceGroupView {
  readonly id: string;
  readonly name: string;
  readonly agents: number;
  /** Names of the queues and campaigns the group works. */
  readonly skills: readonly string[];
  readonly shifts: readonly VoiceShiftView[];
  /** Agents talking (inbound or outbound) and in wrap-up now. */
  readonly talking: number;
  readonly acw: number;
}

export interface VoiceAgentView {
  readonly id: string;
  readonly group: number;
  /** Position in its group (shift plans are by position). */
  readonly indexInGroup: number;
  readonly state: AgentState;
  readonly sinceSec: number;
  readonly onShift: boolean;
  /** The inbound call in hand: its id (-1 when none), queue index, arrival and answer times. */
  readonly callId: number;
  readonly callQueue: number;
  readonly callArrivalSec: number;
  readonly answeredSec: number;
  /** When the talk or wrap-up under way ends (-1 when nothing with a known end is under way). */
  readonly endSec: number;
  /** The outbound dial in hand: its id (-1 when none) and campaign index. */
  readonly dialId: number;
  readonly dialCampaign: number;
}

export interface VoiceCampaignView {
  readonly id: string;
  readonly name: string;
  readonly mode: string;
  /** Dials ringing now. */
  readonly ringing: number;
  /** Connects abandoned for want of an agent since the views started listening. */
  readonly abandoned: number;
}

/** Kinds of entries in the VoiceFeed. */
export const FEED_CALL_ANSWERED = 1;
export const FEED_CALL_ABANDONED = 2;
export const FEED_DIAL_STARTED = 3;
export const FEED_DIAL_ENDED = 4;

/** How a dial ended, for FEED_DIAL_ENDED (the outbound strip's outcome marks). */
export const DIAL_NO_ANSWER = 0;
export const DIAL_BUSY = 1;
export const DIAL_MACHINE = 2;
export const DIAL_CONNECT = 3;
export const DIAL_ABANDONED = 4;

/**
 * What moved in the call center, in the order it happened: a ring of typed arrays (src/model/view-log.ts).
 *
 * - FEED_CALL_ANSWERED: `place` queue, `agent` agent index, `id` call, `fromSec` its arrival.
 * - FEED_CALL_ABANDONED: `place` queue, `id` call.
 * - FEED_DIAL_STARTED: `place` campaign, `id` dial.
 * - FEED_DIAL_ENDED: `place` campaign, `id` dial, `agent` the DIAL_* outcome.
 */
export interface VoiceFeed {
  readonly capacity: number;
  readonly written: number;
  readonly kind: Uint8Array;
  readonly place: Int32Array;
  readonly agent: Int32Array;
  readonly id: Float64Array;
  readonly timeSec: Float64Array;
  readonly fromSec: Float64Array;
}

export interface VoiceSnapshot {
  readonly nowSec: number;
  /** The service-level threshold: callers waiting longer are drawn in warmer colours. */
  readonly thresholdSec: number;
  readonly queues: readonly VoiceQueueView[];
  readonly groups: readonly VoiceGroupView[];
  /** Every agent, group after group. */
  readonly agents: readonly VoiceAgentView[];
  readonly campaigns: readonly VoiceCampaignView[];
  readonly feed: VoiceFeed;
}
