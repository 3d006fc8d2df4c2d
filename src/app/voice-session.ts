/**
 * One run of the voice model as the page sees it: the model, the clock boundary bookkeeping the
 * wallboard needs ("today", "this interval"), and the per-interval history the charts draw.
 *
 * The page never counts calls itself. "Today" and "this interval" are differences of the model's
 * own live counters taken exactly at the day and interval boundaries (the run is split at each
 * boundary with runUntil, which stops exactly there), so every figure still goes through
 * deriveQueueKpis. A difference of additive counters covers the calls answered or abandoned
 * between the two instants; the one field that is not additive (the maximum wait) is not used
 * from a difference.
 *
 * What stands now (callers waiting, agents logged in) is read from the Site's voice snapshot,
 * like the room draws it, never from the model's calls and agents.
 */
import type { VoiceModel, IntervalRecord } from '../model/voice/voice-model';
import type { Site } from '../model/site/site';
import type { SiteSnapshotSource } from '../model/site/site-snapshot';
import { addQueueCounters, deriveQueueKpis, emptyQueueCounters, subtractQueueCounters, type QueueCounters, type QueueKpis } from '../model/voice/queue-counters';
import { predictQueueOnSchedule, whyNoPrediction, type NoPredictionReason, type ScheduledErlangPrediction } from '../model/erlang/erlang-prediction';
import { DAY_SEC } from '../model/scenario/calendar-schema';
import type { Scenario } from '../model/scenario/scenario-schema';
import { addCampaignCounters, deriveCampaignKpis, emptyCampaignCounters, type CampaignCounters, type CampaignKpis } from '../model/voice/campaign-counters';
import { IntervalSeries } from './interval-series';

/** Outbound figures for the wallboard: every campaign together. */
export interface OutboundFigures {
  /** Since midnight, through deriveCampaignKpis. */
  readonly today: CampaignKpis;
  /** The strictest cap, and the highest trailing-24-hour abandon rate, from the model's compliance(). */
  readonly cap: number;
  readonly trailing24hAbandonRate: number | null;
}

/** Which queue a view shows: an index, or every queue summed. */
export type QueueSelection = number | 'all';

export interface AdvanceResult {
  /** Events fired. */
  readonly events: number;
  /** False when the event budget ran out before the target time. */
  readonly reached: boolean;
}

/** Closed intervals of a queue (or all queues) for the charts: service level and mean queue length. */
export type QueueSeries = IntervalSeries<'serviceLevel' | 'meanQueueLength'>;

/**
 * Outbound dialing per reporting interval for the chart, from the model's interval records
 * (all campaigns summed, through deriveCampaignKpis): dials per hour and the abandoned share of
 * connects, beside the strictest cap.
 */
export interface OutboundSeries {
  readonly series: IntervalSeries<'dialsPerHour' | 'abandonRate'>;
  readonly cap: number;
}

export interface VoiceSessionOptions {
  /** Called whenever the shared clock stops at a reporting boundary (after the snapshots). */
  readonly onBoundary?: (boundarySec: number) => void;
  /** Called once the run reaches its horizon and the books are closed. */
  readonly onFinish?: () => void;
}

export class VoiceSession {
  readonly model: VoiceModel;
  /** Per queue, then one more entry for all queues together. */
  /** Per queue, then all queues together; the last two days at most. */
  readonly history: QueueSeries[];
  /** Null when the scenario has no campaigns. */
  readonly outboundHistory: OutboundSeries | null;
  /** Per queue, the prediction with the agents scheduled in each interval (null where the formulas cannot say). */
  readonly predictions: (ScheduledErlangPrediction | null)[];
  /** Per queue, why it has no prediction (empty when it has one). */
  readonly noPredictionReasons: NoPredictionReason[][];
  readonly intervalSec: number;
  /** True when some agent group serves more than one queue: summed occupancy would count its staff twice. */
  readonly hasSharedAgents: boolean;

  private dayStart: QueueCounters[];
  private campaignDayStart: CampaignCounters;
  private intervalStart: QueueCounters[];
  private intervalStartSec = 0;
  private nextBoundarySec: number;
  private finished = false;
  private readonly onBoundary: ((boundarySec: number) => void) | undefined;
  private readonly onFinish: (() => void) | undefined;
  /** Per agent group, per queue: whether the group has a skill for it. */
  private readonly serves: boolean[][];

  readonly scenario: Scenario;

