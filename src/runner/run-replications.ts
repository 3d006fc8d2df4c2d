/**
 * Runs a scenario one or more times with independent random numbers and gathers each queue's
 * KPIs, in total, per interval of the day and per simulated day (day-report.ts), as means with 95% confidence half-widths across
 * the replications; likewise each agent group's (occupancy and time by state, per interval too),
 * each agent's, and each outbound campaign's (docs/voice-operations.md); the back office's work
 * types (docs/back-office.md); and, when the scenario gives costs, what its staff cost
 * (cost-report.ts).
 *
 * Replication r of seed s draws from streams named after (s, r), so replication 3 of a run with
 * 10 replications is the same run as replication 3 of a run with 5: adding replications only adds
 * information. Per-interval figures add up the same interval of every simulated day, so memory
 * stays the same however many days are simulated. Pure and synchronous: the same function serves
 * the CLI today and a Web Worker pool later.
 */
import type { IntervalRecord } from '../model/voice/voice-model';
import { Site } from '../model/site/site';
import { addQueueCounters, deriveQueueKpis, emptyQueueCounters, type QueueCounters, type QueueKpis, type QueueKpiName } from '../model/voice/queue-counters';
import { predictQueueOnSchedule, type ApproximationReason, type ErlangFigures, type ErlangFormula, type ScheduledFigures } from '../model/erlang/erlang-prediction';
import { DAY_SEC } from '../model/scenario/calendar-schema';
import { scenarioCosts, type Scenario } from '../model/scenario/scenario-schema';
import { EstimateAccumulator, RecordAccumulator, type Estimate } from './statistics';
import { BackOfficeAccumulator, sampleBackOffice, type BackOfficeReport, type BackOfficeSample } from './back-office-report';
import { addAgentCounters, deriveAgentKpis, emptyAgentCounters, type AgentCounters, type AgentKpis, type AgentKpiName } from '../model/voice/agent-counters';
import { deriveCampaignKpis, type CampaignKpis, type CampaignKpiName } from '../model/voice/campaign-counters';
import { CostAccumulator, sampleCost, type CostEstimates, type CostSample } from './cost-report';
import { DayAccumulator, DayRecorder, type DayReport, type DaySample } from './day-report';

export interface ReplicationResult {
  /** Per queue: the whole run (warm-up excluded). */
  totals: QueueKpis[];
  /** Per queue, per interval of the day. */
  intervals: QueueKpis[][];
  events: number;
  /** Arrival attempts, blocked ones included. */
  calls: number;
  /** Per agent group: the whole run, and per interval of the day. */
  groups: AgentKpis[];
  groupIntervals: AgentKpis[][];
  /** Per agent, the whole run (group by group, as VoiceModel.agents). */
  agents: AgentKpis[];
  /** Per campaign: the whole run, and the worst trailing-24 h abandon rate. */
  campaigns: CampaignKpis[];
  worst24hAbandonRates: (number | null)[];
  /** The back office's KPIs; null when the scenario has no back office. */
  backOffice: BackOfficeSample | null;
  /** What the staff cost, voice groups and back-office teams; null when the scenario gives no costs. */
  cost: CostSample | null;
  /** Each simulated day after the warm-up. */
  days: DaySample[];
}

