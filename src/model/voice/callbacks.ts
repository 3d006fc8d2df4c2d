/**
 * Callbacks (virtual hold): the wait a new caller can expect, which decides whether the caller
 * is offered a callback. The estimate is the planner's rule of thumb: the callers ahead of this
 * one (on the line or waiting for their callback), plus this one, are served at the rate the
 * logged-in agents finish calls: (ahead + 1) × mean handle ÷ agents. A pure function; the model
 * feeds it its live counts and the handle time it has observed.
 */
export function expectedWaitSec(ahead: number, meanHandleSec: number, agentsServing: number): number {
  if (agentsServing <= 0) return Infinity;
  return ((ahead + 1) * meanHandleSec) / agentsServing;
}
