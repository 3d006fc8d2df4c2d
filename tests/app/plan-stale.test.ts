/** A Plan result is marked stale once the scenario, the seed or its own setup changes after it was computed. */
import { describe, expect, it } from 'vitest';
import { scenarioFingerprint, stamp, staleReasons, type PlanInputs } from '../../src/app/plan-stale';
import { loadShipped } from './shipped-scenario';

const scenario = loadShipped('inbound-basic.json');
const inputs: PlanInputs = { scenario: scenario.name, fingerprint: scenarioFingerprint(scenario), seed: 7, setup: '["B"]' };
const computed = stamp(inputs, new Date(2026, 10, 30, 9, 5));

describe('a Plan result computed at 09:05', () => {
  it('carries the date and time it was computed', () => {
    expect(computed).toMatchObject({ date: '2026-11-30', at: '09:05', seed: 7, scenario: 'Inbound customer support' });
  });

  it('is current while nothing changed, even with the scenario read again from its file', () => {
    expect(staleReasons(computed, { ...inputs, fingerprint: scenarioFingerprint(loadShipped('inbound-basic.json')) })).toEqual([]);
  });

  it('is stale when the scenario, the seed or the setup changed, naming each', () => {
    const edited = { ...scenario, agentGroups: [{ ...scenario.agentGroups[0], agents: 1 }] };
    expect(staleReasons(computed, { ...inputs, fingerprint: scenarioFingerprint(edited) })).toEqual(['scenario']);
    expect(staleReasons(computed, { ...inputs, seed: 8 })).toEqual(['seed']);
    expect(staleReasons(computed, { ...inputs, setup: '["B","C"]', seed: 8 })).toEqual(['seed', 'setup']);
  });

  it('is stale when no scenario can run any more', () => {
    expect(staleReasons(computed, null)).toEqual(['scenario']);
  });
});
