/**
 * Helpers for the voice-operations tests: load a scenario file, run a model with its event log,
 * and replay the log to check who held what, when.
 */
import { readFileSync } from 'node:fs';
import { VoiceModel } from '../../src/model/voice/voice-model';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import type { DomainEvent, AgentState } from '../../src/model/voice/domain-events';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { clockSec } from '../../src/model/scenario/calendar-schema';
import type { QueueCounters } from '../../src/model/voice/queue-counters';

export function loadScenario(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

export function runWithEvents(scenario: Scenario, seed = 1) {
  const events: DomainEvent[] = [];
  const model = new VoiceModel(scenario, { seed, listener: (e) => events.push(e) });
  model.runToEnd();
  return { model, events };
}

/** offered = answered + abandoned + callbacks (reached, failed, pending) + waiting at end. */
export function conservationGap(c: QueueCounters): number {
  return c.offered - (c.answered + c.abandoned + c.callbacksReached + c.callbacksFailed + c.callbacksPendingAtEnd + c.waitingAtEnd);
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Whether the agent's schedule has it on shift and off any scheduled break at time t. */
export function isScheduledToWork(scenario: Scenario, agentId: string, t: number): boolean {
  const group = scenario.agentGroups.find((g) => agentId.startsWith(`${g.id}-`) && /^\d+$/.test(agentId.slice(g.id.length + 1)))!;
  if (!group.shifts) return true;
  const n = Number(agentId.slice(group.id.length + 1)) - 1;
  let first = 0;
  for (const shift of group.shifts) {
    if (n >= first && n < first + shift.agents) {
      const day = Math.floor(t / 86400);
      const tod = t - day * 86400;
      if (shift.days && !shift.days.includes(WEEKDAYS[day % 7] as never)) return false;
      if (tod < clockSec(shift.start) || tod >= clockSec(shift.end)) return false;
      for (const b of shift.breaks ?? []) {
        const from = clockSec(b.start);
        if (tod >= from && tod < from + b.durationMin * 60) return false;
      }
      return true;
    }
    first += shift.agents;
  }
  throw new Error(`no shift for ${agentId}`);
}

export interface Violation {
  readonly timeSec: number;
  readonly what: string;
}

/**
 * Replays an event log and lists every breach of the routing invariants: an agent taking a
 * contact while holding another; a call reaching an agent without the skill, or a dial an agent
 * not on the campaign; a contact taken by an agent who is off shift, on a break, or in a
 * scheduled break or off-shift time.
 */
export function routingViolations(scenario: Scenario, events: readonly DomainEvent[]): Violation[] {
  const violations: Violation[] = [];
  const holding = new Map<string, string>();
  const state = new Map<string, AgentState>();
  const groupOf = (agentId: string) => scenario.agentGroups.find((g) => agentId.startsWith(`${g.id}-`) && /^\d+$/.test(agentId.slice(g.id.length + 1)))!;
  const skills = (agentId: string) => {
    const g = groupOf(agentId);
    return new Set([...g.queues, ...(g.skills ?? []).map((s) => s.queue)]);
  };
  const take = (e: DomainEvent & { agentId: string }, contact: string, continuing: string | null) => {
    const held = holding.get(e.agentId);
    if (held !== undefined && held !== continuing) violations.push({ timeSec: e.timeSec, what: `${e.agentId} takes ${contact} while holding ${held}` });
    if (held === undefined || held !== continuing) {
      const s = state.get(e.agentId);
      if (s === 'break' || s === 'offline') violations.push({ timeSec: e.timeSec, what: `${e.agentId} takes ${contact} while ${s}` });
      if (!isScheduledToWork(scenario, e.agentId, e.timeSec)) violations.push({ timeSec: e.timeSec, what: `${e.agentId} takes ${contact} outside its working time` });
    }
    holding.set(e.agentId, contact);
  };
  const release = (agentId: string, contact: string, t: number) => {
    if (holding.get(agentId) !== contact) violations.push({ timeSec: t, what: `${agentId} releases ${contact} it does not hold (${holding.get(agentId)})` });
    holding.delete(agentId);
  };
  for (const g of scenario.agentGroups) for (let n = 1; n <= g.agents; n++) state.set(`${g.id}-${n}`, g.shifts ? 'offline' : 'idle');
  for (const e of events) {
    switch (e.type) {
      case 'agent.state-changed':
        if (state.get(e.agentId) !== e.from) violations.push({ timeSec: e.timeSec, what: `${e.agentId} leaves ${e.from} but was ${state.get(e.agentId)}` });
        state.set(e.agentId, e.to);
        break;
      case 'call.answered':
      case 'call.callback-started':
        if (!skills(e.agentId).has(e.queueId)) violations.push({ timeSec: e.timeSec, what: `${e.agentId} answers ${e.queueId} without the skill` });
        take(e, `call ${e.callId}`, `call ${e.callId}`);
        break;
      case 'call.completed':
        release(e.agentId, `call ${e.callId}`, e.timeSec);
        break;
      case 'call.callback-ended':
        if (!e.reached) release(e.agentId, `call ${e.callId}`, e.timeSec);
        break;
      case 'campaign.preview-started':
        if (!(groupOf(e.agentId).campaigns ?? []).includes(e.campaignId)) violations.push({ timeSec: e.timeSec, what: `${e.agentId} previews for ${e.campaignId} without the campaign` });
        take(e, `preview ${e.campaignId}`, null);
        break;
      case 'dial.started':
        if (e.agentId !== null) {
          if (!(groupOf(e.agentId).campaigns ?? []).includes(e.campaignId)) violations.push({ timeSec: e.timeSec, what: `${e.agentId} dials for ${e.campaignId} without the campaign` });
          const held = holding.get(e.agentId);
          take({ ...e, agentId: e.agentId }, `dial ${e.dialId}`, held?.startsWith('preview') ? held : null);
        }
        break;
      case 'dial.ended':
        if (e.agentId !== null && (e.result === 'no-answer' || e.result === 'busy' || e.result === 'machine-detected')) release(e.agentId, `dial ${e.dialId}`, e.timeSec);
        break;
      case 'dial.answered':
        if (!(groupOf(e.agentId).campaigns ?? []).includes(e.campaignId)) violations.push({ timeSec: e.timeSec, what: `${e.agentId} talks for ${e.campaignId} without the campaign` });
        take(e, `dial ${e.dialId}`, `dial ${e.dialId}`);
        break;
      case 'dial.completed':
        release(e.agentId, `dial ${e.dialId}`, e.timeSec);
        break;
    }
  }
  return violations;
}
