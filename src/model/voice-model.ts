/**
 * The inbound voice model: callers arrive at call queues, take a line if one is free, wait
 * first-come first-served, are answered by the longest-idle agent of a group that serves their
 * queue, talk, and leave the agent in after-call work; impatient callers hang up, and some of
 * those who abandoned or got a busy signal call again later.
 *
 * It is built on the engine's Simulation and is pure: no DOM, no clock, no global randomness.
 * Each caller's talk, ACW and patience are drawn when the caller arrives, from streams named
 * after the queue, so two configurations run with one seed meet the same callers with the same
 * needs (common random numbers); only what the configuration does to them differs.
 *
 * Hot-path notes: no per-event allocation beyond the call itself and its calendar entries; free
 * agents sit in one FIFO per group ordered by the time they went idle, so finding the
 * longest-idle agent costs O(groups serving the queue), never a scan of agents.
 */
import { Simulation, type RunResult } from '../engine/simulation';
import { RandomStreams, type RandomStream } from '../engine/random-streams';
import { createSampler, type Sampler } from '../engine/distributions';
import { NO_EVENT, type EventHandle } from '../engine/event-calendar';
import { Fifo } from '../engine/fifo';
import { TimeWeighted } from '../engine/time-weighted';
import type { Scenario, QueueConfig } from './scenario-schema';
import { toDistribution } from './scenario-schema';
import { DAY_SEC, poissonArrivals, rateProfile } from './arrival-profile';
import { addQueueCounters, emptyQueueCounters, type QueueCounters } from './voice-counters';
import type { AgentState, DomainEventListener } from './domain-events';

export type CallState = 'waiting' | 'talking' | 'acw' | 'done' | 'abandoned' | 'blocked';

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
}

export interface Agent {
  readonly id: string;
  readonly group: AgentGroup;
  state: AgentState;
  stateSinceSec: number;
  call: Call | null;
}

export interface AgentGroup {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly agents: Agent[];
  /** Idle agents, longest idle first. */
  readonly idle: Fifo<Agent>;
  readonly queues: CallQueue[];
}

export interface CallQueue {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly config: QueueConfig;
  /** Callers in arrival order; abandoned ones are dropped lazily when they reach the head. */
  readonly line: Fifo<Call>;
  readonly groups: AgentGroup[];
  waitingCount: number;
  linesInUse: number;
  readonly lineLimit: number;
  readonly queueLength: TimeWeighted;
  readonly handling: TimeWeighted;
  readonly staffed: TimeWeighted;
  readonly nextArrivalAfter: (t: number) => number;
  readonly arrivalStream: RandomStream;
  readonly drawTalk: Sampler;
  readonly drawAcw: Sampler | null;
  readonly drawPatience: Sampler | null;
  readonly retrialStream: RandomStream;
  readonly drawRetrialAfterAbandon: Sampler | null;
  readonly drawRetrialAfterBlocked: Sampler | null;
}

/** The counters of one reporting interval, held open until every call that arrived in it is done. */
export interface IntervalRecord {
  readonly index: number;
  readonly startSec: number;
  readonly endSec: number;
  readonly queues: QueueCounters[];
  /** Calls that arrived in this interval and have not finished yet. */
  pending: number;
  ended: boolean;
  /** True for intervals inside the warm-up, which no total includes. */
  readonly isWarmup: boolean;
}

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
}

export class VoiceModel {
  readonly sim: Simulation;
  readonly queues: CallQueue[];
  readonly groups: AgentGroup[];
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly seed: number;
  /** Counters of every closed non-warm-up interval, per queue. */
  readonly totals: QueueCounters[];

  private readonly thresholdSec: number;
  private readonly shortAbandonSec: number;
  private readonly listener: DomainEventListener | undefined;
  private readonly onIntervalClosed: ((record: IntervalRecord) => void) | undefined;
  private readonly openRecords: IntervalRecord[] = [];
  private current!: IntervalRecord;
  private nextCallId = 1;
  private finished = false;

