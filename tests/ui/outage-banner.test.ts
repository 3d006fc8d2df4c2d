/** When the phone lines come back (src/ui/panels/outage-banner.ts): outages overlap, and the lines return when the last ends. */
import { describe, expect, it } from 'vitest';
import { linesDownUntil } from '../../src/ui/panels/outage-banner';

describe('the phone lines', () => {
  const outages = [
    { kind: 'outage', atSec: 1000, minutes: 10 },
    { kind: 'tv-advert', atSec: 1000, minutes: 60 },
    { kind: 'outage', atSec: 1300, minutes: 2 },
  ];
  it('are up before an outage and again once the last one ends', () => {
    expect(linesDownUntil(outages, 999)).toBeNull();
    expect(linesDownUntil(outages, 1600)).toBeNull();
  });
  it('are down until the latest end of the outages in force, whatever else was injected', () => {
    expect(linesDownUntil(outages, 1000)).toBe(1600);
    expect(linesDownUntil(outages, 1350)).toBe(1600);
  });
});
