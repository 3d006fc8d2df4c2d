/**
 * Voice operations: contact types and their outcomes, skill-based routing with priorities and
 * overflow, schedules (shifts, breaks, absence, overruns), callbacks and blending, on the four
 * shipped scenarios and on small scenarios built to isolate one rule each.
 */
import { describe, expect, it } from 'vitest';
import { VoiceModel } from '../../src/model/voice/voice-model';
import { deriveQueueKpis } from '../../src/model/voice/queue-counters';
import { deriveAgentKpis, addAgentCounters, emptyAgentCounters } from '../../src/model/voice/agent-counters';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import type { AgentState, DomainEvent } from '../../src/model/voice/domain-events';
import { conservationGap, loadScenario, routingViolations, runWithEvents } from './voice-helpers';

const SCENARIOS = ['support-multiskill', 'order-taking-promotion', 'telemarketing-predictive', 'blended-inbound-outbound'];

/** One queue, two groups at skill priorities 1 and 2, and an overflow group after 40 s. */
function tiered(): Scenario {
  return {
    name: 'tiered',
    days: 1,
    reportIntervalMin: 30,
    serviceLevel: { thresholdSec: 20 },
    queues: [
      { id: 'q', name: 'Q', arrivals: { ratePerHour: 160 }, talk: { kind: 'exponential', meanSec: 240 }, patience: { kind: 'exponential', meanSec: 300 } },
    ],
    agentGroups: [
      { id: 'second', name: 'Second choice', agents: 4, queues: [], skills: [{ queue: 'q', priority: 2 }] },
      { id: 'first', name: 'First choice', agents: 5, queues: ['q'] },
      { id: 'over', name: 'Overflow', agents: 3, queues: [], skills: [{ queue: 'q', overflowAfterSec: 40 }] },
    ],
  };
}

/** Tracks agent states and callers waiting per queue while a log is replayed. */
function replay(events: readonly DomainEvent[], initial: (agentId: string) => AgentState, onEvent: (e: DomainEvent, states: Map<string, AgentState>, waiting: Map<string, Map<number, number>>) => void) {
  const states = new Map<string, AgentState>();
  const waiting = new Map<string, Map<number, number>>();
  const inLine = (queueId: string) => waiting.get(queueId) ?? waiting.set(queueId, new Map()).get(queueId)!;
  const arrived = new Map<number, number>();
  for (const e of events) {
    if (e.type === 'agent.state-changed' && !states.has(e.agentId)) states.set(e.agentId, initial(e.agentId));
    onEvent(e, states, waiting);
    switch (e.type) {
      case 'agent.state-changed':
        states.set(e.agentId, e.to);
        break;
      case 'call.arrived':
        arrived.set(e.callId, e.timeSec);
        break;
      case 'call.queued':
      case 'call.callback-requested':
        inLine(e.queueId).set(e.callId, arrived.get(e.callId)!);
        break;
      case 'call.answered':
      case 'call.abandoned':
      case 'call.callback-started':
        inLine(e.queueId).delete(e.callId);
        break;
    }
  }
  return { states, waiting };
}

describe('the shipped voice scenarios', () => {
  for (const name of SCENARIOS) {
    it(`${name}.json runs, conserves calls per contact type and keeps the routing invariants`, () => {
      const scenario = loadScenario(`scenarios/${name}.json`);
      const { model, events } = runWithEvents(scenario, 3);
      expect(routingViolations(scenario, events)).toEqual([]);
      model.totals.forEach((c, q) => {
        expect(c.offered, scenario.queues[q].id).toBeGreaterThan(100);
        expect(conservationGap(c)).toBe(0);
        expect(c.handled + c.inServiceAtEnd).toBe(c.answered + c.callbacksReached);
      });
      for (const c of model.campaignTotals) expect(c.dials).toBeGreaterThan(500);
      // Per-agent figures add up to their group's.
      model.groups.forEach((group, g) => {
        const sum = emptyAgentCounters();
        for (const agent of group.agents) addAgentCounters(sum, agent.totals);
        const total = model.groupTotals[g];
        expect(sum.inboundHandled + sum.outboundHandled).toBe(total.inboundHandled + total.outboundHandled);
        expect(sum.talkSec).toBeCloseTo(total.talkSec, 3);
        expect(sum.staffedSec).toBeCloseTo(total.staffedSec, 3);
        expect(sum.breakSec).toBeCloseTo(total.breakSec, 3);
        // An agent's handling counts when its contact ends; the group's by the clock: equal but for contacts still open at the end.
        expect(Math.abs(sum.handlingSec - total.handlingSec)).toBeLessThanOrEqual(group.agents.length * 3600);
        expect(sum.handlingSec).toBeLessThanOrEqual(total.handlingSec + 1e-6);
      });
    });
  }

  it('gives identical events and totals whether run in one call or in many small steps', () => {
    for (const name of ['support-multiskill', 'blended-inbound-outbound']) {
      const scenario = loadScenario(`scenarios/${name}.json`);
      const whole = runWithEvents(scenario, 8);
      const events: DomainEvent[] = [];
      const stepped = new VoiceModel(scenario, { seed: 8, listener: (e) => events.push(e) });
      for (let i = 1; i <= 500; i++) stepped.runUntil((i * 86_400) / 500);
      stepped.runToEnd();
      expect(events).toEqual(whole.events);
      expect(stepped.totals).toEqual(whole.model.totals);
      expect(stepped.campaignTotals).toEqual(whole.model.campaignTotals);
    }
  });
});