  constructor(readonly scenario: Scenario, options: VoiceModelOptions = {}) {
    this.sim = options.sim ?? new Simulation();
    this.seed = options.seed ?? scenario.seed ?? 1;
    this.listener = options.listener;
    this.onIntervalClosed = options.onIntervalClosed;
    this.horizonSec = scenario.days * DAY_SEC;
    this.intervalSec = scenario.reportIntervalMin * 60;
    this.warmupSec = (scenario.warmupMin ?? 0) * 60;
    this.thresholdSec = scenario.serviceLevel.thresholdSec;
    this.shortAbandonSec = scenario.serviceLevel.shortAbandonSec ?? 0;
    const streams = new RandomStreams(`${this.seed}/${options.replication ?? 0}`);

    this.queues = scenario.queues.map((config, index) => this.buildQueue(config, index, streams));
    this.groups = scenario.agentGroups.map((config, index) => {
      const group: AgentGroup = {
        id: config.id,
        name: config.name,
        index,
        agents: [],
        idle: new Fifo<Agent>(config.agents),
        queues: config.queues.map((queueId) => this.queues.find((q) => q.id === queueId)!),
      };
      for (let n = 1; n <= config.agents; n++) {
        const agent: Agent = { id: `${config.id}-${n}`, group, state: 'idle', stateSinceSec: 0, call: null };
        group.agents.push(agent);
        group.idle.push(agent);
      }
      for (const queue of group.queues) {
        queue.groups.push(group);
        queue.staffed.change(0, config.agents);
      }
      return group;
    });
    this.totals = this.queues.map(() => emptyQueueCounters());

    this.current = this.openRecord(0);
    this.sim.scheduleAt(Math.min(this.intervalSec, this.horizonSec), this.onIntervalEnded, null);
    for (const queue of this.queues) this.scheduleNextArrival(queue, 0);
  }

  get now(): number {
    return this.sim.now;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Advances to `untilSec` (never past the horizon); see Simulation.runUntil for the budget. */
  runUntil(untilSec: number, maxEvents?: number): RunResult {
    return this.sim.runUntil(Math.min(untilSec, this.horizonSec), maxEvents);
  }

  /**
   * Runs to the horizon and closes the books: calls still waiting or in handling are counted as
   * such, and every open interval is handed to `onIntervalClosed`.
   */
  runToEnd(): void {
    this.runUntil(this.horizonSec);
    this.finish();
  }

  /** Calls currently waiting in each queue (for wallboards). */
  waitingCount(queueIndex: number): number {
    return this.queues[queueIndex].waitingCount;
  }

  /**
   * Counters of a queue for the whole run so far, closed and still-open intervals alike, time
   * integrals included up to this instant: what a wallboard shows. Feed them to deriveQueueKpis;
   * per-day or per-interval views sum the records handed to onIntervalClosed. Costs
   * O(open intervals), so call it per frame, not per event.
   */
  liveCounters(queueIndex: number): QueueCounters {
    const now = this.sim.now;
    const queue = this.queues[queueIndex];
    const sum = addQueueCounters(emptyQueueCounters(), this.totals[queueIndex]);
    for (const record of this.openRecords) {
      if (record.isWarmup) continue;
      addQueueCounters(sum, record.queues[queueIndex]);
    }
    if (!this.current.ended && !this.current.isWarmup) {
      sum.queueLengthArea += queue.queueLength.peekArea(now);
      sum.handlingArea += queue.handling.peekArea(now);
      sum.staffedArea += queue.staffed.peekArea(now);
      sum.observedSec += now - this.current.startSec;
    }
    return sum;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const queue of this.queues) {
      for (const call of queue.line) if (call.state === 'waiting') call.record.queues[queue.index].waitingAtEnd++;
    }
    for (const group of this.groups) {
      for (const agent of group.agents) if (agent.call) agent.call.record.queues[agent.call.queue.index].inServiceAtEnd++;
    }
    for (const record of this.openRecords) {
      record.pending = 0;
      record.ended = true;
    }
    this.closeReadyRecords();
  }

