/**
 * The leaderboard: each team's score, out of 100, and its rank (docs/workshop.md, "The score").
 *
 * Each KPI is turned into a mark from 0 to 1 where 1 is best: service level and on time as they
 * are, abandoned as 1 − the abandon rate, cost as the cheapest team's cost per day ÷ the team's
 * (the cheapest team gets 1). The score is 100 × the weighted mean of the marks. A KPI no team
 * has (on time in a scenario without a back office, cost without costs) is left out, its weight
 * with it; a team without a figure that others have gets 0 for it. A team over the budget is
 * flagged and loses the round's penalty points (never below 0).
 *
 * Ties are broken the same way every time: the higher service level, then the lower cost per
 * day, then the team entered first.
 */
import type { Round, ScoreWeights, TeamFigures } from './round';

export type ScoredKpi = keyof ScoreWeights;

export interface Standing {
  /** The team's index in the round. */
  readonly team: number;
  readonly figures: TeamFigures;
  readonly overBudget: boolean;
  readonly score: number;
  /** 1 for the first; every team has its own rank. */
  readonly rank: number;
}

const MARKS: Record<ScoredKpi, (figures: TeamFigures, cheapest: number | null) => number | null> = {
  serviceLevel: (f) => f.serviceLevel,
  abandoned: (f) => (f.abandonRate === null ? null : 1 - f.abandonRate),
  onTime: (f) => f.onTimeRate,
  cost: (f, cheapest) => (f.costPerDay === null || cheapest === null ? null : f.costPerDay <= 0 ? 1 : cheapest / f.costPerDay),
};

/** The KPIs the score counts for these figures: those at least one team has. */
export function scoredKpis(figures: readonly TeamFigures[]): ScoredKpi[] {
  return (Object.keys(MARKS) as ScoredKpi[]).filter((kpi) => figures.some((f) => MARKS[kpi](f, 1) !== null));
}

/** Every team's standing, best first. */
export function rankTeams(figures: readonly TeamFigures[], round: Pick<Round, 'weights' | 'budgetPerDay' | 'overBudgetPenalty'>): Standing[] {
  const costs = figures.map((f) => f.costPerDay).filter((c): c is number => c !== null);
  const cheapest = costs.length > 0 ? Math.min(...costs) : null;
  const kpis = scoredKpis(figures);
  const totalWeight = kpis.reduce((sum, kpi) => sum + round.weights[kpi], 0);
  const scored = figures.map((f, team) => {
    const weighted = kpis.reduce((sum, kpi) => sum + round.weights[kpi] * (MARKS[kpi](f, cheapest) ?? 0), 0);
    const overBudget = round.budgetPerDay !== null && f.costPerDay !== null && f.costPerDay > round.budgetPerDay;
    const base = totalWeight > 0 ? (100 * weighted) / totalWeight : 0;
    return { team, figures: f, overBudget, score: Math.max(0, base - (overBudget ? round.overBudgetPenalty : 0)) };
  });
  const order = (x: number | null) => x ?? -Infinity;
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      order(b.figures.serviceLevel) - order(a.figures.serviceLevel) ||
      (a.figures.costPerDay ?? Infinity) - (b.figures.costPerDay ?? Infinity) ||
      a.team - b.team,
  );
  return scored.map((standing, i) => ({ ...standing, rank: i + 1 }));
}
