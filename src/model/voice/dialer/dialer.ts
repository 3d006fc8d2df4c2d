/**
 * The outbound dialer: works each campaign's call list through the campaign's mode (one
 * DialerMode object per campaign, from dialer-modes.ts), and owns what every mode shares: placing
 * a dial, the ring, the connect (to the agent tied to the dial, or the longest-idle free one, or
 * a short wait and then an abandon), talk and ACW, retries by outcome, and the counters. Blended
 * agents take outbound work only while their inbound queues are empty and the group's inbound
 * reserve stays idle (routing.ts).
 */
import type { Simulation } from '../../../engine/simulation';
import { NO_EVENT } from '../../../engine/event-calendar';
import type { AgentState, DomainEventListener } from '../domain-events';
import { groupForOutbound, isInboundClear, outboundFree } from '../routing';
import type { AgentDesk } from '../agent-desk';
import { TALK } from '../agent-time';
import type { VoiceState } from '../voice-state';
import type { Agent, AgentGroup, CallQueue, Campaign, Dial } from '../voice-objects';
import type { DialerMode, DialerPort } from './dialer-mode';
import { DIALER_MODES } from './dialer-modes';
import { drawDial, reachesAgent } from './dial-draw';
import { amdRateOf } from '../build-campaign';

type RetryOutcome = 'noAnswer' | 'busy' | 'answeringMachine' | 'wrongParty';

export class Dialer implements DialerPort {
  /** Per campaign, by index: its mode. */
  private readonly modes: DialerMode[];

  private readonly sim: Simulation;
  private readonly listener: DomainEventListener | undefined;

  constructor(
    private readonly state: VoiceState,
    private readonly desk: AgentDesk,
  ) {
    this.sim = state.sim;
    this.listener = state.listener;
    this.modes = state.campaigns.map((campaign) => new DIALER_MODES[campaign.mode](this, state));
  }

  /**
   * The campaign dials in `mode` from now on, predictive at most `ratio` dials per available
   * agent (its ratio stays when none is given). Dials in flight finish as they were placed; then
   * the new mode is asked for work at once.
   */
  setMode(campaign: Campaign, mode: Campaign['mode'], ratio: number | undefined): void {
    campaign.mode = mode;
    campaign.amdRate = amdRateOf(campaign.config, mode);
    if (ratio !== undefined) campaign.maxLinesPerAgent = ratio;
    this.modes[campaign.index] = new DIALER_MODES[mode](this, this.state);
    this.kick(campaign);
  }

  /** Puts idle agents to work for a campaign, or paces it, as its mode does. */
  kick(campaign: Campaign): void {
    this.modes[campaign.index].kick(campaign);
  }

  /** A queue's line has emptied: its blended groups may go outbound. */
  kickBlendedGroups(queue: CallQueue): void {
    for (const group of queue.blendedGroups) {
      if (outboundFree(group) <= 0) continue;
      for (const campaign of group.campaigns) this.kick(campaign);
    }
  }

  /**
   * A freed agent with no inbound call to take: outbound work of its group's campaigns, in their
   * order, as long as the blending rule allows. True if it took some.
   */
  offerOutboundWork(agent: Agent): boolean {
    const group = agent.group;
    if (!isInboundClear(group) || group.idle.count < group.inboundReserve) return false;
    for (const campaign of group.campaigns) if (this.modes[campaign.index].offerAgent(campaign, agent)) return true;
    return false;
  }

  /** An agent of `group` has gone idle. */
  agentWentIdle(group: AgentGroup): void {
    for (const campaign of group.campaigns) this.modes[campaign.index].agentIdle(campaign);
  }

  canDial(campaign: Campaign): boolean {
    return campaign.windowOpen && campaign.linesInUse < campaign.lineLimit && hasRecord(campaign);
  }

  takeCampaignAgent(campaign: Campaign): Agent | null {
    const group = groupForOutbound(campaign.groups);
    return group ? this.desk.popIdle(group) : null;
  }

  outboundFree(group: AgentGroup): number {
    return outboundFree(group);
  }

  setAgentState(agent: Agent, to: AgentState): void {
    this.desk.setAgentState(agent, to);
  }