  private buildQueue(config: QueueConfig, index: number, streams: RandomStreams): CallQueue {
    const stream = (what: string) => streams.stream(`${what}:${config.id}`);
    const retrialStream = stream('retrial');
    const arrivalStream = stream('arrivals');
    return {
      id: config.id,
      name: config.name,
      index,
      config,
      line: new Fifo<Call>(),
      groups: [],
      waitingCount: 0,
      linesInUse: 0,
      lineLimit: config.lines ?? Infinity,
      queueLength: new TimeWeighted(0, 0),
      handling: new TimeWeighted(0, 0),
      staffed: new TimeWeighted(0, 0),
      arrivalStream,
      nextArrivalAfter: poissonArrivals(rateProfile(config.arrivals), arrivalStream, this.horizonSec),
      drawTalk: createSampler(toDistribution(config.talk), stream('talk')),
      drawAcw: config.acw ? createSampler(toDistribution(config.acw), stream('acw')) : null,
      drawPatience: config.patience ? createSampler(toDistribution(config.patience), stream('patience')) : null,
      retrialStream,
      drawRetrialAfterAbandon: config.retrial?.afterAbandon
        ? createSampler(toDistribution(config.retrial.afterAbandon.delay), retrialStream)
        : null,
      drawRetrialAfterBlocked: config.retrial?.afterBlocked
        ? createSampler(toDistribution(config.retrial.afterBlocked.delay), retrialStream)
        : null,
    };
  }

  // ── Intervals ────────────────────────────────────────────────────────────────────────────

  private openRecord(index: number): IntervalRecord {
    const startSec = index * this.intervalSec;
    const record: IntervalRecord = {
      index,
      startSec,
      endSec: Math.min(startSec + this.intervalSec, this.horizonSec),
      queues: this.queues.map(() => emptyQueueCounters()),
      pending: 0,
      ended: false,
      isWarmup: startSec < this.warmupSec,
    };
    this.openRecords.push(record);
    return record;
  }

  private readonly onIntervalEnded = (): void => {
    const now = this.sim.now;
    const record = this.current;
    for (const queue of this.queues) {
      const counters = record.queues[queue.index];
      counters.queueLengthArea += queue.queueLength.takeArea(now);
      counters.handlingArea += queue.handling.takeArea(now);
      counters.staffedArea += queue.staffed.takeArea(now);
      counters.observedSec += now - record.startSec;
    }
    record.ended = true;
    if (now < this.horizonSec) {
      this.current = this.openRecord(record.index + 1);
      this.sim.scheduleAt(Math.min(now + this.intervalSec, this.horizonSec), this.onIntervalEnded, null);
    }
    this.closeReadyRecords();
  };

  /** Hands over finished intervals in order; a later one waits for an earlier one's calls. */
  private closeReadyRecords(): void {
    const open = this.openRecords;
    let closed = 0;
    while (closed < open.length && open[closed].ended && open[closed].pending === 0) {
      const record = open[closed++];
      if (!record.isWarmup) {
        for (let q = 0; q < this.queues.length; q++) addQueueCounters(this.totals[q], record.queues[q]);
      }
      this.onIntervalClosed?.(record);
    }
    if (closed > 0) open.splice(0, closed);
  }

  private settle(call: Call): void {
    const record = call.record;
    record.pending--;
    if (record.pending === 0 && record.ended) this.closeReadyRecords();
  }

  // ── Arrivals ─────────────────────────────────────────────────────────────────────────────

  private scheduleNextArrival(queue: CallQueue, afterSec: number): void {
    const at = queue.nextArrivalAfter(afterSec);
    if (at < this.horizonSec) this.sim.scheduleAt(at, this.onArrival, queue);
  }

  private readonly onArrival = (queue: CallQueue): void => {
    this.scheduleNextArrival(queue, this.sim.now);
    this.admit(queue, false);
  };