  /** The session of a Site's voice model; the Site's observer hands it the closed intervals (recordInterval). */
  constructor(
    readonly site: Site,
    private readonly views: SiteSnapshotSource,
    options: VoiceSessionOptions = {},
  ) {
    const scenario = site.scenario;
    this.scenario = scenario;
    this.intervalSec = scenario.reportIntervalMin * 60;
    const capacity = Math.ceil((2 * DAY_SEC) / this.intervalSec);
    const queueSeries = (): QueueSeries => new IntervalSeries(capacity, ['serviceLevel', 'meanQueueLength']);
    this.history = [...scenario.queues.map(queueSeries), queueSeries()];
    this.onBoundary = options.onBoundary;
    this.onFinish = options.onFinish;
    this.model = site.voice;
    this.serves = this.model.groups.map((group) => this.model.queues.map((queue) => group.queues.includes(queue)));
    this.outboundHistory =
      this.model.campaigns.length > 0
        ? { series: new IntervalSeries(capacity, ['dialsPerHour', 'abandonRate']), cap: Math.min(...this.model.campaigns.map((_, c) => this.model.compliance(c).cap)) }
        : null;
    this.predictions = scenario.queues.map((_, q) => predictQueueOnSchedule(scenario, q));
    this.noPredictionReasons = scenario.queues.map((_, q) => whyNoPrediction(scenario, q));
    this.hasSharedAgents = scenario.agentGroups.some((group) => group.queues.length > 1);
    this.dayStart = this.snapshot();
    this.campaignDayStart = this.campaignSnapshot();
    this.intervalStart = this.dayStart;
    this.nextBoundarySec = Math.min(this.intervalSec, this.model.horizonSec);
  }

  get now(): number {
    return this.model.now;
  }

  /** False for a back-office-only scenario: the call center room is empty. */
  get hasVoice(): boolean {
    return this.model.queues.length > 0;
  }