  dialFor(campaign: Campaign, agent: Agent): Dial {
    const dial = this.dialAhead(campaign);
    dial.agent = agent;
    dial.agentSinceSec = this.sim.now;
    agent.dial = dial;
    this.desk.startContact(agent, dial.agentSinceSec);
    return dial;
  }

  dialAhead(campaign: Campaign): Dial {
    const state = this.state;
    const dial = drawDial(campaign, takeRecord(campaign), state.nextDialId++, this.sim.now);
    campaign.linesInUse++;
    return dial;
  }

  placeDial(dial: Dial): void {
    const { sim, current, listener } = this.state;
    const campaign = dial.campaign;
    const counters = current.campaigns[campaign.index];
    dial.state = 'ringing';
    dial.startSec = sim.now;
    campaign.inFlight++;
    dial.ringingIndex = campaign.ringing.length;
    campaign.ringing.push(dial);
    counters.dials++;
    if (dial.attempt === 1) counters.recordsAttempted++;
    sim.schedule(dial.ringSec, this.onDialRung, dial);
    listener?.({
      type: 'dial.started',
      timeSec: sim.now,
      dialId: dial.id,
      campaignId: campaign.id,
      record: dial.record,
      attempt: dial.attempt,
      agentId: dial.agent?.id ?? null,
      ringEndSec: sim.now + dial.ringSec,
    });
  }

  nextWaitingConnect(campaign: Campaign): Dial | null {
    const queue = campaign.waitingConnects;
    while (queue.length > 0) {
      const dial = queue.shift()!;
      if (dial.state === 'waiting-agent') return dial;
    }
    return null;
  }

  connectDial(dial: Dial, agent: Agent): void {
    const { sim, listener } = this.state;
    const now = sim.now;
    const campaign = dial.campaign;
    if (dial.abandonEvent !== NO_EVENT) {
      sim.cancel(dial.abandonEvent);
      dial.abandonEvent = NO_EVENT;
    }
    // A predictive connect starts the agent's contact; a preview or progressive dial started it already.
    if (dial.agent !== agent) this.desk.startContact(agent, now);
    dial.agent = agent;
    dial.state = 'talking';
    agent.dial = dial;
    dial.pacingCounted = agent.pendingOff === 'none';
    if (dial.pacingCounted) campaign.busyAgents++;
    sim.schedule(dial.talkSec, this.onOutboundTalkEnded, dial);
    listener?.({ type: 'dial.answered', timeSec: now, dialId: dial.id, campaignId: campaign.id, agentId: agent.id, waitSec: now - dial.connectSec, talkEndSec: now + dial.talkSec });
    this.desk.setAgentState(agent, 'outbound-talk');
  }

