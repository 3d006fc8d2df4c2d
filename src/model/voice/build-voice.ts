/**
 * Building the voice model from a scenario: call queues with their samplers, agent groups with
 * their agents and skills, the routing tiers of each queue, and the campaigns (build-campaign.ts),
 * all in one VoiceState. Streams are named after the queue, group or campaign they belong to, so
 * two configurations run with one seed meet the same callers with the same needs.
 */
import { Simulation } from '../../engine/simulation';
import { RandomStreams } from '../../engine/random-streams';
import { createSampler, distributionMean } from '../../engine/distributions';
import { NO_EVENT } from '../../engine/event-calendar';
import { Fifo } from '../../engine/fifo';
import { TimeWeighted } from '../../engine/time-weighted';
import type { Scenario, QueueConfig, AgentGroupConfig, Duration } from '../scenario/scenario-schema';
import { toDistribution } from '../scenario/scenario-schema';
import { poissonArrivals, rateProfile } from '../common/arrival-profile';
import { clockSec, DAY_SEC } from '../scenario/calendar-schema';
import { emptyList, linkLast } from '../../engine/intrusive-list';
import { emptyAgentCounters } from './agent-counters';
import { planShifts } from './schedules';
import { RunCalendar } from '../scenario/run-calendar';
import { buildCampaign } from './build-campaign';
import { TIME_SLOTS } from './agent-time';
import type { VoiceModelOptions, VoiceState } from './voice-state';
import type { Agent, AgentGroup, Call, CallQueue, Campaign, GroupSkill, IntervalRecord } from './voice-objects';

const DEFAULT_CALLBACK_RING: Duration = { kind: 'deterministic', valueSec: 20 };

export function buildVoiceState(scenario: Scenario, options: VoiceModelOptions): VoiceState {
  const seed = options.seed ?? scenario.seed ?? 1;
  const horizonSec = scenario.days * DAY_SEC;
  const streams = new RandomStreams(`${seed}/${options.replication ?? 0}`);
  const calendar = new RunCalendar(scenario);
  const queues = scenario.queues.map((config, index) => buildQueue(config, index, streams, horizonSec, calendar, scenario.days));
  const campaigns = (scenario.campaigns ?? []).map((config, index) => buildCampaign(config, index, streams));
  const agents: Agent[] = [];
  const groups = scenario.agentGroups.map((config, index) => buildGroup(config, index, streams, queues, campaigns, agents, calendar.firstWeekday));
  for (const queue of queues) buildTiers(queue, groups);
  return {
    scenario,
    calendar,
    sim: options.sim ?? new Simulation(),
    seed,
    listener: options.listener,
    onIntervalClosed: options.onIntervalClosed,
    recycleCalls: options.recycleCalls ?? false,
    horizonSec,
    intervalSec: scenario.reportIntervalMin * 60,
    warmupSec: (scenario.warmupMin ?? 0) * 60,
    thresholdSec: scenario.serviceLevel.thresholdSec,
    shortAbandonSec: scenario.serviceLevel.shortAbandonSec ?? 0,
    queues,
    groups,
    campaigns,
    agents,
    agentTime: new Float64Array(agents.length * TIME_SLOTS),
    streams,
    spareCalls: [],
    // The interval books open the first interval; the composition fills in the two ports.
    current: null as unknown as IntervalRecord,
    nextCallId: 1,
    nextDialId: 1,
    dispatch: null as unknown as VoiceState['dispatch'],
    returns: null as unknown as VoiceState['returns'],
  };
}

