/**
 * The back office's part of a run report: each work type's KPIs as means with 95% confidence
 * half-widths across replications. The KPIs come from the model's one implementation
 * (deriveBackOfficeKpis). The cost of the teams is priced with the voice groups' in
 * cost-report.ts, since both worlds share the scenario's cost locations.
 */
import type { BackOfficeModel } from '../model/backoffice/backoffice-model';
import { deriveBackOfficeKpis, type BackOfficeKpis } from '../model/backoffice/backoffice-counters';
import { estimateFields, type Estimate } from './statistics';

export type BackOfficeKpiEstimates = { [K in keyof BackOfficeKpis]: Estimate };

/** What one replication of the back office yields for the report. */
export interface BackOfficeSample {
  workTypes: BackOfficeKpis[];
  total: BackOfficeKpis;
}

export function sampleBackOffice(model: BackOfficeModel): BackOfficeSample {
  return {
    workTypes: model.totals.map(deriveBackOfficeKpis),
    total: deriveBackOfficeKpis(model.total),
  };
}

export interface BackOfficeReport {
  /** Per work type id. */
  workTypes: Record<string, { name: string } & BackOfficeKpiEstimates>;
  /** The whole back office. */
  total: BackOfficeKpiEstimates;
}

export function backOfficeReport(workTypeNames: readonly { id: string; name: string }[], samples: readonly BackOfficeSample[]): BackOfficeReport {
  const workTypes: BackOfficeReport['workTypes'] = {};
  workTypeNames.forEach((workType, w) => {
    workTypes[workType.id] = { name: workType.name, ...estimateFields(samples.map((s) => s.workTypes[w])) };
  });
  return {
    workTypes,
    total: estimateFields(samples.map((s) => s.total)),
  };
}
