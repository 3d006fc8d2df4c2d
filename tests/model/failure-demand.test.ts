/**
 * Failure demand: a back-office item that goes late can make its customer call the call center,
 * so the back office feeds the phone queue. Both models share one clock in a replication.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { Simulation } from '../../src/engine/simulation';
import { VoiceModel } from '../../src/model/voice/voice-model';
import { BackOfficeModel } from '../../src/model/backoffice/backoffice-model';
import { runReplication } from '../../src/runner/run-replications';

/** The shipped contrast scenario with the back office understaffed, so items go late, and late customers calling. */
function lateCustomersCall(probability: number): Scenario {
  const parsed = parseScenarioText(readFileSync('scenarios/contrast-same-staff.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const scenario = structuredClone(parsed.scenario);
  const office = scenario.backOffice!;
  office.teams[0].clerks = 14;
  office.workTypes[0].failureDemand = { probability, delay: { kind: 'exponential', meanHours: 2 }, queueId: 'phones' };
  return scenario;
}

describe('failure demand', () => {
  it('turns late back-office items into calls offered to the phone queue', () => {
    const scenario = lateCustomersCall(0.5);
    const sim = new Simulation();
    const office = new BackOfficeModel(scenario, { sim, seed: 3, onFailureDemand: (call) => voice.receiveFailureDemandCall(call.queueId) });
    const voice: VoiceModel = new VoiceModel(scenario, { sim, seed: 3 });
    voice.runToEnd();
    office.runToEnd();
    const phones = voice.totals[0];
    expect(office.total.wentLate).toBeGreaterThan(50);
    expect(phones.failureDemandCalls).toBeGreaterThan(10);
    // Every customer call the back office raised reached the phone queue (none fell past the end).
    expect(phones.failureDemandCalls).toBe(office.total.failureDemandCalls);
    expect(phones.answered + phones.abandoned + phones.waitingAtEnd).toBe(phones.offered);
  });

  it('adds those calls to what the same callers would have offered anyway (common random numbers)', () => {
    const without = runReplication(lateCustomersCall(0), 3, 0).totals[0];
    const withDemand = runReplication(lateCustomersCall(0.5), 3, 0).totals[0];
    expect(without.failureDemandCalls).toBe(0);
    expect(withDemand.offered).toBe(without.offered + withDemand.failureDemandCalls);
  });

  it('refuses a call for a queue the voice model does not have', () => {
    const voice = new VoiceModel(lateCustomersCall(0.5), { seed: 1 });
    expect(() => voice.receiveFailureDemandCall('nope')).toThrow(/unknown queue "nope"/);
  });
});
