/**
 * The round's leaderboard and its runs: the score is the documented weighted mean of marks, ties
 * break the same way every time, a team over budget is flagged and scored down; on one seed two
 * teams with the same decisions get the same figures, and a team with more agents answers at
 * least as well.
 */
import { describe, expect, it } from 'vitest';
import { newRound, scenarioDecisions, staffingKnobs, withDecision, type TeamFigures } from '../../src/app/round/round';
import { rankTeams, scoredKpis } from '../../src/app/round/round-score';
import { runRound } from '../../src/app/round/round-results';
import { teamScenario } from '../../src/app/round/round-config';
import { runJobsInThread } from '../../src/runner/replication-jobs';
import { runReplications } from '../../src/runner/run-replications';
import { measuredDays } from '../../src/app/round/round-results';
import { loadShipped } from './shipped-scenario';

const figures = (serviceLevel: number | null, abandonRate: number | null, onTimeRate: number | null, costPerDay: number | null): TeamFigures => ({ serviceLevel, abandonRate, onTimeRate, costPerDay, intervalServiceLevel: [] });
const settings = { weights: { serviceLevel: 4, abandoned: 2, onTime: 2, cost: 2 }, budgetPerDay: null, overBudgetPenalty: 25 };

describe('the score', () => {
  it('is 100 × the weighted mean of the marks, cost marked against the cheapest team', () => {
    const [first, second] = rankTeams([figures(0.8, 0.1, 0.9, 1000), figures(0.9, 0.05, 1, 2000)], settings);
    // Team 0: 100 × (4·0.8 + 2·0.9 + 2·0.9 + 2·1) / 10; team 1: 100 × (4·0.9 + 2·0.95 + 2·1 + 2·0.5) / 10.
    expect(first).toMatchObject({ team: 0, rank: 1 });
    expect(first.score).toBeCloseTo(88, 9);
    expect(second).toMatchObject({ team: 1, rank: 2 });
    expect(second.score).toBeCloseTo(85, 9);
  });

  it('changes the ranking when the weights change, without new figures', () => {
    const teams = [figures(0.8, 0.1, null, 1000), figures(0.9, 0.05, null, 2000)];
    expect(rankTeams(teams, settings)[0].team).toBe(0);
    expect(rankTeams(teams, { ...settings, weights: { serviceLevel: 10, abandoned: 0, onTime: 0, cost: 1 } })[0].team).toBe(1);
  });

  it('leaves out a KPI no team has, with its weight', () => {
    const teams = [figures(0.5, 0.2, null, null), figures(0.7, 0.1, null, null)];
    expect(scoredKpis(teams)).toEqual(['serviceLevel', 'abandoned']);
    expect(rankTeams(teams, settings)[0].score).toBeCloseTo((100 * (4 * 0.7 + 2 * 0.9)) / 6, 9);
  });

  it('flags a team over budget and takes the penalty off its score, never below 0', () => {
    const teams = [figures(0.9, 0.05, null, 1200), figures(0.9, 0.05, null, 1000)];
    const ranked = rankTeams(teams, { ...settings, budgetPerDay: 1100 });
    expect(ranked.map((s) => [s.team, s.overBudget])).toEqual([[1, false], [0, true]]);
    const unpenalised = rankTeams(teams, settings).find((s) => s.team === 0)!.score;
    expect(ranked[1].score).toBeCloseTo(unpenalised - 25, 9);
    expect(rankTeams([figures(0.1, 0.9, null, 5000)], { ...settings, budgetPerDay: 1, overBudgetPenalty: 100 })[0].score).toBe(0);
  });

  it('breaks ties by service level, then cost, then the order teams were entered', () => {
    const same = figures(0.8, 0.1, null, null);
    expect(rankTeams([same, same, same], settings).map((s) => [s.team, s.rank])).toEqual([[0, 1], [1, 2], [2, 3]]);
    const weights = { serviceLevel: 0, abandoned: 1, onTime: 0, cost: 0 };
    const bySl = rankTeams([figures(0.7, 0.1, null, 10), figures(0.8, 0.1, null, 20), figures(0.8, 0.1, null, 15)], { ...settings, weights });
    expect(bySl.map((s) => s.team)).toEqual([2, 1, 0]);
  });
});

describe('running a round', () => {
  const scenario = loadShipped('two-help-lines.json');
  const round = newRound({ kind: 'lesson', lesson: 'power-of-one' }, 11);
  const nairobi = staffingKnobs(scenario).find((k) => k.id === 'nairobi-team')!;
  const build = (agents: number) => {
    const team = teamScenario(round, scenario, withDecision(scenarioDecisions(scenario), nairobi, agents, scenario));
    if (!team.ok) throw new Error(JSON.stringify(team.problems));
    return team.scenario;
  };

  it('gives two teams with the same decisions the same figures, on common random numbers', async () => {
    const results = await runRound(runJobsInThread(), [build(10), build(10)], 11, 3);
    expect(results.teams[1]).toEqual(results.teams[0]);
    expect(results.teams[0].serviceLevel).toBeGreaterThan(0);
    expect(results.intervals).toHaveLength(results.teams[0].intervalServiceLevel.length);
  });

  it('gives the team with more agents a service level at least as high on the same seed, with one replication and with three', async () => {
    // Same callers with the same needs (common random numbers), one queue served FIFO by its own
    // group: one more agent can only answer each caller as soon or sooner.
    for (const replications of [1, 3]) {
      const { teams } = await runRound(runJobsInThread(), [build(9), build(10), build(12)], 11, replications);
      expect(teams[1].serviceLevel!).toBeGreaterThanOrEqual(teams[0].serviceLevel!);
      expect(teams[2].serviceLevel!).toBeGreaterThanOrEqual(teams[1].serviceLevel!);
      expect(teams[2].serviceLevel!).toBeGreaterThan(teams[0].serviceLevel!);
    }
  });

  it('measures a team as the run report does: service level, abandoned, on time and cost per day', async () => {
    const single = loadShipped('call-center-and-back-office.json');
    const report = runReplications(single, { seed: 5, replications: 2 });
    const { teams } = await runRound(runJobsInThread(), [single, single], 5, 2);
    const queue = Object.values(report.queues)[0];
    expect(teams[0].serviceLevel).toBeCloseTo(queue.serviceLevel.mean!, 12);
    expect(teams[0].abandonRate).toBeCloseTo(queue.abandonRate.mean!, 12);
    expect(teams[0].onTimeRate).toBeCloseTo(report.backOfficeTotal!.onTimeRate.mean!, 12);
    expect(teams[0].costPerDay).toBeCloseTo(report.cost!.total.mean! / measuredDays(single), 6);
  });

  it('gives the service level of every queue together, between the queues’ own', async () => {
    const report = runReplications(scenario, { seed: 11, replications: 1 });
    const [nairobiLine, mombasaLine] = Object.values(report.queues).map((q) => q.serviceLevel.mean!);
    const { teams } = await runRound(runJobsInThread(), [scenario, scenario], 11, 1);
    expect(teams[0].serviceLevel!).toBeGreaterThan(Math.min(nairobiLine, mombasaLine));
    expect(teams[0].serviceLevel!).toBeLessThan(Math.max(nairobiLine, mombasaLine));
  });
});
