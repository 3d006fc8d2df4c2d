/**
 * A facilitator's round as data: the file's schema refuses bad rounds naming the JSON path, a
 * team's decisions become its scenario through the what-if (shifts kept consistent), locks and
 * ranges are enforced, and a round saved to a file reads back the same.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { bundledLessons } from '../../src/app/lesson-catalog';
import { changeRound, newRound, scenarioDecisions, staffingKnobs, withDecision, type Round } from '../../src/app/round/round';
import { parseRoundText, roundText, validateRound } from '../../src/app/round/round-schema';
import { roundProblems, roundScenario, teamScenario } from '../../src/app/round/round-config';
import { forgetRound, keepRound, ROUND_KEY, roundOffer } from '../../src/app/round/round-store';
import { memoryStore } from '../../src/app/autosave';
import { loadShipped } from './shipped-scenario';

const scenarios = bundledScenarios();
const lessons = bundledLessons(scenarios);
const contrast = loadShipped('call-center-and-back-office.json');

function twoTeams(): Round {
  const round = newRound({ kind: 'scenario', file: 'call-center-and-back-office.json' }, 7);
  const decisions = scenarioDecisions(contrast);
  return { ...round, teams: [{ name: 'Simba', decisions }, { name: 'Twiga', decisions }] };
}

describe('the round file', () => {
  it('reads back a saved round exactly (save → load round-trips)', () => {
    const round: Round = {
      ...twoTeams(),
      budgetPerDay: 9000,
      locked: { agents: [], clerks: ['claims-team'] },
      results: { intervals: ['00:00', '00:30'], teams: [0, 1].map(() => ({ serviceLevel: 0.8, abandonRate: 0.05, onTimeRate: null, costPerDay: 8000, intervalServiceLevel: [null, 0.9] })) },
    };
    const read = parseRoundText(roundText(round));
    expect(read).toEqual({ ok: true, round });
  });

  it('refuses bad fields naming each JSON path and the problem', () => {
    const bad = {
      ...twoTeams(),
      replications: 0,
      seed: 1.5,
      budgetPerDay: -3,
      weights: { serviceLevel: 11, abandoned: 0, onTime: 0, cost: 0 },
      teams: [
        { name: 'x'.repeat(61), decisions: { agents: {}, clerks: {} } },
        { name: '', decisions: { agents: { 'support-team': -1 }, clerks: {} } },
      ],
    };
    const read = validateRound(bad);
    expect(read.ok).toBe(false);
    const paths = read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^replications: must be >= 1/),
        expect.stringMatching(/^seed: must be a whole number/),
        expect.stringMatching(/^budgetPerDay: must be > 0/),
        expect.stringMatching(/^weights\.serviceLevel: must be <= 10|^weights\.serviceLevel: must be at most 10/),
        expect.stringMatching(/^teams\[0\]\.name: must be at most 60 characters/),
        expect.stringMatching(/^teams\[1\]\.name: must not be empty/),
        expect.stringMatching(/^teams\[1\]\.decisions\.agents\.support-team: must be/),
      ]),
    );
  });

  it('refuses more than 12 teams, two teams of one name, all-zero weights, another format version and a file that is not JSON', () => {
    const base = twoTeams();
    const many = { ...base, teams: Array.from({ length: 13 }, (_, i) => ({ name: `T${i}`, decisions: base.teams[0].decisions })) };
    expect(validateRound(many)).toMatchObject({ ok: false, problems: [{ path: 'teams', message: 'must have at most 12 teams' }] });
    expect(validateRound({ ...base, teams: [base.teams[0], { ...base.teams[1], name: ' simba' }] })).toMatchObject({ ok: false, problems: [{ path: 'teams[1].name', message: expect.stringMatching(/same as team 1's name/) }] });
    expect(validateRound({ ...base, weights: { serviceLevel: 0, abandoned: 0, onTime: 0, cost: 0 } })).toMatchObject({ ok: false, problems: [{ path: 'weights', message: 'must give at least one KPI a weight above 0' }] });
    expect(validateRound({ ...base, formatVersion: 2 })).toMatchObject({ ok: false, problems: [{ path: 'formatVersion', message: expect.stringMatching(/reads round files of version 1/) }] });
    expect(parseRoundText('{ nope')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^is not valid JSON/) }] });
    expect(parseRoundText(' '.repeat(1_000_001))).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/at most 1,000,000/) }] });
  });

  it('refuses results that do not match the teams', () => {
    const round = { ...twoTeams(), results: { intervals: ['00:00'], teams: [{ serviceLevel: 0.8, abandonRate: 0.1, onTimeRate: null, costPerDay: null, intervalServiceLevel: [0.5, 0.4] }] } };
    const read = validateRound(round);
    expect(read.ok ? [] : read.problems.map((p) => p.path)).toEqual(['results.teams', 'results.teams[0].intervalServiceLevel']);
  });
});

describe('a round on its scenario', () => {
  it('finds the scenario of a shipped file and of a lesson, and says when a source names nothing', () => {
    expect(roundScenario({ kind: 'scenario', file: 'inbound-basic.json' }, scenarios, lessons)).toMatchObject({ ok: true, scenario: { name: loadShipped('inbound-basic.json').name } });
    const lesson = roundScenario({ kind: 'lesson', lesson: 'power-of-one' }, scenarios, lessons);
    expect(lesson).toMatchObject({ ok: true, scenario: { agentGroups: [{ id: 'nairobi-team' }, { id: 'mombasa-team' }] } });
    expect(roundScenario({ kind: 'lesson', lesson: 'no-such' }, scenarios, lessons)).toMatchObject({ ok: false, problems: [{ path: 'source.lesson' }] });
    expect(roundScenario({ kind: 'scenario', file: 'x.json' }, scenarios, lessons)).toMatchObject({ ok: false, problems: [{ path: 'source.file' }] });
  });

  it('offers a decision per shift of a group with shifts and per back-office team', () => {
    const knobs = staffingKnobs(contrast).map((k) => `${k.kind}:${k.id}:${k.shift}:${k.scenarioValue}`);
    expect(knobs).toEqual(['agents:support-team:0:22', 'clerks:claims-team:null:22']);
  });

  it('applies each shift’s own figure and keeps the group’s agents their sum', () => {
    const scenario = loadShipped('order-taking-promotion.json');
    const knobs = staffingKnobs(scenario);
    const first = knobs.find((k) => k.id === 'sales' && k.shift === 0)!;
    const second = knobs.find((k) => k.id === 'sales' && k.shift === 1)!;
    let decisions = withDecision(scenarioDecisions(scenario), first, first.scenarioValue + 3, scenario);
    decisions = withDecision(decisions, second, second.scenarioValue - 1, scenario);
    const team = teamScenario(newRound({ kind: 'scenario', file: 'order-taking-promotion.json' }, 1), scenario, decisions);
    expect(team.ok).toBe(true);
    const sales = team.ok ? team.scenario.agentGroups.find((g) => g.id === 'sales')! : null;
    expect(sales?.shifts?.map((s) => s.agents)).toEqual([first.scenarioValue + 3, second.scenarioValue - 1]);
    expect(sales?.agents).toBe(first.scenarioValue + second.scenarioValue + 2);
  });

  it('refuses a locked decision changed, a figure out of range, a wrong shift count and a budget without costs, naming the path', () => {
    const round = { ...twoTeams(), locked: { agents: ['support-team'], clerks: [] } };
    const knob = staffingKnobs(contrast)[0];
    const changed = withDecision(scenarioDecisions(contrast), knob, 30, contrast);
    expect(teamScenario(round, contrast, changed, 'teams[0].decisions')).toEqual({
      ok: false,
      problems: [{ path: 'teams[0].decisions.agents.support-team[0]', message: 'is locked by the facilitator at 22 (got 30)' }],
    });
    const tooMany = { ...scenarioDecisions(contrast), clerks: { 'claims-team': 500 } };
    expect(roundProblems({ ...twoTeams(), teams: [{ name: 'A', decisions: tooMany }] }, contrast)).toEqual([
      { path: 'teams[0].decisions.clerks.claims-team', message: 'must be from 0 to 44 (got 500)' },
    ]);
    const flat = { agents: { 'support-team': 20 }, clerks: {} };
    expect(roundProblems({ ...twoTeams(), teams: [{ name: 'A', decisions: flat }] }, contrast)[0]).toMatchObject({ path: 'teams[0].decisions.agents.support-team', message: expect.stringMatching(/one per shift/) });
    const twoLines = loadShipped('two-help-lines.json');
    expect(roundProblems({ ...newRound({ kind: 'lesson', lesson: 'power-of-one' }, 1), budgetPerDay: 100 }, twoLines)).toEqual([
      { path: 'budgetPerDay', message: 'must be null: the scenario gives no costs, so spending cannot be measured' },
    ]);
  });

  it('keeps the figures when only the weights change and drops them when a team changes', () => {
    const results = { intervals: [], teams: [] };
    const round = { ...twoTeams(), results };
    expect(changeRound(round, { weights: { serviceLevel: 1, abandoned: 0, onTime: 0, cost: 0 } }).results).toBe(results);
    expect(changeRound(round, { budgetPerDay: 5 }).results).toBe(results);
    expect(changeRound(round, { teams: round.teams.slice(0, 1) }).results).toBeUndefined();
    expect(changeRound(round, { seed: 8 }).results).toBeUndefined();
  });
});

describe('a round kept between visits', () => {
  it('is offered back with its step after a reload, and not after it is discarded', () => {
    const store = memoryStore();
    expect(roundOffer(store.get(ROUND_KEY))).toEqual({ kind: 'none' });
    const round = twoTeams();
    keepRound(store, round, 'teams', 1000);
    expect(roundOffer(store.get(ROUND_KEY))).toEqual({ kind: 'offer', kept: { round, step: 'teams', savedAtMs: 1000 } });
    forgetRound(store);
    expect(roundOffer(store.get(ROUND_KEY))).toEqual({ kind: 'none' });
  });

  it('offers a damaged kept round for discarding, with its problems', () => {
    expect(roundOffer('{')).toMatchObject({ kind: 'unreadable', problems: [{ path: '' }] });
    expect(roundOffer(JSON.stringify({ savedAtMs: 1, step: 'teams', round: { ...twoTeams(), seed: -1 } }))).toMatchObject({ kind: 'unreadable', problems: [{ path: 'round.seed' }] });
    expect(roundOffer(JSON.stringify({ savedAtMs: 1, step: 'nowhere', round: twoTeams() }))).toMatchObject({ kind: 'unreadable', problems: [{ path: 'step' }] });
  });
});
