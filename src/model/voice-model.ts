/**
 * The voice model: a contact center's inbound queues and outbound campaigns, worked by agents in
 * groups with skills and shifts.
 *
 * Inbound: callers arrive at call queues (each a contact type: support, enquiry, order taking),
 * take a line if one is free, wait first-come first-served, are answered by the longest-idle
 * agent of the best-priority group that has the skill (overflow groups join after a set wait),
 * talk (with hold), and leave the agent in after-call work; impatient callers hang up, some of
 * them call again, unresolved support callers call back later, and when the expected wait is
 * long a share of callers take a callback that keeps their place in the line.
 *
 * Agents follow shifts with breaks and absence; an agent whose shift end or break comes during
 * a contact finishes it first and the overrun is counted. Outbound campaigns dial a call list in
 * preview, progressive or predictive mode (src/model/voice/pacing.ts); blended agents take
 * inbound first and go outbound only while their inbound queues are empty and the group's
 * inbound reserve stays idle. See docs/voice-operations.md for the rules.
 *
 * Pure: no DOM, no clock, no global randomness. Each caller's talk, hold, ACW, patience and
 * outcome are drawn when the caller arrives, from streams named after the queue, so two
 * configurations run with one seed meet the same callers with the same needs (common random
 * numbers); only what the configuration does to them differs.
 *
 * Hot-path notes: no per-event allocation beyond the call itself and its calendar entries; idle
 * agents sit in one intrusive list per group ordered by the time they went idle, so finding the
 * longest-idle agent costs O(groups with the skill), never a scan of agents, and an agent leaving
 * idle for a break is unlinked in O(1). A queue served by one group without overflow, and a group
 * with one skill, take short paths with the same results.
 */
import { Simulation, type RunResult } from '../engine/simulation';
import { RandomStreams } from '../engine/random-streams';
import { createSampler, distributionMean, type Sampler } from '../engine/distributions';
import { NO_EVENT } from '../engine/event-calendar';
import { Fifo } from '../engine/fifo';
import { TimeWeighted } from '../engine/time-weighted';
import type { Scenario, QueueConfig, AgentGroupConfig, CampaignConfig, Duration } from './scenario-schema';
import { toDistribution } from './scenario-schema';
import { poissonArrivals, rateProfile } from './arrival-profile';
import { addQueueCounters, emptyQueueCounters, type QueueCounters } from './voice-counters';
import type { AgentState, DialResult, DomainEventListener } from './domain-events';
import { addAgentCounters, emptyAgentCounters, type AgentCounters } from './voice/agent-counters';
import { addCampaignCounters, emptyCampaignCounters, type CampaignCounters } from './voice/campaign-counters';
import { planShifts, nextOccurrence, type ShiftPlan, type BreakPlan } from './voice/schedules';
import { clockSec, DAY_SEC, weekdaySet } from './calendar-schema';
import { expectedWaitSec } from './voice/callbacks';
import { nextSpikeArrival } from './voice/arrival-spikes';
import { abandonTarget, predictiveDialCount, RingTimeStats } from './voice/pacing';
import { emptyList, linkLast, unlink } from './intrusive-list';
import { holdSecOf } from './voice/voice-objects';
import type { Call, CallExtra, BackOfficeDesk, Agent, AgentGroup, GroupSkill, Spike, CallQueue, Dial, Campaign, IntervalRecord, CampaignCompliance } from './voice/voice-objects';

// The model's objects live in src/model/voice/voice-objects.ts; importers keep reading them from here.
export type { CallState, Call, CallExtra, PendingOff, BackOfficeDesk, Agent, AgentDuty, GroupSkill, AgentGroup, CallQueue, DialState, Dial, Campaign, IntervalRecord, CampaignCompliance } from './voice/voice-objects';
export { holdSecOf } from './voice/voice-objects';

/**
 * Per agent in `VoiceModel.agentTime`: contact start, handling and talk seconds since the last
 * interval end, and the same for back-office work (start, seconds) while blending.
 */
const SINCE = 0;
const HANDLING = 1;
const TALK = 2;
const BACK_OFFICE_SINCE = 3;
const BACK_OFFICE = 4;
const TIME_SLOTS = 5;

const RESULT_BY_OUTCOME = ['no-answer', 'busy', 'answering-machine', 'wrong-party', 'right-party'] as const;

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
type WritableCall = { -readonly [K in keyof Call]: Call[K] };

const DEFAULT_CALLBACK_RING: Duration = { kind: 'deterministic', valueSec: 20 };
const BUSY_SIGNAL_SEC = 5;

export class VoiceModel {
  readonly sim: Simulation;
  readonly queues: CallQueue[];
  readonly groups: AgentGroup[];
  readonly campaigns: Campaign[];
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly seed: number;
  /** Counters of every closed non-warm-up interval, per queue. */
  readonly totals: QueueCounters[];
  /** The same per agent group and per campaign. */
  readonly groupTotals: AgentCounters[];
  readonly campaignTotals: CampaignCounters[];

  private readonly thresholdSec: number;
  private readonly shortAbandonSec: number;
  private readonly listener: DomainEventListener | undefined;
  private readonly onIntervalClosed: ((record: IntervalRecord) => void) | undefined;
  private readonly openRecords: IntervalRecord[] = [];
  private readonly allAgents: Agent[] = [];
  private current!: IntervalRecord;
  private readonly recycleCalls: boolean;
  /** Finished plain calls, ready to be reused (only with `recycleCalls`). */
  private readonly spareCalls: WritableCall[] = [];
  private nextCallId = 1;
  private nextDialId = 1;
  private lastFlushSec = 0;
  private agentCount = 0;
  /** Per agent, TIME_SLOTS doubles: unboxed, contiguous, and off the agent objects the hot path reads. */
  private agentTime: Float64Array = new Float64Array(0);
  private finished = false;

  constructor(readonly scenario: Scenario, options: VoiceModelOptions = {}) {
    this.sim = options.sim ?? new Simulation();
    this.seed = options.seed ?? scenario.seed ?? 1;
    this.listener = options.listener;
    this.onIntervalClosed = options.onIntervalClosed;
    this.recycleCalls = options.recycleCalls ?? false;
    this.horizonSec = scenario.days * DAY_SEC;
    this.intervalSec = scenario.reportIntervalMin * 60;
    this.warmupSec = (scenario.warmupMin ?? 0) * 60;
    this.thresholdSec = scenario.serviceLevel.thresholdSec;
    this.shortAbandonSec = scenario.serviceLevel.shortAbandonSec ?? 0;
    const streams = new RandomStreams(`${this.seed}/${options.replication ?? 0}`);

    this.queues = scenario.queues.map((config, index) => this.buildQueue(config, index, streams));
    this.campaigns = (scenario.campaigns ?? []).map((config, index) => this.buildCampaign(config, index, streams));
    this.agentTime = new Float64Array(scenario.agentGroups.reduce((n, g) => n + g.agents, 0) * TIME_SLOTS);
    this.groups = scenario.agentGroups.map((config, index) => this.buildGroup(config, index, streams));
    for (const queue of this.queues) this.buildTiers(queue);
    this.totals = this.queues.map(() => emptyQueueCounters());
    this.groupTotals = this.groups.map(() => emptyAgentCounters());
    this.campaignTotals = this.campaigns.map(() => emptyCampaignCounters());

    this.current = this.openRecord(0);
    this.sim.scheduleAt(Math.min(this.intervalSec, this.horizonSec), this.onIntervalEnded, null);
    for (const queue of this.queues) this.scheduleNextArrival(queue, 0);
    for (const queue of this.queues) for (const spike of queue.spikes) this.scheduleSpikeArrival(queue, spike);
    for (const group of this.groups) for (const plan of group.shifts) this.scheduleShift(group, plan, 0);
    for (const campaign of this.campaigns) {
      const window = campaign.config.window;
      if (window) this.scheduleWindow(campaign, 0);
    }
    // Campaigns open all day start dialling at time 0.
    for (const campaign of this.campaigns) if (campaign.windowOpen) this.sim.scheduleAt(0, this.onCampaignKick, campaign);
  }

