/**
 * Fills the voice snapshot (src/model/voice/voice-snapshot.ts) from the voice model: a pure read
 * of its queues, agents and campaigns into objects made once, plus the feed of what moved, kept
 * from the model's domain events as they fire. Nothing here changes the model, and the snapshot
 * holds no model object, so the model may recycle its calls and could run in a worker.
 */
import type { DomainEvent } from '../voice/domain-events';
import type { VoiceModel } from '../voice/voice-model';
import { ViewLog } from '../common/view-log';
import {
  DIAL_ABANDONED,
  DIAL_BUSY,
  DIAL_CONNECT,
  DIAL_MACHINE,
  DIAL_NO_ANSWER,
  FEED_CALL_ABANDONED,
  FEED_CALL_ANSWERED,
  FEED_DIAL_ENDED,
  FEED_DIAL_STARTED,
  VOICE_CALLBACK_CARDS,
  VOICE_LANE_CALLERS,
  type VoiceAgentView,
  type VoiceCampaignView,
  type VoiceFeed,
  type VoiceGroupView,
  type VoiceQueueView,
  type VoiceSnapshot,
} from '../voice/voice-snapshot';

/** Feed entries kept: more than a frame's worth at the speeds where single callers are drawn. */
const FEED_CAPACITY = 512;
/** Line entries scanned per queue per frame for callback callers: a frame's cost stays bounded. */
const MAX_CALLBACK_SCAN = 2000;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

class FeedRing extends ViewLog implements VoiceFeed {
  readonly kind = new Uint8Array(FEED_CAPACITY);
  readonly place = new Int32Array(FEED_CAPACITY);
  readonly agent = new Int32Array(FEED_CAPACITY);
  readonly id = new Float64Array(FEED_CAPACITY);
  readonly timeSec = new Float64Array(FEED_CAPACITY);
  readonly fromSec = new Float64Array(FEED_CAPACITY);

  constructor() {
    super(FEED_CAPACITY);
  }

  add(kind: number, place: number, agent: number, id: number, timeSec: number, fromSec: number): void {
    const i = this.claim();
    this.kind[i] = kind;
    this.place[i] = place;
    this.agent[i] = agent;
    this.id[i] = id;
    this.timeSec[i] = timeSec;
    this.fromSec[i] = fromSec;
  }
}

export class VoiceViewBuilder {
  private readonly snap: Writable<VoiceSnapshot>;
  private readonly queues: Writable<VoiceQueueView>[];
  private readonly groups: Writable<VoiceGroupView>[];
  private readonly agents: Writable<VoiceAgentView>[];
  private readonly campaigns: Writable<VoiceCampaignView>[];
  private readonly feed = new FeedRing();
  private readonly queueIndex = new Map<string, number>();
  private readonly agentIndex = new Map<string, number>();
  private readonly campaignIndex = new Map<string, number>();
  /** Dials answered by someone and waiting for an agent: the outcome their strip mark will show. */
  private readonly connecting = new Map<number, number>();

  constructor(private readonly model: VoiceModel) {
    model.queues.forEach((q, i) => this.queueIndex.set(q.id, i));
    model.campaigns.forEach((c, i) => this.campaignIndex.set(c.id, i));
    this.queues = model.queues.map((q) => ({
      id: q.id,
      name: q.name,
      lineLimit: q.lineLimit,
      offersCallbacks: q.config.callback !== undefined,
      waiting: 0,
      callbacksWaiting: 0,
      linesInUse: 0,
      abandoned: 0,
      blocked: 0,
      callersShown: 0,
      callerId: new Float64Array(VOICE_LANE_CALLERS),
      callerArrivalSec: new Float64Array(VOICE_LANE_CALLERS),
      callbacksShown: 0,
      callbackArrivalSec: new Float64Array(VOICE_CALLBACK_CARDS),
    }));
    this.groups = model.groups.map((g) => ({
      id: g.id,
      name: g.name,
      agents: g.agents.length,
      skills: [...g.queues.map((q) => q.name), ...g.campaigns.map((c) => c.name)],
      shifts: g.shifts.map((p) => ({ firstAgent: p.firstAgent, endAgent: p.endAgent, startSec: p.startSec, endSec: p.endSec })),
      talking: 0,
      acw: 0,
    }));
    this.agents = [];
    this.listAgents();
    this.campaigns = model.campaigns.map((c) => ({ id: c.id, name: c.name, mode: c.mode, ringing: 0, abandoned: 0 }));
    this.snap = { nowSec: 0, thresholdSec: model.scenario.serviceLevel.thresholdSec, queues: this.queues, groups: this.groups, agents: this.agents, campaigns: this.campaigns, feed: this.feed };
  }

  /**
   * One view per agent, group by group, and each group's head-count. Again when agents joined
   * during the run (the model appends them to their group): the list is rebuilt in place, since
   * the snapshot hands out this array.
   */
  private listAgents(): void {
    const views: Writable<VoiceAgentView>[] = [];
    this.agentIndex.clear();
    this.model.groups.forEach((g, gi) => {
      this.groups[gi].agents = g.agents.length;
      g.agents.forEach((a, k) => {
        this.agentIndex.set(a.id, views.length);
        views.push({ id: a.id, group: gi, indexInGroup: k, state: a.state, sinceSec: 0, onShift: false, callId: -1, callQueue: -1, callArrivalSec: 0, answeredSec: 0, endSec: -1, dialId: -1, dialCampaign: -1 });
      });
    });
    this.agents.splice(0, this.agents.length, ...views);
  }

