/**
 * Domain events: facts in the past tense that the model emits at every state change. The
 * renderer animates from them and a log reads as a story. Each carries the simulated time and,
 * for things that move or last, the time they will end, so an animation needs no history.
 *
 * The model builds these objects only when a listener is attached: batch runs pay nothing.
 */

export type AgentState = 'idle' | 'talking' | 'acw';

export type DomainEvent =
  | { type: 'call.arrived'; timeSec: number; callId: number; queueId: string; isRetrial: boolean }
  | { type: 'call.blocked'; timeSec: number; callId: number; queueId: string }
  | { type: 'call.queued'; timeSec: number; callId: number; queueId: string; waitingCount: number }
  | {
      type: 'call.answered';
      timeSec: number;
      callId: number;
      queueId: string;
      agentId: string;
      waitSec: number;
      talkEndSec: number;
    }
  | { type: 'call.abandoned'; timeSec: number; callId: number; queueId: string; waitSec: number }
  | { type: 'call.talk-ended'; timeSec: number; callId: number; queueId: string; agentId: string; acwEndSec: number }
  | { type: 'call.completed'; timeSec: number; callId: number; queueId: string; agentId: string; handleSec: number }
  | { type: 'call.retrial-scheduled'; timeSec: number; callId: number; queueId: string; retryAtSec: number }
  | { type: 'agent.state-changed'; timeSec: number; agentId: string; from: AgentState; to: AgentState };

export type DomainEventType = DomainEvent['type'];

export type DomainEventListener = (event: DomainEvent) => void;
