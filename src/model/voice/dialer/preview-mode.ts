/**
 * Preview: the agent reads the record first (the preview time), then dials it. A person listens
 * from the first ring, so there is no answering-machine detection.
 */
import type { Agent, Dial } from '../voice-objects';
import { AgentDialMode } from './agent-dial-mode';

export class PreviewMode extends AgentDialMode {
  static readonly detectsMachines = false;

  protected begin(dial: Dial, agent: Agent): void {
    const { sim, listener } = this.state;
    const campaign = dial.campaign;
    dial.state = 'preview';
    const previewSec = campaign.drawPreview();
    this.dialer.setAgentState(agent, 'previewing');
    listener?.({ type: 'campaign.preview-started', timeSec: sim.now, campaignId: campaign.id, agentId: agent.id, previewEndSec: sim.now + previewSec });
    sim.schedule(previewSec, this.onPreviewEnded, dial);
  }

  private readonly onPreviewEnded = (dial: Dial): void => {
    this.dialer.setAgentState(dial.agent!, 'dialing');
    this.dialer.placeDial(dial);
  };
}
