/**
 * From a round to what runs: the round's scenario (a shipped file, or a lesson's first
 * configuration), and each team's scenario, its decisions applied through the what-if
 * (what-if.ts applyWhatIf), so a group's shifts stay consistent with its agents and the result is
 * validated by the model's own schema. Decisions that name no group, break a lock or leave a
 * control's range are refused with their JSON path, as a refused what-if is.
 */
import type { ScenarioProblem } from '../../model/scenario/parse-scenario';
import { validateScenario } from '../../model/scenario/parse-scenario';
import type { Scenario } from '../../model/scenario/scenario-schema';
import type { ReadyLesson } from '../lesson-catalog';
import type { CatalogEntry } from '../scenario-catalog';
import { applyWhatIf, defaultWhatIf } from '../what-if';
import { decisionValue, isLocked, staffingKnobs, type Round, type RoundSource, type TeamDecisions } from './round';

export type RoundScenario = { ok: true; scenario: Scenario; seed: number } | { ok: false; problems: ScenarioProblem[] };

/** The scenario a round's source names, and the seed it suggests (the lesson's, else the scenario's, else 1). */
export function roundScenario(source: RoundSource, scenarios: readonly CatalogEntry[], lessons: readonly { ok: boolean }[]): RoundScenario {
  if (source.kind === 'lesson') {
    const lesson = lessons.find((entry): entry is ReadyLesson => entry.ok && (entry as ReadyLesson).lesson.id === source.lesson);
    if (!lesson) return { ok: false, problems: [{ path: 'source.lesson', message: `names no lesson of this page (got "${source.lesson}")` }] };
    return { ok: true, scenario: lesson.configurations[0].scenario, seed: lesson.seed };
  }
  const entry = scenarios.find((e) => e.file === source.file);
  if (!entry) return { ok: false, problems: [{ path: 'source.file', message: `names no scenario of this page (got "${source.file}")` }] };
  if (!entry.result.ok) return { ok: false, problems: [{ path: 'source.file', message: `names a scenario that does not validate (${source.file})` }] };
  return { ok: true, scenario: entry.result.scenario, seed: entry.result.scenario.seed ?? 1 };
}

/** What is wrong with a round on its scenario: unknown groups or teams, wrong shift counts, figures out of range, broken locks, a budget without costs. */
export function roundProblems(round: Round, scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const groups = new Map(scenario.agentGroups.map((g) => [g.id, g]));
  const teams = new Set((scenario.backOffice?.teams ?? []).map((t) => t.id));
  round.locked.agents.forEach((id, i) => {
    if (!groups.has(id)) problems.push({ path: `locked.agents[${i}]`, message: `names no agent group of the scenario (got "${id}")` });
  });
  round.locked.clerks.forEach((id, i) => {
    if (!teams.has(id)) problems.push({ path: `locked.clerks[${i}]`, message: `names no back-office team of the scenario (got "${id}")` });
  });
  if (round.budgetPerDay !== null && !scenarioHasCosts(scenario)) problems.push({ path: 'budgetPerDay', message: 'must be null: the scenario gives no costs, so spending cannot be measured' });
  round.teams.forEach((team, t) => problems.push(...decisionProblems(round, scenario, team.decisions, `teams[${t}].decisions`)));
  return problems;
}

function scenarioHasCosts(scenario: Scenario): boolean {
  return (scenario.costs ?? scenario.backOffice?.costs) !== undefined;
}

function decisionProblems(round: Round, scenario: Scenario, decisions: TeamDecisions, at: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const groups = new Map(scenario.agentGroups.map((g) => [g.id, g]));
  for (const [id, value] of Object.entries(decisions.agents)) {
    const group = groups.get(id);
    if (!group) problems.push({ path: `${at}.agents.${id}`, message: 'names no agent group of the scenario' });
    else if (group.shifts && (typeof value === 'number' || value.length !== group.shifts.length)) {
      problems.push({ path: `${at}.agents.${id}`, message: `must be a list of ${group.shifts.length} figure(s), one per shift of the group` });
    } else if (!group.shifts && typeof value !== 'number') problems.push({ path: `${at}.agents.${id}`, message: 'must be one figure: the group has no shifts' });
  }
  const teams = new Set((scenario.backOffice?.teams ?? []).map((t) => t.id));
  for (const id of Object.keys(decisions.clerks)) {
    if (!teams.has(id)) problems.push({ path: `${at}.clerks.${id}`, message: 'names no back-office team of the scenario' });
  }
  if (problems.length > 0) return problems;
  for (const knob of staffingKnobs(scenario)) {
    const value = decisionValue(decisions, knob);
    const path = `${at}.${knob.kind}.${knob.id}${knob.shift === null ? '' : `[${knob.shift}]`}`;
    if (isLocked(round, knob) && value !== knob.scenarioValue) problems.push({ path, message: `is locked by the facilitator at ${knob.scenarioValue} (got ${value})` });
    else if (value < knob.range.min || value > knob.range.max) problems.push({ path, message: `must be from ${knob.range.min} to ${knob.range.max} (got ${value})` });
  }
  return problems;
}

/** A team's scenario: its decisions applied to the round's scenario, or the problems that refuse them (paths under `at`). */
export function teamScenario(round: Round, scenario: Scenario, decisions: TeamDecisions, at = 'decisions'): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
  const problems = decisionProblems(round, scenario, decisions, at);
  if (problems.length > 0) return { ok: false, problems };
  const knobs = staffingKnobs(scenario);
  const base = defaultWhatIf(scenario);
  const agentsByGroup: Record<string, number> = { ...base.agentsByGroup };
  const clerksByTeam: Record<string, number> = { ...base.clerksByTeam };
  for (const knob of knobs) {
    const value = decisionValue(decisions, knob);
    if (knob.kind === 'clerks') clerksByTeam[knob.id] = value;
    else if (knob.shift === null) agentsByGroup[knob.id] = value;
    // A group with shifts has as many agents as its shifts together.
    else agentsByGroup[knob.id] = (knob.shift === 0 ? 0 : agentsByGroup[knob.id]) + value;
  }
  const applied = applyWhatIf(scenario, { ...base, agentsByGroup, clerksByTeam });
  if (!applied.ok) return { ok: false, problems: applied.problems.map((p) => ({ path: `${at}: ${p.path}`, message: p.message })) };
  // The what-if spreads a group's agents over its shifts in proportion; a team sets each shift's own figure.
  const hasShifts = scenario.agentGroups.some((g) => g.shifts);
  if (!hasShifts) return applied;
  const exact = validateScenario({
    ...applied.scenario,
    agentGroups: applied.scenario.agentGroups.map((group) =>
      group.shifts ? { ...group, shifts: group.shifts.map((shift, i) => ({ ...shift, agents: decisionValue(decisions, knobs.find((k) => k.kind === 'agents' && k.id === group.id && k.shift === i)!) })) } : group,
    ),
  });
  return exact.ok ? exact : { ok: false, problems: exact.problems.map((p) => ({ path: `${at}: ${p.path}`, message: p.message })) };
}