export function runReplication(scenario: Scenario, seed: number, replication: number): ReplicationResult {
  const intervalsPerDay = DAY_SEC / (scenario.reportIntervalMin * 60);
  const byTimeOfDay: QueueCounters[][] = scenario.queues.map(() => Array.from({ length: intervalsPerDay }, emptyQueueCounters));
  const groupsByTimeOfDay: AgentCounters[][] = scenario.agentGroups.map(() => Array.from({ length: intervalsPerDay }, emptyAgentCounters));
  const days = new DayRecorder(scenario);
  const site = new Site(scenario, {
    seed,
    replication,
    recycleCalls: true,
    observers: [
      {
        voiceIntervalClosed: (record: IntervalRecord) => {
          if (record.isWarmup) return;
          const slot = record.index % intervalsPerDay;
          record.queues.forEach((counters, q) => addQueueCounters(byTimeOfDay[q][slot], counters));
          record.groups.forEach((counters, g) => addAgentCounters(groupsByTimeOfDay[g][slot], counters));
        },
      },
      { voiceIntervalClosed: days.voiceIntervalClosed, ...(scenario.backOffice ? { backOfficeDayClosed: days.backOfficeDayClosed } : {}) },
    ],
  });
  site.runToEnd();
  const model = site.voice;
  const backOffice = site.backOffice;
  const costs = scenarioCosts(scenario);
  const groups = model.groupTotals.map(deriveAgentKpis);
  return {
    totals: model.totals.map(deriveQueueKpis),
    intervals: byTimeOfDay.map((slots) => slots.map(deriveQueueKpis)),
    events: model.sim.eventsFired,
    calls: model.totals.reduce((sum, c) => sum + c.offered + c.blocked, 0),
    groups,
    groupIntervals: groupsByTimeOfDay.map((slots) => slots.map(deriveAgentKpis)),
    agents: model.scenarioAgents.map((agent) => deriveAgentKpis(agent.totals)),
    campaigns: model.campaignTotals.map((counters, c) => deriveCampaignKpis(counters, model.campaigns[c].records)),
    worst24hAbandonRates: model.campaigns.map((campaign) => campaign.worst24hAbandonRate),
    backOffice: backOffice ? sampleBackOffice(backOffice) : null,
    cost: costs
      ? sampleCost({
          costs,
          groups: scenario.agentGroups.map((group, g) => ({ id: group.id, locationId: group.locationId, time: groups[g] })),
          teams: site.measuredTeamUsage(),
          itemsCompleted: backOffice ? backOffice.total.completed : 0,
        })
      : null,
    days: days.samples(),
  };
}

export type KpiEstimates = { [K in QueueKpiName]: Estimate };

/** `erlang.agents`, when present, is the head-count the schedule puts on the phones in the interval. */
export type IntervalReport = { start: string } & KpiEstimates & { erlang?: ErlangFigures | ScheduledFigures };

/** One queue: every KPI as { mean, ci95 }, the intervals of the day, and the formula's prediction. */
export type QueueReport = { name: string } & KpiEstimates & {
  intervals: IntervalReport[];
  /** `approximate`, when present, names what makes the prediction an approximation (erlang-prediction.ts). */
  erlang: ({ formula: ErlangFormula; agents: number; caveats: string[]; approximate?: ApproximationReason[] } & ErlangFigures) | null;
};

export type AgentKpiEstimates = { [K in AgentKpiName]: Estimate };
export type CampaignKpiEstimates = { [K in CampaignKpiName]: Estimate };

/** One agent group: its agents' time and contacts, in total and per interval of the day. */
export type GroupReport = { name: string; agents: number } & AgentKpiEstimates & {
  intervals: ({ start: string } & Pick<AgentKpiEstimates, 'occupancy' | 'meanStaffedAgents' | 'meanBusyAgents'>)[];
};

/** One agent: occupancy, contacts and talk time over the run. */
export type AgentReport = { group: string } & Pick<
  AgentKpiEstimates,
  'occupancy' | 'contactsHandled' | 'talkSec' | 'staffedSec' | 'breakSec' | 'shiftOverruns' | 'breakDelays' | 'absences'
>;

/** One outbound campaign: every campaign KPI as { mean, ci95 }, and its compliance against the cap. */
export type CampaignReport = { name: string; mode: string; records: number; abandonCap: number; worst24hAbandonRate: Estimate } & CampaignKpiEstimates;

