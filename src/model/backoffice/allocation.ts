/**
 * Allocation rules: which waiting item a free clerk takes next. Pure functions of the items'
 * attributes, so a lesson can swap the rule and nothing else changes.
 *
 * - `fifo`: oldest first (earliest arrival). A reworked item keeps its arrival time, so it goes
 *   back near the front rather than to the end of the tray.
 * - `edd`: earliest due date first; ties by arrival. Minimises the maximum lateness on one
 *   machine (Jackson's rule) and is the rule a well-run back office uses.
 * - `priority-age`: the most urgent priority first (1 before 9), then oldest.
 * - `cherry-pick`: shortest task first. Clerks can see how long an item will take (a one-line
 *   invoice against a forty-line one) and take the quick ones; throughput looks good while long
 *   items age at the bottom of the tray: the damage a lesson shows.
 *
 * Every rule breaks its last tie by item id (arrival order), so the choice is total and
 * repeatable. The model keeps each backlog as a heap ordered by `isBefore`, so the head of each
 * backlog a clerk may take is the candidate from that backlog, and `pickNextItem` chooses among
 * the heads.
 */
import type { AllocationRule } from './backoffice-schema';

export type { AllocationRule };

/** What a rule may look at. `taskSec` is the length of the task the item waits for (processing, rework or check). */
export interface AllocatableItem {
  readonly id: number;
  readonly arrivalSec: number;
  readonly dueSec: number;
  /** 1 = most urgent. */
  readonly priority: number;
  readonly taskSec: number;
}

/** The strict order of a rule: true when `a` should be taken before `b`. */
export function isBefore(rule: AllocationRule, a: AllocatableItem, b: AllocatableItem): boolean {
  switch (rule) {
    case 'fifo':
      break;
    case 'edd':
      if (a.dueSec !== b.dueSec) return a.dueSec < b.dueSec;
      break;
    case 'priority-age':
      if (a.priority !== b.priority) return a.priority < b.priority;
      break;
    case 'cherry-pick':
      if (a.taskSec !== b.taskSec) return a.taskSec < b.taskSec;
      break;
  }
  if (a.arrivalSec !== b.arrivalSec) return a.arrivalSec < b.arrivalSec;
  return a.id < b.id;
}

/** The rule's order as a function for a heap: the same order as `isBefore`, specialised per rule (it runs on every heap step). */
export function orderFor(rule: AllocationRule): (a: AllocatableItem, b: AllocatableItem) => boolean {
  const byAge = (a: AllocatableItem, b: AllocatableItem) => a.arrivalSec < b.arrivalSec || (a.arrivalSec === b.arrivalSec && a.id < b.id);
  switch (rule) {
    case 'fifo':
      return byAge;
    case 'edd':
      return (a, b) => (a.dueSec !== b.dueSec ? a.dueSec < b.dueSec : byAge(a, b));
    case 'priority-age':
      return (a, b) => (a.priority !== b.priority ? a.priority < b.priority : byAge(a, b));
    case 'cherry-pick':
      return (a, b) => (a.taskSec !== b.taskSec ? a.taskSec < b.taskSec : byAge(a, b));
  }
}

/**
 * The item a clerk takes next among `candidates` (the head of each backlog the clerk may take
 * from; undefined entries are empty backlogs), or undefined when there is none.
 */
export function pickNextItem<T extends AllocatableItem>(rule: AllocationRule, candidates: readonly (T | undefined)[]): T | undefined {
  let best: T | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (candidate !== undefined && (best === undefined || isBefore(rule, candidate, best))) best = candidate;
  }
  return best;
}
