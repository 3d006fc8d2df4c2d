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
 *
 * The other decisions of who takes what live here too, as pure functions of plain data: which
 * check a clerk may take (`firstCheckFor`: never its own work), whether a free clerk checks or
 * processes (`pickNextTask`), and which idle clerk new work goes to (`longestIdle`).
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

/** What a free clerk does next: a check if it may do one, else an item to process. Finishing before starting keeps work in progress and cycle time down. */
export function pickNextTask<T extends AllocatableItem>(
  rule: AllocationRule,
  checkCandidates: readonly (T | undefined)[],
  processCandidates: readonly (T | undefined)[],
): T | undefined {
  return pickNextItem(rule, checkCandidates) ?? pickNextItem(rule, processCandidates);
}

/** An item waiting for its check, with the clerk who made it (processed it last). */
export interface CheckableItem extends AllocatableItem {
  readonly maker: unknown;
}

/**
 * The check `checker` takes first from a check backlog, or undefined when every item in it is the
 * checker's own work (maker–checker: nobody checks what they made). `heap` is the backlog's heap
 * array in the rule's order (every element after its parent), so only the checker's own items at
 * the top are looked past; the backlog is only read.
 */
export function firstCheckFor<T extends CheckableItem>(rule: AllocationRule, heap: readonly T[], checker: unknown): T | undefined {
  return firstCheckBelow(rule, heap, checker, 0);
}

function firstCheckBelow<T extends CheckableItem>(rule: AllocationRule, heap: readonly T[], checker: unknown, index: number): T | undefined {
  if (index >= heap.length) return undefined;
  const item = heap[index];
  if (item.maker !== checker) return item;
  const left = firstCheckBelow(rule, heap, checker, 2 * index + 1);
  const right = firstCheckBelow(rule, heap, checker, 2 * index + 2);
  if (left === undefined) return right;
  return right !== undefined && isBefore(rule, right, left) ? right : left;
}

/** A clerk waiting for work; a lower `idleSeq` went idle earlier. */
export interface IdleClerk {
  readonly idleSeq: number;
}

/**
 * Who takes new work: among `count` candidates (the longest-idle clerk of each team skilled in it;
 * null for a team with nobody idle), the index of the one idle longest, or −1 when there is none.
 */
export function longestIdle(candidates: readonly (IdleClerk | null)[], count: number): number {
  let best = -1;
  for (let i = 0; i < count; i++) {
    const candidate = candidates[i];
    if (candidate && (best < 0 || candidate.idleSeq < candidates[best]!.idleSeq)) best = i;
  }
  return best;
}