  get now(): number {
    return this.sim.now;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Every agent, group by group. */
  get agents(): readonly Agent[] {
    return this.allAgents;
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

  /** Counters of an agent group for the run so far (time up to this instant); feed them to deriveAgentKpis. */
  liveGroupCounters(groupIndex: number): AgentCounters {
    const sum = addAgentCounters(emptyAgentCounters(), this.groupTotals[groupIndex]);
    for (const record of this.openRecords) if (!record.isWarmup) addAgentCounters(sum, record.groups[groupIndex]);
    if (!this.current.isWarmup && !this.current.ended) {
      const now = this.sim.now;
      sum.observedSec += now - this.lastFlushSec;
      for (const agent of this.groups[groupIndex].agents) {
        sum.staffedSec += agent.duty.staffedAcc + (agent.duty.isStaffed ? now - agent.duty.staffedSinceSec : 0);
        sum.breakSec += agent.duty.breakAcc + (agent.state === 'break' ? now - agent.duty.breakSinceSec : 0);
        const time = this.agentTime;
        sum.handlingSec += time[agent.slot + HANDLING] + (agent.call !== null || agent.dial !== null ? now - time[agent.slot + SINCE] : 0);
        sum.backOfficeSec += time[agent.slot + BACK_OFFICE] + (agent.state === 'back-office' ? now - time[agent.slot + BACK_OFFICE_SINCE] : 0);
        sum.talkSec += time[agent.slot + TALK];
        sum.inboundHandled += agent.inboundAcc;
        sum.outboundHandled += agent.outboundAcc;
      }
    }
    return sum;
  }

  /** Counters of a campaign for the run so far; feed them to deriveCampaignKpis. */
  liveCampaignCounters(campaignIndex: number): CampaignCounters {
    const sum = addCampaignCounters(emptyCampaignCounters(), this.campaignTotals[campaignIndex]);
    for (const record of this.openRecords) if (!record.isWarmup) addCampaignCounters(sum, record.campaigns[campaignIndex]);
    if (!this.current.isWarmup && !this.current.ended) {
      const now = this.sim.now;
      sum.agentStaffedSec += this.campaigns[campaignIndex].staffed.peekArea(now);
      sum.observedSec += now - this.current.startSec;
    }
    return sum;
  }

  /** Where a campaign stands against its abandon-rate cap, now. */
  compliance(campaignIndex: number): CampaignCompliance {
    const c = this.campaigns[campaignIndex];
    this.trimRecent(c);
    return {
      cap: c.cap,
      runAbandonRate: c.runConnects > 0 ? c.runAbandoned / c.runConnects : null,
      trailing24hAbandonRate: c.recentConnects.length > 0 ? c.recentAbandons.length / c.recentConnects.length : null,
      worst24hAbandonRate: c.worst24hAbandonRate,
    };
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (const queue of this.queues) {
      for (const call of queue.line) {
        if (call.state === 'waiting') call.record.queues[queue.index].waitingAtEnd++;
        else if (call.state === 'callback-waiting') call.record.queues[queue.index].callbacksPendingAtEnd++;
      }
    }
    for (const group of this.groups) {
      for (const agent of group.agents) {
        const call = agent.call;
        if (!call) continue;
        // A callback still ringing is still pending; an answered one is in service.
        if (call.state === 'calling-back') call.record.queues[call.queue.index].callbacksPendingAtEnd++;
        else call.record.queues[call.queue.index].inServiceAtEnd++;
      }
    }
    // A run shorter than a day: its only 24 h window is the run itself.
    for (const c of this.campaigns) if (this.horizonSec < DAY_SEC) this.checkWorst24h(c);
    for (const record of this.openRecords) {
      record.pending = 0;
      record.ended = true;
    }
    this.closeReadyRecords();
  }

  // ── Building ─────────────────────────────────────────────────────────────────────────────

  private buildQueue(config: QueueConfig, index: number, streams: RandomStreams): CallQueue {
    const stream = (what: string) => streams.stream(`${what}:${config.id}`);
    const retrialStream = stream('retrial');
    const arrivalStream = stream('arrivals');
    const contact = config.contactType;
    const hasOutcome = contact !== undefined && contact.kind !== 'enquiry';
    const callback = config.callback;
    const priorHandle = distributionMean(toDistribution(config.talk)) + (config.acw ? distributionMean(toDistribution(config.acw)) : 0);
    return {
      id: config.id,
      name: config.name,
      index,
      config,
      priority: config.priority ?? 0,
      line: new Fifo<Call>(),
      groups: [],
      tiers: [],
      overflow: [],
      overflowWaits: [],
      waitingCount: 0,
      callbackCount: 0,
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
      holdStream: config.hold ? stream('hold') : null,
      drawHold: config.hold ? createSampler(toDistribution(config.hold.duration), stream('hold-time')) : null,
      outcomeStream: hasOutcome ? stream('outcome') : null,
      drawOrderValue: contact?.kind === 'order' ? createSampler(contact.orderValue, stream('order-value')) : null,
      drawRepeatDelay: contact?.kind === 'support' ? createSampler(toDistribution(contact.repeatDelay), stream('repeat')) : null,
      callbackStream: callback ? stream('callback') : null,
      drawCallbackRing: callback ? createSampler(toDistribution(callback.ringTime ?? DEFAULT_CALLBACK_RING), stream('callback-ring')) : null,
      spikes: (config.arrivalSpikes ?? []).map((spike, i) => ({
        startSec: (spike.day - 1) * DAY_SEC + clockSec(spike.time),
        expectedCalls: spike.extraCalls,
        decaySec: spike.decayMin * 60,
        stream: stream(`spike-${i}`),
        lambda: 0,
      })),
      blendedGroups: [],
      observedHandleSumSec: priorHandle,
      observedHandled: 1,
      needsExtra: config.hold !== undefined || hasOutcome || callback !== undefined,
      interruptsBackOffice: false,
    };
  }

  private buildGroup(config: AgentGroupConfig, index: number, streams: RandomStreams): AgentGroup {
    const skills: GroupSkill[] = [];
    for (const queueId of config.queues) skills.push({ queue: this.queueById(queueId), priority: 1, overflowAfterSec: 0 });
    for (const skill of config.skills ?? []) {
      skills.push({ queue: this.queueById(skill.queue), priority: skill.priority ?? 1, overflowAfterSec: skill.overflowAfterSec ?? 0 });
    }
    const campaigns = (config.campaigns ?? []).map((id) => this.campaigns.find((c) => c.id === id)!);
    const hasShifts = config.shifts !== undefined;
    const group: AgentGroup = {
      id: config.id,
      name: config.name,
      index,
      config,
      agents: [],
      idle: emptyList<Agent>(),
      onBackOffice: emptyList<Agent>(),
      backOffice: null,
      callInterruptsItem: config.backOfficeWork?.callInterruptsItem ?? false,
      queues: skills.map((s) => s.queue),
      skills,
      campaigns,
      inboundReserve: config.inboundReserve ?? 0,
      absenceShare: config.absenceShare ?? 0,
      absenceStream: streams.stream(`absence:${config.id}`),
      shifts: hasShifts ? planShifts(config.shifts!) : [],
      staffedNow: 0,
    };
    for (let n = 1; n <= config.agents; n++) {
      const agent: Agent = {
        id: `${config.id}-${n}`,
        group,
        state: hasShifts ? 'offline' : 'idle',
        stateSinceSec: 0,
        call: null,
        dial: null,
        prev: null,
        next: null,
        pendingOff: 'none',
        slot: (this.agentCount++) * TIME_SLOTS,
        inboundAcc: 0,
        outboundAcc: 0,
        duty: {
          onShift: !hasShifts,
          shiftDay: hasShifts ? -1 : 0,
          pendingSinceSec: 0,
          pendingBreakSec: 0,
          breakEvent: NO_EVENT,
          isStaffed: !hasShifts,
          staffedSinceSec: 0,
          breakSinceSec: 0,
          staffedAcc: 0,
          breakAcc: 0,
        },
        totals: emptyAgentCounters(),
      };
      group.agents.push(agent);
      this.allAgents.push(agent);
      if (!hasShifts) linkLast(group.idle, agent);
    }
    for (const skill of skills) skill.queue.groups.push(group);
    for (const campaign of campaigns) campaign.groups.push(group);
    if (campaigns.length > 0) for (const skill of skills) skill.queue.blendedGroups.push(group);
    if (!hasShifts) {
      group.staffedNow = config.agents;
      for (const skill of skills) skill.queue.staffed.change(0, config.agents);
      for (const campaign of campaigns) campaign.staffed.change(0, config.agents);
    }
    return group;
  }

  private queueById(id: string): CallQueue {
    return this.queues.find((q) => q.id === id)!;
  }

  /** Routing tables of a queue: tiers of primary groups by skill priority, then overflow groups. */
  private buildTiers(queue: CallQueue): void {
    const byPriority = new Map<number, AgentGroup[]>();
    for (const group of this.groups) {
      for (const skill of group.skills) {
        if (skill.queue !== queue) continue;
        if (skill.overflowAfterSec > 0) {
          queue.overflow.push({ group, afterSec: skill.overflowAfterSec, priority: skill.priority });
        } else {
          const tier = byPriority.get(skill.priority) ?? [];
          tier.push(group);
          byPriority.set(skill.priority, tier);
        }
      }
    }
    for (const priority of [...byPriority.keys()].sort((a, b) => a - b)) queue.tiers.push(byPriority.get(priority)!);
    queue.overflow.sort((a, b) => a.priority - b.priority || a.afterSec - b.afterSec);
    queue.overflowWaits.push(...new Set(queue.overflow.map((o) => o.afterSec)));
    if (queue.overflow.length > 0) queue.needsExtra = true;
    queue.overflowWaits.sort((a, b) => a - b);
  }

  private buildCampaign(config: CampaignConfig, index: number, streams: RandomStreams): Campaign {
    const stream = (what: string) => streams.stream(`${what}:campaign:${config.id}`);
    const sampler = (d: Duration | undefined, what: string, fallbackSec: number) =>
      createSampler(toDistribution(d ?? { kind: 'deterministic', valueSec: fallbackSec }), stream(what));
    const o = config.dialOutcomes;
    const probabilities = [o.noAnswer, o.busy, o.answeringMachine, o.wrongParty, o.rightParty];
    const cumulative: number[] = [];
    probabilities.reduce((sum, p) => {
      cumulative.push(sum + p);
      return sum + p;
    }, 0);
    const drawRetry: Campaign['drawRetry'] = {};
    for (const key of ['noAnswer', 'busy', 'answeringMachine', 'wrongParty'] as const) {
      const rule = config.retry?.[key];
      if (rule) drawRetry[key] = createSampler(toDistribution(rule.delay), stream(`retry-${key}`));
    }
    return {
      id: config.id,
      name: config.name,
      index,
      config,
      mode: config.mode,
      groups: [],
      records: config.records,
      attempts: new Uint16Array(config.records),
      nextFresh: 0,
      ready: new Fifo<number>(),
      windowOpen: config.window === undefined,
      inFlight: 0,
      ringing: [],
      ringTimes: new RingTimeStats(Math.max(config.noAnswerTimeoutSec ?? 25, 60)),
      connectChances: new Float64Array(64),
      linesInUse: 0,
      lineLimit: config.maxLines ?? Infinity,
      waitingConnects: new Fifo<Dial>(),
      busyAgents: 0,
      acwAgents: 0,
      acwSumSec: 0,
      staffed: new TimeWeighted(0, 0),
      cumulativeOutcome: cumulative,
      outcomeStream: stream('outcome'),
      amdStream: stream('amd'),
      conversionStream: stream('conversion'),
      drawAnswerTime: createSampler(toDistribution(config.answerTime), stream('answer-time')),
      drawTalk: createSampler(toDistribution(config.talk), stream('talk')),
      drawWrongPartyTalk: sampler(config.wrongPartyTalk, 'wrong-party-talk', 20),
      drawMachineTalk: sampler(config.machineTalk, 'machine-talk', 15),
      drawAcw: config.acw ? createSampler(toDistribution(config.acw), stream('acw')) : null,
      drawPreview: sampler(config.previewTime, 'preview', 20),
      drawValue: config.conversion.value ? createSampler(config.conversion.value, stream('value')) : null,
      drawRetry,
      noAnswerTimeoutSec: config.noAnswerTimeoutSec ?? 25,
      connectWithinSec: config.connectWithinSec ?? 2,
      recallAfterSec: (config.abandonedRecallAfterHours ?? 72) * 3600,
      cap: config.abandonCap ?? 0.03,
      maxLinesPerAgent: config.maxLinesPerAgent ?? 3,
      amdRate: config.mode === 'preview' ? 0 : (config.answeringMachineDetection?.detectionRate ?? 0),
      amdSec: config.answeringMachineDetection?.detectSec ?? 3,
      resolvedDials: 0,
      needAgentDials: 0,
      answerDelaySumSec: 0,
      answers: 0,
      handleSumSec: 0,
      handled: 0,
      runConnects: 0,
      runAbandoned: 0,
      recentConnects: new Fifo<number>(),
      recentAbandons: new Fifo<number>(),
      worst24hAbandonRate: null,
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
      groups: this.groups ? this.groups.map(() => emptyAgentCounters()) : [],
      campaigns: this.campaigns.map(() => emptyCampaignCounters()),
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
    this.flushAgentTime(record, now);
    for (const campaign of this.campaigns) {
      const counters = record.campaigns[campaign.index];
      counters.agentStaffedSec += campaign.staffed.takeArea(now);
      counters.observedSec += now - record.startSec;
      if (now >= DAY_SEC) this.checkWorst24h(campaign);
    }
    record.ended = true;
    if (now < this.horizonSec) {
      this.current = this.openRecord(record.index + 1);
      this.sim.scheduleAt(Math.min(now + this.intervalSec, this.horizonSec), this.onIntervalEnded, null);
    }
    this.closeReadyRecords();
  };

  /**
   * At an interval end: splits each agent's logged-in, break and current-contact time at the
   * boundary, sums the agents' accumulated time and contacts into their group's interval
   * counters, and hands them to each agent's run totals (outside the warm-up). O(agents) per
   * interval, and nothing on the per-call path but a few fields of the agent itself.
   */
  private flushAgentTime(record: IntervalRecord, now: number): void {
    const spanSec = now - this.lastFlushSec;
    this.lastFlushSec = now;
    const keep = !record.isWarmup;
    for (const group of this.groups) {
      const g = record.groups[group.index];
      g.observedSec += spanSec;
      for (const agent of group.agents) {
        this.splitAgentTime(agent, now);
        const handling = this.agentTime[agent.slot + HANDLING];
        const talk = this.agentTime[agent.slot + TALK];
        const backOffice = this.agentTime[agent.slot + BACK_OFFICE];
        g.staffedSec += agent.duty.staffedAcc;
        g.handlingSec += handling;
        g.backOfficeSec += backOffice;
        g.breakSec += agent.duty.breakAcc;
        g.talkSec += talk;
        g.inboundHandled += agent.inboundAcc;
        g.outboundHandled += agent.outboundAcc;
        if (keep) {
          const t = agent.totals;
          t.observedSec += spanSec;
          t.staffedSec += agent.duty.staffedAcc;
          t.handlingSec += handling;
          t.backOfficeSec += backOffice;
          t.breakSec += agent.duty.breakAcc;
          t.talkSec += talk;
          t.inboundHandled += agent.inboundAcc;
          t.outboundHandled += agent.outboundAcc;
        }
        agent.duty.staffedAcc = agent.duty.breakAcc = agent.inboundAcc = agent.outboundAcc = 0;
        this.agentTime[agent.slot + HANDLING] = 0;
        this.agentTime[agent.slot + TALK] = 0;
        this.agentTime[agent.slot + BACK_OFFICE] = 0;
      }
    }
  }

  /** Brings an agent's accumulated logged-in, break and contact time up to `now`. */
  private splitAgentTime(agent: Agent, now: number): void {
    if (agent.duty.isStaffed) {
      agent.duty.staffedAcc += now - agent.duty.staffedSinceSec;
      agent.duty.staffedSinceSec = now;
    }
    if (agent.state === 'break') {
      agent.duty.breakAcc += now - agent.duty.breakSinceSec;
      agent.duty.breakSinceSec = now;
    }
    const time = this.agentTime;
    if (agent.call !== null || agent.dial !== null) {
      time[agent.slot + HANDLING] += now - time[agent.slot + SINCE];
      time[agent.slot + SINCE] = now;
    } else if (agent.state === 'back-office') {
      time[agent.slot + BACK_OFFICE] += now - time[agent.slot + BACK_OFFICE_SINCE];
      time[agent.slot + BACK_OFFICE_SINCE] = now;
    }
  }

  /** Hands over finished intervals in order; a later one waits for an earlier one's calls. */
  private closeReadyRecords(): void {
    const open = this.openRecords;
    let closed = 0;
    while (closed < open.length && open[closed].ended && open[closed].pending === 0) {
      const record = open[closed++];
      if (!record.isWarmup) {
        for (let q = 0; q < this.queues.length; q++) addQueueCounters(this.totals[q], record.queues[q]);
        for (let g = 0; g < this.groups.length; g++) addAgentCounters(this.groupTotals[g], record.groups[g]);
        for (let c = 0; c < this.campaigns.length; c++) addCampaignCounters(this.campaignTotals[c], record.campaigns[c]);
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

  /** Agent event counters go to the current interval, and to the agent's totals outside the warm-up. */
  private agentCounters(agent: Agent): AgentCounters | null {
    return this.current.isWarmup ? null : agent.totals;
  }

  // ── Arrivals ─────────────────────────────────────────────────────────────────────────────

  private scheduleNextArrival(queue: CallQueue, afterSec: number): void {
    const at = queue.nextArrivalAfter(afterSec);
    if (at < this.horizonSec) this.sim.scheduleAt(at, this.onArrival, queue);
  }

  private readonly onArrival = (queue: CallQueue): void => {
    this.scheduleNextArrival(queue, this.sim.now);
    this.admit(queue, false, false);
  };

  /**
   * A call caused outside the voice model arrives now: a customer chasing a late back-office
   * item (failure demand). It is an ordinary caller of the queue, drawn from the queue's streams.
   */
  receiveFailureDemandCall(queueId: string): void {
    const queue = this.queues.find((q) => q.id === queueId);
    if (!queue) throw new RangeError(`failure demand names unknown queue "${queueId}"`);
    if (this.sim.now >= this.horizonSec) return;
    this.current.queues[queue.index].failureDemandCalls++;
    this.admit(queue, false, false);
  }

  private readonly onRetrial = (queue: CallQueue): void => {
    this.admit(queue, true, false);
  };

  private readonly onRepeat = (queue: CallQueue): void => {
    this.admit(queue, false, true);
  };

  private scheduleSpikeArrival(queue: CallQueue, spike: Spike): void {
    const next = nextSpikeArrival(spike.startSec, spike.expectedCalls, spike.decaySec, spike.lambda, spike.stream);
    if (!next || next[0] >= this.horizonSec) return;
    spike.lambda = next[1];
    this.sim.scheduleAt(Math.max(next[0], this.sim.now), this.onSpikeArrival, { queue, spike });
  }

  private readonly onSpikeArrival = (payload: { queue: CallQueue; spike: Spike }): void => {
    this.scheduleSpikeArrival(payload.queue, payload.spike);
    this.admit(payload.queue, false, false);
  };

  private admit(queue: CallQueue, isRetrial: boolean, isRepeat: boolean): void {
    const now = this.sim.now;
    const record = this.current;
    // The draws, in this order, whether or not the object is a recycled one.
    const talkSec = queue.drawTalk();
    const acwSec = queue.drawAcw ? queue.drawAcw() : 0;
    const patienceSec = queue.drawPatience ? queue.drawPatience() : Infinity;
    const extra = queue.needsExtra ? this.drawExtra(queue, isRepeat) : null;
    const spare = this.spareCalls.pop();
    let call: Call;
    if (spare) {
      spare.id = this.nextCallId++;
      spare.queue = queue;
      spare.arrivalSec = now;
      spare.talkSec = talkSec;
      spare.acwSec = acwSec;
      spare.patienceSec = patienceSec;
      spare.isRetrial = isRetrial;
      spare.record = record;
      spare.state = 'waiting';
      spare.agent = null;
      spare.abandonEvent = NO_EVENT;
      spare.extra = extra;
      call = spare;
    } else {
      call = { id: this.nextCallId++, queue, arrivalSec: now, talkSec, acwSec, patienceSec, isRetrial, record, state: 'waiting', agent: null, abandonEvent: NO_EVENT, extra };
    }
    const counters = record.queues[queue.index];
    const listener = this.listener;
    if (listener) listener({ type: 'call.arrived', timeSec: now, callId: call.id, queueId: queue.id, isRetrial, ...(isRepeat ? { isRepeat } : {}) });

    if (queue.linesInUse >= queue.lineLimit) {
      call.state = 'blocked';
      if (call.extra) call.extra.holdsLine = false;
      counters.blocked++;
      if (listener) listener({ type: 'call.blocked', timeSec: now, callId: call.id, queueId: queue.id });
      this.maybeRetry(call, queue.config.retrial?.afterBlocked?.probability ?? 0, queue.drawRetrialAfterBlocked);
      return;
    }
    queue.linesInUse++;
    counters.offered++;
    if (isRetrial) counters.retrials++;
    if (isRepeat) counters.repeatCalls++;
    record.pending++;

    const agent = this.agentForNewCall(queue);
    if (agent) {
      this.answer(call, agent);
      return;
    }
    if (queue.callbackStream && this.offersCallback(queue) && queue.callbackStream() < queue.config.callback!.acceptShare) {
      this.takeCallback(call);
      return;
    }
    queue.line.push(call);
    queue.waitingCount++;
    queue.queueLength.change(now, 1);
    if (call.patienceSec !== Infinity) call.abandonEvent = this.sim.schedule(call.patienceSec, this.onPatienceExpired, call);
    const waits = queue.overflowWaits;
    for (let i = 0; i < waits.length; i++) if (waits[i] < call.patienceSec) this.sim.schedule(waits[i], this.onOverflowDue, call);
    if (listener) listener({ type: 'call.queued', timeSec: now, callId: call.id, queueId: queue.id, waitingCount: queue.waitingCount });
  }

  /** The caller's hold, outcome and flags, drawn on arrival from the queue's own streams (after talk, ACW and patience). */
  private drawExtra(queue: CallQueue, isRepeat: boolean): CallExtra {
    const contact = queue.config.contactType;
    const outcome = queue.outcomeStream;
    let resolved = false;
    let orderValue = 0;
    if (outcome && contact) {
      if (contact.kind === 'support') resolved = outcome() < contact.firstContactResolution;
      else if (contact.kind === 'order' && outcome() < contact.orderProbability) orderValue = queue.drawOrderValue!();
    }
    return {
      holdSec: queue.holdStream && queue.holdStream() < queue.config.hold!.probability ? queue.drawHold!() : 0,
      isRepeat,
      resolved,
      orderValue,
      holdsLine: true,
      viaOverflow: false,
    };
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

  // ── Callbacks ────────────────────────────────────────────────────────────────────────────

  private offersCallback(queue: CallQueue): boolean {
    const ahead = queue.waitingCount + queue.callbackCount;
    const wait = expectedWaitSec(ahead, queue.observedHandleSumSec / queue.observedHandled, queue.staffed.value);
    return wait > queue.config.callback!.offerWhenExpectedWaitSec;
  }

  /** The caller hangs up their line but keeps a place in the queue's line. */
  private takeCallback(call: Call): void {
    const queue = call.queue;
    call.state = 'callback-waiting';
    call.extra!.holdsLine = false;
    queue.linesInUse--;
    queue.callbackCount++;
    queue.line.push(call);
    call.record.queues[queue.index].callbacksRequested++;
    const waits = queue.overflowWaits;
    for (let i = 0; i < waits.length; i++) this.sim.schedule(waits[i], this.onOverflowDue, call);
    if (this.listener) {
      const wait = expectedWaitSec(queue.waitingCount + queue.callbackCount - 1, queue.observedHandleSumSec / queue.observedHandled, queue.staffed.value);
      this.listener({ type: 'call.callback-requested', timeSec: this.sim.now, callId: call.id, queueId: queue.id, expectedWaitSec: wait });
    }
  }

  // ── Routing ──────────────────────────────────────────────────────────────────────────────

  /**
   * The agent for a call that has just arrived: the longest-idle agent of the best skill tier
   * that has one idle; ties go to the group listed first. Overflow groups wait for their timer.
   */
  private agentForNewCall(queue: CallQueue): Agent | null {
    const tiers = queue.tiers;
    if (tiers.length === 1 && tiers[0].length === 1) {
      const agent = this.popIdle(tiers[0][0]);
      return agent !== null || !queue.interruptsBackOffice ? agent : this.takeFromBackOffice(queue);
    }
    for (let t = 0; t < tiers.length; t++) {
      const best = longestIn(tiers[t], 'idle');
      if (best) return this.popIdle(best);
    }
    return queue.interruptsBackOffice ? this.takeFromBackOffice(queue) : null;
  }

  /**
   * Blending, when calls interrupt items: no agent is idle, so the call takes the agent of the
   * best tier who has been on back-office work longest, whose item is paused until it is free.
   */
  private takeFromBackOffice(queue: CallQueue): Agent | null {
    for (const tier of queue.tiers) {
      const best = longestIn(tier.filter((group) => group.callInterruptsItem), 'onBackOffice');
      if (best) {
        const agent = best.onBackOffice.head!;
        this.recallFromBackOffice(agent);
        return agent;
      }
    }
    return null;
  }

  /** An overflow timer: offer a still-waiting call to the overflow groups whose wait has come. */
  private readonly onOverflowDue = (call: Call): void => {
    if (call.state !== 'waiting' && call.state !== 'callback-waiting') return;
    const queue = call.queue;
    const wait = this.sim.now - call.arrivalSec;
    let best: AgentGroup | null = null;
    let bestPriority = Infinity;
    let bestSince = Infinity;
    for (const entry of queue.overflow) {
      if (entry.afterSec > wait) continue;
      const head = entry.group.idle.head;
      if (!head) continue;
      if (entry.priority < bestPriority || (entry.priority === bestPriority && head.stateSinceSec < bestSince)) {
        best = entry.group;
        bestPriority = entry.priority;
        bestSince = head.stateSinceSec;
      }
    }
    if (!best) return;
    const agent = this.popIdle(best)!;
    this.leaveLine(call);
    call.extra!.viaOverflow = true;
    this.answer(call, agent);
  };

  /**
   * The call a free agent takes: among the queues it has a skill for, the highest queue priority
   * first, then the agent's best skill priority, then the caller who has waited longest. An
   * overflow skill counts only once the head caller has waited its overflow time.
   */
  private nextCallFor(agent: Agent): Call | null {
    const skills = agent.group.skills;
    if (skills.length === 1 && skills[0].overflowAfterSec === 0) {
      // One primary skill: the head of that line, if any.
      const queue = skills[0].queue;
      if (queue.waitingCount === 0 && queue.callbackCount === 0) return null;
      const head = headOfLine(queue);
      queue.line.shift();
      this.leaveLine(head);
      return head;
    }
    const now = this.sim.now;
    let best: Call | null = null;
    let bestSkill: GroupSkill | null = null;
    for (let i = 0; i < skills.length; i++) {
      const skill = skills[i];
      const queue = skill.queue;
      if (queue.waitingCount === 0 && queue.callbackCount === 0) continue;
      const head = headOfLine(queue);
      if (skill.overflowAfterSec > 0 && now - head.arrivalSec < skill.overflowAfterSec) continue;
      if (
        !best ||
        queue.priority > bestSkill!.queue.priority ||
        (queue.priority === bestSkill!.queue.priority &&
          (skill.priority < bestSkill!.priority || (skill.priority === bestSkill!.priority && head.arrivalSec < best.arrivalSec)))
      ) {
        best = head;
        bestSkill = skill;
      }
    }
    if (!best) return null;
    best.queue.line.shift();
    this.leaveLine(best);
    if (bestSkill!.overflowAfterSec > 0) best.extra!.viaOverflow = true;
    return best;
  }

  /** Bookkeeping of a caller leaving the line for an agent (the entry itself is dropped lazily or shifted by the caller). */
  private leaveLine(call: Call): void {
    const queue = call.queue;
    if (call.state === 'waiting') {
      queue.waitingCount--;
      queue.queueLength.change(this.sim.now, -1);
    } else {
      queue.callbackCount--;
    }
    if (queue.blendedGroups.length > 0 && queue.waitingCount === 0 && queue.callbackCount === 0) this.kickBlendedGroups(queue);
  }

  // ── Idle agents ──────────────────────────────────────────────────────────────────────────

  private popIdle(group: AgentGroup): Agent | null {
    const agent = group.idle.head;
    if (agent) this.unlinkIdle(agent);
    return agent;
  }

  /** An idle agent is taken for something else; a blending agent was lent idle to the back office, which lets go of it. */
  private unlinkIdle(agent: Agent): void {
    unlink(agent.group.idle, agent);
    const desk = agent.group.backOffice;
    if (desk !== null) desk.recall(agent);
  }

  /** An agent on back-office work is wanted back (a call, a break, the end of the shift): its item is paused. */
  private recallFromBackOffice(agent: Agent): void {
    this.leaveBackOffice(agent);
    agent.group.backOffice!.interrupt(agent);
  }

  private leaveBackOffice(agent: Agent): void {
    unlink(agent.group.onBackOffice, agent);
    const time = this.agentTime;
    time[agent.slot + BACK_OFFICE] += this.sim.now - time[agent.slot + BACK_OFFICE_SINCE];
  }

  // ── Blending with the back office ───────────────────────────────────────────────────────

  /**
   * Connects a blending group to the back office: from now on its idle agents are lent to it,
   * starting with those idle already. Done once, before the run starts.
   */
  attachBackOffice(group: AgentGroup, desk: BackOfficeDesk): void {
    if (group.backOffice !== null) throw new RangeError(`agent group "${group.id}" is attached to a back office already`);
    group.backOffice = desk;
    for (const queue of group.queues) if (group.callInterruptsItem) queue.interruptsBackOffice = true;
    for (let agent = group.idle.head; agent !== null; ) {
      const next = agent.next;
      desk.lend(agent);
      agent = next;
    }
  }

  /** The back office gave a lent agent an item (or resumed its paused one). */
  backOfficeWorkStarted(agent: Agent): void {
    unlink(agent.group.idle, agent);
    this.setAgentState(agent, 'back-office');
    linkLast(agent.group.onBackOffice, agent);
    this.agentTime[agent.slot + BACK_OFFICE_SINCE] = this.sim.now;
  }

  /** A lent agent finished a back-office task: calls come first, then outbound, then maybe more back-office work. */
  backOfficeTaskDone(agent: Agent): void {
    this.leaveBackOffice(agent);
    this.release(agent);
  }

  /**
   * An agent has come free (a contact finished, a break ended, a shift began): a pending break
   * or shift end comes first, then inbound work, then outbound work, else the agent waits idle.
   */
  private release(agent: Agent): void {
    if (agent.pendingOff !== 'none') {
      this.applyPendingOff(agent);
      return;
    }
    const next = this.nextCallFor(agent);
    if (next) {
      this.answer(next, agent);
      return;
    }
    const group = agent.group;
    if (group.campaigns.length > 0 && this.offerOutboundWork(agent)) return;
    this.setAgentState(agent, 'idle');
    linkLast(group.idle, agent);
    if (group.backOffice !== null) group.backOffice.lend(agent);
    if (group.campaigns.length > 0) for (const campaign of group.campaigns) if (campaign.mode === 'predictive') this.pace(campaign);
  }

  // ── Inbound handling ─────────────────────────────────────────────────────────────────────

  private answer(call: Call, agent: Agent): void {
    const now = this.sim.now;
    const queue = call.queue;
    if (call.abandonEvent !== NO_EVENT) {
      this.sim.cancel(call.abandonEvent);
      call.abandonEvent = NO_EVENT;
    }
    call.agent = agent;
    agent.call = call;
    this.agentTime[agent.slot + SINCE] = now;
    queue.handling.change(now, 1);
    if (call.state === 'callback-waiting') {
      this.startCallback(call, agent);
      return;
    }
    const wait = now - call.arrivalSec;
    const counters = call.record.queues[queue.index];
    counters.answered++;
    counters.waitAnsweredSumSec += wait;
    if (wait <= this.thresholdSec) counters.answeredWithinThreshold++;
    if (wait > counters.maxWaitSec) counters.maxWaitSec = wait;
    if (call.extra !== null && call.extra.viaOverflow) counters.overflowAnswered++;
    this.startTalk(call, agent, wait);
  }

  private startTalk(call: Call, agent: Agent, wait: number): void {
    const now = this.sim.now;
    call.state = 'talking';
    if (call.extra !== null && call.extra.holdSec > 0) this.sim.schedule(call.talkSec / 2, this.onHoldStarted, call);
    else this.sim.schedule(call.talkSec, this.onTalkEnded, call);
    this.listener?.({
      type: 'call.answered',
      timeSec: now,
      callId: call.id,
      queueId: call.queue.id,
      agentId: agent.id,
      waitSec: wait,
      talkEndSec: now + call.talkSec + holdSecOf(call),
      ...(call.extra?.viaOverflow ? { overflow: true } : {}),
    });
    this.setAgentState(agent, 'talking');
  }

  private readonly onHoldStarted = (call: Call): void => {
    call.state = 'hold';
    this.setAgentState(call.agent!, 'hold');
    this.sim.schedule(call.extra!.holdSec, this.onHoldEnded, call);
  };

  private readonly onHoldEnded = (call: Call): void => {
    call.state = 'talking';
    this.setAgentState(call.agent!, 'talking');
    this.sim.schedule(call.talkSec - call.talkSec / 2, this.onTalkEnded, call);
  };

  private readonly onTalkEnded = (call: Call): void => {
    const extra = call.extra;
    if (extra === null) call.queue.linesInUse--;
    else if (extra.holdsLine) {
      call.queue.linesInUse--;
      extra.holdsLine = false;
    }
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
    const extra = call.extra;
    const holdSec = extra === null ? 0 : extra.holdSec;
    const handleSec = call.talkSec + holdSec + call.acwSec;
    counters.handled++;
    counters.talkSumSec += call.talkSec;
    counters.acwSumSec += call.acwSec;
    counters.holdSumSec += holdSec;
    counters.handleSumSec += handleSec;
    if (queue.callbackStream) {
      queue.observedHandleSumSec += handleSec;
      queue.observedHandled++;
    }
    queue.handling.change(now, -1);
    call.state = 'done';
    agent.call = null;
    agent.inboundAcc++;
    this.agentTime[agent.slot + TALK] += call.talkSec + holdSec;
    this.endContact(agent);
    const contact = extra === null ? undefined : queue.config.contactType;
    if (contact?.kind === 'support') this.settleSupportOutcome(call, counters, contact.repeatProbability ?? 1);
    else if (contact?.kind === 'order' && extra!.orderValue > 0) {
      counters.orders++;
      counters.orderValue += extra!.orderValue;
    }
    if (this.listener) {
      this.listener({
        type: 'call.completed',
        timeSec: now,
        callId: call.id,
        queueId: queue.id,
        agentId: agent.id,
        handleSec,
        ...(contact?.kind === 'support' ? { resolved: extra!.resolved } : {}),
        ...(contact?.kind === 'order' ? { orderValue: extra!.orderValue } : {}),
      });
    }
    this.settle(call);
    this.release(agent);
    // A plain call is out of every list once handled (answered at once, or shifted off the head of
    // the line); a call with extras may still sit in the line or have an overflow timer pending.
    if (this.recycleCalls && extra === null) this.spareCalls.push(call as WritableCall);
  };

  private settleSupportOutcome(call: Call, counters: QueueCounters, repeatProbability: number): void {
    if (call.extra!.resolved) {
      counters.resolved++;
      return;
    }
    counters.unresolved++;
    const queue = call.queue;
    // The repeat decision and delay come from the queue's outcome streams, drawn at the end of the call.
    if (repeatProbability < 1 && queue.outcomeStream!() >= repeatProbability) return;
    const at = this.sim.now + queue.drawRepeatDelay!();
    if (at >= this.horizonSec) return;
    this.sim.scheduleAt(at, this.onRepeat, queue);
    this.listener?.({ type: 'call.repeat-scheduled', timeSec: this.sim.now, callId: call.id, queueId: queue.id, repeatAtSec: at });
  }

  private readonly onPatienceExpired = (call: Call): void => {
    const now = this.sim.now;
    const queue = call.queue;
    call.abandonEvent = NO_EVENT;
    this.leaveLine(call);
    call.state = 'abandoned';
    queue.linesInUse--;
    if (call.extra) call.extra.holdsLine = false;
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

  private startCallback(call: Call, agent: Agent): void {
    const ringSec = call.queue.drawCallbackRing!();
    call.state = 'calling-back';
    this.sim.schedule(ringSec, this.onCallbackRung, call);
    this.listener?.({ type: 'call.callback-started', timeSec: this.sim.now, callId: call.id, queueId: call.queue.id, agentId: agent.id, ringEndSec: this.sim.now + ringSec });
    this.setAgentState(agent, 'reserved');
  }

  private readonly onCallbackRung = (call: Call): void => {
    const queue = call.queue;
    const agent = call.agent!;
    const counters = call.record.queues[queue.index];
    const reached = queue.callbackStream!() < queue.config.callback!.reachProbability;
    this.listener?.({
      type: 'call.callback-ended',
      timeSec: this.sim.now,
      callId: call.id,
      queueId: queue.id,
      agentId: agent.id,
      reached,
      talkEndSec: reached ? this.sim.now + call.talkSec + holdSecOf(call) : this.sim.now,
    });
    if (reached) {
      counters.callbacksReached++;
      this.startTalk(call, agent, this.sim.now - call.arrivalSec);
      return;
    }
    counters.callbacksFailed++;
    call.state = 'unreached';
    agent.call = null;
    this.endContact(agent);
    queue.handling.change(this.sim.now, -1);
    this.settle(call);
    this.release(agent);
  };

  // ── Agent states and schedules ───────────────────────────────────────────────────────────

  private setAgentState(agent: Agent, to: AgentState): void {
    const now = this.sim.now;
    const from = agent.state;
    agent.state = to;
    agent.stateSinceSec = now;
    this.listener?.({ type: 'agent.state-changed', timeSec: now, agentId: agent.id, from, to });
  }

  /** An agent joins (+1) or leaves (−1) the logged-in-and-not-on-break head-count. */
  private changeStaffed(agent: Agent, delta: number): void {
    const now = this.sim.now;
    const group = agent.group;
    group.staffedNow += delta;
    if (delta > 0) {
      agent.duty.isStaffed = true;
      agent.duty.staffedSinceSec = now;
    } else {
      agent.duty.isStaffed = false;
      agent.duty.staffedAcc += now - agent.duty.staffedSinceSec;
    }
    for (const queue of group.queues) queue.staffed.change(now, delta);
    for (const campaign of group.campaigns) campaign.staffed.change(now, delta);
  }

  private scheduleShift(group: AgentGroup, plan: ShiftPlan, fromDay: number): void {
    const lastDay = Math.ceil(this.horizonSec / DAY_SEC);
    const day = nextOccurrence(plan.weekdays, fromDay, lastDay);
    if (day < 0) return;
    const at = day * DAY_SEC + plan.startSec;
    if (at >= this.horizonSec) return;
    this.sim.scheduleAt(at, this.onShiftStarted, { group, plan, day });
  }

  private readonly onShiftStarted = (payload: { group: AgentGroup; plan: ShiftPlan; day: number }): void => {
    const { group, plan, day } = payload;
    const now = this.sim.now;
    const dayStart = day * DAY_SEC;
    for (const b of plan.breaks) {
      if (dayStart + b.startSec < this.horizonSec) this.sim.scheduleAt(dayStart + b.startSec, this.onBreakDue, { group, plan, day, shiftBreak: b });
    }
    if (dayStart + plan.endSec <= this.horizonSec) this.sim.scheduleAt(dayStart + plan.endSec, this.onShiftEnded, { group, plan, day });
    this.scheduleShift(group, plan, day + 1);
    for (let i = plan.firstAgent; i < plan.endAgent; i++) {
      const agent = group.agents[i];
      if (group.absenceShare > 0 && group.absenceStream() < group.absenceShare) {
        this.current.groups[group.index].absences++;
        const totals = this.agentCounters(agent);
        if (totals) totals.absences++;
        this.listener?.({ type: 'agent.absent', timeSec: now, agentId: agent.id, shiftEndSec: dayStart + plan.endSec });
        continue;
      }
      agent.duty.shiftDay = day;
      if (agent.duty.onShift) {
        // Still finishing yesterday's overrun: the new shift simply carries on.
        if (agent.pendingOff === 'shift-end') agent.pendingOff = 'none';
        continue;
      }
      agent.duty.onShift = true;
      this.changeStaffed(agent, 1);
      // Logged in: ready first, then whatever work is waiting (the state machine never jumps offline → talking).
      this.setAgentState(agent, 'idle');
      this.release(agent);
    }
  };

  private readonly onBreakDue = (payload: { group: AgentGroup; plan: ShiftPlan; day: number; shiftBreak: BreakPlan }): void => {
    const { group, plan, day } = payload;
    const durationSec = payload.shiftBreak.durationSec;
    for (let i = plan.firstAgent; i < plan.endAgent; i++) {
      const agent = group.agents[i];
      if (agent.duty.shiftDay !== day || !agent.duty.onShift) continue;
      if (agent.state === 'idle') {
        this.unlinkIdle(agent);
        this.startBreak(agent, durationSec);
      } else if (agent.state === 'back-office') {
        // Back-office work is deferrable: the item is paused at once, not finished first.
        this.recallFromBackOffice(agent);
        this.startBreak(agent, durationSec);
      } else if (agent.pendingOff === 'none') {
        // Busy (or still on a late break): the break starts when the contact is finished.
        agent.pendingOff = 'break';
        this.uncountForPacing(agent);
        agent.duty.pendingSinceSec = this.sim.now;
        agent.duty.pendingBreakSec = durationSec;
      }
    }
  };

  private startBreak(agent: Agent, durationSec: number): void {
    this.changeStaffed(agent, -1);
    agent.duty.breakSinceSec = this.sim.now;
    this.setAgentState(agent, 'break');
    agent.duty.breakEvent = this.sim.schedule(durationSec, this.onBreakEnded, agent);
  }

  private readonly onBreakEnded = (agent: Agent): void => {
    agent.duty.breakEvent = NO_EVENT;
    this.endBreak(agent);
    this.changeStaffed(agent, 1);
    this.setAgentState(agent, 'idle');
    this.release(agent);
  };

  private readonly onShiftEnded = (payload: { group: AgentGroup; plan: ShiftPlan; day: number }): void => {
    const { group, plan, day } = payload;
    for (let i = plan.firstAgent; i < plan.endAgent; i++) {
      const agent = group.agents[i];
      if (agent.duty.shiftDay !== day || !agent.duty.onShift) continue;
      if (agent.state === 'idle') {
        this.unlinkIdle(agent);
        this.logOff(agent);
      } else if (agent.state === 'back-office') {
        this.recallFromBackOffice(agent);
        this.logOff(agent);
      } else if (agent.state === 'break') {
        this.sim.cancel(agent.duty.breakEvent);
        agent.duty.breakEvent = NO_EVENT;
        this.endBreak(agent);
        this.changeStaffed(agent, 1);
        this.logOff(agent);
      } else {
        agent.pendingOff = 'shift-end';
        this.uncountForPacing(agent);
        agent.duty.pendingSinceSec = this.sim.now;
      }
    }
  };

  private endBreak(agent: Agent): void {
    agent.duty.breakAcc += this.sim.now - agent.duty.breakSinceSec;
  }

  /** A contact ended: its handling time goes to the agent. */
  private endContact(agent: Agent): void {
    const now = this.sim.now;
    const time = this.agentTime;
    time[agent.slot + HANDLING] += now - time[agent.slot + SINCE];
    time[agent.slot + SINCE] = now;
  }

  /** An agent due off after the current call will not take the next connect: the pacing stops counting on it. */
  private uncountForPacing(agent: Agent): void {
    const dial = agent.dial;
    if (!dial || !dial.pacingCounted) return;
    if (dial.state === 'talking') dial.campaign.busyAgents--;
    else if (dial.state === 'acw') dial.campaign.acwAgents--;
    dial.pacingCounted = false;
  }

  private logOff(agent: Agent): void {
    this.changeStaffed(agent, -1);
    agent.duty.onShift = false;
    agent.duty.shiftDay = -1;
    agent.pendingOff = 'none';
    this.setAgentState(agent, 'offline');
  }

  /** The contact that held the agent past a shift end or a break start is over: report the overrun and go. */
  private applyPendingOff(agent: Agent): void {
    const now = this.sim.now;
    const overrun = now - agent.duty.pendingSinceSec;
    const what = agent.pendingOff === 'shift-end' ? 'shift' : 'break';
    const groupCounters = this.current.groups[agent.group.index];
    // Back-to-back breaks hand over at the same instant: no delay to report.
    const totals = overrun > 0 ? this.agentCounters(agent) : null;
    if (overrun === 0) {
      // nothing to count
    } else if (what === 'shift') {
      groupCounters.shiftOverruns++;
      groupCounters.shiftOverrunSec += overrun;
      if (totals) {
        totals.shiftOverruns++;
        totals.shiftOverrunSec += overrun;
      }
    } else {
      groupCounters.breakDelays++;
      groupCounters.breakDelaySec += overrun;
      if (totals) {
        totals.breakDelays++;
        totals.breakDelaySec += overrun;
      }
    }
    if (overrun > 0) this.listener?.({ type: 'agent.overran', timeSec: now, agentId: agent.id, what, scheduledSec: agent.duty.pendingSinceSec, overrunSec: overrun });
    if (what === 'shift') {
      this.logOff(agent);
    } else {
      agent.pendingOff = 'none';
      this.startBreak(agent, agent.duty.pendingBreakSec);
    }
  }

  // ── Outbound: campaigns and the dialer ───────────────────────────────────────────────────

  private scheduleWindow(campaign: Campaign, fromDay: number): void {
    const window = campaign.config.window!;
    const lastDay = Math.ceil(this.horizonSec / DAY_SEC);
    const day = nextOccurrence(weekdaySet(window.days), fromDay, lastDay);
    if (day < 0) return;
    const at = day * DAY_SEC + clockSec(window.start);
    if (at >= this.horizonSec) return;
    this.sim.scheduleAt(at, this.onWindowOpened, { campaign, day });
  }

  private readonly onWindowOpened = (payload: { campaign: Campaign; day: number }): void => {
    const { campaign, day } = payload;
    const window = campaign.config.window!;
    campaign.windowOpen = true;
    const closeAt = day * DAY_SEC + clockSec(window.end);
    this.sim.scheduleAt(Math.min(closeAt, this.horizonSec), this.onWindowClosed, campaign);
    this.scheduleWindow(campaign, day + 1);
    // Kick after everything else due at this instant (a break starting at the window's opening goes first).
    this.sim.schedule(0, this.onCampaignKick, campaign);
  };

  private readonly onWindowClosed = (campaign: Campaign): void => {
    campaign.windowOpen = false;
  };

  private readonly onCampaignKick = (campaign: Campaign): void => {
    this.kickCampaign(campaign);
  };

  private hasRecord(campaign: Campaign): boolean {
    return campaign.ready.length > 0 || campaign.nextFresh < campaign.records;
  }

  private takeRecord(campaign: Campaign): number {
    if (campaign.ready.length > 0) return campaign.ready.shift()!;
    return campaign.nextFresh++;
  }

  private canDial(campaign: Campaign): boolean {
    return campaign.windowOpen && campaign.linesInUse < campaign.lineLimit && this.hasRecord(campaign);
  }

  /** True while none of the group's inbound queues has a caller waiting (on the line or for a callback). */
  private isInboundClear(group: AgentGroup): boolean {
    const queues = group.queues;
    for (let i = 0; i < queues.length; i++) if (queues[i].waitingCount > 0 || queues[i].callbackCount > 0) return false;
    return true;
  }

  /** Idle agents of a group that outbound work may take now (beyond the inbound reserve). */
  private outboundFree(group: AgentGroup): number {
    if (!this.isInboundClear(group)) return 0;
    return Math.max(0, group.idle.count - group.inboundReserve);
  }

  /** The longest-idle agent a campaign may take now, or null; it is unlinked from its idle list. */
  private takeCampaignAgent(campaign: Campaign): Agent | null {
    let best: AgentGroup | null = null;
    let bestSince = Infinity;
    for (const group of campaign.groups) {
      if (this.outboundFree(group) <= 0) continue;
      const head = group.idle.head!;
      if (head.stateSinceSec < bestSince) {
        best = group;
        bestSince = head.stateSinceSec;
      }
    }
    return best ? this.popIdle(best) : null;
  }

  /**
   * A freed agent with no inbound call to take: a connected predictive call waiting for an agent
   * first, then a preview or progressive dial, as long as the blending rule allows.
   */
  private offerOutboundWork(agent: Agent): boolean {
    const group = agent.group;
    if (!this.isInboundClear(group) || group.idle.count < group.inboundReserve) return false;
    for (const campaign of group.campaigns) {
      if (campaign.mode === 'predictive') {
        const dial = this.nextWaitingConnect(campaign);
        if (dial) {
          this.connectDial(dial, agent);
          return true;
        }
      } else if (this.canDial(campaign)) {
        this.startAgentDial(campaign, agent);
        return true;
      }
    }
    return false;
  }

  private kickBlendedGroups(queue: CallQueue): void {
    for (const group of queue.blendedGroups) {
      if (this.outboundFree(group) <= 0) continue;
      for (const campaign of group.campaigns) this.kickCampaign(campaign);
    }
  }

  /** Puts idle agents to work for a campaign (preview, progressive) or paces it (predictive). */
  private kickCampaign(campaign: Campaign): void {
    if (campaign.mode === 'predictive') {
      this.pace(campaign);
      return;
    }
    while (this.canDial(campaign)) {
      const agent = this.takeCampaignAgent(campaign);
      if (!agent) return;
      this.startAgentDial(campaign, agent);
    }
  }

  /** Preview: the agent reads the record, then dials; progressive: the system dials for the reserved agent. */
  private startAgentDial(campaign: Campaign, agent: Agent): void {
    const record = this.takeRecord(campaign);
    const dial = this.newDial(campaign, record);
    dial.agent = agent;
    dial.agentSinceSec = this.sim.now;
    agent.dial = dial;
    this.agentTime[agent.slot + SINCE] = this.sim.now;
    campaign.linesInUse++;
    if (campaign.mode === 'preview') {
      dial.state = 'preview';
      const previewSec = campaign.drawPreview();
      this.setAgentState(agent, 'previewing');
      this.listener?.({ type: 'campaign.preview-started', timeSec: this.sim.now, campaignId: campaign.id, agentId: agent.id, previewEndSec: this.sim.now + previewSec });
      this.sim.schedule(previewSec, this.onPreviewEnded, dial);
    } else {
      this.setAgentState(agent, 'reserved');
      this.placeDial(dial);
    }
  }

  private readonly onPreviewEnded = (dial: Dial): void => {
    this.setAgentState(dial.agent!, 'dialing');
    this.placeDial(dial);
  };

  /** Draws everything about one dial attempt up front: how it ends, ring time, talk, conversion. */
  private newDial(campaign: Campaign, record: number): Dial {
    const u = campaign.outcomeStream();
    const cumulative = campaign.cumulativeOutcome;
    let k = 0;
    while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
    const outcome = RESULT_BY_OUTCOME[k];
    let result: DialResult;
    let ringSec: number;
    let talkSec = 0;
    let converted = false;
    let value = 0;
    const answerSec = Math.min(campaign.drawAnswerTime(), campaign.noAnswerTimeoutSec);
    switch (outcome) {
      case 'no-answer':
        result = 'no-answer';
        ringSec = campaign.noAnswerTimeoutSec;
        break;
      case 'busy':
        result = 'busy';
        ringSec = BUSY_SIGNAL_SEC;
        break;
      case 'answering-machine':
        if (campaign.amdRate > 0 && campaign.amdStream() < campaign.amdRate) {
          result = 'machine-detected';
          ringSec = answerSec + campaign.amdSec;
        } else {
          result = 'machine-missed';
          ringSec = answerSec;
          talkSec = campaign.drawMachineTalk();
        }
        break;
      case 'wrong-party':
        result = 'wrong-party';
        ringSec = answerSec;
        talkSec = campaign.drawWrongPartyTalk();
        break;
      default:
        result = 'right-party';
        ringSec = answerSec;
        talkSec = campaign.drawTalk();
        converted = campaign.conversionStream() < campaign.config.conversion.probability;
        if (converted && campaign.drawValue) value = campaign.drawValue();
    }
    const connected = result === 'machine-missed' || result === 'wrong-party' || result === 'right-party';
    campaign.attempts[record]++;
    return {
      id: this.nextDialId++,
      campaign,
      record,
      attempt: campaign.attempts[record],
      result,
      ringSec,
      talkSec,
      acwSec: connected && campaign.drawAcw ? campaign.drawAcw() : 0,
      converted,
      value,
      agent: null,
      state: 'ringing',
      startSec: this.sim.now,
      agentSinceSec: 0,
      connectSec: 0,
      abandonEvent: NO_EVENT,
      ringingIndex: -1,
      pacingCounted: false,
    };
  }

  private placeDial(dial: Dial): void {
    const campaign = dial.campaign;
    const counters = this.current.campaigns[campaign.index];
    dial.state = 'ringing';
    dial.startSec = this.sim.now;
    campaign.inFlight++;
    dial.ringingIndex = campaign.ringing.length;
    campaign.ringing.push(dial);
    counters.dials++;
    if (dial.attempt === 1) counters.recordsAttempted++;
    this.sim.schedule(dial.ringSec, this.onDialRung, dial);
    this.listener?.({
      type: 'dial.started',
      timeSec: this.sim.now,
      dialId: dial.id,
      campaignId: campaign.id,
      record: dial.record,
      attempt: dial.attempt,
      agentId: dial.agent?.id ?? null,
      ringEndSec: this.sim.now + dial.ringSec,
    });
  }

  /** Predictive: places up to `count` dials with no agent attached. */
  private placeUnattendedDials(campaign: Campaign, count: number): void {
    for (let i = 0; i < count && this.canDial(campaign); i++) {
      const dial = this.newDial(campaign, this.takeRecord(campaign));
      campaign.linesInUse++;
      this.placeDial(dial);
    }
  }

  private readonly onDialRung = (dial: Dial): void => {
    const now = this.sim.now;
    const campaign = dial.campaign;
    const counters = this.current.campaigns[campaign.index];
    campaign.inFlight--;
    campaign.resolvedDials++;
    const ringing = campaign.ringing;
    const moved = ringing[ringing.length - 1];
    ringing[dial.ringingIndex] = moved;
    moved.ringingIndex = dial.ringingIndex;
    ringing.pop();
    dial.ringingIndex = -1;
    const agent = dial.agent;
    const result = dial.result;
    campaign.ringTimes.record(dial.ringSec, result === 'machine-missed' || result === 'wrong-party' || result === 'right-party');
    this.listener?.({ type: 'dial.ended', timeSec: now, dialId: dial.id, campaignId: campaign.id, result, agentId: agent?.id ?? null });
    if (result === 'no-answer' || result === 'busy' || result === 'machine-detected') {
      if (result === 'no-answer') counters.noAnswer++;
      else if (result === 'busy') counters.busy++;
      else counters.machinesDetected++;
      campaign.linesInUse--;
      dial.state = 'done';
      this.retryOrClose(campaign, dial.record, result === 'no-answer' ? 'noAnswer' : result === 'busy' ? 'busy' : 'answeringMachine');
      if (agent) {
        counters.agentDialSec += now - dial.agentSinceSec;
        agent.dial = null;
        this.endContact(agent);
        this.release(agent);
      }
      if (campaign.mode === 'predictive') this.pace(campaign);
      return;
    }
    // Someone (or an undetected machine) answered and needs an agent.
    campaign.needAgentDials++;
    campaign.answers++;
    campaign.answerDelaySumSec += dial.ringSec;
    counters.answerDelaySumSec += dial.ringSec;
    if (result === 'machine-missed') counters.machinesMissed++;
    else {
      counters.connects++;
      campaign.runConnects++;
      campaign.recentConnects.push(now);
      if (result === 'right-party') counters.rightPartyContacts++;
      else counters.wrongParty++;
    }
    dial.connectSec = now;
    if (agent) {
      counters.agentDialSec += now - dial.agentSinceSec;
      this.connectDial(dial, agent);
      return;
    }
    const free = this.takeCampaignAgent(campaign);
    if (free) {
      this.connectDial(dial, free);
    } else {
      dial.state = 'waiting-agent';
      campaign.waitingConnects.push(dial);
      if (campaign.connectWithinSec > 0) dial.abandonEvent = this.sim.schedule(campaign.connectWithinSec, this.onConnectTimedOut, dial);
      else this.onConnectTimedOut(dial);
    }
    this.pace(campaign);
  };

  private nextWaitingConnect(campaign: Campaign): Dial | null {
    const queue = campaign.waitingConnects;
    while (queue.length > 0) {
      const dial = queue.shift()!;
      if (dial.state === 'waiting-agent') return dial;
    }
    return null;
  }

  private connectDial(dial: Dial, agent: Agent): void {
    const now = this.sim.now;
    const campaign = dial.campaign;
    if (dial.abandonEvent !== NO_EVENT) {
      this.sim.cancel(dial.abandonEvent);
      dial.abandonEvent = NO_EVENT;
    }
    // A predictive connect starts the agent's contact; a preview or progressive dial started it already.
    if (dial.agent !== agent) this.agentTime[agent.slot + SINCE] = now;
    dial.agent = agent;
    dial.state = 'talking';
    agent.dial = dial;
    dial.pacingCounted = agent.pendingOff === 'none';
    if (dial.pacingCounted) campaign.busyAgents++;
    this.sim.schedule(dial.talkSec, this.onOutboundTalkEnded, dial);
    this.listener?.({ type: 'dial.answered', timeSec: now, dialId: dial.id, campaignId: campaign.id, agentId: agent.id, waitSec: now - dial.connectSec, talkEndSec: now + dial.talkSec });
    this.setAgentState(agent, 'outbound-talk');
  }

  private readonly onConnectTimedOut = (dial: Dial): void => {
    if (dial.state !== 'waiting-agent') return;
    const campaign = dial.campaign;
    const counters = this.current.campaigns[campaign.index];
    dial.state = 'abandoned';
    dial.abandonEvent = NO_EVENT;
    campaign.linesInUse--;
    const live = dial.result !== 'machine-missed';
    if (live) {
      counters.abandoned++;
      campaign.runAbandoned++;
      campaign.recentAbandons.push(this.sim.now);
    }
    this.listener?.({ type: 'dial.abandoned', timeSec: this.sim.now, dialId: dial.id, campaignId: campaign.id, live });
    // A recorded message plays; the number rests for the recall period before it is tried again.
    const at = this.sim.now + campaign.recallAfterSec;
    if (at < this.horizonSec) this.sim.scheduleAt(at, this.onRecordReady, { campaign, record: dial.record });
    else counters.recordsClosed++;
  };

  private readonly onOutboundTalkEnded = (dial: Dial): void => {
    const campaign = dial.campaign;
    const counters = this.current.campaigns[campaign.index];
    campaign.linesInUse--;
    if (dial.converted) {
      counters.conversions++;
      counters.revenue += dial.value;
    }
    if (dial.pacingCounted) campaign.busyAgents--;
    if (dial.acwSec > 0) {
      dial.state = 'acw';
      if (dial.pacingCounted) campaign.acwAgents++;
      this.setAgentState(dial.agent!, 'acw');
      this.sim.schedule(dial.acwSec, this.onOutboundDone, dial);
    } else {
      this.onOutboundDone(dial);
    }
  };

  private readonly onOutboundDone = (dial: Dial): void => {
    const campaign = dial.campaign;
    const agent = dial.agent!;
    const counters = this.current.campaigns[campaign.index];
    const handleSec = dial.talkSec + dial.acwSec;
    counters.handled++;
    counters.talkSec += dial.talkSec;
    counters.handleSec += handleSec;
    campaign.handled++;
    campaign.handleSumSec += handleSec;
    campaign.acwSumSec += dial.acwSec;
    if (dial.state === 'acw' && dial.pacingCounted) campaign.acwAgents--;
    dial.pacingCounted = false;
    agent.outboundAcc++;
    this.agentTime[agent.slot + TALK] += dial.talkSec;
    this.endContact(agent);
    dial.state = 'done';
    agent.dial = null;
    this.listener?.({ type: 'dial.completed', timeSec: this.sim.now, dialId: dial.id, campaignId: campaign.id, agentId: agent.id, converted: dial.converted, value: dial.value });
    if (dial.result === 'right-party') counters.recordsClosed++;
    else this.retryOrClose(campaign, dial.record, dial.result === 'wrong-party' ? 'wrongParty' : 'answeringMachine');
    this.release(agent);
  };

  private retryOrClose(campaign: Campaign, record: number, outcome: 'noAnswer' | 'busy' | 'answeringMachine' | 'wrongParty'): void {
    const rule = campaign.config.retry?.[outcome];
    const counters = this.current.campaigns[campaign.index];
    if (!rule || campaign.attempts[record] >= rule.maxAttempts) {
      counters.recordsClosed++;
      return;
    }
    const at = this.sim.now + campaign.drawRetry[outcome]!();
    if (at >= this.horizonSec) {
      counters.recordsClosed++;
      return;
    }
    this.sim.scheduleAt(at, this.onRecordReady, { campaign, record });
  }

  private readonly onRecordReady = (payload: { campaign: Campaign; record: number }): void => {
    const campaign = payload.campaign;
    const wasEmpty = !this.hasRecord(campaign);
    campaign.ready.push(payload.record);
    if (wasEmpty || campaign.mode === 'predictive') this.kickCampaign(campaign);
  };

  /**
   * Predictive pacing: dials so that the connects expected over the agents expected free carry
   * an abandoned share within the target the compliance check allows (src/model/voice/pacing.ts).
   */
  private pace(campaign: Campaign): void {
    if (!this.canDial(campaign)) return;
    const now = this.sim.now;
    let free = 0;
    for (const group of campaign.groups) free += this.outboundFree(group);
    if (free === 0 && campaign.busyAgents === 0 && campaign.acwAgents === 0) return;
    this.trimRecent(campaign);
    // A prior of 20 dials at a 30% connect rate steadies the first minutes.
    const prior = 20;
    const connectRate = (campaign.needAgentDials + 0.3 * prior) / (campaign.resolvedDials + prior);
    const ringing = campaign.ringing;
    if (campaign.connectChances.length < ringing.length) campaign.connectChances = new Float64Array(ringing.length * 2);
    const chances = campaign.connectChances;
    for (let i = 0; i < ringing.length; i++) chances[i] = campaign.ringTimes.connectChance(now - ringing[i].startSec, connectRate);
    const count = predictiveDialCount({
      ringingConnectChances: chances.subarray(0, ringing.length),
      freeAgents: free,
      busyAgents: campaign.busyAgents,
      acwAgents: campaign.acwAgents,
      meanHandleSec: campaign.handled > 0 ? campaign.handleSumSec / campaign.handled : distributionMean(toDistribution(campaign.config.talk)),
      meanAcwSec: campaign.handled > 0 ? campaign.acwSumSec / campaign.handled : campaign.config.acw ? distributionMean(toDistribution(campaign.config.acw)) : 0,
      meanAnswerDelaySec: campaign.answers > 0 ? campaign.answerDelaySumSec / campaign.answers : 10,
      connectRate,
      targetAbandonRate: abandonTarget({
        cap: campaign.cap,
        runConnects: campaign.runConnects,
        runAbandoned: campaign.runAbandoned,
        windowConnects: campaign.recentConnects.length,
        windowAbandoned: campaign.recentAbandons.length,
      }),
      maxLinesPerAgent: campaign.maxLinesPerAgent,
      linesLeft: campaign.lineLimit - campaign.linesInUse,
    });
    if (count > 0) this.placeUnattendedDials(campaign, count);
  }

  /** Drops connects and abandons older than 24 h from the trailing window. */
  private trimRecent(campaign: Campaign): void {
    const since = this.sim.now - DAY_SEC;
    while (campaign.recentConnects.length > 0 && campaign.recentConnects.peek()! < since) campaign.recentConnects.shift();
    while (campaign.recentAbandons.length > 0 && campaign.recentAbandons.peek()! < since) campaign.recentAbandons.shift();
  }

  private checkWorst24h(campaign: Campaign): void {
    this.trimRecent(campaign);
    if (campaign.recentConnects.length === 0) return;
    const rate = campaign.recentAbandons.length / campaign.recentConnects.length;
    if (campaign.worst24hAbandonRate === null || rate > campaign.worst24hAbandonRate) campaign.worst24hAbandonRate = rate;
  }
}

/** The group among `groups` whose list (idle, or on back-office work) has the oldest head; null when all are empty. */
function longestIn(groups: readonly AgentGroup[], list: 'idle' | 'onBackOffice'): AgentGroup | null {
  let best: AgentGroup | null = null;
  let bestSince = Infinity;
  for (let i = 0; i < groups.length; i++) {
    const head = groups[i][list].head;
    if (head && head.stateSinceSec < bestSince) {
      best = groups[i];
      bestSince = head.stateSinceSec;
    }
  }
  return best;
}

/** The first caller still in line (on the line or waiting for a callback); others ahead of it are dropped here. */
function headOfLine(queue: CallQueue): Call {
  let head = queue.line.peek()!;
  while (head.state !== 'waiting' && head.state !== 'callback-waiting') {
    queue.line.shift();
    head = queue.line.peek()!;
  }
  return head;
}
