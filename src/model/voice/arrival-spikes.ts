/**
 * Arrival spikes after a promotion or advert: extra calls that start when it airs and die away
 * exponentially. A spike of E expected calls with mean delay τ has rate (E/τ)·e^(−(t−t₀)/τ);
 * its cumulative Λ(t) = E·(1 − e^(−(t−t₀)/τ)) inverts in closed form, so each extra caller costs
 * one uniform draw (from the spike's own stream) and no thinning.
 */
import type { RandomStream } from '../../engine/random-streams';

/**
 * Next arrival of a spike airing at `startSec`, given the cumulative intensity `lambda` used so
 * far; returns [time, new lambda], or null when the spike has no more callers.
 */
export function nextSpikeArrival(startSec: number, expectedCalls: number, decaySec: number, lambda: number, rng: RandomStream): [number, number] | null {
  const next = lambda - Math.log(1 - rng());
  if (next >= expectedCalls) return null;
  return [startSec - decaySec * Math.log(1 - next / expectedCalls), next];
}
