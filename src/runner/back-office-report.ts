/**
 * The back office's part of a run report: each work type's KPIs and the cost report, as means
 * with 95% confidence half-widths across replications. The KPIs come from the model's one
 * implementation (deriveBackOfficeKpis) and the cost from its formulas (cost.ts).
 */
import type { BackOfficeModel } from '../model/backoffice/backoffice-model';
import { deriveBackOfficeKpis, type BackOfficeKpis } from '../model/backoffice/backoffice-counters';
import { backOfficeLocationUsage, costReport, type CostReport } from '../model/backoffice/cost';
import { estimateFields, type Estimate } from './statistics';

export type BackOfficeKpiEstimates = { [K in keyof BackOfficeKpis]: Estimate };

/** What one replication of the back office yields for the report. */
export interface BackOfficeSample {
  workTypes: BackOfficeKpis[];
  total: BackOfficeKpis;
  cost: CostReport | null;
}

export function sampleBackOffice(model: BackOfficeModel): BackOfficeSample {
  const locations = model.config.costs?.locations;
  return {
    workTypes: model.totals.map(deriveBackOfficeKpis),
    total: deriveBackOfficeKpis(model.total),
    cost: locations
      ? costReport(backOfficeLocationUsage(model.teamUsage(), locations), { callsHandled: 0, itemsCompleted: model.total.completed })
      : null,
  };
}

export interface BackOfficeReport {
  /** Per work type id. */
  workTypes: Record<string, { name: string } & BackOfficeKpiEstimates>;
  /** The whole back office. */
  total: BackOfficeKpiEstimates;
  /** Cost of the back-office teams by their locations; null when the scenario prices none. */
  cost: { [K in keyof CostReport]: Estimate } | null;
}

export function backOfficeReport(workTypeNames: readonly { id: string; name: string }[], samples: readonly BackOfficeSample[]): BackOfficeReport {
  const workTypes: BackOfficeReport['workTypes'] = {};
  workTypeNames.forEach((workType, w) => {
    workTypes[workType.id] = { name: workType.name, ...estimateFields(samples.map((s) => s.workTypes[w])) };
  });
  const costs = samples.map((s) => s.cost);
  return {
    workTypes,
    total: estimateFields(samples.map((s) => s.total)),
    cost: costs.every((c) => c !== null) ? estimateFields(costs as CostReport[]) : null,
  };
}
