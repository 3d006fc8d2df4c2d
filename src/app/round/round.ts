/**
 * A facilitator's round as data (issue 12, item 5): where its scenario comes from (a shipped
 * scenario file or a lesson), the seed every team's configuration runs on (common random
 * numbers), how many replications, which staffing decisions the facilitator locks, the budget
 * per day, the score's weights, and the teams with their decisions. Once run, the round also
 * carries each team's figures, so a saved round opens on its leaderboard.
 *
 * A team decides the staff of its scenario: agents per voice group (per shift where the group
 * has shifts) and clerks per back-office team. round-config.ts turns the decisions into the
 * team's scenario; round-score.ts ranks the teams.
 */
import type { Scenario } from '../../model/scenario/scenario-schema';
import { headCountRange, type ControlRange } from '../what-if';

export const ROUND_FORMAT_VERSION = 1;
export const MAX_TEAMS = 12;
export const MIN_TEAMS_TO_RUN = 2;
export const MAX_TEAM_NAME = 60;
export const DEFAULT_REPLICATIONS = 5;
export const MIN_REPLICATIONS = 1;
export const MAX_REPLICATIONS = 50;
export const MAX_WEIGHT = 10;
export const DEFAULT_OVER_BUDGET_PENALTY = 25;

export type RoundSource = { readonly kind: 'scenario'; readonly file: string } | { readonly kind: 'lesson'; readonly lesson: string };

