/**
 * The voice side of blending (src/model/blending.ts wires it to the back office): a blending
 * group's idle agents are lent to the back office, which reports when one starts an item and
 * when its task is done; calls, breaks and shift ends take agents back (agent-desk.ts).
 */
import { linkLast, unlink } from '../../engine/intrusive-list';
import { BACK_OFFICE_SINCE } from './agent-time';
import type { AgentDesk } from './agent-desk';
import type { VoiceState } from './voice-state';
import type { Agent, AgentGroup, BackOfficeDesk } from './voice-objects';

export class BackOfficeLending {
  constructor(
    private readonly state: VoiceState,
    private readonly desk: AgentDesk,
  ) {}

  /**
   * Connects a blending group to the back office: from now on its idle agents are lent to it,
   * starting with those idle already. Done once, before the run starts.
   */
  attach(group: AgentGroup, office: BackOfficeDesk): void {
    if (group.backOffice !== null) throw new RangeError(`agent group "${group.id}" is attached to a back office already`);
    group.backOffice = office;
    for (const queue of group.queues) if (group.callInterruptsItem) queue.interruptsBackOffice = true;
    for (let agent = group.idle.head; agent !== null; ) {
      const next = agent.next;
      office.lend(agent);
      agent = next;
    }
  }

  /** The back office gave a lent agent an item (or resumed its paused one). */
  workStarted(agent: Agent): void {
    unlink(agent.group.idle, agent);
    this.desk.setAgentState(agent, 'back-office');
    linkLast(agent.group.onBackOffice, agent);
    this.state.agentTime[agent.slot + BACK_OFFICE_SINCE] = this.state.sim.now;
  }

  /** A lent agent finished a back-office task: calls come first, then outbound, then maybe more back-office work. */
  taskDone(agent: Agent): void {
    this.desk.leaveBackOffice(agent);
    this.state.dispatch.release(agent);
  }
}
