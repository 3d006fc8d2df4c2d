/**
 * An inbound call from the moment an agent takes it: talk (with hold halfway through), after-call
 * work, the outcome of the contact (a support caller who was not helped may call again, an order
 * has a value), and callbacks: the agent rings back a caller who kept a place in the line, and
 * talks if the caller is reached. The agent is then released to agent-dispatch.ts.
 */
import type { Simulation } from '../../engine/simulation';
import type { DomainEventListener } from './domain-events';
import { NO_EVENT } from '../../engine/event-calendar';
import type { QueueCounters } from './queue-counters';
import type { AgentDesk } from './agent-desk';
import type { IntervalBooks } from './interval-books';
import { TALK } from './agent-time';
import type { VoiceState, WritableCall } from './voice-state';
import { holdSecOf, type Agent, type Call } from './voice-objects';

export class CallHandling {
  private readonly sim: Simulation;
  private readonly listener: DomainEventListener | undefined;

  constructor(
    private readonly state: VoiceState,
    private readonly desk: AgentDesk,
    private readonly books: IntervalBooks,
  ) {
    this.sim = state.sim;
    this.listener = state.listener;
  }

  /** The agent takes the call: a waiting caller is answered, a callback is rung. */
  answer(call: Call, agent: Agent): void {
    const state = this.state;
    const now = this.sim.now;
    const queue = call.queue;
    if (call.abandonEvent !== NO_EVENT) {
      this.sim.cancel(call.abandonEvent);
      call.abandonEvent = NO_EVENT;
    }
    call.agent = agent;
    agent.call = call;
    this.desk.startContact(agent, now);
    queue.handling.change(now, 1);
    if (call.state === 'callback-waiting') {
      this.startCallback(call, agent);
      return;
    }
    const wait = now - call.arrivalSec;
    const counters = call.record.queues[queue.index];
    counters.answered++;
    counters.waitAnsweredSumSec += wait;
    if (wait <= state.thresholdSec) counters.answeredWithinThreshold++;
    if (wait > counters.maxWaitSec) counters.maxWaitSec = wait;
    if (call.extra !== null && call.extra.viaOverflow) counters.overflowAnswered++;
    this.startTalk(call, agent, wait);
  }

  private startTalk(call: Call, agent: Agent, wait: number): void {
    const sim = this.sim;
    const now = sim.now;
    call.state = 'talking';
    if (call.extra !== null && call.extra.holdSec > 0) sim.schedule(call.talkSec / 2, this.onHoldStarted, call);
    else sim.schedule(call.talkSec, this.onTalkEnded, call);
    this.listener?.({
      type: 'call.answered',
      timeSec: now,
      callId: call.id,
      queueId: call.queue.id,
      agentId: agent.id,
      waitSec: wait,
      talkEndSec: now + call.talkSec + holdSecOf(call),
      ...(call.extra?.viaOverflow ? { overflow: true } : {}),
    });
    this.desk.setAgentState(agent, 'talking');
  }

  private readonly onHoldStarted = (call: Call): void => {
    call.state = 'hold';
    this.desk.setAgentState(call.agent!, 'hold');
    this.sim.schedule(call.extra!.holdSec, this.onHoldEnded, call);
  };

  private readonly onHoldEnded = (call: Call): void => {
    call.state = 'talking';
    this.desk.setAgentState(call.agent!, 'talking');
    this.sim.schedule(call.talkSec - call.talkSec / 2, this.onTalkEnded, call);
  };

  private readonly onTalkEnded = (call: Call): void => {
    const extra = call.extra;
    if (extra === null) call.queue.linesInUse--;
    else if (extra.holdsLine) {
      call.queue.linesInUse--;
      extra.holdsLine = false;
    }
    if (call.acwSec > 0) {
      const sim = this.sim;
      call.state = 'acw';
      this.desk.setAgentState(call.agent!, 'acw');
      sim.schedule(call.acwSec, this.onHandlingDone, call);
      this.listener?.({
        type: 'call.talk-ended',
        timeSec: sim.now,
        callId: call.id,
        queueId: call.queue.id,
        agentId: call.agent!.id,
        acwEndSec: sim.now + call.acwSec,
      });
    } else {
      this.onHandlingDone(call);
    }
  };

