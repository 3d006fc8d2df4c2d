/**
 * The backlogs: items waiting to be processed (new, reworked, or back from the customer) and
 * items waiting for their check, one heap of each per work type in the allocation rule's order.
 * Here the rule's decisions (allocation.ts) are applied: new work goes to the clerk idle longest
 * among the teams skilled in it, and a free clerk takes the task the rule picks.
 */
import { firstCheckFor, longestIdle, pickNextTask } from './allocation';
import type { Clerk, WorkItem, WorkType } from './backoffice-objects';
import type { BackOfficeState } from './backoffice-state';

/** Starts a clerk on an item just taken from its backlog (the work part of the model). */
export interface TaskStarter {
  startTask(clerk: Clerk, item: WorkItem): void;
}

/** Items waiting in a work type's backlogs: to be processed, reworked or checked. */
export function backlogCount(workType: WorkType): number {
  return workType.processBacklog.size + workType.checkBacklog.size;
}

export class Backlogs {
  // Scratch arrays reused on the hot path instead of allocating per decision.
  private readonly idleHeads: (Clerk | null)[] = [];
  private readonly checkHeads: (WorkItem | undefined)[];
  private readonly processHeads: (WorkItem | undefined)[];

  constructor(
    private readonly state: BackOfficeState,
    private readonly starter: TaskStarter,
  ) {
    this.checkHeads = new Array(state.workTypes.length).fill(undefined);
    this.processHeads = new Array(state.workTypes.length).fill(undefined);
  }

  /** The item waits to be processed: new, reworked, or back from the customer. */
  enqueueProcess(item: WorkItem): void {
    item.state = 'waiting';
    item.taskSec = item.processSec;
    item.workType.processBacklog.push(item);
    item.workType.backlogLevel.change(this.state.sim.now, 1);
  }

  enqueueCheck(item: WorkItem): void {
    item.state = 'awaiting-check';
    item.taskSec = item.checkSec;
    item.workType.checkBacklog.push(item);
    item.workType.backlogLevel.change(this.state.sim.now, 1);
  }

  /**
   * Gives new work of one type to idle clerks, longest idle first across the teams skilled in
   * it. An idle clerk had nothing it could take, so only this type's new work can change that;
   * the loop ends when this type's backlogs are empty or every idle candidate has been asked.
   */
  offerWork(workType: WorkType): void {
    const teams = workType.teams;
    const heads = this.idleHeads;
    while (heads.length < teams.length) heads.push(null);
    for (let i = 0; i < teams.length; i++) heads[i] = teams[i].idle.head;
    while (backlogCount(workType) > 0) {
      const best = longestIdle(heads, teams.length);
      if (best < 0) break;
      const clerk = heads[best]!;
      heads[best] = clerk.next;
      this.startNextTask(clerk);
    }
    heads.fill(null, 0, teams.length);
  }

  /** A clerk on shift has come free: it takes the task the rule gives it, or waits idle. */
  clerkFree(clerk: Clerk): void {
    if (!this.startNextTask(clerk)) this.state.goIdle(clerk);
  }

  /** Starts the next task for a clerk on shift and not busy; false when there is nothing it may take. */
  startNextTask(clerk: Clerk): boolean {
    const workTypes = clerk.team.workTypes;
    const checkHeads = this.checkHeads;
    const processHeads = this.processHeads;
    for (let i = 0; i < workTypes.length; i++) {
      checkHeads[i] = firstCheckFor(this.state.rule, workTypes[i].checkBacklog.values(), clerk);
      processHeads[i] = workTypes[i].processBacklog.peek();
    }
    const chosen = pickNextTask(this.state.rule, checkHeads, processHeads);
    checkHeads.fill(undefined, 0, workTypes.length);
    processHeads.fill(undefined, 0, workTypes.length);
    if (!chosen) return false;
    if (clerk.state === 'idle') this.state.removeIdle(clerk);
    this.take(chosen);
    this.starter.startTask(clerk, chosen);
    return true;
  }

  private take(item: WorkItem): void {
    const workType = item.workType;
    (item.state === 'awaiting-check' ? workType.checkBacklog : workType.processBacklog).remove(item);
    workType.backlogLevel.change(this.state.sim.now, -1);
  }
}