export interface RunReport {
  scenario: string;
  seed: number;
  replications: number;
  /** Simulated days (the scenario's `days`). */
  simulatedDays: number;
  warmupMin: number;
  serviceLevelThresholdSec: number;
  queues: Record<string, QueueReport>;
  groups: Record<string, GroupReport>;
  agents: Record<string, AgentReport>;
  campaigns: Record<string, CampaignReport>;
  /** Per back-office work type id (absent without a back office). */
  backOffice?: BackOfficeReport['workTypes'];
  /** The whole back office. */
  backOfficeTotal?: BackOfficeReport['total'];
  /** What the staff cost, in total, per location and per unit (absent when the scenario gives no costs). */
  cost?: CostEstimates;
  /** Each simulated day after the warm-up: date, weekday and the day's KPIs. */
  days: DayReport[];
  events: number;
  calls: number;
}

export interface RunOptions {
  seed?: number;
  replications?: number;
}

/** The seed (the option's, else the scenario's, else 1) and the number of replications (1 unless given), checked. */
export function runSettings(scenario: Scenario, options: RunOptions): { seed: number; replications: number } {
  const seed = options.seed ?? scenario.seed ?? 1;
  const replications = options.replications ?? 1;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new RangeError(`replications must be a whole number >= 1 (got ${replications})`);
  }
  return { seed, replications };
}

export function runReplications(scenario: Scenario, options: RunOptions = {}): RunReport {
  const { seed, replications } = runSettings(scenario, options);
  const accumulator = new ReplicationAccumulator(scenario, seed);
  for (let r = 0; r < replications; r++) accumulator.add(runReplication(scenario, seed, r));
  return accumulator.report();
}

/**
 * The run report, gathered one replication at a time: each KPI keeps running sums
 * (statistics.ts), never the replications' results, so memory stays the same for 10 or 10,000
 * replications.
 */
