/**
 * Twin floors: two configurations run side by side on one seed, so the same callers (and items)
 * arrive on both (common random numbers: every random draw comes from a named stream), and kept
 * at the same simulated time. One side may be the run already on the page's floor (the
 * controller's own, advanced by the frame loop); the twin starts the other side's run itself
 * and brings it to the floor's time whenever asked.
 *
 * The differences are read from both runs with the wallboards' own sources (the voice session's
 * KPIs, the back office's wallboard figures, the cost so far), never counted here, and each says
 * whether B is better or worse than A with the comparisons' own verdict.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { verdict, type BetterDirection } from '../runner/paired-comparison';
import { costSoFar } from './cost-so-far';
import { startPageRun, type PageRun } from './page-run';
import { totalAgents } from './power-of-one';

/** A side of the twin: the floor's own run, or a configuration the twin runs itself. */
export type TwinSide = { readonly floor: PageRun } | { readonly scenario: Scenario };

/** What the strip compares, read from one run now. */
export interface TwinFigures {
  /** Agents in every group of the configuration. */
  readonly agents: number;
  /** Calls offered today (all queues), retrials included, and the retrials among them. */
  readonly offered: number;
  readonly retrials: number;
  readonly serviceLevelToday: number | null;
  readonly abandonedToday: number;
  /** Null without a back office. */
  readonly backlog: number | null;
  readonly onTimeToday: number | null;
  /** Null when the scenario gives no costs. */
  readonly costSoFar: number | null;
  readonly currency: string | null;
}

export type TwinFigureId = 'serviceLevelToday' | 'abandonedToday' | 'backlog' | 'onTimeToday' | 'costSoFar';

/** Which way each compared figure is better, as the comparisons' KPI catalogue says. */
export const TWIN_FIGURES: readonly { readonly id: TwinFigureId; readonly better: BetterDirection }[] = [
  { id: 'serviceLevelToday', better: 'higher' },
  { id: 'abandonedToday', better: 'lower' },
  { id: 'backlog', better: 'lower' },
  { id: 'onTimeToday', better: 'higher' },
  { id: 'costSoFar', better: 'lower' },
];

export interface TwinDifference {
  readonly id: TwinFigureId;
  readonly a: number | null;
  readonly b: number | null;
  /** B − A; null when either side has no figure. */
  readonly difference: number | null;
  /** How B stands against A: 'same' when equal, null when there is nothing to compare. */
  readonly verdict: 'better' | 'worse' | 'same' | null;
}

export class TwinRun {
  readonly a: PageRun;
  readonly b: PageRun;
  /** The runs the twin started (not the floor's): it advances these. */
  private readonly own: PageRun[];
  private readonly floor: PageRun;

  /** Starts the runs of the sides that are not the floor's, on `seed`, and brings them to the floor's time. */
  constructor(floor: PageRun, seed: number, a: TwinSide, b: TwinSide) {
    const start = (side: TwinSide) => ('floor' in side ? side.floor : startPageRun(side.scenario, seed));
    this.a = start(a);
    this.b = start(b);
    this.own = [this.a, this.b].filter((run) => run !== floor);
    this.floor = floor;
    this.follow();
  }

  /** Brings the twin's own runs to the floor's simulated time (every event on the way fires). */
  follow(): void {
    const now = this.floor.session.now;
    for (const run of this.own) if (run.session.now < now) run.session.advanceTo(now, Infinity);
  }

  figures(side: 'a' | 'b'): TwinFigures {
    return twinFigures(side === 'a' ? this.a : this.b);
  }

  /** B − A for every figure both sides have, with B's verdict. */
  differences(): TwinDifference[] {
    return compareFigures(this.figures('a'), this.figures('b'));
  }
}

export function twinFigures(run: PageRun): TwinFigures {
  const { session, backOffice } = run;
  const today = session.kpis('all').today;
  const office = backOffice ? backOffice.kpis(session.now) : null;
  const cost = costSoFar(session.model, backOffice?.model ?? null);
  return {
    agents: totalAgents(session.scenario),
    offered: today.offered,
    retrials: today.retrials,
    serviceLevelToday: today.serviceLevel,
    abandonedToday: today.abandoned,
    backlog: office ? office.backlog : null,
    onTimeToday: office ? office.onTimeRate : null,
    costSoFar: cost ? cost.total : null,
    currency: cost ? cost.currency : null,
  };
}

export function compareFigures(a: TwinFigures, b: TwinFigures): TwinDifference[] {
  return TWIN_FIGURES.map(({ id, better }) => {
    const difference = a[id] === null || b[id] === null ? null : b[id] - a[id];
    return { id, a: a[id], b: b[id], difference, verdict: judge(difference, better) };
  });
}

function judge(difference: number | null, better: BetterDirection): TwinDifference['verdict'] {
  if (difference === null) return null;
  // One pair of runs on one seed: the difference is what it is, with no interval around it.
  const said = verdict({ mean: difference, ci95: 0 }, better);
  return said === 'better' || said === 'worse' ? said : 'same';
}
