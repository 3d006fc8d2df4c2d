import { describe, expect, it } from 'vitest';
import { VoiceModel } from '../../src/model/voice/voice-model';
import { deriveQueueKpis } from '../../src/model/voice/queue-counters';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import type { DomainEvent } from '../../src/model/voice/domain-events';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { readFileSync } from 'node:fs';

const inboundBasic = (): Scenario => {
  const parsed = parseScenarioText(readFileSync('scenarios/inbound-basic.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
};

/** Two queues sharing one group plus a dedicated group; retrials on; trunks on one queue. */
const twoQueues = (): Scenario => ({
  name: 'two queues',
  days: 1,
  reportIntervalMin: 15,
  serviceLevel: { thresholdSec: 20, shortAbandonSec: 5 },
  queues: [
    {
      id: 'sales',
      name: 'Sales',
      arrivals: { ratePerHour: 300 },
      talk: { kind: 'gamma', meanSec: 200, cv: 0.8 },
      acw: { kind: 'uniform', minSec: 10, maxSec: 50 },
      patience: { kind: 'lognormal', meanSec: 90, cv: 1 },
      lines: 25,
      retrial: { afterAbandon: { probability: 0.5, delay: { kind: 'exponential', meanSec: 300 } }, afterBlocked: { probability: 0.8, delay: { kind: 'deterministic', valueSec: 60 } } },
    },
    {
      id: 'help',
      name: 'Help',
      arrivals: { ratePerHour: 200 },
      talk: { kind: 'exponential', meanSec: 240 },
      patience: { kind: 'exponential', meanSec: 120 },
    },
  ],
  agentGroups: [
    { id: 'generalists', name: 'Generalists', agents: 12, queues: ['sales', 'help'] },
    { id: 'helpers', name: 'Helpers', agents: 6, queues: ['help'] },
  ],
});

function recordEvents(scenario: Scenario, seed = 1) {
  const events: DomainEvent[] = [];
  const model = new VoiceModel(scenario, { seed, listener: (e) => events.push(e) });
  return { model, events };
}

describe('the inbound voice model', () => {
  it('conserves calls in every queue: offered = answered + abandoned + still waiting', () => {
    for (const scenario of [inboundBasic(), twoQueues()]) {
      const model = new VoiceModel(scenario, { seed: 3 });
      model.runToEnd();
      for (const c of model.totals) {
        expect(c.offered).toBeGreaterThan(100);
        expect(c.answered + c.abandoned + c.waitingAtEnd).toBe(c.offered);
        expect(c.handled + c.inServiceAtEnd).toBe(c.answered);
      }
    }
  });

  it('obeys Little’s law: mean queue length = offered rate × mean wait of all offered calls', () => {
    const model = new VoiceModel(twoQueues(), { seed: 5 });
    model.runToEnd();
    for (const c of model.totals) {
      // Calls still waiting at the end carry unfinished waits: a boundary effect of a few calls.
      const waitSum = c.waitAnsweredSumSec + c.waitAbandonedSumSec;
      const lambda = c.offered / c.observedSec;
      const meanWait = waitSum / (c.answered + c.abandoned);
      expect(deriveQueueKpis(c).meanQueueLength!).toBeCloseTo(lambda * meanWait, 2);
    }
  });

  it('gives the same results from the same seed and different results from another seed', () => {
    const run = (seed: number) => {
      const model = new VoiceModel(twoQueues(), { seed });
      model.runToEnd();
      return model.totals;
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });

  it('gives identical events whether run in one call or in a thousand steps', () => {
    const whole = recordEvents(twoQueues());
    whole.model.runToEnd();
    const stepped = recordEvents(twoQueues());
    for (let i = 1; i <= 1000; i++) stepped.model.runUntil((i * 86_400) / 1000);
    stepped.model.runToEnd();
    expect(stepped.events).toEqual(whole.events);
    expect(stepped.model.totals).toEqual(whole.model.totals);
  });

  it('keeps arrival times unchanged when the way handle times are drawn changes (named streams)', () => {
    const arrivals = (scenario: Scenario) => {
      const { model, events } = recordEvents(scenario, 4);
      model.runToEnd();
      return events.filter((e) => e.type === 'call.arrived' && !e.isRetrial).map((e) => [e.timeSec, (e as { queueId: string }).queueId]);
    };
    const base = twoQueues();
    const changed = twoQueues();
    changed.queues[0].talk = { kind: 'triangular', minSec: 30, modeSec: 60, maxSec: 400 };
    changed.queues[1].talk = { kind: 'deterministic', valueSec: 100 };
    changed.agentGroups[0].agents = 4;
    expect(arrivals(changed)).toEqual(arrivals(base));
  });

  it('answers first come, first served within a queue', () => {
    const { model, events } = recordEvents(twoQueues(), 6);
    model.runToEnd();
    const queuedAt = new Map<number, number>();
    for (const e of events) if (e.type === 'call.queued') queuedAt.set(e.callId, e.timeSec);
    for (const queueId of ['sales', 'help']) {
      const answeredArrivalTimes = events
        .filter((e): e is Extract<DomainEvent, { type: 'call.answered' }> => e.type === 'call.answered' && e.queueId === queueId && queuedAt.has(e.callId))
        .map((e) => queuedAt.get(e.callId)!);
      expect(answeredArrivalTimes.length).toBeGreaterThan(50);
      expect(answeredArrivalTimes).toEqual([...answeredArrivalTimes].sort((a, b) => a - b));
    }
  });

  it('gives a new call to the agent who has been idle longest', () => {
    const scenario = twoQueues();
    const { model, events } = recordEvents(scenario, 8);
    const idleSince = new Map<string, number>();
    let checked = 0;
    const groupsFor = (queueId: string) => scenario.agentGroups.filter((g) => g.queues.includes(queueId)).map((g) => g.id);
    const listener = (e: DomainEvent) => {
      if (e.type === 'agent.state-changed') {
        if (e.to === 'idle') idleSince.set(e.agentId, e.timeSec);
        else idleSince.delete(e.agentId);
      }
    };
    // Replay the log: at each answer of a call that did not wait, the chosen agent was idle longest.
    for (const g of scenario.agentGroups) for (let n = 1; n <= g.agents; n++) idleSince.set(`${g.id}-${n}`, 0);
    model.runToEnd();
    for (const e of events) {
      if (e.type === 'call.answered' && e.waitSec === 0) {
        const eligible = [...idleSince].filter(([id]) => groupsFor(e.queueId).some((g) => id.startsWith(`${g}-`)));
        const longest = Math.min(...eligible.map(([, t]) => t));
        expect(idleSince.get(e.agentId)).toBe(longest);
        checked++;
      }
      listener(e);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never lets an agent hold two calls, and never answers a call from a queue the agent does not serve', () => {
    const scenario = twoQueues();
    const { model, events } = recordEvents(scenario, 2);
    model.runToEnd();
    const busy = new Set<string>();
    for (const e of events) {
      if (e.type === 'call.answered') {
        expect(busy.has(e.agentId)).toBe(false);
        busy.add(e.agentId);
        const group = scenario.agentGroups.find((g) => e.agentId.startsWith(`${g.id}-`))!;
        expect(group.queues).toContain(e.queueId);
      }
      if (e.type === 'call.completed') busy.delete(e.agentId);
    }
  });

  it('blocks callers beyond the trunks and lets some of them call again', () => {
    const scenario = twoQueues();
    scenario.queues[0].lines = 3;
    const model = new VoiceModel(scenario, { seed: 1 });
    model.runToEnd();
    const sales = deriveQueueKpis(model.totals[0]);
    expect(sales.blocked).toBeGreaterThan(0);
    expect(sales.retrials).toBeGreaterThan(0);
    expect(sales.blockingRate!).toBeGreaterThan(0);
  });

  it('reports ratios with no calls as null, never NaN', () => {
    const scenario = twoQueues();
    scenario.queues[1].arrivals = { ratePerHour: 0 };
    const model = new VoiceModel(scenario, { seed: 1 });
    model.runToEnd();
    const help = deriveQueueKpis(model.totals[1]);
    expect(help.offered).toBe(0);
    expect(help.serviceLevel).toBeNull();
    expect(help.asa).toBeNull();
    expect(help.meanQueueLength).toBe(0);
  });

  it('keeps its memory flat over simulated time: only open intervals are held', () => {
    const scenario = twoQueues();
    scenario.days = 20;
    let closed = 0;
    const model = new VoiceModel(scenario, { seed: 1, onIntervalClosed: () => closed++ });
    for (let day = 1; day <= 20; day++) {
      model.runUntil(day * 86_400);
      expect(model.openIntervalCount).toBeLessThan(6);
    }
    model.runToEnd();
    expect(closed).toBe(20 * 96);
  });

  it('follows the daily arrival profile: the 10:00 peak gets far more calls than 03:00', () => {
    const model = new VoiceModel(inboundBasic(), { seed: 1, onIntervalClosed: (r) => byStart.set(r.startSec, r.queues[0].offered) });
    const byStart = new Map<number, number>();
    model.runToEnd();
    expect(byStart.get(10 * 3600)!).toBeGreaterThan(10 * byStart.get(3 * 3600)!);
  });
});
