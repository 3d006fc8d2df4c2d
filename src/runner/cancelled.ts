/**
 * Thrown by an executor stopped before its batch was done (Ctrl-C, a Cancel button). A module of
 * its own so that catching it loads nothing of the simulation.
 */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
