import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenarioText } from '../../../src/model/scenario/parse-scenario';
import { BackOfficeModel } from '../../../src/model/backoffice/backoffice-model';
import { deriveBackOfficeKpis } from '../../../src/model/backoffice/backoffice-counters';
import { backOfficeLocationUsage, costReport } from '../../../src/model/site/cost';
import { scenarioCosts } from '../../../src/model/scenario/scenario-schema';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');
const withBackOffice = files.filter((f) => 'backOffice' in JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')));

describe('shipped back-office scenarios', () => {
  it('include the claims and the month-end payroll examples', () => {
    expect(withBackOffice).toEqual(expect.arrayContaining(['backoffice-claims.json', 'backoffice-month-end-payroll.json']));
  });

  for (const file of withBackOffice) {
    it(`${file} validates and runs to the end with items conserved every day`, () => {
      const parsed = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
      const scenario = parsed.scenario;
      expect(scenario.days).toBeGreaterThanOrEqual(5);
      let arrived = 0;
      let completed = 0;
      const model = new BackOfficeModel(scenario, {
        onDayClosed: (day) => {
          arrived += day.total.arrived;
          completed += day.total.completed;
          expect(arrived).toBe(completed + day.total.backlogAtEnd + day.total.inProgressAtEnd + day.total.pendingAtEnd);
        },
      });
      model.runToEnd();
      const kpis = deriveBackOfficeKpis(model.total);
      expect(kpis.arrived).toBeGreaterThan(0);
      expect(kpis.completed).toBeGreaterThan(0);
      expect(kpis.onTimeRate).not.toBeNull();
      expect(kpis.utilization!).toBeGreaterThan(0);
      expect(kpis.utilization!).toBeLessThanOrEqual(1);
      const costs = scenarioCosts(scenario);
      if (costs) {
        const report = costReport(backOfficeLocationUsage(model.teamUsage(), costs.locations), { callsHandled: 0, itemsCompleted: kpis.completed });
        expect(report.total).toBeGreaterThan(0);
        expect(report.costPerItemCompleted).toBeGreaterThan(0);
      }
    });
  }
});
