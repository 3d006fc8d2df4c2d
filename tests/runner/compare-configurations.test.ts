/**
 * Comparing configurations on common random numbers (issue 11): every KPI of each configuration
 * with its interval, the paired difference from the baseline per KPI in total and per interval,
 * and a note when the configurations' demand differs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { compareConfigurations } from '../../src/runner/compare-configurations';
import { runReplications } from '../../src/runner/run-replications';

function basic(edit: (s: any) => void = () => {}): Scenario {
  const data = JSON.parse(readFileSync('scenarios/inbound-basic.json', 'utf8'));
  edit(data);
  const result = validateScenario(data);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

const total = (report: ReturnType<typeof compareConfigurations>, section: string, kpi: string) =>
  report.kpis.find((k) => k.section === section && k.kpi === kpi && k.interval === 'total')!;

describe('comparing configurations', () => {
  const fewer = basic((s) => (s.agentGroups[0].agents = 30));
  const report = compareConfigurations(
    [
      { label: 'as shipped', scenario: basic() },
      { label: 'the same', scenario: basic() },
      { label: '30 agents', scenario: fewer },
    ],
    { seed: 11, replications: 4 },
  );

  it('gives each configuration the means of its own run report', () => {
    const alone = runReplications(fewer, { seed: 11, replications: 4 });
    expect(total(report, 'queue', 'serviceLevel').configurations[2]).toEqual(alone.queues.support.serviceLevel);
    expect(total(report, 'cost', 'total').configurations[2]).toEqual(alone.cost!.total);
  });

  it('finds exactly no difference between identical configurations, on every KPI and interval', () => {
    for (const kpi of report.kpis) {
      const difference = kpi.differences[1]!;
      if (difference.mean === null) continue;
      expect(difference.mean, `${kpi.kpi} ${kpi.interval}`).toBe(0);
      expect(difference.verdict).toBe('no significant difference');
    }
  });

  it('judges fewer agents worse on service and better on cost, with per-interval rows', () => {
    expect(total(report, 'queue', 'serviceLevel').differences[2]!.verdict).toBe('worse');
    expect(total(report, 'queue', 'asa').differences[2]!.verdict).toBe('worse');
    expect(total(report, 'cost', 'total').differences[2]!.verdict).toBe('better');
    expect(total(report, 'queue', 'occupancy').differences[2]!.verdict).toBe('higher');
    const noon = report.kpis.find((k) => k.kpi === 'serviceLevel' && k.interval === '12:00')!;
    expect(noon.differences[2]!.mean).toBeLessThan(0);
    expect(report.notes).toEqual([]);
  });

  it('notes that common random numbers apply only in part when the demand differs', () => {
    const busier = basic((s) => s.queues[0].arrivals.callsPerInterval.forEach((_: number, i: number, a: number[]) => (a[i] *= 1.1)));
    const withNote = compareConfigurations([{ label: 'A', scenario: basic() }, { label: 'busier', scenario: busier }], { replications: 2 });
    expect(withNote.notes).toHaveLength(1);
    expect(withNote.notes[0]).toMatch(/^busier differs from the baseline in demand.*common random numbers apply only in part/);
    const holiday = basic((s) => (s.calendar = { startDate: '2026-10-19', holidays: [{ date: '2026-10-19' }] }));
    const dated = compareConfigurations([{ label: 'A', scenario: basic() }, { label: 'holiday', scenario: holiday }], { replications: 2 });
    expect(dated.notes[0]).toMatch(/^holiday differs from the baseline in demand \(days, calendar,/);
  });
});
