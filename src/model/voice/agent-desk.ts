/**
 * An agent's bookkeeping that every flow shares: its state changes (and their events), the
 * logged-in head-count, the idle list, the contact clock, and the hand-over to and from the back
 * office for blending groups. Decides nothing: the flows and agent-dispatch.ts decide.
 */
import type { Simulation } from '../../engine/simulation';
import { linkLast, unlink } from '../../engine/intrusive-list';
import type { AgentState, DomainEventListener } from './domain-events';
import { BACK_OFFICE, BACK_OFFICE_SINCE, HANDLING, SINCE } from './agent-time';
import type { VoiceState } from './voice-state';
import type { Agent, AgentGroup } from './voice-objects';

export class AgentDesk {
  private readonly sim: Simulation;
  private readonly listener: DomainEventListener | undefined;

  constructor(private readonly state: VoiceState) {
    this.sim = state.sim;
    this.listener = state.listener;
  }

  setAgentState(agent: Agent, to: AgentState): void {
    const now = this.sim.now;
    const from = agent.state;
    agent.state = to;
    agent.stateSinceSec = now;
    this.listener?.({ type: 'agent.state-changed', timeSec: now, agentId: agent.id, from, to });
  }

  /** An agent joins (+1) or leaves (−1) the logged-in-and-not-on-break head-count. */
  changeStaffed(agent: Agent, delta: number): void {
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

  popIdle(group: AgentGroup): Agent | null {
    const agent = group.idle.head;
    if (agent) this.unlinkIdle(agent);
    return agent;
  }

  /** An idle agent is taken for something else; a blending agent was lent idle to the back office, which lets go of it. */
  unlinkIdle(agent: Agent): void {
    unlink(agent.group.idle, agent);
    const desk = agent.group.backOffice;
    if (desk !== null) desk.recall(agent);
  }

  /** The agent waits idle, longest-idle last; a blending agent is lent to the back office meanwhile. */
  parkIdle(agent: Agent): void {
    const group = agent.group;
    this.setAgentState(agent, 'idle');
    linkLast(group.idle, agent);
    if (group.backOffice !== null) group.backOffice.lend(agent);
  }

  /** An agent on back-office work is wanted back (a call, a break, the end of the shift): its item is paused. */
  recallFromBackOffice(agent: Agent): void {
    this.leaveBackOffice(agent);
    agent.group.backOffice!.interrupt(agent);
  }

  leaveBackOffice(agent: Agent): void {
    unlink(agent.group.onBackOffice, agent);
    const time = this.state.agentTime;
    time[agent.slot + BACK_OFFICE] += this.sim.now - time[agent.slot + BACK_OFFICE_SINCE];
  }

  /** A contact (inbound call or outbound dial) starts: the agent's handling clock runs from `nowSec`. */
  startContact(agent: Agent, nowSec: number): void {
    this.state.agentTime[agent.slot + SINCE] = nowSec;
  }

  /** A contact ended: its handling time goes to the agent. */
  endContact(agent: Agent): void {
    const now = this.sim.now;
    const time = this.state.agentTime;
    time[agent.slot + HANDLING] += now - time[agent.slot + SINCE];
    time[agent.slot + SINCE] = now;
  }
}
