/**
 * What-if settings: a scenario transformed by the page's sliders (agents per group, arrival
 * volume, handle time, patience). The model is built from a scenario and has no live knobs, so a
 * change applies when the model is rebuilt on reset: a run never mixes two configurations, and
 * with one seed the changed run meets the same stream of random numbers (common random numbers).
 *
 * Scaling a duration multiplies every time parameter of its distribution and leaves shape
 * parameters (cv, weights) alone, so the mean scales by the factor and the shape stays.
 */
import type { Duration, Scenario } from '../model/scenario-schema';
import { validateScenario, type ParseResult } from '../model/parse-scenario';

export interface WhatIfSettings {
  /** Agents in each group, by group id. */
  readonly agentsByGroup: Readonly<Record<string, number>>;
  /** Arrival volume as a percentage of the scenario's. */
  readonly arrivalPercent: number;
  /** Talk and ACW times as a percentage of the scenario's. */
  readonly ahtPercent: number;
  /** Caller patience as a percentage of the scenario's. */
  readonly patiencePercent: number;
}

export function defaultWhatIf(scenario: Scenario): WhatIfSettings {
  const agentsByGroup: Record<string, number> = {};
  for (const group of scenario.agentGroups) agentsByGroup[group.id] = group.agents;
  return { agentsByGroup, arrivalPercent: 100, ahtPercent: 100, patiencePercent: 100 };
}

export function isDefaultWhatIf(scenario: Scenario, settings: WhatIfSettings): boolean {
  return sameWhatIf(defaultWhatIf(scenario), settings);
}

export function sameWhatIf(a: WhatIfSettings, b: WhatIfSettings): boolean {
  if (a.arrivalPercent !== b.arrivalPercent || a.ahtPercent !== b.ahtPercent || a.patiencePercent !== b.patiencePercent) return false;
  const keys = new Set([...Object.keys(a.agentsByGroup), ...Object.keys(b.agentsByGroup)]);
  for (const key of keys) if (a.agentsByGroup[key] !== b.agentsByGroup[key]) return false;
  return true;
}

/** The scenario with the settings applied, validated again by the model's own schema. */
export function applyWhatIf(scenario: Scenario, settings: WhatIfSettings): ParseResult {
  const arrivalFactor = settings.arrivalPercent / 100;
  const ahtFactor = settings.ahtPercent / 100;
  const patienceFactor = settings.patiencePercent / 100;
  const changed = {
    ...scenario,
    queues: scenario.queues.map((queue) => ({
      ...queue,
      arrivals:
        'ratePerHour' in queue.arrivals
          ? { ratePerHour: queue.arrivals.ratePerHour * arrivalFactor }
          : { ...queue.arrivals, callsPerInterval: queue.arrivals.callsPerInterval.map((calls) => calls * arrivalFactor) },
      talk: scaleDuration(queue.talk, ahtFactor),
      ...(queue.acw ? { acw: scaleDuration(queue.acw, ahtFactor) } : {}),
      ...(queue.patience ? { patience: scaleDuration(queue.patience, patienceFactor) } : {}),
    })),
    agentGroups: scenario.agentGroups.map((group) => ({
      ...group,
      agents: Math.max(0, Math.round(settings.agentsByGroup[group.id] ?? group.agents)),
    })),
  };
  return validateScenario(changed);
}

/** Multiplies every time parameter (fields ending in `Sec`) of a duration by `factor`. */
export function scaleDuration(duration: Duration, factor: number): Duration {
  if (factor === 1) return duration;
  const scaled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(duration)) {
    if (key.endsWith('Sec')) scaled[key] = Array.isArray(value) ? value.map((v: number) => v * factor) : (value as number) * factor;
    else scaled[key] = value;
  }
  return scaled as Duration;
}
