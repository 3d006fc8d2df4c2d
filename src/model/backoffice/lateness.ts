/**
 * Lateness and failure demand: at its due time an open item goes late (it stays counted in
 * `lateInBacklog` until completed), and with the work type's `failureDemand` its customer may
 * call the call center after a delay, if the item is still open then.
 */
import type { FailureDemandCall } from './backoffice-records';
import type { WorkItem } from './backoffice-objects';
import type { BackOfficeState } from './backoffice-state';

export class Lateness {
  constructor(
    private readonly state: BackOfficeState,
    private readonly onFailureDemand: ((call: FailureDemandCall) => void) | undefined,
  ) {}

  /** Schedules the item's due time; completion cancels it (`item.lateEvent`). */
  watch(item: WorkItem): void {
    if (item.dueSec < this.state.horizonSec) item.lateEvent = this.state.sim.scheduleAt(item.dueSec, this.onDue, item);
  }

  private readonly onDue = (item: WorkItem): void => {
    const now = this.state.sim.now;
    const workType = item.workType;
    item.lateEvent = null;
    item.isLate = true;
    workType.lateOpen++;
    this.state.current[workType.index].wentLate++;
    this.state.listener?.({ type: 'item.went-late', timeSec: now, itemId: item.id, workTypeId: workType.id, dueSec: item.dueSec });
    const demand = workType.config.failureDemand;
    if (demand && workType.failureStream() < demand.probability) {
      const delay = workType.drawFailureDelay!();
      if (now + delay < this.state.horizonSec) this.state.sim.schedule(delay, this.onCustomerCalled, item);
    }
  };

  private readonly onCustomerCalled = (item: WorkItem): void => {
    if (item.state === 'completed') return;
    const now = this.state.sim.now;
    const workType = item.workType;
    const queueId = workType.config.failureDemand!.queueId;
    this.state.current[workType.index].failureDemandCalls++;
    this.state.listener?.({ type: 'item.customer-called', timeSec: now, itemId: item.id, workTypeId: workType.id, queueId });
    this.onFailureDemand?.({ timeSec: now, queueId, itemId: item.id, workTypeId: workType.id });
  };
}
