/**
 * The interval books: one IntervalRecord per reporting interval, held open until the interval has
 * ended and every call that arrived in it is done, then added to the run totals (outside the
 * warm-up) and handed to `onIntervalClosed`. Time integrals (queue length, staffed and busy
 * agents) are taken at each interval end; agent time is split there too. The live read-outs for
 * wallboards sum the totals, the open records and the integrals up to now.
 */
import { DAY_SEC } from '../scenario/calendar-schema';
import { addQueueCounters, emptyQueueCounters, type QueueCounters } from './queue-counters';
import { addAgentCounters, emptyAgentCounters, type AgentCounters } from './agent-counters';
import { addCampaignCounters, emptyCampaignCounters, type CampaignCounters } from './campaign-counters';
import { checkWorst24h } from './dialer/compliance';
import { BACK_OFFICE, BACK_OFFICE_SINCE, HANDLING, SINCE, TALK } from './agent-time';
import type { VoiceState } from './voice-state';
import type { Agent, Call, IntervalRecord } from './voice-objects';

export class IntervalBooks {
  /** Counters of every closed non-warm-up interval, per queue, per agent group and per campaign. */
  readonly totals: QueueCounters[];
  readonly groupTotals: AgentCounters[];
  readonly campaignTotals: CampaignCounters[];
  private readonly openRecords: IntervalRecord[] = [];
  private lastFlushSec = 0;

  constructor(private readonly state: VoiceState) {
    this.totals = state.queues.map(() => emptyQueueCounters());
    this.groupTotals = state.groups.map(() => emptyAgentCounters());
    this.campaignTotals = state.campaigns.map(() => emptyCampaignCounters());
  }

  /** Intervals handed over not yet: the model's memory holds these and no calls of closed ones. */
  get openCount(): number {
    return this.openRecords.length;
  }

  /** Opens the first interval and schedules its end. */
  start(): void {
    const state = this.state;
    state.current = this.openRecord(0);
    state.sim.scheduleAt(Math.min(state.intervalSec, state.horizonSec), this.onIntervalEnded, null);
  }

  /** A call that arrived in `call.record`'s interval is done with. */
  settle(call: Call): void {
    const record = call.record;
    record.pending--;
    if (record.pending === 0 && record.ended) this.closeReadyRecords();
  }

  /** Agent event counters go to the current interval, and to the agent's totals outside the warm-up. */
  agentCounters(agent: Agent): AgentCounters | null {
    return this.state.current.isWarmup ? null : agent.totals;
  }

  /** At the horizon: counts calls still waiting or in handling as such and hands over every open interval. */
  finish(): void {
    const state = this.state;
    for (const queue of state.queues) {
      for (const call of queue.line) {
        if (call.state === 'waiting') call.record.queues[queue.index].waitingAtEnd++;
        else if (call.state === 'callback-waiting') call.record.queues[queue.index].callbacksPendingAtEnd++;
      }
    }
    for (const agent of state.agents) {
      const call = agent.call;
      if (!call) continue;
      // A callback still ringing is still pending; an answered one is in service.
      if (call.state === 'calling-back') call.record.queues[call.queue.index].callbacksPendingAtEnd++;
      else call.record.queues[call.queue.index].inServiceAtEnd++;
    }
    // A run shorter than a day: its only 24 h window is the run itself.
    for (const c of state.campaigns) if (state.horizonSec < DAY_SEC) checkWorst24h(c, state.sim.now);
    for (const record of this.openRecords) {
      record.pending = 0;
      record.ended = true;
    }
    this.closeReadyRecords();
  }

  /** A queue's counters for the run so far, time integrals up to now; O(open intervals). */
  liveCounters(queueIndex: number): QueueCounters {
    const { sim, current } = this.state;
    const now = sim.now;
    const queue = this.state.queues[queueIndex];
    const sum = addQueueCounters(emptyQueueCounters(), this.totals[queueIndex]);
    for (const record of this.openRecords) {
      if (record.isWarmup) continue;
      addQueueCounters(sum, record.queues[queueIndex]);
    }
    if (!current.ended && !current.isWarmup) {
      sum.queueLengthArea += queue.queueLength.peekArea(now);
      sum.handlingArea += queue.handling.peekArea(now);
      sum.staffedArea += queue.staffed.peekArea(now);
      sum.observedSec += now - current.startSec;
    }
    return sum;
  }

