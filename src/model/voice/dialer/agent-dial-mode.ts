/**
 * What the modes that dial for one agent at a time share (preview, progressive): a free agent
 * takes the next record, and idle agents are put to work while records and lines last. The
 * subclass says how the dial starts once the agent is tied to it.
 */
import type { VoiceState } from '../voice-state';
import type { Agent, Campaign, Dial } from '../voice-objects';
import type { DialerMode, DialerPort } from './dialer-mode';

export abstract class AgentDialMode implements DialerMode {
  constructor(
    protected readonly dialer: DialerPort,
    protected readonly state: VoiceState,
  ) {}

  /** The agent is tied to the dial and its line is taken: start it. */
  protected abstract begin(dial: Dial, agent: Agent): void;

  offerAgent(campaign: Campaign, agent: Agent): boolean {
    if (!this.dialer.canDial(campaign)) return false;
    this.begin(this.dialer.dialFor(campaign, agent), agent);
    return true;
  }

  kick(campaign: Campaign): void {
    while (this.dialer.canDial(campaign)) {
      const agent = this.dialer.takeCampaignAgent(campaign);
      if (!agent) return;
      this.begin(this.dialer.dialFor(campaign, agent), agent);
    }
  }

  recordReady(campaign: Campaign, wasEmpty: boolean): void {
    if (wasEmpty) this.kick(campaign);
  }

  agentIdle(): void {
    // Idle agents wait for a record or a line: kick() puts them to work when one comes.
  }

  dialResolved(): void {
    // The agent tied to the dial is released, and release offers it the next record.
  }
}
