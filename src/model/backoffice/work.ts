/**
 * Work and checking: a clerk processes an item, and when the processing ends the item goes to
 * its quality check by a second clerk (maker–checker), to wait for the customer (pending), or is
 * complete. A failed check sends it back to the backlog for rework; the customer's reply sends it
 * back to be processed once more. Pausing and resuming a task (shift end, a lent agent wanted for
 * a call) keeps the item with its clerk.
 */
import type { BackOfficeCounters } from './backoffice-counters';
import type { ProcessedNext, TaskStep } from './backoffice-events';
import type { Clerk, WorkItem } from './backoffice-objects';
import type { BackOfficeState } from './backoffice-state';
import { Backlogs, type TaskStarter } from './backlogs';

export class Work implements TaskStarter {
  /** Where items wait, and where a clerk who comes free takes its next task. */
  readonly backlogs: Backlogs;

  constructor(private readonly state: BackOfficeState) {
    this.backlogs = new Backlogs(state, this);
  }

  /** Starts a clerk on an item just taken from its backlog. */
  startTask(clerk: Clerk, item: WorkItem): void {
    const now = this.state.sim.now;
    const workType = item.workType;
    const step: TaskStep = item.state === 'awaiting-check' ? 'check' : 'process';
    workType.wipLevel.change(now, 1);
    item.state = step === 'check' ? 'checking' : 'processing';
    item.clerk = clerk;
    clerk.item = item;
    this.runTask(clerk, item.taskSec);
    this.state.setClerkState(clerk, step === 'check' ? 'checking' : 'working');
    clerk.team.lender?.workStarted(clerk);
    this.state.listener?.({
      type: 'item.started',
      timeSec: now,
      itemId: item.id,
      workTypeId: workType.id,
      clerkId: clerk.id,
      step,
      // Pending happens only after the first processing, so any processing after a failed check is a rework.
      isRework: step === 'process' && item.reworkCount > 0,
      endSec: clerk.endSec,
    });
  }

  /** Takes a clerk off its task for now (shift end, or a lent agent wanted for a call); the clerk keeps the item. */
  pauseTask(clerk: Clerk): void {
    const now = this.state.sim.now;
    const item = clerk.item!;
    this.state.sim.cancel(clerk.endEvent!);
    clerk.endEvent = null;
    clerk.remainingSec = clerk.endSec - now;
    item.workType.busyLevel.change(now, -1);
    clerk.team.busy.change(now, -1);
    this.state.listener?.({
      type: 'item.paused',
      timeSec: now,
      itemId: item.id,
      workTypeId: item.workType.id,
      clerkId: clerk.id,
      step: item.state === 'checking' ? 'check' : 'process',
      remainingSec: clerk.remainingSec,
    });
  }

  /** The clerk goes on with its paused task where it left off. */
  resumeTask(clerk: Clerk): void {
    const item = clerk.item!;
    this.runTask(clerk, clerk.remainingSec);
    clerk.remainingSec = 0;
    const step: TaskStep = item.state === 'checking' ? 'check' : 'process';
    this.state.setClerkState(clerk, step === 'check' ? 'checking' : 'working');
    this.state.listener?.({ type: 'item.resumed', timeSec: this.state.sim.now, itemId: item.id, workTypeId: item.workType.id, clerkId: clerk.id, step, endSec: clerk.endSec });
    clerk.team.lender?.workStarted(clerk);
  }

  private runTask(clerk: Clerk, durationSec: number): void {
    const now = this.state.sim.now;
    clerk.endSec = now + durationSec;
    clerk.endEvent = this.state.sim.schedule(durationSec, this.onTaskDone, clerk);
    clerk.item!.workType.busyLevel.change(now, 1);
    clerk.team.busy.change(now, 1);
  }

  private readonly onTaskDone = (clerk: Clerk): void => {
    const now = this.state.sim.now;
    const item = clerk.item!;
    const workType = item.workType;
    const counters = this.state.current[workType.index];
    clerk.item = null;
    clerk.endEvent = null;
    item.clerk = null;
    workType.busyLevel.change(now, -1);
    clerk.team.busy.change(now, -1);
    workType.wipLevel.change(now, -1);
    const newWork = item.state === 'processing' ? this.processed(item, clerk, counters) : this.checked(item, clerk, counters);
    if (clerk.team.lender) this.returnToLender(clerk);
    else if (clerk.leaving) this.leave(clerk);
    else this.backlogs.clerkFree(clerk);
    if (newWork) this.backlogs.offerWork(workType);
  };

