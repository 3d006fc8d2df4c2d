/**
 * Routing decisions, as pure functions of plain data: which group's agent an arriving call goes
 * to, which overflow group takes a call that has waited, which call a freed agent takes, and
 * which idle agent outbound work may take. They read the heads of the groups' idle lists (the
 * longest-idle agent of each) and the heads of the queues' lines, change nothing, and return the
 * choice; the flows carry it out. Ties go to the group or skill listed first.
 */

/** An agent (or caller) as routing sees it: since when it has been in its current state. */
export interface Since {
  readonly stateSinceSec: number;
}

/** A group as routing sees it: the heads of its idle list and of its list of agents on back-office work. */
export interface RoutableGroup {
  readonly idle: { readonly head: Since | null; readonly count: number };
  readonly onBackOffice: { readonly head: Since | null };
  readonly callInterruptsItem: boolean;
}

/** A queue as routing sees it: its priority, who is waiting, and the caller at the head of its line. */
export interface RoutableQueue {
  readonly priority: number;
  readonly waitingCount: number;
  readonly callbackCount: number;
  readonly line: { peek(): { readonly arrivalSec: number } | undefined };
}

export interface RoutableSkill {
  readonly queue: RoutableQueue;
  readonly priority: number;
  /** 0 for a primary skill; > 0 for an overflow skill. */
  readonly overflowAfterSec: number;
}

/**
 * The group for a call that has just arrived: the one whose longest-idle agent has waited longest,
 * in the best skill tier that has an idle agent. Null when no primary group has one (overflow
 * groups wait for their timer).
 */
export function groupForArrivingCall<G extends RoutableGroup>(tiers: readonly (readonly G[])[]): G | null {
  for (let t = 0; t < tiers.length; t++) {
    const best = longestIn(tiers[t], false);
    if (best) return best;
  }
  return null;
}

/**
 * Blending, when no agent is idle: the group, in the best tier, whose calls interrupt items and
 * whose agent has been on back-office work longest. Null when there is none.
 */
export function groupToInterrupt<G extends RoutableGroup>(tiers: readonly (readonly G[])[]): G | null {
  for (let t = 0; t < tiers.length; t++) {
    const best = longestIn(tiers[t], true);
    if (best) return best;
  }
  return null;
}

/**
 * The overflow group for a call that has waited `waitSec`: among the entries whose wait has come
 * and whose group has an idle agent, the best skill priority, then the longest-idle agent.
 */
export function overflowGroupFor<G extends RoutableGroup>(
  overflow: readonly { readonly group: G; readonly afterSec: number; readonly priority: number }[],
  waitSec: number,
): G | null {
  let best: G | null = null;
  let bestPriority = Infinity;
  let bestSince = Infinity;
  for (const entry of overflow) {
    if (entry.afterSec > waitSec) continue;
    const head = entry.group.idle.head;
    if (!head) continue;
    if (entry.priority < bestPriority || (entry.priority === bestPriority && head.stateSinceSec < bestSince)) {
      best = entry.group;
      bestPriority = entry.priority;
      bestSince = head.stateSinceSec;
    }
  }
  return best;
}

/**
 * The call a freed agent takes, as the index of the skill whose line it comes from (-1 for none):
 * the highest queue priority first, then the agent's best skill priority, then the caller who
 * has waited longest. An overflow skill counts only once its head caller has waited its overflow
 * time. The head of each line with someone waiting must be a caller still in line.
 */
export function skillForFreedAgent(skills: readonly RoutableSkill[], nowSec: number): number {
  let best = -1;
  let bestArrival = Infinity;
  for (let i = 0; i < skills.length; i++) {
    const skill = skills[i];
    const queue = skill.queue;
    if (queue.waitingCount === 0 && queue.callbackCount === 0) continue;
    const arrivalSec = queue.line.peek()!.arrivalSec;
    if (skill.overflowAfterSec > 0 && nowSec - arrivalSec < skill.overflowAfterSec) continue;
    if (best < 0) {
      best = i;
      bestArrival = arrivalSec;
      continue;
    }
    const bestSkill = skills[best];
    if (
      queue.priority > bestSkill.queue.priority ||
      (queue.priority === bestSkill.queue.priority &&
        (skill.priority < bestSkill.priority || (skill.priority === bestSkill.priority && arrivalSec < bestArrival)))
    ) {
      best = i;
      bestArrival = arrivalSec;
    }
  }
  return best;
}

/** A group as outbound routing sees it: its routable lists, its inbound queues and its inbound reserve. */
export interface BlendedGroup extends RoutableGroup {
  readonly queues: readonly { readonly waitingCount: number; readonly callbackCount: number }[];
  readonly inboundReserve: number;
}

/** True while none of the group's inbound queues has a caller waiting (on the line or for a callback). */
export function isInboundClear(group: BlendedGroup): boolean {
  const queues = group.queues;
  for (let i = 0; i < queues.length; i++) if (queues[i].waitingCount > 0 || queues[i].callbackCount > 0) return false;
  return true;
}

/** Idle agents of a group that outbound work may take now (beyond the inbound reserve). */
export function outboundFree(group: BlendedGroup): number {
  if (!isInboundClear(group)) return 0;
  return Math.max(0, group.idle.count - group.inboundReserve);
}

/** The group whose agent a campaign takes: the longest-idle among groups with an agent free for outbound work. */
export function groupForOutbound<G extends BlendedGroup>(groups: readonly G[]): G | null {
  let best: G | null = null;
  let bestSince = Infinity;
  for (const group of groups) {
    if (outboundFree(group) <= 0) continue;
    const head = group.idle.head!;
    if (head.stateSinceSec < bestSince) {
      best = group;
      bestSince = head.stateSinceSec;
    }
  }
  return best;
}

/** The group among `groups` whose idle list (or back-office list, for groups whose calls interrupt items) has the oldest head. */
function longestIn<G extends RoutableGroup>(groups: readonly G[], onBackOffice: boolean): G | null {
  let best: G | null = null;
  let bestSince = Infinity;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (onBackOffice && !group.callInterruptsItem) continue;
    const head = onBackOffice ? group.onBackOffice.head : group.idle.head;
    if (head && head.stateSinceSec < bestSince) {
      best = group;
      bestSince = head.stateSinceSec;
    }
  }
  return best;
}