  /** The snapshot at the model's current time, filled in place (the same object every call). */
  snapshot(): VoiceSnapshot {
    const model = this.model;
    this.snap.nowSec = model.now;
    if (model.agents.length !== this.agents.length) this.listAgents();
    for (let q = 0; q < this.queues.length; q++) this.fillQueue(q);
    let a = 0;
    for (let g = 0; g < model.groups.length; g++) {
      const out = this.groups[g];
      out.talking = 0;
      out.acw = 0;
      for (const agent of model.groups[g].agents) {
        const view = this.agents[a++];
        view.state = agent.state;
        view.sinceSec = agent.stateSinceSec;
        view.onShift = agent.duty.onShift;
        if (agent.state === 'talking' || agent.state === 'outbound-talk') out.talking++;
        else if (agent.state === 'acw') out.acw++;
        const call = agent.call;
        view.callId = call ? call.id : -1;
        view.callQueue = call ? call.queue.index : -1;
        view.callArrivalSec = call ? call.arrivalSec : 0;
        // Answered when the talk began; in wrap-up the talk came before it.
        view.answeredSec = call ? (agent.state === 'acw' ? agent.stateSinceSec - call.talkSec : agent.stateSinceSec) : 0;
        view.endSec = call && agent.state === 'talking' ? agent.stateSinceSec + call.talkSec : call && agent.state === 'acw' ? agent.stateSinceSec + call.acwSec : -1;
        view.dialId = agent.dial ? agent.dial.id : -1;
        view.dialCampaign = agent.dial ? agent.dial.campaign.index : -1;
      }
    }
    for (let c = 0; c < this.campaigns.length; c++) this.campaigns[c].ringing = model.campaigns[c].ringing.length;
    return this.snap;
  }

  /** The voice model's domain events (the Site's observer): what moved, for the feed. */
  onEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'call.answered':
        this.feed.add(FEED_CALL_ANSWERED, this.queueIndex.get(event.queueId) ?? -1, this.agentIndex.get(event.agentId) ?? -1, event.callId, event.timeSec, event.timeSec - event.waitSec);
        break;
      case 'call.abandoned': {
        const q = this.queueIndex.get(event.queueId) ?? -1;
        if (q >= 0) this.queues[q].abandoned++;
        this.feed.add(FEED_CALL_ABANDONED, q, -1, event.callId, event.timeSec, event.timeSec - event.waitSec);
        break;
      }
      case 'call.blocked': {
        const q = this.queueIndex.get(event.queueId);
        if (q !== undefined) this.queues[q].blocked++;
        break;
      }
      case 'dial.started':
        this.feed.add(FEED_DIAL_STARTED, this.campaignIndex.get(event.campaignId) ?? -1, -1, event.dialId, event.timeSec, event.timeSec);
        break;
      case 'dial.ended': {
        const c = this.campaignIndex.get(event.campaignId) ?? -1;
        const result = event.result;
        if (result === 'no-answer' || result === 'busy' || result === 'machine-detected') {
          this.feed.add(FEED_DIAL_ENDED, c, result === 'no-answer' ? DIAL_NO_ANSWER : result === 'busy' ? DIAL_BUSY : DIAL_MACHINE, event.dialId, event.timeSec, event.timeSec);
        } else {
          // Answered: it ends on the strip once an agent takes it, or when it is abandoned.
          this.connecting.set(event.dialId, result === 'machine-missed' ? DIAL_MACHINE : DIAL_CONNECT);
        }
        break;
      }
      case 'dial.answered':
        this.endConnect(event.dialId, event.campaignId, event.timeSec, this.connecting.get(event.dialId) ?? DIAL_CONNECT);
        break;
      case 'dial.abandoned': {
        if (event.live) {
          const c = this.campaignIndex.get(event.campaignId);
          if (c !== undefined) this.campaigns[c].abandoned++;
        }
        this.endConnect(event.dialId, event.campaignId, event.timeSec, DIAL_ABANDONED);
        break;
      }
      default:
        break;
    }
  }

  private endConnect(dialId: number, campaignId: string, timeSec: number, outcome: number): void {
    if (!this.connecting.delete(dialId)) return;
    this.feed.add(FEED_DIAL_ENDED, this.campaignIndex.get(campaignId) ?? -1, outcome, dialId, timeSec, timeSec);
  }

  private fillQueue(q: number): void {
    const queue = this.model.queues[q];
    const out = this.queues[q];
    out.waiting = queue.waitingCount;
    out.callbacksWaiting = queue.callbackCount;
    out.linesInUse = queue.linesInUse;
    let shown = 0;
    let cards = 0;
    if (queue.waitingCount > 0 || queue.callbackCount > 0) {
      let scanned = 0;
      for (const call of queue.line) {
        if (call.state === 'waiting' && shown < VOICE_LANE_CALLERS) {
          out.callerId[shown] = call.id;
          out.callerArrivalSec[shown] = call.arrivalSec;
          shown++;
        } else if (call.state === 'callback-waiting' && cards < VOICE_CALLBACK_CARDS && scanned < MAX_CALLBACK_SCAN) {
          out.callbackArrivalSec[cards++] = call.arrivalSec;
        }
        scanned++;
        const lineDone = shown >= VOICE_LANE_CALLERS || shown >= queue.waitingCount;
        const cardsDone = cards >= VOICE_CALLBACK_CARDS || cards >= queue.callbackCount || scanned >= MAX_CALLBACK_SCAN;
        if (lineDone && cardsDone) break;
      }
    }
    out.callersShown = shown;
    out.callbacksShown = cards;
  }
}