  /** An agent group's counters for the run so far, agent time up to now. */
  liveGroupCounters(groupIndex: number): AgentCounters {
    const { sim, current, agentTime: time } = this.state;
    const sum = addAgentCounters(emptyAgentCounters(), this.groupTotals[groupIndex]);
    for (const record of this.openRecords) if (!record.isWarmup) addAgentCounters(sum, record.groups[groupIndex]);
    if (!current.isWarmup && !current.ended) {
      const now = sim.now;
      sum.observedSec += now - this.lastFlushSec;
      for (const agent of this.state.groups[groupIndex].agents) {
        sum.staffedSec += agent.duty.staffedAcc + (agent.duty.isStaffed ? now - agent.duty.staffedSinceSec : 0);
        sum.breakSec += agent.duty.breakAcc + (agent.state === 'break' ? now - agent.duty.breakSinceSec : 0);
        sum.handlingSec += time[agent.slot + HANDLING] + (agent.call !== null || agent.dial !== null ? now - time[agent.slot + SINCE] : 0);
        sum.backOfficeSec += time[agent.slot + BACK_OFFICE] + (agent.state === 'back-office' ? now - time[agent.slot + BACK_OFFICE_SINCE] : 0);
        sum.talkSec += time[agent.slot + TALK];
        sum.inboundHandled += agent.inboundAcc;
        sum.outboundHandled += agent.outboundAcc;
      }
    }
    return sum;
  }

  /** A campaign's counters for the run so far. */
  liveCampaignCounters(campaignIndex: number): CampaignCounters {
    const { sim, current } = this.state;
    const sum = addCampaignCounters(emptyCampaignCounters(), this.campaignTotals[campaignIndex]);
    for (const record of this.openRecords) if (!record.isWarmup) addCampaignCounters(sum, record.campaigns[campaignIndex]);
    if (!current.isWarmup && !current.ended) {
      const now = sim.now;
      sum.agentStaffedSec += this.state.campaigns[campaignIndex].staffed.peekArea(now);
      sum.observedSec += now - current.startSec;
    }
    return sum;
  }

  private openRecord(index: number): IntervalRecord {
    const state = this.state;
    const startSec = index * state.intervalSec;
    const record: IntervalRecord = {
      index,
      startSec,
      endSec: Math.min(startSec + state.intervalSec, state.horizonSec),
      queues: state.queues.map(() => emptyQueueCounters()),
      groups: state.groups.map(() => emptyAgentCounters()),
      campaigns: state.campaigns.map(() => emptyCampaignCounters()),
      pending: 0,
      ended: false,
      isWarmup: startSec < state.warmupSec,
    };
    this.openRecords.push(record);
    return record;
  }

  private readonly onIntervalEnded = (): void => {
    const state = this.state;
    const now = state.sim.now;
    const record = state.current;
    for (const queue of state.queues) {
      const counters = record.queues[queue.index];
      counters.queueLengthArea += queue.queueLength.takeArea(now);
      counters.handlingArea += queue.handling.takeArea(now);
      counters.staffedArea += queue.staffed.takeArea(now);
      counters.observedSec += now - record.startSec;
    }
    this.flushAgentTime(record, now);
    for (const campaign of state.campaigns) {
      const counters = record.campaigns[campaign.index];
      counters.agentStaffedSec += campaign.staffed.takeArea(now);
      counters.observedSec += now - record.startSec;
      if (now >= DAY_SEC) checkWorst24h(campaign, now);
    }
    record.ended = true;
    if (now < state.horizonSec) {
      state.current = this.openRecord(record.index + 1);
      state.sim.scheduleAt(Math.min(now + state.intervalSec, state.horizonSec), this.onIntervalEnded, null);
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
    const time = this.state.agentTime;
    for (const group of this.state.groups) {
      const g = record.groups[group.index];
      g.observedSec += spanSec;
      for (const agent of group.agents) {
        this.splitAgentTime(agent, now);
        const handling = time[agent.slot + HANDLING];
        const talk = time[agent.slot + TALK];
        const backOffice = time[agent.slot + BACK_OFFICE];
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
        time[agent.slot + HANDLING] = 0;
        time[agent.slot + TALK] = 0;
        time[agent.slot + BACK_OFFICE] = 0;
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
    const time = this.state.agentTime;
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
    const state = this.state;
    const open = this.openRecords;
    let closed = 0;
    while (closed < open.length && open[closed].ended && open[closed].pending === 0) {
      const record = open[closed++];
      if (!record.isWarmup) {
        for (let q = 0; q < state.queues.length; q++) addQueueCounters(this.totals[q], record.queues[q]);
        for (let g = 0; g < state.groups.length; g++) addAgentCounters(this.groupTotals[g], record.groups[g]);
        for (let c = 0; c < state.campaigns.length; c++) addCampaignCounters(this.campaignTotals[c], record.campaigns[c]);
      }
      state.onIntervalClosed?.(record);
    }
    if (closed > 0) open.splice(0, closed);
  }
}
