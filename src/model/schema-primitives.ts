/**
 * The small building blocks every part of the scenario schema uses (numbers that must be finite,
 * positive, a probability; ids; display names), so each rule and its message is written once.
 */
import { z } from 'zod';

export const finite = () => z.number().refine(Number.isFinite, { message: 'must be a finite number' });
export const positive = () => finite().refine((v) => v > 0, { message: 'must be > 0' });
export const nonNegative = () => finite().refine((v) => v >= 0, { message: 'must be >= 0' });
export const probability = () => finite().refine((v) => v >= 0 && v <= 1, { message: 'must be between 0 and 1' });
export const wholeNumber = () => z.number().int({ message: 'must be a whole number' });
export const id = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lower-case letters, digits and dashes' })
    .max(64);
export const name = () => z.string().min(1, { message: 'must not be empty' }).max(120);
