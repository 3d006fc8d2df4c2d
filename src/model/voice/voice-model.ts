/**
 * The voice model: a contact center's inbound queues and outbound campaigns, worked by agents in
 * groups with skills and shifts. This class composes the parts and is what the runner, the page
 * and the tests drive; each rule lives in the part named after it (docs/voice-operations.md):
 *
 *   build-voice.ts, build-campaign.ts   scenario → queues, groups, agents, campaigns
 *   call-arrivals.ts                    callers arrive, retry, repeat; failure demand
 *   waiting-line.ts                     waiting, callbacks kept in line, overflow, abandons
 *   call-handling.ts                    talk, hold, ACW, outcomes, ringing back
 *   routing.ts                          the routing decisions, pure
 *   agent-dispatch.ts                   what a freed agent does next
 *   workforce.ts                        shifts, breaks, absence
 *   dialer/                             campaigns, one DialerMode per dialer mode
 *   back-office-lending.ts              blending agents lent to the back office
 *   voice-knobs.ts                      live changes: head-counts, volume, AHT, outages, adverts
 *   interval-books.ts                   interval records, totals, live read-outs
 *
 * Pure: no DOM, no clock, no global randomness. Each caller's talk, hold, ACW, patience and
 * outcome are drawn when the caller arrives, from streams named after the queue, so two
 * configurations run with one seed meet the same callers with the same needs (common random
 * numbers); only what the configuration does to them differs.
 *
 * Hot-path notes: no per-event allocation beyond the call itself and its calendar entries; the
 * parts share one VoiceState and bind their handlers once. Idle agents sit in one intrusive list
 * per group ordered by the time they went idle, so finding the longest-idle agent costs O(groups
 * with the skill), never a scan of agents. A queue served by one group without overflow, and a
 * group with one skill, take short paths with the same results.
 */
import type { RunResult, Simulation } from '../../engine/simulation';
import type { Scenario } from '../scenario/scenario-schema';
import type { QueueCounters } from './queue-counters';
import type { AgentCounters } from './agent-counters';
import type { CampaignCounters } from './campaign-counters';
import { buildVoiceState } from './build-voice';
import type { VoiceModelOptions, VoiceState } from './voice-state';
import { IntervalBooks } from './interval-books';
import { AgentDesk } from './agent-desk';
import { CallHandling } from './call-handling';
import { WaitingLine } from './waiting-line';
import { CallArrivals } from './call-arrivals';
import { Workforce } from './workforce';
import { AgentDispatch } from './agent-dispatch';
import { BackOfficeLending } from './back-office-lending';
import { Dialer } from './dialer/dialer';
import { CampaignWindows } from './dialer/campaign-windows';
import { complianceOf } from './dialer/compliance';
import { VoiceKnobs } from './voice-knobs';
import type { Agent, AgentGroup, BackOfficeDesk, CallQueue, Campaign, CampaignCompliance } from './voice-objects';

// Importers read the model's objects and options from here.
export type { CallState, Call, CallExtra, PendingOff, BackOfficeDesk, Agent, AgentDuty, GroupSkill, AgentGroup, CallQueue, DialState, Dial, Campaign, IntervalRecord, CampaignCompliance } from './voice-objects';
export { holdSecOf } from './voice-objects';
export type { VoiceModelOptions } from './voice-state';

export class VoiceModel {
  readonly sim: Simulation;
  readonly queues: CallQueue[];
  readonly groups: AgentGroup[];
  readonly campaigns: Campaign[];
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly seed: number;
  /** Counters of every closed non-warm-up interval, per queue. */
  readonly totals: QueueCounters[];
  /** The same per agent group and per campaign. */
  readonly groupTotals: AgentCounters[];
  readonly campaignTotals: CampaignCounters[];
  /** Live changes at the current simulated time (the Site's knobs drive them). */
  readonly knobs: VoiceKnobs;

  private readonly state: VoiceState;
  private readonly books: IntervalBooks;
  private readonly arrivals: CallArrivals;
  private readonly lending: BackOfficeLending;
  private finished = false;