  private readonly onHandlingDone = (call: Call): void => {
    const state = this.state;
    const now = this.sim.now;
    const queue = call.queue;
    const agent = call.agent!;
    const counters = call.record.queues[queue.index];
    const extra = call.extra;
    const holdSec = extra === null ? 0 : extra.holdSec;
    const handleSec = call.talkSec + holdSec + call.acwSec;
    counters.handled++;
    counters.talkSumSec += call.talkSec;
    counters.acwSumSec += call.acwSec;
    counters.holdSumSec += holdSec;
    counters.handleSumSec += handleSec;
    if (queue.callbackStream) {
      queue.observedHandleSumSec += handleSec;
      queue.observedHandled++;
    }
    queue.handling.change(now, -1);
    call.state = 'done';
    agent.call = null;
    agent.inboundAcc++;
    state.agentTime[agent.slot + TALK] += call.talkSec + holdSec;
    this.desk.endContact(agent);
    const contact = extra === null ? undefined : queue.config.contactType;
    if (contact?.kind === 'support') this.settleSupportOutcome(call, counters, contact.repeatProbability ?? 1);
    else if (contact?.kind === 'order' && extra!.orderValue > 0) {
      counters.orders++;
      counters.orderValue += extra!.orderValue;
    }
    if (this.listener) {
      this.listener({
        type: 'call.completed',
        timeSec: now,
        callId: call.id,
        queueId: queue.id,
        agentId: agent.id,
        handleSec,
        ...(contact?.kind === 'support' ? { resolved: extra!.resolved } : {}),
        ...(contact?.kind === 'order' ? { orderValue: extra!.orderValue } : {}),
      });
    }
    this.books.settle(call);
    state.dispatch.release(agent);
    // A plain call is out of every list once handled (answered at once, or shifted off the head of
    // the line); a call with extras may still sit in the line or have an overflow timer pending.
    if (state.recycleCalls && extra === null) state.spareCalls.push(call as WritableCall);
  };

  private settleSupportOutcome(call: Call, counters: QueueCounters, repeatProbability: number): void {
    if (call.extra!.resolved) {
      counters.resolved++;
      return;
    }
    counters.unresolved++;
    const state = this.state;
    const queue = call.queue;
    // The repeat decision and delay come from the queue's outcome streams, drawn at the end of the call.
    if (repeatProbability < 1 && queue.outcomeStream!() >= repeatProbability) return;
    const at = this.sim.now + queue.drawRepeatDelay!();
    if (at >= state.horizonSec) return;
    this.sim.scheduleAt(at, state.returns.onRepeat, queue);
    this.listener?.({ type: 'call.repeat-scheduled', timeSec: this.sim.now, callId: call.id, queueId: queue.id, repeatAtSec: at });
  }

  private startCallback(call: Call, agent: Agent): void {
    const sim = this.sim;
    const ringSec = call.queue.drawCallbackRing!();
    call.state = 'calling-back';
    sim.schedule(ringSec, this.onCallbackRung, call);
    this.listener?.({ type: 'call.callback-started', timeSec: sim.now, callId: call.id, queueId: call.queue.id, agentId: agent.id, ringEndSec: sim.now + ringSec });
    this.desk.setAgentState(agent, 'reserved');
  }

  private readonly onCallbackRung = (call: Call): void => {
    const state = this.state;
    const now = this.sim.now;
    const queue = call.queue;
    const agent = call.agent!;
    const counters = call.record.queues[queue.index];
    const reached = queue.callbackStream!() < queue.config.callback!.reachProbability;
    this.listener?.({
      type: 'call.callback-ended',
      timeSec: now,
      callId: call.id,
      queueId: queue.id,
      agentId: agent.id,
      reached,
      talkEndSec: reached ? now + call.talkSec + holdSecOf(call) : now,
    });
    if (reached) {
      counters.callbacksReached++;
      this.startTalk(call, agent, now - call.arrivalSec);
      return;
    }
    counters.callbacksFailed++;
    call.state = 'unreached';
    agent.call = null;
    this.desk.endContact(agent);
    queue.handling.change(now, -1);
    this.books.settle(call);
    state.dispatch.release(agent);
  };
}
