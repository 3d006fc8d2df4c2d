/**
 * The cost part of a run report: what the run's staff cost, in total, per location, per call
 * handled, per item completed, per productive and per paid hour, as means with 95% confidence
 * half-widths across replications. The formulas are the model's (src/model/site/cost.ts);
 * this file only gathers their inputs from one replication of each world:
 *
 * - voice agent groups: their run totals (agent counters, warm-up excluded) → voiceGroupUsage;
 * - back-office teams: `BackOfficeModel.teamUsage()` at the end of the run, less the same at the
 *   end of the warm-up, so both worlds are priced over the same measured period.
 */
import type { CostsConfig } from '../model/backoffice/backoffice-schema';
import type { TeamUsage } from '../model/backoffice/backoffice-records';
import { costReport, locationCost, locationUsage, voiceGroupUsage, type AgentTime, type CostBreakdown, type CostReport } from '../model/site/cost';
import { RecordAccumulator, type Estimate } from './statistics';

/** What one replication yields for the cost report. */
export interface CostSample {
  /** The whole operation (every location). */
  report: CostReport;
  /** Per location, in the order of `costs.locations`. */
  locations: CostBreakdown[];
}

export interface CostInputs {
  costs: CostsConfig;
  /** Per voice agent group: its location and its run totals. */
  groups: readonly { id: string; locationId: string | undefined; time: AgentTime }[];
  /** Per back-office team, over the measured period (empty without a back office). */
  teams: readonly TeamUsage[];
  itemsCompleted: number;
}

export function sampleCost(inputs: CostInputs): CostSample {
  const groups = inputs.groups.map((group) => voiceGroupUsage(group.id, group.locationId, group.time));
  const byLocation = locationUsage(inputs.costs.locations, inputs.teams, groups);
  return {
    report: costReport(byLocation, {
      callsHandled: groups.reduce((sum, group) => sum + group.callsHandled, 0),
      itemsCompleted: inputs.itemsCompleted,
    }),
    locations: byLocation.map(({ rates, usage }) => locationCost(rates, usage)),
  };
}

export type CostBreakdownEstimates = { [K in keyof CostBreakdown]: Estimate };

/** The report's `cost`: the currency, every figure of the whole as { mean, ci95 }, and per location. */
export type CostEstimates = { currency: string } & { [K in keyof CostReport]: Estimate } & {
  locations: Record<string, { name: string } & CostBreakdownEstimates>;
};

/** The cost part of the report, gathered a replication at a time. */
export class CostAccumulator {
  private readonly whole = new RecordAccumulator<CostReport>();
  private readonly locations: RecordAccumulator<CostBreakdown>[];

  constructor(private readonly costs: CostsConfig) {
    this.locations = costs.locations.map(() => new RecordAccumulator<CostBreakdown>());
  }

  add(sample: CostSample): void {
    this.whole.add(sample.report);
    sample.locations.forEach((breakdown, l) => this.locations[l].add(breakdown));
  }

  estimates(): CostEstimates {
    const locations: CostEstimates['locations'] = {};
    this.costs.locations.forEach((location, l) => {
      locations[location.id] = { name: location.name, ...this.locations[l].estimates() };
    });
    return { currency: this.costs.currency, ...this.whole.estimates(), locations };
  }
}
