import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addQueueCounters, emptyQueueCounters, subtractQueueCounters, type QueueCounters } from '../../src/model/voice/queue-counters';
import {
  addBackOfficeCounters,
  emptyBackOfficeCounters,
  subtractBackOfficeCounters,
  type BackOfficeCounters,
} from '../../src/model/backoffice/backoffice-counters';

/** Random counters with small whole numbers, so sums and differences are exact. */
const countersOf = <T extends object>(empty: () => T) =>
  fc.array(fc.nat(1000), { minLength: Object.keys(empty()).length, maxLength: Object.keys(empty()).length }).map((values) => {
    const counters = empty() as Record<string, number>;
    Object.keys(counters).forEach((key, i) => (counters[key] = values[i]));
    return counters as T;
  });

describe('counter arithmetic', () => {
  it('undoes an added period of voice counters by subtracting it (maxima aside)', () => {
    fc.assert(
      fc.property(countersOf(emptyQueueCounters), countersOf(emptyQueueCounters), (a: QueueCounters, b: QueueCounters) => {
        const { maxWaitSec: _m, ...difference } = subtractQueueCounters(addQueueCounters({ ...a }, b), a);
        const { maxWaitSec: _n, ...expected } = b;
        expect(difference).toEqual(expected);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('undoes an added period of back-office counters by subtracting it, stocks taken from the later one', () => {
    fc.assert(
      fc.property(countersOf(emptyBackOfficeCounters), countersOf(emptyBackOfficeCounters), (a: BackOfficeCounters, b: BackOfficeCounters) => {
        const { maxCycleTimeSec: _m, ...difference } = subtractBackOfficeCounters(addBackOfficeCounters({ ...a }, b), a);
        const { maxCycleTimeSec: _n, ...expected } = b;
        expect(difference).toEqual(expected);
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
