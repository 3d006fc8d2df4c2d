/**
 * The small building blocks every part of the scenario schema uses (numbers that must be finite,
 * positive, a probability; ids; display names), so each rule and its message is written once.
 *
 * Every number has an upper bound, chosen so that whatever the model derives from it (seconds
 * from minutes or hours, sums over a year of calls, costs over a year of staff) stays finite:
 * a scenario that validates runs to the end with numbers in every figure.
 */
import { z } from 'zod';
import { DAY_SEC } from './calendar-schema';

/** The longest time a scenario may give: 366 days, the longest run. Longer is "never" for a run. */
export const MAX_DURATION_SEC = 366 * DAY_SEC;
export const MAX_DURATION_MIN = MAX_DURATION_SEC / 60;
export const MAX_DURATION_HOURS = MAX_DURATION_SEC / 3600;
/** Expected calls or items in one profile interval, one batch or one spike. */
export const MAX_ARRIVALS = 1_000_000;
/** A weight of an empirical distribution (only their ratios matter). */
export const MAX_WEIGHT = 1_000_000_000;
/** A money amount: an order's value, a sale's. */
export const MAX_AMOUNT = 1_000_000_000;
/** Head-count of one agent group, shift or team. */
export const MAX_STAFF = 20_000;

/**
 * The shortest mean time of a step that can repeat without end (a rework, a retrial every caller
 * makes): shorter, and the clock could not tell one repetition from the next (t + 1e-300 is t),
 * so the run would loop at one instant.
 */
export const MIN_LOOP_SEC = 1;

const atMostMessage = (max: number) => ({ message: `must be at most ${max}` });

/** A finite number of at most `max` (its lower bound is checked where it is used); the bound shows in schema.json. */
export const finite = (max: number) => z.number().max(max, atMostMessage(max)).refine(Number.isFinite, { message: 'must be a finite number' });
export const positive = (max: number) => finite(max).refine((v) => v > 0, { message: 'must be > 0' });
export const nonNegative = (max: number) => finite(max).refine((v) => v >= 0, { message: 'must be >= 0' });
export const probability = () =>
  z.number().refine(Number.isFinite, { message: 'must be a finite number' }).refine((v) => v >= 0 && v <= 1, { message: 'must be between 0 and 1' });
export const wholeNumber = () => z.number().int({ message: 'must be a whole number' });
/** A whole number from `min` to `max`. */
export const wholeNumberIn = (min: number, max: number) =>
  wholeNumber().min(min, { message: `must be >= ${min}` }).max(max, atMostMessage(max));
export const id = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and dashes' })
    .max(64);
export const name = () => z.string().min(1, { message: 'must not be empty' }).max(120);