  private readonly onRetrial = (queue: CallQueue): void => {
    this.admit(queue, true);
  };

  private admit(queue: CallQueue, isRetrial: boolean): void {
    const now = this.sim.now;
    const record = this.current;
    const call: Call = {
      id: this.nextCallId++,
      queue,
      arrivalSec: now,
      talkSec: queue.drawTalk(),
      acwSec: queue.drawAcw ? queue.drawAcw() : 0,
      patienceSec: queue.drawPatience ? queue.drawPatience() : Infinity,
      isRetrial,
      record,
      state: 'waiting',
      agent: null,
      abandonEvent: NO_EVENT,
    };
    const counters = record.queues[queue.index];
    const listener = this.listener;
    if (listener) listener({ type: 'call.arrived', timeSec: now, callId: call.id, queueId: queue.id, isRetrial });

    if (queue.linesInUse >= queue.lineLimit) {
      call.state = 'blocked';
      counters.blocked++;
      if (listener) listener({ type: 'call.blocked', timeSec: now, callId: call.id, queueId: queue.id });
      this.maybeRetry(call, queue.config.retrial?.afterBlocked?.probability ?? 0, queue.drawRetrialAfterBlocked);
      return;
    }
    queue.linesInUse++;
    counters.offered++;
    if (isRetrial) counters.retrials++;
    record.pending++;

    const agent = this.longestIdleAgent(queue);
    if (agent) {
      this.answer(call, agent);
      return;
    }
    queue.line.push(call);
    queue.waitingCount++;
    queue.queueLength.change(now, 1);
    if (call.patienceSec !== Infinity) call.abandonEvent = this.sim.schedule(call.patienceSec, this.onPatienceExpired, call);
    if (listener) listener({ type: 'call.queued', timeSec: now, callId: call.id, queueId: queue.id, waitingCount: queue.waitingCount });
  }

  private maybeRetry(call: Call, probability: number, drawDelay: Sampler | null): void {
    if (!drawDelay || probability <= 0) return;
    if (call.queue.retrialStream() >= probability) return;
    const delay = drawDelay();
    const retryAt = this.sim.now + delay;
    if (retryAt >= this.horizonSec) return;
    this.sim.scheduleAt(retryAt, this.onRetrial, call.queue);
    this.listener?.({ type: 'call.retrial-scheduled', timeSec: this.sim.now, callId: call.id, queueId: call.queue.id, retryAtSec: retryAt });
  }

  // ── Routing ──────────────────────────────────────────────────────────────────────────────

