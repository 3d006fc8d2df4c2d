/**
 * The voice model's objects: calls, agents and their groups, call queues, outbound dials and
 * campaigns, and the per-interval records. The model's parts (build-voice.ts builds them, the
 * flows change them) share them through voice-state.ts; the page's renderer and the runner read
 * them. Kept apart so the parts' files hold behaviour only.
 */
import type { RandomStream } from '../../engine/random-streams';
import type { Sampler } from '../../engine/distributions';
import type { EventHandle } from '../../engine/event-calendar';
import type { Fifo } from '../../engine/fifo';
import type { TimeWeighted } from '../../engine/time-weighted';
import type { QueueConfig, AgentGroupConfig, CampaignConfig } from '../scenario/scenario-schema';
import type { QueueCounters } from './queue-counters';
import type { AgentState, DialResult } from './domain-events';
import type { AgentCounters } from './agent-counters';
import type { CampaignCounters } from './campaign-counters';
import type { ShiftPlan } from './schedules';
import type { RingTimeStats } from './dialer/pacing';
import type { IntrusiveList } from '../../engine/intrusive-list';

export type CallState = 'waiting' | 'callback-waiting' | 'calling-back' | 'talking' | 'hold' | 'acw' | 'done' | 'abandoned' | 'blocked' | 'unreached';

export interface Call {
  readonly id: number;
  readonly queue: CallQueue;
  readonly arrivalSec: number;
  readonly talkSec: number;
  readonly acwSec: number;
  readonly patienceSec: number;
  readonly isRetrial: boolean;
  readonly record: IntervalRecord;
  state: CallState;
  agent: Agent | null;
  /** The caller's patience timer while waiting; NO_EVENT otherwise. */
  abandonEvent: EventHandle;
  /**
   * What only queues with hold, outcomes, callbacks or overflow need; null on a plain queue, so a
   * plain call stays as small (and as cheap to allocate) as the foundation's.
   */
  readonly extra: CallExtra | null;
}

export interface CallExtra {
  readonly holdSec: number;
  readonly isRepeat: boolean;
  /** Support: solved on this contact. Order taking: value of the order (0 for none). Drawn on arrival. */
  readonly resolved: boolean;
  readonly orderValue: number;
  /** False once the caller no longer holds a line (blocked, hung up, or waiting for a callback). */
  holdsLine: boolean;
  /** Answered by an overflow group. */
  viaOverflow: boolean;
}

/** Hold time of a call (0 on a plain queue). */
export function holdSecOf(call: Call): number {
  return call.extra === null ? 0 : call.extra.holdSec;
}

/** What the agent does once its contact is over: go on a break, end its shift, or leave the floor (an intervention: site-knobs.ts). */
export type PendingOff = 'none' | 'break' | 'shift-end' | 'leave';

/**
 * What a blending agent group asks of the back office (see src/model/blending.ts): the voice
 * model decides when an agent is free for items, the back office decides which item.
 */
export interface BackOfficeDesk {
  /** The agent is free: resume its paused item or take the next one (the back office then calls backOfficeWorkStarted), else wait idle there too. */
  lend(agent: Agent): void;
  /** The agent, idle at both, is taken for voice work. */
  recall(agent: Agent): void;
  /** The agent is taken off its item, which it keeps, paused, until it is lent again. */
  interrupt(agent: Agent): void;
}

export interface Agent {
  readonly id: string;
  readonly group: AgentGroup;
  state: AgentState;
  stateSinceSec: number;
  /** The inbound call being handled (null otherwise). */
  call: Call | null;
  /** The outbound dial being previewed, dialled or handled (null otherwise). */
  dial: Dial | null;
  /** Intrusive links of the one group list the agent is in: idle, or lent to the back office. */
  prev: Agent | null;
  next: Agent | null;
  /** A break or the end of the shift waiting for the current contact to finish. */
  pendingOff: PendingOff;
  /** Offset of this agent's contact clock and accumulators in the model's `agentTime` array. */
  readonly slot: number;
  /** Contacts finished since the last interval end (small integers: kept on the agent). */
  inboundAcc: number;
  outboundAcc: number;
  /** Shift, break and logged-in bookkeeping: touched at schedule events only, so kept apart. */
  readonly duty: AgentDuty;
  /** Run totals, warm-up excluded. */
  readonly totals: AgentCounters;
}