export class ReplicationAccumulator {
  private replications = 0;
  private events = 0;
  private calls = 0;
  private readonly queueTotals: RecordAccumulator<QueueKpis>[];
  private readonly queueIntervals: RecordAccumulator<QueueKpis>[][];
  private readonly groupTotals: RecordAccumulator<AgentKpis>[];
  private readonly groupIntervals: RecordAccumulator<AgentKpis>[][];
  private readonly agents: RecordAccumulator<AgentKpis>[];
  private readonly campaigns: RecordAccumulator<CampaignKpis>[];
  private readonly worst24hAbandonRates: EstimateAccumulator[];
  private readonly backOffice: BackOfficeAccumulator | null;
  private readonly cost: CostAccumulator | null;
  private readonly days: DayAccumulator;

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
  ) {
    const intervalsPerDay = DAY_SEC / (scenario.reportIntervalMin * 60);
    const perInterval = <T extends object>() => Array.from({ length: intervalsPerDay }, () => new RecordAccumulator<T>());
    this.queueTotals = scenario.queues.map(() => new RecordAccumulator<QueueKpis>());
    this.queueIntervals = scenario.queues.map(() => perInterval<QueueKpis>());
    this.groupTotals = scenario.agentGroups.map(() => new RecordAccumulator<AgentKpis>());
    this.groupIntervals = scenario.agentGroups.map(() => perInterval<AgentKpis>());
    this.agents = scenario.agentGroups.flatMap((group) => Array.from({ length: group.agents }, () => new RecordAccumulator<AgentKpis>()));
    this.campaigns = (scenario.campaigns ?? []).map(() => new RecordAccumulator<CampaignKpis>());
    this.worst24hAbandonRates = (scenario.campaigns ?? []).map(() => new EstimateAccumulator());
    this.backOffice = scenario.backOffice ? new BackOfficeAccumulator(scenario.backOffice.workTypes) : null;
    const costs = scenarioCosts(scenario);
    this.cost = costs ? new CostAccumulator(costs) : null;
    this.days = new DayAccumulator(scenario);
  }

  /** Adds the next replication's result; results must come in replication order for the sums to repeat exactly. */
  add(result: ReplicationResult): void {
    this.replications++;
    this.events += result.events;
    this.calls += result.calls;
    result.totals.forEach((kpis, q) => this.queueTotals[q].add(kpis));
    result.intervals.forEach((slots, q) => slots.forEach((kpis, i) => this.queueIntervals[q][i].add(kpis)));
    result.groups.forEach((kpis, g) => this.groupTotals[g].add(kpis));
    result.groupIntervals.forEach((slots, g) => slots.forEach((kpis, i) => this.groupIntervals[g][i].add(kpis)));
    result.agents.forEach((kpis, a) => this.agents[a].add(kpis));
    result.campaigns.forEach((kpis, c) => this.campaigns[c].add(kpis));
    result.worst24hAbandonRates.forEach((rate, c) => this.worst24hAbandonRates[c].add(rate));
    if (result.backOffice) this.backOffice?.add(result.backOffice);
    if (result.cost) this.cost?.add(result.cost);
    this.days.add(result.days);
  }

  report(): RunReport {
    const { scenario } = this;
    const queues: Record<string, QueueReport> = {};
    scenario.queues.forEach((queue, q) => {
      const prediction = predictQueueOnSchedule(scenario, q);
      queues[queue.id] = {
        name: queue.name,
        ...this.queueTotals[q].estimates(),
        intervals: this.queueIntervals[q].map((slot, i) => ({
          start: clockLabel(i * scenario.reportIntervalMin * 60),
          ...slot.estimates(),
          ...(prediction?.intervals[i] ? { erlang: prediction.intervals[i] } : {}),
        })),
        erlang: prediction?.total
          ? {
              formula: prediction.formula,
              agents: prediction.agents,
              caveats: prediction.caveats,
              ...(prediction.approximate.length > 0 ? { approximate: prediction.approximate } : {}),
              ...prediction.total,
            }
          : null,
      };
    });
    const groups: Record<string, GroupReport> = {};
    const agents: Record<string, AgentReport> = {};
    let agentIndex = 0;
    scenario.agentGroups.forEach((group, g) => {
      groups[group.id] = {
        name: group.name,
        agents: group.agents,
        ...this.groupTotals[g].estimates(),
        intervals: this.groupIntervals[g].map((accumulator, i) => {
          const slot = accumulator.estimates();
          return { start: clockLabel(i * scenario.reportIntervalMin * 60), occupancy: slot.occupancy, meanStaffedAgents: slot.meanStaffedAgents, meanBusyAgents: slot.meanBusyAgents };
        }),
      };
      for (let n = 1; n <= group.agents; n++, agentIndex++) {
        const a = this.agents[agentIndex].estimates();
        agents[`${group.id}-${n}`] = {
          group: group.id,
          occupancy: a.occupancy,
          contactsHandled: a.contactsHandled,
          talkSec: a.talkSec,
          staffedSec: a.staffedSec,
          breakSec: a.breakSec,
          shiftOverruns: a.shiftOverruns,
          breakDelays: a.breakDelays,
          absences: a.absences,
        };
      }
    });
    const campaigns: Record<string, CampaignReport> = {};
    (scenario.campaigns ?? []).forEach((campaign, c) => {
      campaigns[campaign.id] = {
        name: campaign.name,
        mode: campaign.mode,
        records: campaign.records,
        abandonCap: campaign.abandonCap ?? 0.03,
        worst24hAbandonRate: this.worst24hAbandonRates[c].estimate(),
        ...this.campaigns[c].estimates(),
      };
    });
    const office = this.backOffice?.report();
    return {
      scenario: scenario.name,
      seed: this.seed,
      replications: this.replications,
      simulatedDays: scenario.days,
      warmupMin: scenario.warmupMin ?? 0,
      serviceLevelThresholdSec: scenario.serviceLevel.thresholdSec,
      queues,
      groups,
      agents,
      campaigns,
      ...(office ? { backOffice: office.workTypes, backOfficeTotal: office.total } : {}),
      ...(this.cost ? { cost: this.cost.estimates() } : {}),
      days: this.days.report(),
      events: this.events,
      calls: this.calls,
    };
  }
}

/** "HH:MM" of a time of day given in seconds. */
export function clockLabel(timeOfDaySec: number): string {
  const minutes = Math.floor(timeOfDaySec / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