/** How much each KPI counts in the score, 0 to 10 each (docs/workshop.md). */
export interface ScoreWeights {
  readonly serviceLevel: number;
  readonly abandoned: number;
  readonly onTime: number;
  readonly cost: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { serviceLevel: 4, abandoned: 2, onTime: 2, cost: 2 };

/** A team's staffing: agents by voice group (one figure per shift where the group has shifts), clerks by back-office team. */
export interface TeamDecisions {
  readonly agents: Readonly<Record<string, number | readonly number[]>>;
  readonly clerks: Readonly<Record<string, number>>;
}

export interface Team {
  readonly name: string;
  readonly decisions: TeamDecisions;
}

/** What a round measured for one team: means over the replications (null where nothing was measured). */
export interface TeamFigures {
  /** Answered within the threshold ÷ (answered + abandoned), every queue together. */
  readonly serviceLevel: number | null;
  /** Abandoned ÷ offered, every queue together. */
  readonly abandonRate: number | null;
  /** The back office's items completed on time ÷ completed. */
  readonly onTimeRate: number | null;
  /** What the staff cost per measured day, in the scenario's currency. */
  readonly costPerDay: number | null;
  /** Service level per interval of the day, every queue together. */
  readonly intervalServiceLevel: readonly (number | null)[];
}

export interface RoundResults {
  /** Each interval's start of day, 'HH:MM'. */
  readonly intervals: readonly string[];
  /** Per team, in the teams' order. */
  readonly teams: readonly TeamFigures[];
}

export interface Round {
  readonly formatVersion: typeof ROUND_FORMAT_VERSION;
  readonly source: RoundSource;
  readonly seed: number;
  readonly replications: number;
  /** The decisions teams may not change: they stay at the scenario's figure. */
  readonly locked: { readonly agents: readonly string[]; readonly clerks: readonly string[] };
  /** The cost per day a team may spend; null for no budget. */
  readonly budgetPerDay: number | null;
  /** Points a team over budget loses from its score. */
  readonly overBudgetPenalty: number;
  readonly weights: ScoreWeights;
  readonly teams: readonly Team[];
  /** The figures of the last run, for exactly these teams and decisions; absent until run. */
  readonly results?: RoundResults;
}

/** One staffing decision a team makes, as the Teams step shows it. */
export interface StaffingKnob {
  readonly kind: 'agents' | 'clerks';
  /** The group's or back-office team's id. */
  readonly id: string;
  /** The group's or team's name in the scenario. */
  readonly name: string;
  /** For a group with shifts, the shift's index; null for the whole group or team. */
  readonly shift: number | null;
  /** 'HH:MM–HH:MM' of the shift. */
  readonly hours: string | null;
  /** The scenario's own figure. */
  readonly scenarioValue: number;
  readonly range: ControlRange;
}

/** Every decision a team makes on `scenario`: a knob per group (or per shift of it) and per back-office team. */
export function staffingKnobs(scenario: Scenario): StaffingKnob[] {
  const knobs: StaffingKnob[] = [];
  for (const group of scenario.agentGroups) {
    if (group.shifts) {
      group.shifts.forEach((shift, i) =>
        knobs.push({ kind: 'agents', id: group.id, name: group.name, shift: i, hours: `${shift.start}–${shift.end}`, scenarioValue: shift.agents, range: headCountRange(shift.agents) }),
      );
    } else {
      knobs.push({ kind: 'agents', id: group.id, name: group.name, shift: null, hours: null, scenarioValue: group.agents, range: headCountRange(group.agents) });
    }
  }
  for (const team of scenario.backOffice?.teams ?? []) {
    knobs.push({ kind: 'clerks', id: team.id, name: team.name, shift: null, hours: null, scenarioValue: team.clerks, range: headCountRange(team.clerks) });
  }
  return knobs;
}

/** The scenario's own staffing, which a new team starts from. */
export function scenarioDecisions(scenario: Scenario): TeamDecisions {
  const agents: Record<string, number | number[]> = {};
  for (const group of scenario.agentGroups) agents[group.id] = group.shifts ? group.shifts.map((shift) => shift.agents) : group.agents;
  const clerks: Record<string, number> = {};
  for (const team of scenario.backOffice?.teams ?? []) clerks[team.id] = team.clerks;
  return { agents, clerks };
}

/** A knob's figure in a team's decisions (the scenario's own when the decisions leave it out). */
export function decisionValue(decisions: TeamDecisions, knob: StaffingKnob): number {
  if (knob.kind === 'clerks') return decisions.clerks[knob.id] ?? knob.scenarioValue;
  const value = decisions.agents[knob.id];
  if (value === undefined) return knob.scenarioValue;
  if (knob.shift === null) return typeof value === 'number' ? value : knob.scenarioValue;
  return typeof value === 'number' ? knob.scenarioValue : (value[knob.shift] ?? knob.scenarioValue);
}

/** The decisions with one knob set to `value`. */
export function withDecision(decisions: TeamDecisions, knob: StaffingKnob, value: number, scenario: Scenario): TeamDecisions {
  if (knob.kind === 'clerks') return { ...decisions, clerks: { ...decisions.clerks, [knob.id]: value } };
  if (knob.shift === null) return { ...decisions, agents: { ...decisions.agents, [knob.id]: value } };
  const shifts = staffingKnobs(scenario).filter((k) => k.kind === 'agents' && k.id === knob.id);
  const figures = shifts.map((k) => (k.shift === knob.shift ? value : decisionValue(decisions, k)));
  return { ...decisions, agents: { ...decisions.agents, [knob.id]: figures } };
}

export function isLocked(round: Pick<Round, 'locked'>, knob: Pick<StaffingKnob, 'kind' | 'id'>): boolean {
  return round.locked[knob.kind].includes(knob.id);
}

/** A new round on a scenario: its seed, the default replications and weights, no locks, no budget, no teams yet. */
export function newRound(source: RoundSource, seed: number): Round {
  return {
    formatVersion: ROUND_FORMAT_VERSION,
    source,
    seed,
    replications: DEFAULT_REPLICATIONS,
    locked: { agents: [], clerks: [] },
    budgetPerDay: null,
    overBudgetPenalty: DEFAULT_OVER_BUDGET_PENALTY,
    weights: DEFAULT_WEIGHTS,
    teams: [],
  };
}

/**
 * The round changed in a way that makes its figures stale (seed, replications, source, teams or
 * their decisions): they are dropped. Weights, budget and penalty only re-score the same figures.
 */
export function changeRound(round: Round, change: Partial<Omit<Round, 'formatVersion' | 'results'>>): Round {
  const { results, ...rest } = round;
  const next = { ...rest, ...change };
  const stale = (['source', 'seed', 'replications', 'locked', 'teams'] as const).some((key) => key in change && change[key] !== round[key]);
  return stale || !results ? next : { ...next, results };
}