function buildQueue(config: QueueConfig, index: number, streams: RandomStreams, horizonSec: number, calendar: RunCalendar, days: number): CallQueue {
  const stream = (what: string) => streams.stream(`${what}:${config.id}`);
  const retrialStream = stream('retrial');
  const arrivalStream = stream('arrivals');
  const contact = config.contactType;
  const hasOutcome = contact !== undefined && contact.kind !== 'enquiry';
  const callback = config.callback;
  const priorHandle = distributionMean(toDistribution(config.talk)) + (config.acw ? distributionMean(toDistribution(config.acw)) : 0);
  return {
    id: config.id,
    name: config.name,
    index,
    config,
    priority: config.priority ?? 0,
    line: new Fifo<Call>(),
    groups: [],
    tiers: [],
    overflow: [],
    overflowWaits: [],
    waitingCount: 0,
    callbackCount: 0,
    linesInUse: 0,
    lineLimit: config.lines ?? Infinity,
    linesDown: false,
    queueLength: new TimeWeighted(0, 0),
    handling: new TimeWeighted(0, 0),
    staffed: new TimeWeighted(0, 0),
    arrivalStream,
    nextArrivalAfter: poissonArrivals(rateProfile(config.arrivals, calendar, days), arrivalStream, horizonSec),
    arrivalEvent: NO_EVENT,
    handleFactor: 1,
    patienceFactor: 1,
    drawTalk: createSampler(toDistribution(config.talk), stream('talk')),
    drawAcw: config.acw ? createSampler(toDistribution(config.acw), stream('acw')) : null,
    drawPatience: config.patience ? createSampler(toDistribution(config.patience), stream('patience')) : null,
    retrialStream,
    drawRetrialAfterAbandon: config.retrial?.afterAbandon
      ? createSampler(toDistribution(config.retrial.afterAbandon.delay), retrialStream)
      : null,
    drawRetrialAfterBlocked: config.retrial?.afterBlocked
      ? createSampler(toDistribution(config.retrial.afterBlocked.delay), retrialStream)
      : null,
    holdStream: config.hold ? stream('hold') : null,
    drawHold: config.hold ? createSampler(toDistribution(config.hold.duration), stream('hold-time')) : null,
    outcomeStream: hasOutcome ? stream('outcome') : null,
    drawOrderValue: contact?.kind === 'order' ? createSampler(contact.orderValue, stream('order-value')) : null,
    drawRepeatDelay: contact?.kind === 'support' ? createSampler(toDistribution(contact.repeatDelay), stream('repeat')) : null,
    callbackStream: callback ? stream('callback') : null,
    drawCallbackRing: callback ? createSampler(toDistribution(callback.ringTime ?? DEFAULT_CALLBACK_RING), stream('callback-ring')) : null,
    spikes: (config.arrivalSpikes ?? []).map((spike, i) => ({
      startSec: (spike.day - 1) * DAY_SEC + clockSec(spike.time),
      expectedCalls: spike.extraCalls,
      decaySec: spike.decayMin * 60,
      stream: stream(`spike-${i}`),
      lambda: 0,
    })),
    blendedGroups: [],
    observedHandleSumSec: priorHandle,
    observedHandled: 1,
    needsExtra: config.hold !== undefined || hasOutcome || callback !== undefined,
    interruptsBackOffice: false,
  };
}

