/**
 * The voice model's shared state: the one object every part of the model (arrivals, the waiting
 * line, call handling, workforce, the dialer, the interval books) reads and writes. It is built
 * once from the scenario (build-voice.ts); the parts are small classes whose handlers are bound
 * once and which keep no copy of what lives here, so nothing on the hot path allocates.
 */
import type { Simulation } from '../../engine/simulation';
import type { RandomStreams } from '../../engine/random-streams';
import type { Scenario } from '../scenario/scenario-schema';
import type { RunCalendar } from '../scenario/run-calendar';
import type { DomainEventListener } from './domain-events';
import type { Agent, AgentGroup, Call, CallQueue, Campaign, IntervalRecord } from './voice-objects';

export interface VoiceModelOptions {
  /** Shares a clock with other models (the back office); a fresh one when absent. */
  sim?: Simulation;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Replication number: replications of one seed draw from independent streams. */
  replication?: number;
  listener?: DomainEventListener;
  /** Receives each interval once it has ended and every call that arrived in it has finished. */
  onIntervalClosed?: (record: IntervalRecord) => void;
  /**
   * Reuse the Call object of a finished plain call for a later caller (batch runs: the runner,
   * the benchmark). Leave it off when anything outside the model keeps Call objects between
   * events, as the page's renderer does: a recycled object would turn into another caller.
   */
  recycleCalls?: boolean;
}

/** A Call as the model writes it when it recycles one. */
export type WritableCall = { -readonly [K in keyof Call]: Call[K] };

/** An agent has come free; the composition decides what it does next (agent-dispatch.ts). */
export interface AgentRelease {
  release(agent: Agent): void;
}

/** The handlers by which a caller comes back later: a retrial after abandoning or being blocked, a repeat call (call-arrivals.ts). */
export interface CallerReturns {
  readonly onRetrial: (queue: CallQueue) => void;
  readonly onRepeat: (queue: CallQueue) => void;
}

export interface VoiceState {
  readonly scenario: Scenario;
  /** The run's dates, weekdays and holidays. */
  readonly calendar: RunCalendar;
  readonly sim: Simulation;
  readonly seed: number;
  readonly listener: DomainEventListener | undefined;
  readonly onIntervalClosed: ((record: IntervalRecord) => void) | undefined;
  readonly recycleCalls: boolean;
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly thresholdSec: number;
  readonly shortAbandonSec: number;
  readonly queues: CallQueue[];
  readonly groups: AgentGroup[];
  readonly campaigns: Campaign[];
  /** Every agent, group by group. */
  readonly agents: Agent[];
  /** Per agent, the contact clock and accumulators laid out in agent-time.ts (replaced by a longer one when agents join). */
  agentTime: Float64Array;
  /** The run's named streams: interventions draw from streams of their own (a TV advert's callers). */
  readonly streams: RandomStreams;
  /** Finished plain calls, ready to be reused (only with `recycleCalls`). */
  readonly spareCalls: WritableCall[];
  /** The interval the clock is in (interval-books.ts opens each one). */
  current: IntervalRecord;
  nextCallId: number;
  nextDialId: number;
  /** Filled in by the composition before the run starts. */
  dispatch: AgentRelease;
  returns: CallerReturns;
}