  /** A processing pass has ended; true when the item now waits in a backlog (for its check). */
  private processed(item: WorkItem, clerk: Clerk, counters: BackOfficeCounters): boolean {
    counters.processed++;
    counters.processSumSec += item.taskSec;
    item.maker = clerk;
    const next: ProcessedNext = item.pendingDelaySec >= 0 ? 'pending' : item.needsCheck ? 'check' : 'complete';
    this.state.listener?.({ type: 'item.processed', timeSec: this.state.sim.now, itemId: item.id, workTypeId: item.workType.id, clerkId: clerk.id, next });
    if (next === 'pending') this.startPending(item, clerk);
    else if (next === 'check') this.backlogs.enqueueCheck(item);
    else this.complete(item, clerk);
    return next === 'check';
  }

  /** A check has ended; true when it failed and the item waits in the backlog for rework. */
  private checked(item: WorkItem, clerk: Clerk, counters: BackOfficeCounters): boolean {
    const now = this.state.sim.now;
    const workType = item.workType;
    counters.checked++;
    counters.checkSumSec += item.taskSec;
    const passed = item.failuresLeft === 0;
    this.state.listener?.({ type: 'item.checked', timeSec: now, itemId: item.id, workTypeId: workType.id, clerkId: clerk.id, makerId: item.maker!.id, passed });
    if (passed) {
      this.complete(item, clerk);
      return false;
    }
    counters.checksFailed++;
    item.failuresLeft--;
    item.reworkCount++;
    item.processSec = workType.drawRework();
    item.checkSec = workType.drawCheck!();
    this.backlogs.enqueueProcess(item);
    this.state.listener?.({ type: 'item.reworked', timeSec: now, itemId: item.id, workTypeId: workType.id, reworkCount: item.reworkCount });
    return true;
  }

  private startPending(item: WorkItem, clerk: Clerk): void {
    const now = this.state.sim.now;
    const delay = item.pendingDelaySec;
    item.state = 'pending';
    item.pendingDelaySec = -1;
    item.processSec = item.afterReplySec;
    item.workType.pendingLevel.change(now, 1);
    this.state.current[item.workType.index].pendingStarted++;
    this.state.sim.schedule(delay, this.onCustomerReplied, item);
    this.state.listener?.({ type: 'item.pending', timeSec: now, itemId: item.id, workTypeId: item.workType.id, clerkId: clerk.id, untilSec: now + delay });
  }

  private readonly onCustomerReplied = (item: WorkItem): void => {
    const now = this.state.sim.now;
    item.workType.pendingLevel.change(now, -1);
    this.backlogs.enqueueProcess(item);
    this.state.listener?.({ type: 'item.customer-replied', timeSec: now, itemId: item.id, workTypeId: item.workType.id });
    this.backlogs.offerWork(item.workType);
  };

  private complete(item: WorkItem, clerk: Clerk): void {
    const now = this.state.sim.now;
    const workType = item.workType;
    const counters = this.state.current[workType.index];
    const cycle = now - item.arrivalSec;
    const onTime = now <= item.dueSec;
    item.state = 'completed';
    workType.open.remove(item);
    counters.completed++;
    if (onTime) counters.completedOnTime++;
    counters.cycleTimeSumSec += cycle;
    if (cycle > counters.maxCycleTimeSec) counters.maxCycleTimeSec = cycle;
    if (item.isLate) workType.lateOpen--;
    if (item.lateEvent) {
      this.state.sim.cancel(item.lateEvent);
      item.lateEvent = null;
    }
    item.maker = null;
    this.state.listener?.({ type: 'item.completed', timeSec: now, itemId: item.id, workTypeId: workType.id, clerkId: clerk.id, cycleTimeSec: cycle, onTime });
  }

  /** A clerk taken off its team finished its last task: it goes. */
  private leave(clerk: Clerk): void {
    clerk.leaving = false;
    this.state.setClerkState(clerk, 'offline');
    this.state.changeAtWork(clerk.team, -1);
  }

  /** A lent agent's task is done: back to its group, which decides what it does next. */
  private returnToLender(clerk: Clerk): void {
    this.state.setClerkState(clerk, 'offline');
    this.state.changeAtWork(clerk.team, -1);
    clerk.team.lender!.taskDone(clerk);
  }
}
