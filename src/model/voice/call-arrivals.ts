/**
 * Callers arriving at the call queues: the Poisson stream of each queue, arrival spikes, retrials
 * and repeat calls, and failure demand from the back office. Each caller's talk, ACW, patience
 * and extras are drawn on arrival from the queue's own streams (common random numbers). A caller
 * is blocked when every line is busy, answered at once when routing.ts finds an agent, offered a
 * callback when the expected wait is long, and otherwise joins the waiting line.
 */
import type { Simulation } from '../../engine/simulation';
import type { DomainEventListener } from './domain-events';
import { NO_EVENT } from '../../engine/event-calendar';
import { nextSpikeArrival } from './arrival-spikes';
import { groupForArrivingCall, groupToInterrupt } from './routing';
import type { AgentDesk } from './agent-desk';
import type { CallHandling } from './call-handling';
import type { WaitingLine } from './waiting-line';
import type { CallerReturns, VoiceState } from './voice-state';
import type { RandomStream } from '../../engine/random-streams';
import type { Agent, Call, CallExtra, CallQueue, Spike } from './voice-objects';

/** A burst of extra callers to one queue (a TV advert). */
interface ExtraCallers {
  readonly queue: CallQueue;
  readonly ratePerSec: number;
  readonly endSec: number;
  readonly stream: RandomStream;
}

export class CallArrivals implements CallerReturns {
  private readonly sim: Simulation;
  private readonly listener: DomainEventListener | undefined;

  constructor(
    private readonly state: VoiceState,
    private readonly desk: AgentDesk,
    private readonly handling: CallHandling,
    private readonly line: WaitingLine,
  ) {
    this.sim = state.sim;
    this.listener = state.listener;
  }

  /** Schedules every queue's first arrival. */
  startArrivals(): void {
    for (const queue of this.state.queues) this.scheduleNextArrival(queue, 0);
  }

  /** Schedules the first arrival of every spike. */
  startSpikes(): void {
    for (const queue of this.state.queues) for (const spike of queue.spikes) this.scheduleSpikeArrival(queue, spike);
  }

  /**
   * A call caused outside the voice model arrives now: a customer chasing a late back-office
   * item (failure demand). It is an ordinary caller of the queue, drawn from the queue's streams.
   */
  receiveFailureDemandCall(queueId: string): void {
    const state = this.state;
    const queue = state.queues.find((q) => q.id === queueId);
    if (!queue) throw new RangeError(`failure demand names unknown queue "${queueId}"`);
    if (this.sim.now >= state.horizonSec) return;
    state.current.queues[queue.index].failureDemandCalls++;
    this.admit(queue, false, false);
  }

  readonly onRetrial = (queue: CallQueue): void => {
    this.admit(queue, true, false);
  };

  readonly onRepeat = (queue: CallQueue): void => {
    this.admit(queue, false, true);
  };

  private scheduleNextArrival(queue: CallQueue, afterSec: number): void {
    const at = queue.nextArrivalAfter(afterSec);
    queue.arrivalEvent = at < this.state.horizonSec ? this.sim.scheduleAt(at, this.onArrival, queue) : NO_EVENT;
  }

  /**
   * The queue's arrival rate has changed now (an intervention gave it a new `nextArrivalAfter`):
   * the arrival drawn at the old rate is withdrawn and the next one drawn at the new rate from
   * now, which a Poisson stream allows (it has no memory).
   */
  redrawArrival(queue: CallQueue): void {
    this.sim.cancel(queue.arrivalEvent);
    this.scheduleNextArrival(queue, this.sim.now);
  }

  /**
   * Extra callers (a TV advert): a Poisson stream of `ratePerSec` until `endSec`, its gaps drawn
   * from `stream` alone, so every other stream of the run draws what it drew without them.
   */
  startExtraCallers(queue: CallQueue, ratePerSec: number, endSec: number, stream: RandomStream): void {
    this.scheduleExtraCaller({ queue, ratePerSec, endSec: Math.min(endSec, this.state.horizonSec), stream });
  }

  private scheduleExtraCaller(burst: ExtraCallers): void {
    const at = this.sim.now - Math.log(1 - burst.stream()) / burst.ratePerSec;
    if (at < burst.endSec) this.sim.scheduleAt(at, this.onExtraCaller, burst);
  }

  private readonly onExtraCaller = (burst: ExtraCallers): void => {
    this.scheduleExtraCaller(burst);
    this.admit(burst.queue, false, false);
  };

  private readonly onArrival = (queue: CallQueue): void => {
    this.scheduleNextArrival(queue, this.sim.now);
    this.admit(queue, false, false);
  };