describe('skill-based routing', () => {
  it('gives a new call to the best-priority group with an idle agent, and overflow only after its wait', () => {
    const scenario = tiered();
    const { model, events } = runWithEvents(scenario, 4);
    let secondChoiceAnswers = 0;
    let overflowAnswers = 0;
    replay(events, () => 'idle', (e, states) => {
      if (e.type !== 'call.answered') return;
      const group = e.agentId.split('-')[0];
      if (group === 'over') {
        expect(e.waitSec).toBeGreaterThanOrEqual(40);
        expect(e.overflow).toBe(true);
        overflowAnswers++;
      }
      if (group === 'second' && e.waitSec === 0) {
        secondChoiceAnswers++;
        const firstIdle = [...states].filter(([id, s]) => id.startsWith('first-') && s === 'idle');
        expect(firstIdle).toEqual([]);
      }
    });
    expect(secondChoiceAnswers).toBeGreaterThan(20);
    expect(overflowAnswers).toBeGreaterThan(5);
    expect(deriveQueueKpis(model.totals[0]).overflowShare!).toBeGreaterThan(0);
  });

  it('lets a freed agent serve the higher-priority queue first, then its better skill, then the longest wait', () => {
    const queue = (id: string, ratePerHour: number, priority = 0) => ({ id, name: id, priority, arrivals: { ratePerHour }, talk: { kind: 'exponential' as const, meanSec: 200 } });
    const scenario: Scenario = {
      name: 'priorities',
      days: 1,
      reportIntervalMin: 30,
      serviceLevel: { thresholdSec: 20 },
      queues: [queue('low', 40), queue('low-too', 40), queue('high', 30, 3), queue('side', 30)],
      agentGroups: [{ id: 'pool', name: 'Pool', agents: 7, queues: ['low', 'low-too', 'high'], skills: [{ queue: 'side', priority: 2 }] }],
    };
    const { events } = runWithEvents(scenario, 2);
    const count = { low: 0, side: 0, fifo: 0 };
    replay(events, () => 'idle', (e, _states, waiting) => {
      if (e.type !== 'call.answered' || e.waitSec === 0) return;
      const size = (q: string) => waiting.get(q)?.size ?? 0;
      const head = (q: string) => Math.min(...(waiting.get(q)?.values() ?? []));
      // Queue priority first.
      if (e.queueId !== 'high') expect(size('high')).toBe(0);
      // Then the agent's better skill: 'side' only when its primary queues are empty.
      if (e.queueId === 'side') {
        expect(size('low') + size('low-too')).toBe(0);
        count.side++;
      }
      // Then the longest wait among equals.
      if (e.queueId === 'low' || e.queueId === 'low-too') {
        const other = e.queueId === 'low' ? 'low-too' : 'low';
        expect(head(e.queueId)).toBeLessThanOrEqual(head(other));
        if (size(other) > 0) count.fifo++;
        count.low++;
      }
    });
    expect(count.low).toBeGreaterThan(50);
    expect(count.side).toBeGreaterThan(5);
    expect(count.fifo).toBeGreaterThan(5);
  });
});

