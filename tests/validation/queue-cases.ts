/**
 * Builds single-queue scenarios that satisfy the textbook assumptions (Poisson arrivals,
 * exponential talk, no ACW, exponential patience or none, optional trunks) for the validation
 * tests to compare against the formulas.
 */
import type { Scenario } from '../../src/model/scenario/scenario-schema';

export interface QueueCase {
  name: string;
  agents: number;
  /** Offered load in Erlangs (λ × AHT). */
  loadErlangs: number;
  ahtSec: number;
  patienceSec?: number;
  lines?: number;
  thresholdSec: number;
  warmupHours: number;
  runHours: number;
  replications: number;
}

export function caseScenario(c: QueueCase): Scenario {
  return {
    name: c.name,
    days: (c.warmupHours + c.runHours) / 24,
    reportIntervalMin: 60,
    warmupMin: c.warmupHours * 60,
    serviceLevel: { thresholdSec: c.thresholdSec },
    queues: [
      {
        id: 'q',
        name: c.name,
        arrivals: { ratePerHour: (c.loadErlangs / c.ahtSec) * 3600 },
        talk: { kind: 'exponential', meanSec: c.ahtSec },
        ...(c.patienceSec ? { patience: { kind: 'exponential', meanSec: c.patienceSec } } : {}),
        ...(c.lines ? { lines: c.lines } : {}),
      },
    ],
    agentGroups: [{ id: 'pool', name: 'Pool', agents: c.agents, queues: ['q'] }],
  };
}
