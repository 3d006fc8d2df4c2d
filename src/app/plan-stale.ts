/**
 * Whether a Plan result still describes what the page shows. A result is stamped with what it
 * was computed for (the scenario, the seed, and its own setup: the variants compared or the
 * optimiser's target); when any of them changes afterwards the page keeps the result but marks
 * it stale (dimmed, "computed for …, seed N, at hh:mm: run again"), rather than clearing it, so
 * a planner can still read the last figures while deciding what to run next.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { clockLabel } from '../runner/run-replications';

export interface PlanInputs {
  /** The scenario's name, for the message. */
  scenario: string;
  /** The scenario's content: an edited file with the same name is another scenario. */
  fingerprint: string;
  seed: number;
  /** The result's own setup, as text (variants, target, replications). */
  setup: string;
}

export interface PlanStamp extends PlanInputs {
  /** When the result was computed, on the planner's clock: 'YYYY-MM-DD' and 'HH:MM'. */
  date: string;
  at: string;
}

export type StaleReason = 'scenario' | 'seed' | 'setup';

const fingerprints = new WeakMap<Scenario, string>();

/** The scenario's content as text, computed once per scenario object (the page asks often). */
export function scenarioFingerprint(scenario: Scenario): string {
  let text = fingerprints.get(scenario);
  if (text === undefined) {
    text = JSON.stringify(scenario);
    fingerprints.set(scenario, text);
  }
  return text;
}

export function stamp(inputs: PlanInputs, at: Date): PlanStamp {
  const date = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return { ...inputs, date, at: clockLabel(at.getHours() * 3600 + at.getMinutes() * 60) };
}

/** What changed since the result was computed; empty while it is current. */
export function staleReasons(computed: PlanStamp, now: PlanInputs | null): StaleReason[] {
  if (now === null) return ['scenario'];
  const reasons: StaleReason[] = [];
  if (now.fingerprint !== computed.fingerprint) reasons.push('scenario');
  if (now.seed !== computed.seed) reasons.push('seed');
  if (now.setup !== computed.setup) reasons.push('setup');
  return reasons;
}