export interface AgentDuty {
  /** Logged in for a shift (always true for groups without shifts). */
  onShift: boolean;
  /** Day index of the shift the agent is working, -1 when none (absent or off). */
  shiftDay: number;
  pendingSinceSec: number;
  pendingBreakSec: number;
  breakEvent: EventHandle;
  /** Logged in and not on a break (available or handling). */
  isStaffed: boolean;
  staffedSinceSec: number;
  breakSinceSec: number;
  /** Accumulated since the last interval end. */
  staffedAcc: number;
  breakAcc: number;
  /** Gone home sick until this time (0: not sick); a shift starting before it is missed. */
  sickUntilSec: number;
}

export interface GroupSkill {
  readonly queue: CallQueue;
  readonly priority: number;
  /** 0 for a primary skill; > 0 for an overflow skill. */
  readonly overflowAfterSec: number;
}

export interface AgentGroup {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly config: AgentGroupConfig;
  readonly agents: Agent[];
  /** Idle agents, longest idle first. */
  readonly idle: IntrusiveList<Agent>;
  /** Agents working on back-office items (blending), longest at it first. */
  readonly onBackOffice: IntrusiveList<Agent>;
  /** The back office these agents work for while the phone is quiet; null when they do not blend. */
  backOffice: BackOfficeDesk | null;
  /** Blending: a call for the group pauses an agent's item (true) or waits for it (false). */
  readonly callInterruptsItem: boolean;
  /** Every queue the group has a skill for, in the order given. */
  readonly queues: CallQueue[];
  readonly skills: GroupSkill[];
  readonly campaigns: Campaign[];
  readonly inboundReserve: number;
  readonly absenceShare: number;
  readonly absenceStream: RandomStream;
  readonly shifts: ShiftPlan[];
  /**
   * Who works each shift, by shift index (a group without shifts has one list, always on duty).
   * The scenario's head-counts to begin with; interventions add and remove agents (site-knobs.ts).
   */
  readonly roster: Agent[][];
  /** Per shift, the day index of the occurrence on duty now, -1 when it is off. */
  readonly shiftOnDuty: number[];
  /** Agents taken off the roster, reused first when the group grows again. */
  readonly benched: Agent[];
  /** Agents logged in and not on a break (available or handling). */
  staffedNow: number;
}

export interface OverflowEntry {
  readonly group: AgentGroup;
  readonly afterSec: number;
  readonly priority: number;
}

export interface Spike {
  readonly startSec: number;
  readonly expectedCalls: number;
  readonly decaySec: number;
  readonly stream: RandomStream;
  lambda: number;
}

export interface CallQueue {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly config: QueueConfig;
  readonly priority: number;
  /** Callers in arrival order (waiting on the line or for a callback); others are dropped lazily at the head. */
  readonly line: Fifo<Call>;
  /** Every group with a skill for this queue. */
  readonly groups: AgentGroup[];
  /** Non-overflow groups by skill priority, best first; the groups of one tier in scenario order. */
  readonly tiers: AgentGroup[][];
  readonly overflow: OverflowEntry[];
  /** Distinct overflow waits, ascending. */
  readonly overflowWaits: number[];
  /** Callers waiting on the line. */
  waitingCount: number;
  /** Callers waiting for their callback. */
  callbackCount: number;
  linesInUse: number;
  readonly lineLimit: number;
  /** A phone outage: every arriving caller is blocked while it lasts. */
  linesDown: boolean;
  readonly queueLength: TimeWeighted;
  readonly handling: TimeWeighted;
  readonly staffed: TimeWeighted;
  /** The next arrival of the queue's own stream; replaced when the call volume changes. */
  nextArrivalAfter: (t: number) => number;
  /** The pending arrival of that stream (NO_EVENT when none is left before the horizon). */
  arrivalEvent: EventHandle;
  /** Multiply each arriving caller's talk, hold and ACW (handleFactor) and patience (patienceFactor): 1 as written. */
  handleFactor: number;
  patienceFactor: number;
  readonly arrivalStream: RandomStream;
  readonly drawTalk: Sampler;
  readonly drawAcw: Sampler | null;
  readonly drawPatience: Sampler | null;
  readonly retrialStream: RandomStream;
  readonly drawRetrialAfterAbandon: Sampler | null;
  readonly drawRetrialAfterBlocked: Sampler | null;
  readonly holdStream: RandomStream | null;
  readonly drawHold: Sampler | null;
  readonly outcomeStream: RandomStream | null;
  readonly drawOrderValue: Sampler | null;
  readonly drawRepeatDelay: Sampler | null;
  readonly callbackStream: RandomStream | null;
  readonly drawCallbackRing: Sampler | null;
  readonly spikes: Spike[];
  /** Groups with campaigns that have this queue among their skills (blending checks). */
  readonly blendedGroups: AgentGroup[];
  /** Handle time observed so far (for the callback's expected-wait estimate), with a prior of one mean call. */
  observedHandleSumSec: number;
  observedHandled: number;
  /** True when the queue's calls carry a CallExtra (hold, outcomes, callbacks, overflow). */
  needsExtra: boolean;
  /** A group serving it blends with the back office and its calls interrupt items. */
  interruptsBackOffice: boolean;
}

