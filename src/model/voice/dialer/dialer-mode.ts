/**
 * The one interface every dialer mode implements. The dialer (dialer.ts) owns what all modes
 * share: the call list, placing a dial, what happens when it rings out or connects, talk, ACW,
 * retries and the abandon-rate books. A mode decides only when dials are placed and for whom:
 * for an agent who reads the record first (preview), for an agent reserved for it (progressive),
 * or ahead of the agents, paced on the expected connects (predictive).
 *
 * Adding a mode: one file implementing DialerMode, one line in dialer-modes.ts, and the mode's
 * name in the scenario schema.
 */
import type { AgentState } from '../domain-events';
import type { VoiceState } from '../voice-state';
import type { Agent, AgentGroup, Campaign, Dial } from '../voice-objects';

export interface DialerMode {
  /** An agent of a blended group is free, with no inbound call for it: true if it took this campaign's work. */
  offerAgent(campaign: Campaign, agent: Agent): boolean;
  /** Work may be possible now (the window opened, inbound went quiet, a record came back): start it. */
  kick(campaign: Campaign): void;
  /** A record is ready to be dialled again; `wasEmpty` when the campaign had none left before. */
  recordReady(campaign: Campaign, wasEmpty: boolean): void;
  /** An agent of one of the campaign's groups has gone idle. */
  agentIdle(campaign: Campaign): void;
  /** A dial rang out without reaching a person, or a connect found no agent at once. */
  dialResolved(campaign: Campaign): void;
}

/** What a mode may ask of the dialer. */
export interface DialerPort {
  /** The window is open, a line is free and a record is left. */
  canDial(campaign: Campaign): boolean;
  /** The longest-idle agent the campaign may take now (routing.ts), unlinked from its idle list; or null. */
  takeCampaignAgent(campaign: Campaign): Agent | null;
  /** Draws a dial for the next record, tied to `agent` (preview and progressive), its line taken. */
  dialFor(campaign: Campaign, agent: Agent): Dial;
  /** Draws a dial for the next record with no agent (predictive), its line taken. */
  dialAhead(campaign: Campaign): Dial;
  /** The dial starts ringing. */
  placeDial(dial: Dial): void;
  /** The oldest connected dial still waiting for an agent, or null. */
  nextWaitingConnect(campaign: Campaign): Dial | null;
  /** The agent takes a connected dial. */
  connectDial(dial: Dial, agent: Agent): void;
  /** Idle agents of a group that outbound work may take now (beyond its inbound reserve). */
  outboundFree(group: AgentGroup): number;
  setAgentState(agent: Agent, to: AgentState): void;
}

/** A mode's class, as the registry (dialer-modes.ts) lists it. */
export interface DialerModeClass {
  new (dialer: DialerPort, state: VoiceState): DialerMode;
  /** Answering-machine detection applies: the system dials before a person listens. */
  readonly detectsMachines: boolean;
}
