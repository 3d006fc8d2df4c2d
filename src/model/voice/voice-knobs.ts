/**
 * The voice model's live controls: what an intervention (src/model/events-schema.ts) changes on
 * the floor, applied at the current simulated time. The Site's knobs (site-knobs.ts) call these;
 * the rules are in docs/voice-operations.md ("Interventions"). Nothing here is on the hot path:
 * each call happens once per intervention.
 */
import { poissonArrivals, rateProfile, type RateProfile } from '../common/arrival-profile';
import { DAY_SEC } from '../scenario/calendar-schema';
import { TIME_SLOTS } from './agent-time';
import { newAgent } from './build-voice';
import { nextOccurrence } from './schedules';
import type { CallArrivals } from './call-arrivals';
import type { Workforce } from './workforce';
import type { VoiceState } from './voice-state';
import type { Dialer } from './dialer/dialer';
import type { Agent, AgentGroup, CallQueue, Campaign } from './voice-objects';

export class VoiceKnobs {
  /** Phone outages in force: the lines come back when the last one ends. */
  private outages = 0;
  private adverts = 0;

  constructor(
    private readonly state: VoiceState,
    private readonly arrivals: CallArrivals,
    private readonly workforce: Workforce,
    private readonly dialer: Dialer,
  ) {}

  /** A campaign's dialer mode (and predictive ratio) from now on. */
  setDialer(campaignId: string, mode: Campaign['mode'], ratio: number | undefined): void {
    const campaign = this.state.campaigns.find((c) => c.id === campaignId);
    if (!campaign) throw new RangeError(`no campaign "${campaignId}"`);
    this.dialer.setMode(campaign, mode, ratio);
  }

  /** Every queue's arrival rate becomes `factor` × the scenario's from now on. */
  setCallVolume(factor: number): void {
    for (const queue of this.state.queues) {
      queue.nextArrivalAfter = poissonArrivals(scaled(rateProfile(queue.config.arrivals, this.state.calendar, this.state.scenario.days), factor), queue.arrivalStream, this.state.horizonSec);
      this.arrivals.redrawArrival(queue);
    }
  }

  /** Talk, hold and ACW of callers arriving from now on are `factor` × what they draw. */
  setHandleFactor(factor: number): void {
    for (const queue of this.state.queues) queue.handleFactor = factor;
  }

  /** Patience of callers arriving from now on is `factor` × what they draw. */
  setPatienceFactor(factor: number): void {
    for (const queue of this.state.queues) queue.patienceFactor = factor;
  }

  /** Extra callers to a queue at `perMinute` for `minutes`, their arrival times from a stream of their own. */
  startAdvert(queueId: string, perMinute: number, minutes: number): void {
    const queue = this.queue(queueId);
    const stream = this.state.streams.stream(`tv-advert-${++this.adverts}:${queue.id}`);
    this.arrivals.startExtraCallers(queue, perMinute / 60, this.state.sim.now + minutes * 60, stream);
  }

  /** Every queue blocks its arriving callers for `minutes`; calls already waiting or talking go on. */
  startOutage(minutes: number): void {
    const sim = this.state.sim;
    this.outages++;
    for (const queue of this.state.queues) queue.linesDown = true;
    sim.schedule(minutes * 60, this.onOutageEnded, null);
  }

  private readonly onOutageEnded = (): void => {
    if (--this.outages > 0) return;
    for (const queue of this.state.queues) queue.linesDown = false;
  };

  /**
   * The group's head-count becomes `agents`. A group with shifts changes one shift: the one on
   * duty now that ends last, else the next to start (rosterForChange); agents leaving beyond it
   * come off the other shifts, last shift first. Joiners on a shift on duty log in at once.
   */
  setAgents(groupId: string, agents: number): void {
    const group = this.group(groupId);
    const roster = rosterForChange(group, this.state.sim.now, this.state.horizonSec);
    let count = group.roster.reduce((sum, shift) => sum + shift.length, 0);
    for (; count < agents; count++) {
      const agent = this.hire(group);
      group.roster[roster].push(agent);
      const day = group.shifts.length === 0 ? 0 : group.shiftOnDuty[roster];
      if (day >= 0 && agent.duty.sickUntilSec <= this.state.sim.now) this.workforce.logIn(agent, day);
    }
    const order = [roster, ...group.roster.map((_, i) => group.roster.length - 1 - i).filter((i) => i !== roster)];
    for (const shift of order) {
      const members = group.roster[shift];
      while (count > agents && members.length > 0) {
        const agent = members.pop()!;
        this.workforce.leave(agent);
        group.benched.push(agent);
        count--;
      }
    }
  }