/** A group and its agents (appended to `allAgents`, which gives each its slot in the agent-time array). */
function buildGroup(
  config: AgentGroupConfig,
  index: number,
  streams: RandomStreams,
  queues: readonly CallQueue[],
  allCampaigns: readonly Campaign[],
  allAgents: Agent[],
  firstWeekday: number,
): AgentGroup {
  const queueById = (id: string) => queues.find((q) => q.id === id)!;
  const skills: GroupSkill[] = [];
  for (const queueId of config.queues) skills.push({ queue: queueById(queueId), priority: 1, overflowAfterSec: 0 });
  for (const skill of config.skills ?? []) {
    skills.push({ queue: queueById(skill.queue), priority: skill.priority ?? 1, overflowAfterSec: skill.overflowAfterSec ?? 0 });
  }
  const campaigns = (config.campaigns ?? []).map((id) => allCampaigns.find((c) => c.id === id)!);
  const hasShifts = config.shifts !== undefined;
  const group: AgentGroup = {
    id: config.id,
    name: config.name,
    index,
    config,
    agents: [],
    idle: emptyList<Agent>(),
    onBackOffice: emptyList<Agent>(),
    backOffice: null,
    callInterruptsItem: config.backOfficeWork?.callInterruptsItem ?? false,
    queues: skills.map((s) => s.queue),
    skills,
    campaigns,
    inboundReserve: config.inboundReserve ?? 0,
    absenceShare: config.absenceShare ?? 0,
    absenceStream: streams.stream(`absence:${config.id}`),
    shifts: hasShifts ? planShifts(config.shifts!, firstWeekday) : [],
    roster: [],
    shiftOnDuty: [],
    benched: [],
    staffedNow: 0,
  };
  for (let n = 1; n <= config.agents; n++) {
    const agent = newAgent(`${config.id}-${n}`, group, hasShifts, allAgents.length * TIME_SLOTS);
    group.agents.push(agent);
    allAgents.push(agent);
    if (!hasShifts) linkLast(group.idle, agent);
  }
  if (hasShifts) {
    for (const plan of group.shifts) {
      group.roster.push(group.agents.slice(plan.firstAgent, plan.endAgent));
      group.shiftOnDuty.push(-1);
    }
  } else {
    group.roster.push([...group.agents]);
  }
  for (const skill of skills) skill.queue.groups.push(group);
  for (const campaign of campaigns) campaign.groups.push(group);
  if (campaigns.length > 0) for (const skill of skills) skill.queue.blendedGroups.push(group);
  if (!hasShifts) {
    group.staffedNow = config.agents;
    for (const skill of skills) skill.queue.staffed.change(0, config.agents);
    for (const campaign of campaigns) campaign.staffed.change(0, config.agents);
  }
  return group;
}

/** An agent at time 0: idle and logged in without shifts, offline until its first shift otherwise. */
export function newAgent(id: string, group: AgentGroup, hasShifts: boolean, slot: number): Agent {
  return {
    id,
    group,
    state: hasShifts ? 'offline' : 'idle',
    stateSinceSec: 0,
    call: null,
    dial: null,
    prev: null,
    next: null,
    pendingOff: 'none',
    slot,
    inboundAcc: 0,
    outboundAcc: 0,
    duty: {
      onShift: !hasShifts,
      shiftDay: hasShifts ? -1 : 0,
      pendingSinceSec: 0,
      pendingBreakSec: 0,
      breakEvent: NO_EVENT,
      isStaffed: !hasShifts,
      staffedSinceSec: 0,
      breakSinceSec: 0,
      staffedAcc: 0,
      breakAcc: 0,
      sickUntilSec: 0,
    },
    totals: emptyAgentCounters(),
  };
}

/** Routing tables of a queue: tiers of primary groups by skill priority, then overflow groups. */
function buildTiers(queue: CallQueue, groups: readonly AgentGroup[]): void {
  const byPriority = new Map<number, AgentGroup[]>();
  for (const group of groups) {
    for (const skill of group.skills) {
      if (skill.queue !== queue) continue;
      if (skill.overflowAfterSec > 0) {
        queue.overflow.push({ group, afterSec: skill.overflowAfterSec, priority: skill.priority });
      } else {
        const tier = byPriority.get(skill.priority) ?? [];
        tier.push(group);
        byPriority.set(skill.priority, tier);
      }
    }
  }
  for (const priority of [...byPriority.keys()].sort((a, b) => a - b)) queue.tiers.push(byPriority.get(priority)!);
  queue.overflow.sort((a, b) => a.priority - b.priority || a.afterSec - b.afterSec);
  queue.overflowWaits.push(...new Set(queue.overflow.map((o) => o.afterSec)));
  if (queue.overflow.length > 0) queue.needsExtra = true;
  queue.overflowWaits.sort((a, b) => a - b);
}
