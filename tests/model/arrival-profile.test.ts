import { describe, expect, it } from 'vitest';
import { poissonArrivals, rateProfile } from '../../src/model/common/arrival-profile';

describe('poissonArrivals', () => {
  it('places an arrival drawn from a uniform of exactly 0 at the start of the next busy piece, not at NaN, in a zero-rate piece', () => {
    const callsPerInterval = Array(96).fill(0);
    callsPerInterval[40] = 10; // 10:00–10:15
    const next = poissonArrivals(rateProfile({ intervalMin: 15, callsPerInterval }), () => 0, 86_400);
    expect(next(0)).toBe(40 * 900);
    expect(next(3600)).toBe(40 * 900);
  });
});
