/** Easing curves for moving tokens: p runs 0…1 over a flight. */
export function easeIn(p: number): number {
  return p * p;
}

export function easeOut(p: number): number {
  return 1 - (1 - p) * (1 - p);
}

export function easeInOut(p: number): number {
  return p < 0.5 ? 2 * p * p : 1 - 2 * (1 - p) * (1 - p);
}