  private scheduleSpikeArrival(queue: CallQueue, spike: Spike): void {
    const sim = this.sim;
    const next = nextSpikeArrival(spike.startSec, spike.expectedCalls, spike.decaySec, spike.lambda, spike.stream);
    if (!next || next[0] >= this.state.horizonSec) return;
    spike.lambda = next[1];
    sim.scheduleAt(Math.max(next[0], sim.now), this.onSpikeArrival, { queue, spike });
  }

  private readonly onSpikeArrival = (payload: { queue: CallQueue; spike: Spike }): void => {
    this.scheduleSpikeArrival(payload.queue, payload.spike);
    this.admit(payload.queue, false, false);
  };

  private admit(queue: CallQueue, isRetrial: boolean, isRepeat: boolean): void {
    const state = this.state;
    const now = this.sim.now;
    const record = state.current;
    // The draws, in this order, whether or not the object is a recycled one.
    // Interventions scale the drawn values, never the draws, so the streams stay in step (factors are 1 as written).
    const talkSec = queue.drawTalk() * queue.handleFactor;
    const acwSec = queue.drawAcw ? queue.drawAcw() * queue.handleFactor : 0;
    const patienceSec = queue.drawPatience ? queue.drawPatience() * queue.patienceFactor : Infinity;
    const extra = queue.needsExtra ? drawExtra(queue, isRepeat) : null;
    const spare = state.spareCalls.pop();
    let call: Call;
    if (spare) {
      spare.id = state.nextCallId++;
      spare.queue = queue;
      spare.arrivalSec = now;
      spare.talkSec = talkSec;
      spare.acwSec = acwSec;
      spare.patienceSec = patienceSec;
      spare.isRetrial = isRetrial;
      spare.record = record;
      spare.state = 'waiting';
      spare.agent = null;
      spare.abandonEvent = NO_EVENT;
      spare.extra = extra;
      call = spare;
    } else {
      call = { id: state.nextCallId++, queue, arrivalSec: now, talkSec, acwSec, patienceSec, isRetrial, record, state: 'waiting', agent: null, abandonEvent: NO_EVENT, extra };
    }
    const counters = record.queues[queue.index];
    const listener = this.listener;
    if (listener) listener({ type: 'call.arrived', timeSec: now, callId: call.id, queueId: queue.id, isRetrial, ...(isRepeat ? { isRepeat } : {}) });

    if (queue.linesInUse >= queue.lineLimit || queue.linesDown) {
      call.state = 'blocked';
      if (call.extra) call.extra.holdsLine = false;
      counters.blocked++;
      if (listener) listener({ type: 'call.blocked', timeSec: now, callId: call.id, queueId: queue.id });
      this.line.maybeRetry(call, queue.config.retrial?.afterBlocked?.probability ?? 0, queue.drawRetrialAfterBlocked);
      return;
    }
    queue.linesInUse++;
    counters.offered++;
    if (isRetrial) counters.retrials++;
    if (isRepeat) counters.repeatCalls++;
    record.pending++;

    const agent = this.agentForArrivingCall(queue);
    if (agent) {
      this.handling.answer(call, agent);
      return;
    }
    if (queue.callbackStream && this.line.offersCallback(queue) && queue.callbackStream() < queue.config.callback!.acceptShare) {
      this.line.takeCallback(call);
      return;
    }
    this.line.join(call);
  }

  /**
   * The agent for a call that has just arrived (routing.ts chooses the group), taken from its idle
   * list; when calls interrupt back-office items and none is idle, the agent longest on an item.
   */
  private agentForArrivingCall(queue: CallQueue): Agent | null {
    const tiers = queue.tiers;
    // One group serves the queue: its longest-idle agent, with no choice to make.
    const group = tiers.length === 1 && tiers[0].length === 1 ? tiers[0][0] : groupForArrivingCall(tiers);
    const agent = group === null ? null : this.desk.popIdle(group);
    if (agent !== null || !queue.interruptsBackOffice) return agent;
    const busy = groupToInterrupt(tiers);
    if (busy === null) return null;
    const interrupted = busy.onBackOffice.head!;
    this.desk.recallFromBackOffice(interrupted);
    return interrupted;
  }
}

/** The caller's hold, outcome and flags, drawn on arrival from the queue's own streams (after talk, ACW and patience). */
function drawExtra(queue: CallQueue, isRepeat: boolean): CallExtra {
  const contact = queue.config.contactType;
  const outcome = queue.outcomeStream;
  let resolved = false;
  let orderValue = 0;
  if (outcome && contact) {
    if (contact.kind === 'support') resolved = outcome() < contact.firstContactResolution;
    else if (contact.kind === 'order' && outcome() < contact.orderProbability) orderValue = queue.drawOrderValue!();
  }
  return {
    holdSec: queue.holdStream && queue.holdStream() < queue.config.hold!.probability ? queue.drawHold!() * queue.handleFactor : 0,
    isRepeat,
    resolved,
    orderValue,
    holdsLine: true,
    viaOverflow: false,
  };
}