  private readonly onDialRung = (dial: Dial): void => {
    const state = this.state;
    const now = this.sim.now;
    const campaign = dial.campaign;
    const counters = state.current.campaigns[campaign.index];
    campaign.inFlight--;
    campaign.resolvedDials++;
    stopRinging(dial);
    const agent = dial.agent;
    const result = dial.result;
    campaign.ringTimes.record(dial.ringSec, reachesAgent(result));
    this.listener?.({ type: 'dial.ended', timeSec: now, dialId: dial.id, campaignId: campaign.id, result, agentId: agent?.id ?? null });
    if (!reachesAgent(result)) {
      if (result === 'no-answer') counters.noAnswer++;
      else if (result === 'busy') counters.busy++;
      else counters.machinesDetected++;
      campaign.linesInUse--;
      dial.state = 'done';
      this.retryOrClose(campaign, dial.record, result === 'no-answer' ? 'noAnswer' : result === 'busy' ? 'busy' : 'answeringMachine');
      if (agent) {
        counters.agentDialSec += now - dial.agentSinceSec;
        agent.dial = null;
        this.desk.endContact(agent);
        state.dispatch.release(agent);
      }
      this.modes[campaign.index].dialResolved(campaign);
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
    this.modes[campaign.index].dialResolved(campaign);
  };

  private readonly onConnectTimedOut = (dial: Dial): void => {
    if (dial.state !== 'waiting-agent') return;
    const { sim, current, listener, horizonSec } = this.state;
    const campaign = dial.campaign;
    const counters = current.campaigns[campaign.index];
    dial.state = 'abandoned';
    dial.abandonEvent = NO_EVENT;
    campaign.linesInUse--;
    const live = dial.result !== 'machine-missed';
    if (live) {
      counters.abandoned++;
      campaign.runAbandoned++;
      campaign.recentAbandons.push(sim.now);
    }
    listener?.({ type: 'dial.abandoned', timeSec: sim.now, dialId: dial.id, campaignId: campaign.id, live });
    // A recorded message plays; the number rests for the recall period before it is tried again.
    const at = sim.now + campaign.recallAfterSec;
    if (at < horizonSec) sim.scheduleAt(at, this.onRecordReady, { campaign, record: dial.record });
    else counters.recordsClosed++;
  };

  private readonly onOutboundTalkEnded = (dial: Dial): void => {
    const campaign = dial.campaign;
    const counters = this.state.current.campaigns[campaign.index];
    campaign.linesInUse--;
    if (dial.converted) {
      counters.conversions++;
      counters.revenue += dial.value;
    }
    if (dial.pacingCounted) campaign.busyAgents--;
    if (dial.acwSec > 0) {
      dial.state = 'acw';
      if (dial.pacingCounted) campaign.acwAgents++;
      this.desk.setAgentState(dial.agent!, 'acw');
      this.sim.schedule(dial.acwSec, this.onOutboundDone, dial);
    } else {
      this.onOutboundDone(dial);
    }
  };

  private readonly onOutboundDone = (dial: Dial): void => {
    const state = this.state;
    const campaign = dial.campaign;
    const agent = dial.agent!;
    const counters = state.current.campaigns[campaign.index];
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
    state.agentTime[agent.slot + TALK] += dial.talkSec;
    this.desk.endContact(agent);
    dial.state = 'done';
    agent.dial = null;
    this.listener?.({ type: 'dial.completed', timeSec: this.sim.now, dialId: dial.id, campaignId: campaign.id, agentId: agent.id, converted: dial.converted, value: dial.value });
    if (dial.result === 'right-party') counters.recordsClosed++;
    else this.retryOrClose(campaign, dial.record, dial.result === 'wrong-party' ? 'wrongParty' : 'answeringMachine');
    state.dispatch.release(agent);
  };

  /** The record is tried again after the retry delay of its outcome, unless its attempts are used up or the run ends first. */
  private retryOrClose(campaign: Campaign, record: number, outcome: RetryOutcome): void {
    const { sim, current, horizonSec } = this.state;
    const rule = campaign.config.retry?.[outcome];
    const counters = current.campaigns[campaign.index];
    if (!rule || campaign.attempts[record] >= rule.maxAttempts) {
      counters.recordsClosed++;
      return;
    }
    const at = sim.now + campaign.drawRetry[outcome]!();
    if (at >= horizonSec) {
      counters.recordsClosed++;
      return;
    }
    sim.scheduleAt(at, this.onRecordReady, { campaign, record });
  }

  private readonly onRecordReady = (payload: { campaign: Campaign; record: number }): void => {
    const campaign = payload.campaign;
    const wasEmpty = !hasRecord(campaign);
    campaign.ready.push(payload.record);
    this.modes[campaign.index].recordReady(campaign, wasEmpty);
  };
}

/** An agent due off after the current contact will not take the next connect: the pacing stops counting on it. */
export function uncountForPacing(agent: Agent): void {
  const dial = agent.dial;
  if (!dial || !dial.pacingCounted) return;
  if (dial.state === 'talking') dial.campaign.busyAgents--;
  else if (dial.state === 'acw') dial.campaign.acwAgents--;
  dial.pacingCounted = false;
}

function hasRecord(campaign: Campaign): boolean {
  return campaign.ready.length > 0 || campaign.nextFresh < campaign.records;
}

/** The next record to dial: one due for another attempt first, else a fresh one. */
function takeRecord(campaign: Campaign): number {
  if (campaign.ready.length > 0) return campaign.ready.shift()!;
  return campaign.nextFresh++;
}

/** Takes a dial off its campaign's list of ringing dials (swap-remove). */
function stopRinging(dial: Dial): void {
  const ringing = dial.campaign.ringing;
  const moved = ringing[ringing.length - 1];
  ringing[dial.ringingIndex] = moved;
  moved.ringingIndex = dial.ringingIndex;
  ringing.pop();
  dial.ringingIndex = -1;
}
