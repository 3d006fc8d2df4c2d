/**
 * Batch runs reuse the Call object of a handled plain call for the next caller (`recycleCalls`).
 * That must be invisible in the results: every counter and every event the same as with a fresh
 * object per caller, on scenarios with and without the features that keep calls in lists.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { VoiceModel } from '../../src/model/voice/voice-model';
import type { DomainEvent } from '../../src/model/voice/domain-events';

function load(file: string) {
  const parsed = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

function run(file: string, recycleCalls: boolean) {
  const events: DomainEvent[] = [];
  const model = new VoiceModel(load(file), { seed: 11, recycleCalls, listener: (event) => events.push(event) });
  model.runToEnd();
  return { totals: model.totals, groups: model.groupTotals, campaigns: model.campaignTotals, fired: model.sim.eventsFired, events };
}

describe('recycling Call objects in batch runs', () => {
  for (const file of ['inbound-basic.json', 'support-multiskill.json', 'blended-inbound-outbound.json', 'order-taking-promotion.json']) {
    it(`changes no counter and no event in ${file}`, () => {
      const fresh = run(file, false);
      const recycled = run(file, true);
      expect(recycled.fired).toBe(fresh.fired);
      expect(recycled.totals).toEqual(fresh.totals);
      expect(recycled.groups).toEqual(fresh.groups);
      expect(recycled.campaigns).toEqual(fresh.campaigns);
      expect(recycled.events.length).toBe(fresh.events.length);
      expect(recycled.events).toEqual(fresh.events);
    });
  }
});
