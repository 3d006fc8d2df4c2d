/**
 * Routing invariants, property-based: over random scenarios (queues of every contact type,
 * groups with random skills, priorities and overflow, shifts with breaks and absence, callbacks,
 * and a campaign in any dialer mode with blending), the event log never shows an agent holding
 * two contacts, a contact reaching an agent without its skill, or an agent off shift or on a
 * break taking a contact; and every queue conserves its calls.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { validateScenario } from '../../src/model/scenario/parse-scenario';
import { conservationGap, routingViolations, runWithEvents } from './voice-helpers';

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

const shiftArb = fc
  .record({
    startHour: fc.integer({ min: 0, max: 14 }),
    lengthHours: fc.integer({ min: 3, max: 9 }),
    breaks: fc.integer({ min: 0, max: 2 }),
    weekend: fc.boolean(),
  })
  .map(({ startHour, lengthHours, breaks, weekend }) => {
    const start = startHour * 60;
    const end = Math.min(24 * 60, start + lengthHours * 60);
    const list = [];
    for (let b = 0; b < breaks; b++) list.push({ start: hhmm(start + 60 + b * 90), durationMin: 15 + 15 * b });
    return { start: hhmm(start), end: hhmm(end), breaks: list.filter((b) => Number(b.start.slice(0, 2)) * 60 + Number(b.start.slice(3)) + b.durationMin <= end), ...(weekend ? { days: ['mon', 'tue'] as ('mon' | 'tue')[] } : {}) };
  });

const scenarioArb = fc
  .record({
    queues: fc.array(
      fc.record({
        rate: fc.integer({ min: 5, max: 120 }),
        talk: fc.integer({ min: 60, max: 400 }),
        patience: fc.option(fc.integer({ min: 20, max: 300 }), { nil: undefined }),
        kind: fc.constantFrom('enquiry', 'support', 'order', 'none'),
        hold: fc.boolean(),
        callback: fc.boolean(),
        priority: fc.integer({ min: 0, max: 2 }),
        lines: fc.option(fc.integer({ min: 2, max: 30 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    groups: fc.array(
      fc.record({
        agents: fc.integer({ min: 1, max: 8 }),
        skills: fc.array(fc.record({ q: fc.nat(), priority: fc.integer({ min: 1, max: 3 }), overflow: fc.option(fc.integer({ min: 5, max: 90 }), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
        shifts: fc.option(fc.array(shiftArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        absence: fc.constantFrom(0, 0.1, 0.3),
        reserve: fc.integer({ min: 0, max: 2 }),
        dials: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    campaign: fc.option(fc.constantFrom('preview' as const, 'progressive' as const, 'predictive' as const), { nil: undefined }),
    days: fc.constantFrom(1, 2),
  })
  .map((r): Scenario => {
    const queues = r.queues.map((q, i) => ({
      id: `q${i}`,
      name: `Queue ${i}`,
      arrivals: { ratePerHour: q.rate },
      talk: { kind: 'exponential' as const, meanSec: q.talk },
      acw: { kind: 'uniform' as const, minSec: 0, maxSec: 30 },
      ...(q.patience ? { patience: { kind: 'exponential' as const, meanSec: q.patience } } : {}),
      ...(q.kind === 'support' ? { contactType: { kind: 'support' as const, firstContactResolution: 0.6, repeatDelay: { kind: 'exponential' as const, meanSec: 1800 } } } : {}),
      ...(q.kind === 'order' ? { contactType: { kind: 'order' as const, orderProbability: 0.5, orderValue: { kind: 'deterministic' as const, value: 40 } } } : {}),
      ...(q.kind === 'enquiry' ? { contactType: { kind: 'enquiry' as const } } : {}),
      ...(q.hold ? { hold: { probability: 0.4, duration: { kind: 'exponential' as const, meanSec: 40 } } } : {}),
      ...(q.callback ? { callback: { offerWhenExpectedWaitSec: 30, acceptShare: 0.5, reachProbability: 0.7 } } : {}),
      ...(q.lines ? { lines: q.lines } : {}),
      priority: q.priority,
    }));
    const hasCampaign = r.campaign !== undefined;
    const groups = r.groups.map((g, i) => {
      const seen = new Set<number>();
      const skills = g.skills
        .map((s) => ({ ...s, q: s.q % queues.length }))
        .filter((s) => (seen.has(s.q) ? false : (seen.add(s.q), true)))
        .map((s) => ({ queue: `q${s.q}`, priority: s.priority, ...(s.overflow ? { overflowAfterSec: s.overflow } : {}) }));
      const shifts = g.shifts?.map((shift, k, all) => ({ ...shift, agents: k === all.length - 1 ? g.agents - Math.floor(g.agents / all.length) * (all.length - 1) : Math.floor(g.agents / all.length) }));
      return {
        id: `g${i}`,
        name: `Group ${i}`,
        agents: g.agents,
        queues: [],
        skills,
        ...(shifts ? { shifts, absenceShare: g.absence } : {}),
        ...(hasCampaign && (g.dials || i === 0) ? { campaigns: ['c'], inboundReserve: g.reserve } : {}),
      };
    });
    return {
      name: 'random',
      days: r.days,
      reportIntervalMin: 30,
      serviceLevel: { thresholdSec: 20 },
      queues,
      agentGroups: groups,
      ...(hasCampaign
        ? {
            campaigns: [
              {
                id: 'c',
                name: 'Campaign',
                mode: r.campaign!,
                records: 400,
                window: { start: '08:00', end: '20:00' },
                dialOutcomes: { noAnswer: 0.4, busy: 0.1, answeringMachine: 0.2, wrongParty: 0.1, rightParty: 0.2 },
                answerTime: { kind: 'exponential' as const, meanSec: 8 },
                answeringMachineDetection: { detectionRate: 0.7 },
                talk: { kind: 'exponential' as const, meanSec: 120 },
                acw: { kind: 'deterministic' as const, valueSec: 15 },
                conversion: { probability: 0.2 },
                retry: { noAnswer: { delay: { kind: 'deterministic' as const, valueSec: 3600 }, maxAttempts: 3 } },
              },
            ],
          }
        : {}),
    } as Scenario;
  });

describe('routing invariants over random scenarios', () => {
  it('never gives an agent two contacts, a contact without the skill, or a contact off shift or on a break; conserves calls', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 1000 }), (scenario, seed) => {
        const valid = validateScenario(scenario);
        if (!valid.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(valid.problems)}`);
        const { model, events } = runWithEvents(valid.scenario, seed);
        expect(routingViolations(valid.scenario, events).slice(0, 5)).toEqual([]);
        for (const c of model.totals) {
          expect(conservationGap(c)).toBe(0);
          expect(c.handled + c.inServiceAtEnd).toBe(c.answered + c.callbacksReached);
          expect(c.callbacksRequested).toBe(c.callbacksReached + c.callbacksFailed + c.callbacksPendingAtEnd);
        }
        for (const agent of model.agents) expect(agent.call === null || agent.dial === null).toBe(true);
      }),
      { numRuns: 60, seed: 20260101 },
    );
  });
});
