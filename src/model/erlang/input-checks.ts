/** Argument checks shared by the formulas: each names the parameter and the value it got. */

/** Formats a value for an error message so NaN, Infinity and -0 stay readable. */
export function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export function requireInteger(name: string, value: number, min: 0 | 1): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const kind = min === 0 ? 'a non-negative integer' : 'a positive integer';
    throw new RangeError(`${name} must be ${kind} (got ${show(value)})`);
  }
}

export function requireNonNegative(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite non-negative number (got ${show(value)})`);
  }
}

export function requirePositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite positive number (got ${show(value)})`);
  }
}

/** Patience may be Infinity (nobody abandons) but not zero, negative or NaN. */
export function requirePatience(name: string, value: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number or Infinity (got ${show(value)})`);
  }
}

/** A fraction in [lo, hi] or [lo, hi) as the caller asks. */
export function requireFraction(
  name: string,
  value: number,
  lo: number,
  hi: number,
  hiInclusive: boolean,
  loInclusive = true,
): void {
  const okLo = loInclusive ? value >= lo : value > lo;
  const okHi = hiInclusive ? value <= hi : value < hi;
  if (typeof value !== 'number' || Number.isNaN(value) || !okLo || !okHi) {
    const range = `${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`;
    throw new RangeError(`${name} must be in ${range} (got ${show(value)})`);
  }
}
