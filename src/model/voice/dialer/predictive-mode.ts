/**
 * Predictive: the system dials ahead of the agents, paced so that the connects expected over the
 * agents expected free carry an abandoned share within the target the compliance check allows
 * (pacing.ts). A connect that finds no agent waits a moment for one, then is abandoned; a freed
 * agent takes the oldest connect waiting.
 */
import { distributionMean } from '../../../engine/distributions';
import { toDistribution } from '../../scenario/scenario-schema';
import type { VoiceState } from '../voice-state';
import type { Agent, Campaign } from '../voice-objects';
import type { DialerMode, DialerPort } from './dialer-mode';
import { abandonTarget, predictiveDialCount } from './pacing';
import { closeComplianceWindow } from './compliance';

/** A prior of 20 dials at a 30% connect rate steadies the first minutes. */
const PRIOR_DIALS = 20;
const PRIOR_CONNECT_RATE = 0.3;

export class PredictiveMode implements DialerMode {
  static readonly detectsMachines = true;

  constructor(
    private readonly dialer: DialerPort,
    private readonly state: VoiceState,
  ) {}

  offerAgent(campaign: Campaign, agent: Agent): boolean {
    const dial = this.dialer.nextWaitingConnect(campaign);
    if (!dial) return false;
    this.dialer.connectDial(dial, agent);
    return true;
  }

  kick(campaign: Campaign): void {
    this.pace(campaign);
  }

  recordReady(campaign: Campaign): void {
    this.pace(campaign);
  }

  agentIdle(campaign: Campaign): void {
    this.pace(campaign);
  }

  dialResolved(campaign: Campaign): void {
    this.pace(campaign);
  }

  private pace(campaign: Campaign): void {
    const dialer = this.dialer;
    if (!dialer.canDial(campaign)) return;
    const now = this.state.sim.now;
    let free = 0;
    for (const group of campaign.groups) free += dialer.outboundFree(group);
    if (free === 0 && campaign.busyAgents === 0 && campaign.acwAgents === 0) return;
    closeComplianceWindow(campaign, now);
    const connectRate = (campaign.needAgentDials + PRIOR_CONNECT_RATE * PRIOR_DIALS) / (campaign.resolvedDials + PRIOR_DIALS);
    const ringing = campaign.ringing;
    if (campaign.connectChances.length < ringing.length) campaign.connectChances = new Float64Array(ringing.length * 2);
    const chances = campaign.connectChances;
    for (let i = 0; i < ringing.length; i++) chances[i] = campaign.ringTimes.connectChance(now - ringing[i].startSec, connectRate);
    const count = predictiveDialCount({
      ringingConnectChances: chances.subarray(0, ringing.length),
      freeAgents: free,
      busyAgents: campaign.busyAgents,
      acwAgents: campaign.acwAgents,
      meanHandleSec: campaign.handled > 0 ? campaign.handleSumSec / campaign.handled : distributionMean(toDistribution(campaign.config.talk)),
      meanAcwSec: campaign.handled > 0 ? campaign.acwSumSec / campaign.handled : campaign.config.acw ? distributionMean(toDistribution(campaign.config.acw)) : 0,
      meanAnswerDelaySec: campaign.answers > 0 ? campaign.answerDelaySumSec / campaign.answers : 10,
      connectRate,
      targetAbandonRate: abandonTarget({
        cap: campaign.cap,
        runConnects: campaign.runConnects,
        runAbandoned: campaign.runAbandoned,
        windowConnects: campaign.recentConnects.length,
        windowAbandoned: campaign.recentAbandons.length,
      }),
      maxLinesPerAgent: campaign.maxLinesPerAgent,
      linesLeft: campaign.lineLimit - campaign.linesInUse,
    });
    for (let i = 0; i < count && dialer.canDial(campaign); i++) dialer.placeDial(dialer.dialAhead(campaign));
  }
}