  constructor(readonly scenario: Scenario, options: VoiceModelOptions = {}) {
    const state = buildVoiceState(scenario, options);
    this.state = state;
    this.sim = state.sim;
    this.seed = state.seed;
    this.queues = state.queues;
    this.groups = state.groups;
    this.campaigns = state.campaigns;
    this.horizonSec = state.horizonSec;
    this.intervalSec = state.intervalSec;
    this.warmupSec = state.warmupSec;

    this.scenarioAgentCount = state.agents.length;
    const books = new IntervalBooks(state);
    const desk = new AgentDesk(state);
    const dialer = new Dialer(state, desk);
    const handling = new CallHandling(state, desk, books);
    const line = new WaitingLine(state, desk, books, handling, dialer);
    const arrivals = new CallArrivals(state, desk, handling, line);
    const workforce = new Workforce(state, desk, books);
    const windows = new CampaignWindows(state, dialer);
    state.dispatch = new AgentDispatch(desk, line, handling, workforce, dialer);
    state.returns = arrivals;
    this.books = books;
    this.arrivals = arrivals;
    this.lending = new BackOfficeLending(state, desk);
    this.totals = books.totals;
    this.groupTotals = books.groupTotals;
    this.campaignTotals = books.campaignTotals;
    this.knobs = new VoiceKnobs(state, arrivals, workforce, dialer);

    // The first events, in this order: the calendar breaks ties by scheduling order.
    books.start();
    arrivals.startArrivals();
    arrivals.startSpikes();
    workforce.startShifts();
    windows.startWindows();
    windows.startOpenCampaigns();
  }

  get now(): number {
    return this.sim.now;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Every agent: the scenario's, group by group, then those who joined during the run (interventions). */
  get agents(): readonly Agent[] {
    return this.state.agents;
  }

  /** The scenario's agents, group by group (what per-agent reports list; joiners count in their group's figures). */
  get scenarioAgents(): readonly Agent[] {
    return this.state.agents.slice(0, this.scenarioAgentCount);
  }

  private readonly scenarioAgentCount: number;

  /** Advances to `untilSec` (never past the horizon); see Simulation.runUntil for the budget. */
  runUntil(untilSec: number, maxEvents?: number): RunResult {
    return this.sim.runUntil(Math.min(untilSec, this.horizonSec), maxEvents);
  }

  /**
   * Runs to the horizon and closes the books: calls still waiting or in handling are counted as
   * such, and every open interval is handed to `onIntervalClosed`.
   */
  runToEnd(): void {
    this.runUntil(this.horizonSec);
    if (this.finished) return;
    this.finished = true;
    this.books.finish();
  }

  /** Intervals not yet handed to `onIntervalClosed` (ended ones wait for their calls to finish). */
  get openIntervalCount(): number {
    return this.books.openCount;
  }

  /** Calls currently waiting in each queue (for wallboards). */
  waitingCount(queueIndex: number): number {
    return this.queues[queueIndex].waitingCount;
  }

  /**
   * Counters of a queue for the whole run so far, closed and still-open intervals alike, time
   * integrals included up to this instant: what a wallboard shows. Feed them to deriveQueueKpis;
   * per-day or per-interval views sum the records handed to onIntervalClosed. Costs
   * O(open intervals), so call it per frame, not per event.
   */
  liveCounters(queueIndex: number): QueueCounters {
    return this.books.liveCounters(queueIndex);
  }

  /** Counters of an agent group for the run so far (time up to this instant); feed them to deriveAgentKpis. */
  liveGroupCounters(groupIndex: number): AgentCounters {
    return this.books.liveGroupCounters(groupIndex);
  }

  /** Counters of a campaign for the run so far; feed them to deriveCampaignKpis. */
  liveCampaignCounters(campaignIndex: number): CampaignCounters {
    return this.books.liveCampaignCounters(campaignIndex);
  }

  /** Where a campaign stands against its abandon-rate cap, now. A pure read: the run is not changed. */
  compliance(campaignIndex: number): CampaignCompliance {
    return complianceOf(this.campaigns[campaignIndex], this.sim.now);
  }

  /**
   * A call caused outside the voice model arrives now: a customer chasing a late back-office
   * item (failure demand). It is an ordinary caller of the queue, drawn from the queue's streams.
   */
  receiveFailureDemandCall(queueId: string): void {
    this.arrivals.receiveFailureDemandCall(queueId);
  }

  /**
   * Connects a blending group to the back office: from now on its idle agents are lent to it,
   * starting with those idle already. Done once, before the run starts.
   */
  attachBackOffice(group: AgentGroup, desk: BackOfficeDesk): void {
    this.lending.attach(group, desk);
  }

  /** The back office gave a lent agent an item (or resumed its paused one). */
  backOfficeWorkStarted(agent: Agent): void {
    this.lending.workStarted(agent);
  }

  /** A lent agent finished a back-office task: calls come first, then outbound, then maybe more back-office work. */
  backOfficeTaskDone(agent: Agent): void {
    this.lending.taskDone(agent);
  }
}
