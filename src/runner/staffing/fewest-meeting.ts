/**
 * The search both optimisers share: the fewest head-counts, cell by cell (an interval of a
 * group, a back-office team), that meet a target the simulator judges.
 *
 * Simulate; raise every cell that misses (by one, then two, four … while it keeps missing); once
 * every cell meets, lower by one every cell not yet seen to miss with one agent fewer, simulate,
 * and keep the lowerings that still meet. A cell is never lowered to a count it missed with, so
 * the search ends. The caller's simulation uses the same seed and replication numbers every
 * time (common random numbers), so two head-counts differ by their staff, not by luck, and the
 * answer repeats exactly.
 */

export interface SearchProblem<Result> {
  start: readonly number[];
  /** Fewest the cell may have (one where work is expected: with nobody, it might never resolve). */
  floor: readonly number[];
  /** Most the cell may have before the target counts as infeasible. */
  ceiling: readonly number[];
  simulate(counts: readonly number[]): Result;
  meets(result: Result, cell: number): boolean;
  /** Where and why, for the message when a cell's ceiling does not meet the target. */
  describeMiss(result: Result, cell: number): string;
  maxEvaluations: number;
}

export interface SearchOutcome<Result> {
  counts: number[];
  /** The simulation of `counts`. */
  result: Result;
  evaluations: number;
}

/** A target no head-count up to the ceiling meets, or a search that did not settle: the message says which. */
export class InfeasibleTargetError extends Error {}

export function fewestMeeting<Result>(problem: SearchProblem<Result>): SearchOutcome<Result> {
  const counts = [...problem.start];
  // The most agents a cell was seen to miss the target with; it is never lowered to that again.
  const missedWith = counts.map(() => -1);
  // How far a cell is raised next time it misses: doubled each time in a row, so a formula far off costs few simulations.
  const step = counts.map(() => 1);
  const cells = counts.map((_, cell) => cell);
  let evaluations = 0;
  const simulate = (trial: readonly number[]) => {
    if (evaluations >= problem.maxEvaluations) throw new InfeasibleTargetError(`the search did not settle within ${problem.maxEvaluations} simulations`);
    evaluations++;
    return problem.simulate(trial);
  };

  let result = simulate(counts);
  for (;;) {
    const missing = cells.filter((cell) => !problem.meets(result, cell));
    for (const cell of cells) if (!missing.includes(cell)) step[cell] = 1;
    if (missing.length > 0) {
      for (const cell of missing) {
        if (counts[cell] >= problem.ceiling[cell]) throw new InfeasibleTargetError(`infeasible: ${problem.describeMiss(result, cell)}`);
        missedWith[cell] = Math.max(missedWith[cell], counts[cell]);
        counts[cell] = Math.min(counts[cell] + step[cell], problem.ceiling[cell]);
        step[cell] *= 2;
      }
      result = simulate(counts);
      continue;
    }
    const candidates = cells.filter((cell) => counts[cell] - 1 > missedWith[cell] && counts[cell] > problem.floor[cell]);
    if (candidates.length === 0) return { counts, result, evaluations };
    const lowered = [...counts];
    for (const cell of candidates) lowered[cell]--;
    const trial = simulate(lowered);
    let kept = 0;
    for (const cell of candidates) {
      if (problem.meets(trial, cell)) {
        counts[cell]--;
        kept++;
      } else missedWith[cell] = counts[cell] - 1;
    }
    // Lowerings kept beside ones undone interact (a queue carries over): check them together.
    if (kept === candidates.length) result = trial;
    else if (kept > 0) result = simulate(counts);
  }
}
