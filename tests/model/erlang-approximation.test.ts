/**
 * Erlang beside every scenario where it means something: exact cases stay unlabelled, each
 * approximation carries its reasons, and every prediction of every shipped scenario is a number
 * a chart can draw.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadShipped } from '../app/shipped-scenario';
import { approximationReasons, erlangFigures, predictQueue, predictQueueOnSchedule } from '../../src/model/erlang/erlang-prediction';
import type { Scenario } from '../../src/model/scenario/scenario-schema';

const shipped = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');

describe('the Erlang prediction as an approximation', () => {
  it('stays exact, with no label, for one queue served first by a team that serves nothing else', () => {
    for (const file of ['inbound-basic.json', 'two-help-lines.json', 'contrast-same-staff.json', 'call-center-and-back-office.json']) {
      const scenario = loadShipped(file);
      if (file === 'inbound-basic.json') delete scenario.queues[0].retrial;
      scenario.queues.forEach((_, q) => expect(predictQueueOnSchedule(scenario, q)?.approximate, `${file} ${q}`).toEqual([]));
    }
  });

  it('labels retrials, callbacks, hold, spikes and repeat calls, each by its reason', () => {
    expect(approximationReasons(loadShipped('inbound-basic.json'), 0)).toEqual(['retrials']);
    const orders = loadShipped('order-taking-promotion.json');
    expect(approximationReasons(orders, 0)).toEqual(['overflow', 'retrials', 'callbacks', 'hold', 'spikes']);
    const support = loadShipped('inbound-basic.json');
    delete support.queues[0].retrial;
    support.queues[0].contactType = { kind: 'support', firstContactResolution: 0.8, repeatDelay: { kind: 'exponential', meanSec: 3600 } };
    expect(approximationReasons(support, 0)).toEqual(['repeat-calls']);
  });

  it('pools queues that the same agents take first, labelled so, with their calls together', () => {
    const pooled = loadShipped('two-help-lines.json');
    for (const group of pooled.agentGroups) group.queues = ['nairobi', 'mombasa'];
    expect(approximationReasons(pooled, 0)).toEqual(['pooled']);
    const both = predictQueue(pooled, 0)!;
    expect(both.agents).toBe(pooled.agentGroups.reduce((sum, g) => sum + g.agents, 0));
    // The pool's figures are those of one queue with both queues' calls.
    expect(predictQueue(pooled, 1)!.intervals).toEqual(both.intervals);
  });

  it('counts hold in the handle time: the formula with talk + hold share × hold time', () => {
    const scenario: Scenario = {
      name: 'hold',
      days: 1,
      reportIntervalMin: 60,
      serviceLevel: { thresholdSec: 20 },
      queues: [{ id: 'q', name: 'Q', arrivals: { ratePerHour: 300 }, talk: { kind: 'exponential', meanSec: 180 }, hold: { probability: 0.5, duration: { kind: 'exponential', meanSec: 60 } } }],
      agentGroups: [{ id: 'g', name: 'G', agents: 20, queues: ['q'] }],
    };
    const prediction = predictQueue(scenario, 0)!;
    expect(prediction.approximate).toEqual(['hold']);
    expect(prediction.intervals[0]).toEqual(erlangFigures({ agents: 20, arrivalRatePerSec: 300 / 3600, meanHandleSec: 210, meanPatienceSec: Infinity, thresholdSec: 20 }));
  });

  it('is, on every shipped scenario and every interval, a service level in [0, 1] with a finite ASA', () => {
    let approximations = 0;
    for (const file of shipped) {
      const scenario = loadShipped(file);
      scenario.queues.forEach((_, q) => {
        const prediction = predictQueueOnSchedule(scenario, q);
        if (!prediction) return;
        if (prediction.approximate.length > 0) approximations++;
        prediction.intervals.forEach((figures, i) => {
          if (!figures) return;
          expect(figures.serviceLevel, `${file} queue ${q} interval ${i}`).toBeGreaterThanOrEqual(0);
          expect(figures.serviceLevel, `${file} queue ${q} interval ${i}`).toBeLessThanOrEqual(1);
          expect(Number.isFinite(figures.asa), `${file} queue ${q} interval ${i} ASA ${figures.asa}`).toBe(true);
        });
      });
    }
    expect(approximations).toBeGreaterThanOrEqual(5);
  });
});
