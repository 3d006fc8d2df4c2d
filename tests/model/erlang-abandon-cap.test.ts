import { describe, expect, it } from 'vitest';
import { erlangAMetrics, requiredAgents } from '../../src/model/erlang/erlang';

const queue = { arrivalRatePerSec: 300 / 3600, meanHandleSec: 240, thresholdSec: 20, meanPatienceSec: 90 };

describe('Erlang staffing with a cap on abandonment', () => {
  it('adds agents until Erlang A’s abandon probability is under the cap, and no more', () => {
    const bySl = requiredAgents({ ...queue, targetServiceLevel: 0.5 }).agentsOnPhones;
    const capped = requiredAgents({ ...queue, targetServiceLevel: 0.5, maxAbandonRate: 0.02 }).agentsOnPhones;
    const abandon = (agents: number) => erlangAMetrics({ ...queue, agents }).pAbandon;
    expect(capped).toBeGreaterThan(bySl);
    expect(abandon(capped)).toBeLessThanOrEqual(0.02);
    expect(abandon(capped - 1)).toBeGreaterThan(0.02);
  });

  it('refuses a cap of zero, which no finite staff meets', () => {
    expect(() => requiredAgents({ ...queue, targetServiceLevel: 0.5, maxAbandonRate: 0 })).toThrow(/maxAbandonRate must be in \(0, 1\]/);
  });
});