describe('schedules', () => {
  const shifted = (absenceShare = 0): Scenario => ({
    name: 'shifts',
    days: 2,
    reportIntervalMin: 30,
    serviceLevel: { thresholdSec: 20 },
    queues: [{ id: 'q', name: 'Q', arrivals: { ratePerHour: 120 }, talk: { kind: 'lognormal', meanSec: 400, cv: 1 }, acw: { kind: 'deterministic', valueSec: 30 }, patience: { kind: 'exponential', meanSec: 200 } }],
    agentGroups: [
      {
        id: 'day',
        name: 'Day',
        agents: 10,
        queues: ['q'],
        absenceShare,
        shifts: [{ agents: 10, start: '08:00', end: '16:00', breaks: [{ start: '10:00', durationMin: 15 }, { start: '12:00', durationMin: 30, kind: 'lunch' }] }],
      },
    ],
  });

  it('counts occupancy over logged-in time: staffed time follows the shifts, breaks and overruns', () => {
    const model = new VoiceModel(shifted(), { seed: 5 });
    model.runToEnd();
    const g = model.groupTotals[0];
    const k = deriveAgentKpis(g);
    const scheduled = 2 * 10 * 8 * 3600;
    // Every shift second is either staffed or on a break; overruns add staffed time past the end.
    expect(k.staffedSec + k.breakSec).toBeCloseTo(scheduled + k.shiftOverrunSec, 3);
    expect(k.breakSec).toBeCloseTo(2 * 10 * 45 * 60, 3);
    expect(k.shiftOverruns).toBeGreaterThan(0);
    // The queue's occupancy uses the same logged-in time, not 24 h a day.
    const q = model.totals[0];
    expect(q.staffedArea).toBeCloseTo(k.staffedSec, 3);
    expect(deriveQueueKpis(q).occupancy!).toBeGreaterThan(0.5);
  });

  it('reports every overrun as an event and in the counters, and lets a busy agent finish before the break', () => {
    const { model, events } = runWithEvents(shifted(), 6);
    const overruns = events.filter((e): e is Extract<DomainEvent, { type: 'agent.overran' }> => e.type === 'agent.overran');
    const shift = overruns.filter((e) => e.what === 'shift');
    const breaks = overruns.filter((e) => e.what === 'break');
    const g = model.groupTotals[0];
    expect(shift.length).toBe(g.shiftOverruns);
    expect(breaks.length).toBe(g.breakDelays);
    expect(shift.reduce((s, e) => s + e.overrunSec, 0)).toBeCloseTo(g.shiftOverrunSec, 6);
    for (const e of overruns) expect(e.overrunSec).toBeGreaterThan(0);
    // After a late break start the agent goes straight to the break.
    for (const e of breaks) {
      const next = events.find((x) => x.type === 'agent.state-changed' && x.agentId === e.agentId && x.timeSec >= e.timeSec);
      expect(next).toMatchObject({ to: 'break' });
    }
    expect(routingViolations(shifted(), events)).toEqual([]);
  });

  it('emits every agent state transition as an event: replaying them gives the final states', () => {
    const scenario = loadScenario('scenarios/blended-inbound-outbound.json');
    const { model, events } = runWithEvents(scenario, 2);
    const { states } = replay(events, () => 'offline', () => {});
    for (const agent of model.agents) expect(states.get(agent.id) ?? 'offline').toBe(agent.state);
    const seen = new Set(events.filter((e) => e.type === 'agent.state-changed').map((e) => (e as { to: string }).to));
    for (const s of ['idle', 'reserved', 'talking', 'acw', 'outbound-talk', 'break', 'offline']) expect(seen).toContain(s);
  });

  it('draws absence from the seed: the same agents stay away for the same seed, about the configured share', () => {
    const absent = (seed: number) => {
      const { events } = runWithEvents(shifted(0.2), seed);
      return events.filter((e) => e.type === 'agent.absent').map((e) => `${e.timeSec}:${(e as { agentId: string }).agentId}`);
    };
    expect(absent(3)).toEqual(absent(3));
    let total = 0;
    for (let seed = 1; seed <= 20; seed++) total += absent(seed).length;
    // 20 seeds × 2 days × 10 agents = 400 agent-shifts at 20%: 80 expected (sd 8).
    expect(total).toBeGreaterThan(55);
    expect(total).toBeLessThan(105);
  });
});

