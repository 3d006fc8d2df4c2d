/** Progressive: the system dials as soon as an agent is free, one dial per agent, reserved for it. */
import type { Agent, Dial } from '../voice-objects';
import { AgentDialMode } from './agent-dial-mode';

export class ProgressiveMode extends AgentDialMode {
  static readonly detectsMachines = true;

  protected begin(dial: Dial, agent: Agent): void {
    this.dialer.setAgentState(agent, 'reserved');
    this.dialer.placeDial(dial);
  }
}
