/**
 * The callers waiting in a queue's line, first come first served: on the line with a patience
 * timer, or off it for a callback that keeps their place. Callers leave it for an agent (the
 * routing of routing.ts carried out), for an overflow group once they have waited long enough,
 * or by hanging up (some call again later). Entries of callers who left are dropped lazily at
 * the head of the line.
 */
import type { Simulation } from '../../engine/simulation';
import type { DomainEventListener } from './domain-events';
import type { Sampler } from '../../engine/distributions';
import { NO_EVENT } from '../../engine/event-calendar';
import { expectedWaitSec } from './callbacks';
import { overflowGroupFor, skillForFreedAgent } from './routing';
import type { AgentDesk } from './agent-desk';
import type { IntervalBooks } from './interval-books';
import type { CallHandling } from './call-handling';
import type { Dialer } from './dialer/dialer';
import type { VoiceState } from './voice-state';
import type { Agent, Call, CallQueue } from './voice-objects';

export class WaitingLine {
  private readonly sim: Simulation;
  private readonly listener: DomainEventListener | undefined;

  constructor(
    private readonly state: VoiceState,
    private readonly desk: AgentDesk,
    private readonly books: IntervalBooks,
    private readonly handling: CallHandling,
    private readonly dialer: Dialer,
  ) {
    this.sim = state.sim;
    this.listener = state.listener;
  }

  /** The caller waits on the line: patience and overflow timers run from now. */
  join(call: Call): void {
    const { sim, listener } = this.state;
    const queue = call.queue;
    queue.line.push(call);
    queue.waitingCount++;
    queue.queueLength.change(sim.now, 1);
    if (call.patienceSec !== Infinity) call.abandonEvent = sim.schedule(call.patienceSec, this.onPatienceExpired, call);
    const waits = queue.overflowWaits;
    for (let i = 0; i < waits.length; i++) if (waits[i] < call.patienceSec) sim.schedule(waits[i], this.onOverflowDue, call);
    if (listener) listener({ type: 'call.queued', timeSec: sim.now, callId: call.id, queueId: queue.id, waitingCount: queue.waitingCount });
  }

  /** True when the expected wait is long enough for the queue to offer a callback. */
  offersCallback(queue: CallQueue): boolean {
    const ahead = queue.waitingCount + queue.callbackCount;
    const wait = expectedWaitSec(ahead, queue.observedHandleSumSec / queue.observedHandled, queue.staffed.value);
    return wait > queue.config.callback!.offerWhenExpectedWaitSec;
  }

  /** The caller hangs up their line but keeps a place in the queue's line. */
  takeCallback(call: Call): void {
    const { sim, listener } = this.state;
    const queue = call.queue;
    call.state = 'callback-waiting';
    call.extra!.holdsLine = false;
    queue.linesInUse--;
    queue.callbackCount++;
    queue.line.push(call);
    call.record.queues[queue.index].callbacksRequested++;
    const waits = queue.overflowWaits;
    for (let i = 0; i < waits.length; i++) sim.schedule(waits[i], this.onOverflowDue, call);
    if (listener) {
      const wait = expectedWaitSec(queue.waitingCount + queue.callbackCount - 1, queue.observedHandleSumSec / queue.observedHandled, queue.staffed.value);
      listener({ type: 'call.callback-requested', timeSec: sim.now, callId: call.id, queueId: queue.id, expectedWaitSec: wait });
    }
  }

  /** The call a freed agent takes off the lines it has a skill for (routing.ts decides which), or null. */
  nextCallFor(agent: Agent): Call | null {
    const skills = agent.group.skills;
    if (skills.length === 1 && skills[0].overflowAfterSec === 0) {
      // One primary skill: the head of that line, if any.
      const queue = skills[0].queue;
      if (queue.waitingCount === 0 && queue.callbackCount === 0) return null;
      const head = liveHead(queue);
      queue.line.shift();
      this.leaveLine(head);
      return head;
    }
    for (let i = 0; i < skills.length; i++) {
      const queue = skills[i].queue;
      if (queue.waitingCount > 0 || queue.callbackCount > 0) liveHead(queue);
    }
    const chosen = skillForFreedAgent(skills, this.sim.now);
    if (chosen < 0) return null;
    const best = skills[chosen].queue.line.shift()!;
    this.leaveLine(best);
    if (skills[chosen].overflowAfterSec > 0) best.extra!.viaOverflow = true;
    return best;
  }

  /** A caller may try again after being blocked or hanging up: with `probability`, after a drawn delay. */
  maybeRetry(call: Call, probability: number, drawDelay: Sampler | null): void {
    if (!drawDelay || probability <= 0) return;
    if (call.queue.retrialStream() >= probability) return;
    const { sim, horizonSec } = this.state;
    const delay = drawDelay();
    const retryAt = sim.now + delay;
    if (retryAt >= horizonSec) return;
    sim.scheduleAt(retryAt, this.state.returns.onRetrial, call.queue);
    this.listener?.({ type: 'call.retrial-scheduled', timeSec: sim.now, callId: call.id, queueId: call.queue.id, retryAtSec: retryAt });
  }

  /** An overflow timer: offer a still-waiting call to the overflow groups whose wait has come. */
  private readonly onOverflowDue = (call: Call): void => {
    if (call.state !== 'waiting' && call.state !== 'callback-waiting') return;
    const group = overflowGroupFor(call.queue.overflow, this.sim.now - call.arrivalSec);
    if (!group) return;
    const agent = this.desk.popIdle(group)!;
    this.leaveLine(call);
    call.extra!.viaOverflow = true;
    this.handling.answer(call, agent);
  };

  private readonly onPatienceExpired = (call: Call): void => {
    const now = this.sim.now;
    const queue = call.queue;
    call.abandonEvent = NO_EVENT;
    this.leaveLine(call);
    call.state = 'abandoned';
    queue.linesInUse--;
    if (call.extra) call.extra.holdsLine = false;
    const wait = now - call.arrivalSec;
    const counters = call.record.queues[queue.index];
    counters.abandoned++;
    counters.waitAbandonedSumSec += wait;
    if (wait <= this.state.shortAbandonSec) counters.shortAbandoned++;
    if (wait > counters.maxWaitSec) counters.maxWaitSec = wait;
    this.listener?.({ type: 'call.abandoned', timeSec: now, callId: call.id, queueId: queue.id, waitSec: wait });
    this.books.settle(call);
    this.maybeRetry(call, queue.config.retrial?.afterAbandon?.probability ?? 0, queue.drawRetrialAfterAbandon);
  };

  /** Bookkeeping of a caller leaving the line (the entry itself is dropped lazily or shifted by the caller). */
  private leaveLine(call: Call): void {
    const queue = call.queue;
    if (call.state === 'waiting') {
      queue.waitingCount--;
      queue.queueLength.change(this.sim.now, -1);
    } else {
      queue.callbackCount--;
    }
    if (queue.blendedGroups.length > 0 && queue.waitingCount === 0 && queue.callbackCount === 0) this.dialer.kickBlendedGroups(queue);
  }
}

/** The first caller still in line (on the line or waiting for a callback); entries ahead of it are dropped here. */
function liveHead(queue: CallQueue): Call {
  let head = queue.line.peek()!;
  while (head.state !== 'waiting' && head.state !== 'callback-waiting') {
    queue.line.shift();
    head = queue.line.peek()!;
  }
  return head;
}
