/**
 * Domain events: facts in the past tense that the model emits at every state change. The
 * renderer animates from them and a log reads as a story. Each carries the simulated time and,
 * for things that move or last, the time they will end, so an animation needs no history.
 *
 * The model builds these objects only when a listener is attached: batch runs pay nothing.
 */

/**
 * The agent state machine. `offline` before and after a shift (and on absence), `idle` logged
 * in and ready, `reserved` held for a contact that is not connected yet (a callback or a
 * progressive dial ringing), `talking` and `hold` on an inbound call, `acw` wrap-up after any
 * call, `previewing` reading an outbound record, `dialing` waiting on a dial the agent placed
 * (preview mode), `outbound-talk` on a connected outbound call, `break` on a break or lunch,
 * `back-office` on non-voice work (used by the back-office model).
 */
export type AgentState =
  | 'offline'
  | 'idle'
  | 'reserved'
  | 'talking'
  | 'hold'
  | 'acw'
  | 'previewing'
  | 'dialing'
  | 'outbound-talk'
  | 'break'
  | 'back-office';

/** How a dial attempt ended, as the dialer saw it. */
export type DialResult = 'no-answer' | 'busy' | 'machine-detected' | 'machine-missed' | 'wrong-party' | 'right-party';

export type DomainEvent =
  | { type: 'call.arrived'; timeSec: number; callId: number; queueId: string; isRetrial: boolean; isRepeat?: boolean }
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
      /** True when the agent's group took it as an overflow group. */
      overflow?: boolean;
    }
  | { type: 'call.abandoned'; timeSec: number; callId: number; queueId: string; waitSec: number }
  | { type: 'call.talk-ended'; timeSec: number; callId: number; queueId: string; agentId: string; acwEndSec: number }
  | {
      type: 'call.completed';
      timeSec: number;
      callId: number;
      queueId: string;
      agentId: string;
      handleSec: number;
      /** Support calls: whether the problem was solved on this contact. */
      resolved?: boolean;
      /** Order-taking calls: value of the order placed (0 for none). */
      orderValue?: number;
    }
  | { type: 'call.retrial-scheduled'; timeSec: number; callId: number; queueId: string; retryAtSec: number }
  | { type: 'call.repeat-scheduled'; timeSec: number; callId: number; queueId: string; repeatAtSec: number }
  | { type: 'call.callback-requested'; timeSec: number; callId: number; queueId: string; expectedWaitSec: number }
  | { type: 'call.callback-started'; timeSec: number; callId: number; queueId: string; agentId: string; ringEndSec: number }
  | { type: 'call.callback-ended'; timeSec: number; callId: number; queueId: string; agentId: string; reached: boolean; talkEndSec: number }
  | { type: 'agent.state-changed'; timeSec: number; agentId: string; from: AgentState; to: AgentState }
  | { type: 'agent.absent'; timeSec: number; agentId: string; shiftEndSec: number }
  | { type: 'agent.overran'; timeSec: number; agentId: string; what: 'shift' | 'break'; scheduledSec: number; overrunSec: number }
  | { type: 'dial.started'; timeSec: number; dialId: number; campaignId: string; record: number; attempt: number; agentId: string | null; ringEndSec: number }
  | { type: 'dial.ended'; timeSec: number; dialId: number; campaignId: string; result: DialResult; agentId: string | null }
  | { type: 'dial.answered'; timeSec: number; dialId: number; campaignId: string; agentId: string; waitSec: number; talkEndSec: number }
  | { type: 'dial.abandoned'; timeSec: number; dialId: number; campaignId: string; live: boolean }
  | { type: 'dial.completed'; timeSec: number; dialId: number; campaignId: string; agentId: string; converted: boolean; value: number }
  | { type: 'campaign.preview-started'; timeSec: number; campaignId: string; agentId: string; previewEndSec: number };

export type DomainEventType = DomainEvent['type'];

export type DomainEventListener = (event: DomainEvent) => void;