export type DialState = 'preview' | 'ringing' | 'waiting-agent' | 'talking' | 'acw' | 'done' | 'abandoned';

export interface Dial {
  readonly id: number;
  readonly campaign: Campaign;
  readonly record: number;
  readonly attempt: number;
  readonly result: DialResult;
  readonly ringSec: number;
  readonly talkSec: number;
  readonly acwSec: number;
  readonly converted: boolean;
  readonly value: number;
  agent: Agent | null;
  state: DialState;
  startSec: number;
  /** When the agent became tied to this dial (preview start or reservation). */
  agentSinceSec: number;
  connectSec: number;
  abandonEvent: EventHandle;
  /** Position in the campaign's list of ringing dials (-1 when not ringing). */
  ringingIndex: number;
  /** Counted among the agents the pacing expects back (false once the agent is due for a break or the end of a shift). */
  pacingCounted: boolean;
}

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly config: CampaignConfig;
  /** The dialer mode in force (an intervention may switch it, with the two fields below). */
  mode: CampaignConfig['mode'];
  readonly groups: AgentGroup[];
  readonly records: number;
  readonly attempts: Uint16Array;
  nextFresh: number;
  readonly ready: Fifo<number>;
  windowOpen: boolean;
  inFlight: number;
  /** Dials ringing now, in no particular order (swap-removed). */
  readonly ringing: Dial[];
  readonly ringTimes: RingTimeStats;
  /** Scratch buffer for the pacing's per-dial connect chances. */
  connectChances: Float64Array;
  linesInUse: number;
  readonly lineLimit: number;
  readonly waitingConnects: Fifo<Dial>;
  /** Agents talking on this campaign's connected calls, and agents in their ACW. */
  busyAgents: number;
  acwAgents: number;
  acwSumSec: number;
  readonly staffed: TimeWeighted;
  readonly cumulativeOutcome: number[];
  readonly outcomeStream: RandomStream;
  readonly amdStream: RandomStream;
  readonly conversionStream: RandomStream;
  readonly drawAnswerTime: Sampler;
  readonly drawTalk: Sampler;
  readonly drawWrongPartyTalk: Sampler;
  readonly drawMachineTalk: Sampler;
  readonly drawAcw: Sampler | null;
  readonly drawPreview: Sampler;
  readonly drawValue: Sampler | null;
  readonly drawRetry: Partial<Record<'noAnswer' | 'busy' | 'answeringMachine' | 'wrongParty', Sampler>>;
  readonly noAnswerTimeoutSec: number;
  readonly connectWithinSec: number;
  readonly recallAfterSec: number;
  readonly cap: number;
  maxLinesPerAgent: number;
  amdRate: number;
  readonly amdSec: number;
  /** Pacing statistics, whole run (warm-up included: compliance is about real calls). */
  resolvedDials: number;
  needAgentDials: number;
  answerDelaySumSec: number;
  answers: number;
  handleSumSec: number;
  handled: number;
  runConnects: number;
  runAbandoned: number;
  readonly recentConnects: Fifo<number>;
  readonly recentAbandons: Fifo<number>;
  /** Highest abandon rate over a trailing 24 h window (checked at interval ends), null before any connect. */
  worst24hAbandonRate: number | null;
}

/** The counters of one reporting interval, held open until every call that arrived in it is done. */
export interface IntervalRecord {
  readonly index: number;
  readonly startSec: number;
  readonly endSec: number;
  readonly queues: QueueCounters[];
  /** Agent time and contacts per group (clock interval). */
  readonly groups: AgentCounters[];
  /** Outbound counters per campaign (clock interval). */
  readonly campaigns: CampaignCounters[];
  /** Calls that arrived in this interval and have not finished yet. */
  pending: number;
  ended: boolean;
  /** True for intervals inside the warm-up, which no total includes. */
  readonly isWarmup: boolean;
}

export interface CampaignCompliance {
  readonly cap: number;
  readonly runAbandonRate: number | null;
  readonly trailing24hAbandonRate: number | null;
  readonly worst24hAbandonRate: number | null;
}