  /**
   * `agents` of the group who are at work now go home for the rest of the day (the last on the
   * roster first): each finishes its contact, misses any shift starting before midnight, and, in
   * a group without shifts, logs in again at midnight.
   */
  sendHomeSick(groupId: string, agents: number): void {
    const group = this.group(groupId);
    const now = this.state.sim.now;
    const midnight = (Math.floor(now / DAY_SEC) + 1) * DAY_SEC;
    let left = agents;
    for (let shift = group.roster.length - 1; shift >= 0 && left > 0; shift--) {
      const members = group.roster[shift];
      for (let i = members.length - 1; i >= 0 && left > 0; i--) {
        const agent = members[i];
        if (!agent.duty.onShift || agent.pendingOff === 'leave') continue;
        agent.duty.sickUntilSec = midnight;
        this.workforce.leave(agent);
        if (group.shifts.length === 0 && midnight < this.state.horizonSec) this.state.sim.scheduleAt(midnight, this.onBackFromSick, agent);
        left--;
      }
    }
  }

  private readonly onBackFromSick = (agent: Agent): void => {
    if (!agent.group.roster[0].includes(agent) || agent.duty.sickUntilSec > this.state.sim.now) return;
    // Still in the contact it was finishing when it fell sick: it simply stays.
    if (agent.duty.onShift) agent.pendingOff = 'none';
    else this.workforce.logIn(agent, 0);
  };

  /** An agent for the group: one taken off its roster earlier and gone, else a new one. */
  private hire(group: AgentGroup): Agent {
    const benched = group.benched;
    for (let i = benched.length - 1; i >= 0; i--) {
      const agent = benched[i];
      if (agent.state === 'offline' && agent.pendingOff === 'none') {
        benched.splice(i, 1);
        return agent;
      }
    }
    const state = this.state;
    const agent = newAgent(`${group.id}-${group.agents.length + 1}`, group, true, state.agents.length * TIME_SLOTS);
    agent.duty.shiftDay = -1;
    group.agents.push(agent);
    state.agents.push(agent);
    if (state.agentTime.length < state.agents.length * TIME_SLOTS) {
      const longer = new Float64Array(Math.max(state.agents.length * TIME_SLOTS, state.agentTime.length * 2));
      longer.set(state.agentTime);
      state.agentTime = longer;
    }
    return agent;
  }

  private group(id: string): AgentGroup {
    const group = this.state.groups.find((g) => g.id === id);
    if (!group) throw new RangeError(`no agent group "${id}"`);
    return group;
  }

  private queue(id: string): CallQueue {
    const queue = this.state.queues.find((q) => q.id === id);
    if (!queue) throw new RangeError(`no call queue "${id}"`);
    return queue;
  }
}

function scaled(profile: RateProfile, factor: number): RateProfile {
  return { pieceSec: profile.pieceSec, ratePerSec: profile.ratePerSec.map((rate) => rate * factor) };
}

/**
 * The roster a head-count change goes to: the only one of a group without shifts; else the shift
 * on duty now that ends last, else the shift that starts next (the first in the file when none is
 * left in the run).
 */
export function rosterForChange(group: AgentGroup, nowSec: number, horizonSec: number): number {
  const shifts = group.shifts;
  if (shifts.length === 0) return 0;
  let best = -1;
  let bestEnd = -Infinity;
  shifts.forEach((plan, i) => {
    const day = group.shiftOnDuty[i];
    if (day >= 0 && day * DAY_SEC + plan.endSec > bestEnd) {
      best = i;
      bestEnd = day * DAY_SEC + plan.endSec;
    }
  });
  if (best >= 0) return best;
  const today = Math.floor(nowSec / DAY_SEC);
  const lastDay = Math.ceil(horizonSec / DAY_SEC);
  let bestStart = Infinity;
  shifts.forEach((plan, i) => {
    let day = nextOccurrence(plan.weekdays, today, lastDay);
    if (day === today && today * DAY_SEC + plan.startSec < nowSec) day = nextOccurrence(plan.weekdays, today + 1, lastDay);
    if (day >= 0 && day * DAY_SEC + plan.startSec < bestStart) {
      best = i;
      bestStart = day * DAY_SEC + plan.startSec;
    }
  });
  return Math.max(best, 0);
}
