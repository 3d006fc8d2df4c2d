/**
 * What an agent who has come free does next (a contact finished, a break ended, a shift began, a
 * back-office task was done): a pending break or shift end comes first, then an inbound call,
 * then outbound work, else the agent waits idle (lent to the back office meanwhile if it blends).
 */
import type { AgentDesk } from './agent-desk';
import type { CallHandling } from './call-handling';
import type { WaitingLine } from './waiting-line';
import type { Workforce } from './workforce';
import type { Dialer } from './dialer/dialer';
import type { AgentRelease } from './voice-state';
import type { Agent } from './voice-objects';

export class AgentDispatch implements AgentRelease {
  constructor(
    private readonly desk: AgentDesk,
    private readonly line: WaitingLine,
    private readonly handling: CallHandling,
    private readonly workforce: Workforce,
    private readonly dialer: Dialer,
  ) {}

  release(agent: Agent): void {
    if (agent.pendingOff !== 'none') {
      this.workforce.applyPendingOff(agent);
      return;
    }
    const next = this.line.nextCallFor(agent);
    if (next) {
      this.handling.answer(next, agent);
      return;
    }
    const group = agent.group;
    if (group.campaigns.length > 0 && this.dialer.offerOutboundWork(agent)) return;
    this.desk.parkIdle(agent);
    if (group.campaigns.length > 0) this.dialer.agentWentIdle(group);
  }
}