  /** The agent idle longest among the groups serving the queue; ties go to the group listed first. */
  private longestIdleAgent(queue: CallQueue): Agent | null {
    const groups = queue.groups;
    if (groups.length === 1) return groups[0].idle.shift() ?? null;
    let best: AgentGroup | null = null;
    let bestSince = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const head = groups[i].idle.peek();
      if (head && head.stateSinceSec < bestSince) {
        best = groups[i];
        bestSince = head.stateSinceSec;
      }
    }
    return best ? best.idle.shift()! : null;
  }

  /** The call that has waited longest among the queues this agent serves. */
  private longestWaitingCall(agent: Agent): Call | null {
    const queues = agent.group.queues;
    let best: CallQueue | null = null;
    let bestArrival = Infinity;
    for (let i = 0; i < queues.length; i++) {
      const queue = queues[i];
      if (queue.waitingCount === 0) continue;
      const head = headOfLine(queue);
      if (head.arrivalSec < bestArrival) {
        best = queue;
        bestArrival = head.arrivalSec;
      }
    }
    if (!best) return null;
    best.waitingCount--;
    best.queueLength.change(this.sim.now, -1);
    return best.line.shift()!;
  }

  // ── Handling ─────────────────────────────────────────────────────────────────────────────

  private answer(call: Call, agent: Agent): void {
    const now = this.sim.now;
    const queue = call.queue;
    const wait = now - call.arrivalSec;
    if (call.abandonEvent !== NO_EVENT) {
      this.sim.cancel(call.abandonEvent);
      call.abandonEvent = NO_EVENT;
    }
    const counters = call.record.queues[queue.index];
    counters.answered++;
    counters.waitAnsweredSumSec += wait;
    if (wait <= this.thresholdSec) counters.answeredWithinThreshold++;
    if (wait > counters.maxWaitSec) counters.maxWaitSec = wait;

    call.state = 'talking';
    call.agent = agent;
    agent.call = call;
    queue.handling.change(now, 1);
    this.sim.schedule(call.talkSec, this.onTalkEnded, call);
    this.listener?.({
      type: 'call.answered',
      timeSec: now,
      callId: call.id,
      queueId: queue.id,
      agentId: agent.id,
      waitSec: wait,
      talkEndSec: now + call.talkSec,
    });
    this.setAgentState(agent, 'talking');
  }

  private readonly onTalkEnded = (call: Call): void => {
    call.queue.linesInUse--;
    if (call.acwSec > 0) {
      call.state = 'acw';
      this.setAgentState(call.agent!, 'acw');
      this.sim.schedule(call.acwSec, this.onHandlingDone, call);
      this.listener?.({
        type: 'call.talk-ended',
        timeSec: this.sim.now,
        callId: call.id,
        queueId: call.queue.id,
        agentId: call.agent!.id,
        acwEndSec: this.sim.now + call.acwSec,
      });
    } else {
      this.onHandlingDone(call);
    }
  };

  private readonly onHandlingDone = (call: Call): void => {
    const now = this.sim.now;
    const queue = call.queue;
    const agent = call.agent!;
    const counters = call.record.queues[queue.index];
    counters.handled++;
    counters.talkSumSec += call.talkSec;
    counters.acwSumSec += call.acwSec;
    counters.handleSumSec += call.talkSec + call.acwSec;
    queue.handling.change(now, -1);
    call.state = 'done';
    agent.call = null;
    this.listener?.({
      type: 'call.completed',
      timeSec: now,
      callId: call.id,
      queueId: queue.id,
      agentId: agent.id,
      handleSec: call.talkSec + call.acwSec,
    });
    this.settle(call);

    const next = this.longestWaitingCall(agent);
    if (next) {
      this.answer(next, agent);
    } else {
      this.setAgentState(agent, 'idle');
      agent.group.idle.push(agent);
    }
  };

  private readonly onPatienceExpired = (call: Call): void => {
    const now = this.sim.now;
    const queue = call.queue;
    call.state = 'abandoned';
    call.abandonEvent = NO_EVENT;
    queue.waitingCount--;
    queue.linesInUse--;
    queue.queueLength.change(now, -1);
    const wait = now - call.arrivalSec;
    const counters = call.record.queues[queue.index];
    counters.abandoned++;
    counters.waitAbandonedSumSec += wait;
    if (wait <= this.shortAbandonSec) counters.shortAbandoned++;
    if (wait > counters.maxWaitSec) counters.maxWaitSec = wait;
    this.listener?.({ type: 'call.abandoned', timeSec: now, callId: call.id, queueId: queue.id, waitSec: wait });
    this.settle(call);
    this.maybeRetry(call, queue.config.retrial?.afterAbandon?.probability ?? 0, queue.drawRetrialAfterAbandon);
  };

  private setAgentState(agent: Agent, to: AgentState): void {
    const from = agent.state;
    agent.state = to;
    agent.stateSinceSec = this.sim.now;
    this.listener?.({ type: 'agent.state-changed', timeSec: this.sim.now, agentId: agent.id, from, to });
  }
}

/** The first caller still waiting; abandoned callers ahead of it are dropped here. */
function headOfLine(queue: CallQueue): Call {
  let head = queue.line.peek()!;
  while (head.state !== 'waiting') {
    queue.line.shift();
    head = queue.line.peek()!;
  }
  return head;
}