  get horizonSec(): number {
    return this.model.horizonSec;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Start of the interval "SL this interval" covers. */
  get currentIntervalStartSec(): number {
    return this.intervalStartSec;
  }

  /**
   * Runs the model towards `targetSec` with at most `budget` events, stopping exactly at every
   * interval boundary on the way to take the wallboard's snapshots. Closes the books at the
   * horizon.
   */
  advanceTo(targetSec: number, budget: number): AdvanceResult {
    const model = this.model;
    const target = Math.min(targetSec, model.horizonSec);
    let left = budget;
    let events = 0;
    let reached = true;
    while (model.now < target) {
      if (left <= 0) {
        reached = false;
        break;
      }
      const stop = Math.min(target, this.nextBoundarySec);
      const result = this.site.runUntil(stop, left);
      left -= result.events;
      events += result.events;
      if (!result.reachedUntil) {
        reached = false;
        break;
      }
      if (model.now >= this.nextBoundarySec) this.crossBoundary();
    }
    if (!this.finished && model.now >= model.horizonSec) {
      this.site.runToEnd();
      this.finished = true;
      this.onFinish?.();
    }
    return { events, reached };
  }

  /** Fires the next single event (if one is due before the horizon). */
  stepEvent(): AdvanceResult {
    const next = this.model.sim.nextEventTime();
    if (!(next <= this.model.horizonSec)) return this.advanceTo(this.model.horizonSec, Infinity);
    return this.advanceTo(next, 1);
  }

  /** KPIs of one queue or all: for the run so far, today and the current interval. */
  kpis(selection: QueueSelection): { run: QueueKpis; today: QueueKpis; interval: QueueKpis } {
    const live = this.liveCounters(selection);
    return {
      run: deriveQueueKpis(live),
      today: deriveQueueKpis(subtractQueueCounters(live, this.pick(this.dayStart, selection))),
      interval: deriveQueueKpis(subtractQueueCounters(live, this.pick(this.intervalStart, selection))),
    };
  }

  /** Calls waiting now in one queue or all. */
  waiting(selection: QueueSelection): number {
    if (selection !== 'all') return this.model.waitingCount(selection);
    let sum = 0;
    for (let q = 0; q < this.model.queues.length; q++) sum += this.model.waitingCount(q);
    return sum;
  }

  /** How long the caller at the head of the line has waited, in seconds (0 when nobody waits). */
  longestWaitNow(selection: QueueSelection): number {
    const voice = this.views.snapshot().voice;
    let longest = 0;
    voice.queues.forEach((queue, q) => {
      if ((selection === 'all' || selection === q) && queue.callersShown > 0) longest = Math.max(longest, voice.nowSec - queue.callerArrivalSec[0]);
    });
    return longest;
  }

  /** Agents serving one queue (or any) who are logged in now: on shift, on a break included. */
  loggedInNow(selection: QueueSelection): number {
    let count = 0;
    for (const agent of this.views.snapshot().voice.agents) {
      if (agent.state === 'offline') continue;
      if (selection === 'all' || this.serves[agent.group][selection]) count++;
    }
    return count;
  }

  /**
   * True when every group serving the selection works without shifts: the voice model then keeps
   * its agents logged in around the clock, so a day's occupancy counts the night as idle time.
   */
  loggedInAroundTheClock(selection: QueueSelection): boolean {
    const queueIds = selection === 'all' ? this.scenario.queues.map((q) => q.id) : [this.scenario.queues[selection].id];
    const serving = this.scenario.agentGroups.filter((g) => g.queues.some((id) => queueIds.includes(id)) || g.skills?.some((k) => queueIds.includes(k.queue)));
    return serving.length > 0 && serving.every((g) => g.shifts === undefined);
  }

  /** Outbound dialing today, or null when the scenario has no campaigns. */
  outbound(): OutboundFigures | null {
    const campaigns = this.model.campaigns;
    if (campaigns.length === 0) return null;
    const live = this.campaignSnapshot();
    const today = emptyCampaignCounters();
    for (const key of Object.keys(today) as (keyof CampaignCounters)[]) today[key] = live[key] - this.campaignDayStart[key];
    let cap = Infinity;
    let trailing: number | null = null;
    let records = 0;
    campaigns.forEach((campaign, c) => {
      const compliance = this.model.compliance(c);
      cap = Math.min(cap, compliance.cap);
      if (compliance.trailing24hAbandonRate !== null) trailing = Math.max(trailing ?? 0, compliance.trailing24hAbandonRate);
      records += campaign.records;
    });
    return { today: deriveCampaignKpis(today, records), cap, trailing24hAbandonRate: trailing };
  }

  historyFor(selection: QueueSelection): QueueSeries {
    return this.history[selection === 'all' ? this.history.length - 1 : selection];
  }

  private liveCounters(selection: QueueSelection): QueueCounters {
    if (selection !== 'all') return this.model.liveCounters(selection);
    const sum = emptyQueueCounters();
    for (let q = 0; q < this.model.queues.length; q++) addQueueCounters(sum, this.model.liveCounters(q));
    return sum;
  }

  private pick(snapshot: QueueCounters[], selection: QueueSelection): QueueCounters {
    if (selection !== 'all') return snapshot[selection];
    const sum = emptyQueueCounters();
    for (const counters of snapshot) addQueueCounters(sum, counters);
    return sum;
  }

  private campaignSnapshot(): CampaignCounters {
    const sum = emptyCampaignCounters();
    for (let c = 0; c < this.model.campaigns.length; c++) addCampaignCounters(sum, this.model.liveCampaignCounters(c));
    return sum;
  }

  private snapshot(): QueueCounters[] {
    return this.model.queues.map((_, q) => this.model.liveCounters(q));
  }

  private crossBoundary(): void {
    const boundary = this.nextBoundarySec;
    const snapshot = this.snapshot();
    this.intervalStart = snapshot;
    this.intervalStartSec = boundary;
    if (boundary % DAY_SEC === 0) {
      this.dayStart = snapshot;
      this.campaignDayStart = this.campaignSnapshot();
    }
    this.nextBoundarySec = Math.min(boundary + this.intervalSec, this.model.horizonSec);
    if (this.nextBoundarySec <= boundary) this.nextBoundarySec = Infinity;
    this.onBoundary?.(boundary);
  }

  /** A closed voice interval, from the Site's observer: the charts' history. */
  recordInterval(record: IntervalRecord): void {
    if (record.isWarmup) return;
    const all = emptyQueueCounters();
    record.queues.forEach((counters, q) => {
      this.history[q].push(record.startSec, deriveQueueKpis(counters));
      addQueueCounters(all, counters);
    });
    this.history[this.history.length - 1].push(record.startSec, deriveQueueKpis(all));
    if (this.outboundHistory && record.campaigns.length > 0) {
      const sum = emptyCampaignCounters();
      for (const counters of record.campaigns) addCampaignCounters(sum, counters);
      this.outboundHistory.series.push(record.startSec, deriveCampaignKpis(sum, this.records));
    }
  }

  private get records(): number {
    let records = 0;
    for (const campaign of this.model.campaigns) records += campaign.records;
    return records;
  }
}

