/**
 * The back office's part of a run report: each work type's KPIs as means with 95% confidence
 * half-widths across replications. The KPIs come from the model's one implementation
 * (deriveBackOfficeKpis). The cost of the teams is priced with the voice groups' in
 * cost-report.ts, since both worlds share the scenario's cost locations.
 */
import type { BackOfficeModel } from '../model/backoffice/backoffice-model';
import { deriveBackOfficeKpis, type BackOfficeKpis } from '../model/backoffice/backoffice-counters';
import { RecordAccumulator, type Estimate } from './statistics';

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

/** The back office's report, gathered a replication at a time. */
export class BackOfficeAccumulator {
  private readonly workTypes: RecordAccumulator<BackOfficeKpis>[];
  private readonly total = new RecordAccumulator<BackOfficeKpis>();

  constructor(private readonly workTypeNames: readonly { id: string; name: string }[]) {
    this.workTypes = workTypeNames.map(() => new RecordAccumulator<BackOfficeKpis>());
  }

  add(sample: BackOfficeSample): void {
    sample.workTypes.forEach((kpis, w) => this.workTypes[w].add(kpis));
    this.total.add(sample.total);
  }

  report(): BackOfficeReport {
    const workTypes: BackOfficeReport['workTypes'] = {};
    this.workTypeNames.forEach((workType, w) => {
      workTypes[workType.id] = { name: workType.name, ...this.workTypes[w].estimates() };
    });
    return { workTypes, total: this.total.estimates() };
  }
}
