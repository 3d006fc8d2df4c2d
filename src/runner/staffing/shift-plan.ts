/**
 * A shift plan: how many agents on each shift template (start, end, breaks) cover a per-interval
 * requirement at the fewest paid hours. That is a small integer program (a covering problem);
 * this solves it by a greedy start, taking one agent at a time on the template that covers the
 * most still-uncovered agent-time per paid hour, then local improvement (drop an agent, move one
 * to a shorter template, or put two on one template of fewer hours, while the requirement stays
 * covered) until nothing improves. Not guaranteed optimal, but every plan it returns covers the
 * requirement.
 */
import { scheduledAgentsByInterval } from '../../model/erlang/erlang-prediction';
import type { AgentGroupConfig } from '../../model/scenario/scenario-schema';
import { clockSec } from '../../model/scenario/calendar-schema';

type Shift = NonNullable<AgentGroupConfig['shifts']>[number];
/** A shift without its head-count: when it starts and ends, and its breaks. */
export type ShiftTemplate = Omit<Shift, 'agents'>;

export interface ShiftPlan {
  /** Agents on each template, in the templates' order. */
  agents: number[];
  paidHours: number;
  /** Agents on the phones per interval with this plan. */
  coverage: number[];
}

/** Uncovered requirement no template reaches: names the first such interval. */
export class UncoverableIntervalError extends Error {
  constructor(readonly slot: number) {
    super(`no shift template covers interval ${slot}`);
  }
}

const EPSILON = 1e-9;

/** Agents on the phones per interval that one agent on `template` gives (breaks take them off). */
export function templateCoverage(template: ShiftTemplate, intervalSec: number): number[] {
  return scheduledAgentsByInterval({ id: 'template', name: 'template', queues: [], agents: 1, shifts: [{ ...template, agents: 1, days: undefined }] }, intervalSec, 1);
}

export const paidHoursOf = (template: ShiftTemplate) => (clockSec(template.end) - clockSec(template.start)) / 3600;

export function coverWithShifts(required: readonly number[], templates: readonly ShiftTemplate[], intervalSec: number): ShiftPlan {
  const cover = templates.map((t) => templateCoverage(t, intervalSec));
  const hours = templates.map(paidHoursOf);
  const agents = templates.map(() => 0);
  const coverage = required.map(() => 0);
  const add = (t: number, n: number) => {
    agents[t] += n;
    cover[t].forEach((c, i) => (coverage[i] += n * c));
  };
  const covered = () => required.every((r, i) => coverage[i] >= r - EPSILON);

  while (!covered()) {
    let best = -1;
    let bestValue = 0;
    cover.forEach((c, t) => {
      const value = c.reduce((sum, share, i) => sum + Math.min(share, Math.max(0, required[i] - coverage[i])), 0) / hours[t];
      if (value > bestValue + EPSILON) [best, bestValue] = [t, value];
    });
    if (best < 0) throw new UncoverableIntervalError(required.findIndex((r, i) => coverage[i] < r - EPSILON));
    add(best, 1);
  }

  // Local improvement: each move lowers paid hours and is kept only if the requirement stays covered, so it ends.
  const moves: [number, number][][] = [];
  templates.forEach((_, t) => {
    moves.push([[t, -1]]);
    templates.forEach((_, s) => {
      if (hours[s] < hours[t] - EPSILON) moves.push([[t, -1], [s, 1]]);
      for (let u = t; u < templates.length; u++) if (hours[s] < hours[t] + hours[u] - EPSILON) moves.push([[t, -1], [u, -1], [s, 1]]);
    });
  });
  const tryMove = (move: [number, number][]) => {
    if (move.some(([t]) => agents[t] < move.filter(([u, d]) => u === t && d < 0).length)) return false;
    for (const [t, delta] of move) add(t, delta);
    if (covered()) return true;
    for (const [t, delta] of move) add(t, -delta);
    return false;
  };
  for (let improved = true; improved; ) {
    improved = false;
    for (const move of moves) while (tryMove(move)) improved = true;
  }
  return { agents, paidHours: agents.reduce((sum, n, t) => sum + n * hours[t], 0), coverage };
}