describe('contact types', () => {
  it('support: solves about the first-contact-resolution share and brings unresolved callers back', () => {
    const scenario = loadScenario('scenarios/blended-inbound-outbound.json');
    const model = new VoiceModel(scenario, { seed: 1 });
    model.runToEnd();
    const k = deriveQueueKpis(model.totals[0]);
    expect(k.firstContactResolution!).toBeGreaterThan(0.7);
    expect(k.firstContactResolution!).toBeLessThan(0.8);
    expect(k.repeatCalls).toBeGreaterThan(50);
  });

  it('order taking: orders at the order probability with their value, and a burst of callers after each advert', () => {
    const scenario = loadScenario('scenarios/order-taking-promotion.json');
    const perQuarter = new Map<number, number>();
    const model = new VoiceModel(scenario, { seed: 2, onIntervalClosed: (r) => perQuarter.set(r.startSec, r.queues[0].offered) });
    model.runToEnd();
    const k = deriveQueueKpis(model.totals[0]);
    expect(k.orderConversion!).toBeGreaterThan(0.55);
    expect(k.orderConversion!).toBeLessThan(0.69);
    expect(k.orderValue / k.orders).toBeGreaterThan(70);
    expect(k.orderValue / k.orders).toBeLessThan(100);
    // 19:30 advert: the quarter after it far busier than the quarter before.
    expect(perQuarter.get(19.5 * 3600)!).toBeGreaterThan(3 * perQuarter.get(19.25 * 3600)!);
  });

  it('hold: counts in handle time and puts the agent in the hold state', () => {
    const scenario = tiered();
    scenario.queues[0].hold = { probability: 0.5, duration: { kind: 'deterministic', valueSec: 60 } };
    const { model, events } = runWithEvents(scenario, 1);
    const k = deriveQueueKpis(model.totals[0]);
    expect(k.meanHoldSec!).toBeGreaterThan(25);
    expect(k.meanHoldSec!).toBeLessThan(35);
    expect(model.totals[0].handleSumSec).toBeCloseTo(model.totals[0].talkSumSec + model.totals[0].holdSumSec + model.totals[0].acwSumSec, 6);
    expect(events.some((e) => e.type === 'agent.state-changed' && e.to === 'hold')).toBe(true);
  });

  it('keeps common random numbers: arrivals do not change when hold, outcomes or callbacks are added', () => {
    const arrivals = (scenario: Scenario) => runWithEvents(scenario, 4).events.filter((e) => e.type === 'call.arrived' && !e.isRetrial && !e.isRepeat).map((e) => e.timeSec);
    const base = tiered();
    const changed = tiered();
    changed.queues[0].hold = { probability: 0.3, duration: { kind: 'exponential', meanSec: 30 } };
    changed.queues[0].contactType = { kind: 'order', orderProbability: 0.5, orderValue: { kind: 'deterministic', value: 10 } };
    changed.queues[0].callback = { offerWhenExpectedWaitSec: 10, acceptShare: 0.5, reachProbability: 0.9 };
    expect(arrivals(changed)).toEqual(arrivals(base));
  });
});

describe('callbacks (virtual hold)', () => {
  const busy = (): Scenario => {
    const s = tiered();
    s.queues[0].arrivals = { ratePerHour: 220 };
    s.queues[0].callback = { offerWhenExpectedWaitSec: 45, acceptShare: 0.5, reachProbability: 0.8 };
    s.agentGroups = [{ id: 'pool', name: 'Pool', agents: 12, queues: ['q'] }];
    return s;
  };

  it('serves callbacks in their place: the line is served strictly in arrival order, callbacks included', () => {
    const { model, events } = runWithEvents(busy(), 3);
    const arrival = new Map<number, number>();
    const queued = new Set<number>();
    const served: number[] = [];
    for (const e of events) {
      if (e.type === 'call.arrived') arrival.set(e.callId, e.timeSec);
      if (e.type === 'call.queued' || e.type === 'call.callback-requested') queued.add(e.callId);
      if ((e.type === 'call.answered' || e.type === 'call.callback-started') && queued.has(e.callId)) {
        queued.delete(e.callId);
        served.push(arrival.get(e.callId)!);
      }
    }
    expect(model.totals[0].callbacksRequested).toBeGreaterThan(30);
    expect(served).toEqual([...served].sort((a, b) => a - b));
  });

  it('fails to reach some callers, releases their line, and conserves calls', () => {
    const model = new VoiceModel(busy(), { seed: 9 });
    model.runToEnd();
    const c = model.totals[0];
    expect(c.callbacksFailed).toBeGreaterThan(0);
    expect(c.callbacksFailed / (c.callbacksReached + c.callbacksFailed)).toBeLessThan(0.35);
    expect(conservationGap(c)).toBe(0);
  });
});

describe('blending', () => {
  const blendedWith = (mode: 'progressive' | 'predictive' | 'preview') => {
    const s = loadScenario('scenarios/blended-inbound-outbound.json');
    s.campaigns![0].mode = mode;
    return s;
  };

  for (const mode of ['progressive', 'predictive', 'preview'] as const) {
    it(`holds the inbound reserve (${mode}): outbound work starts only with the inbound queue empty and R agents left idle`, () => {
      const scenario = blendedWith(mode);
      const reserve = scenario.agentGroups[0].inboundReserve!;
      const { events } = runWithEvents(scenario, 4);
      let starts = 0;
      const { states } = replay(events, () => 'offline', (e, st, waiting) => {
        const outboundStart =
          (e.type === 'dial.started' && e.agentId !== null && mode === 'progressive') ||
          (e.type === 'campaign.preview-started') ||
          (e.type === 'dial.answered' && mode === 'predictive');
        if (!outboundStart) return;
        const agentId = (e as { agentId: string }).agentId;
        const idleOthers = [...st].filter(([id, s]) => id.startsWith('blended-') && id !== agentId && s === 'idle').length;
        expect(idleOthers).toBeGreaterThanOrEqual(reserve);
        expect(waiting.get('support')?.size ?? 0).toBe(0);
        starts++;
      });
      expect(states.size).toBeGreaterThan(0);
      expect(starts).toBeGreaterThan(100);
    });
  }
});
