/**
 * What the Plan view shows of a comparison of A with several variants (issue 11, item 8): every
 * variant paired with A on the same seed and replication numbers, and one queue KPI opened
 * interval by interval over the hours calls came.
 */
import { describe, expect, it } from 'vitest';
import { configurationLetter, intervalRows, totalRows } from '../../src/app/plan-report';
import { compareConfigurations } from '../../src/runner/compare-configurations';
import { loadShipped } from './shipped-scenario';

function fourConfigurations() {
  const baseline = loadShipped('inbound-basic.json');
  const group = baseline.agentGroups[0];
  const withAgents = (change: number) => ({ ...baseline, agentGroups: [{ ...group, agents: group.agents + change }] });
  return [
    { label: 'as loaded', scenario: baseline },
    { label: 'three fewer', scenario: withAgents(-3) },
    { label: 'six fewer', scenario: withAgents(-6) },
    { label: 'the same', scenario: structuredClone(baseline) },
  ];
}

const report = compareConfigurations(fourConfigurations(), { seed: 5, replications: 4 });

describe('a comparison of A with three variants', () => {
  it('names the configurations A, B, C and D', () => {
    expect(report.configurations.map((_, c) => configurationLetter(c))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('pairs every variant with A on the same replications: a copy of A differs by exactly nothing', () => {
    const serviceLevel = totalRows(report).find((kpi) => kpi.section === 'queue' && kpi.kpi === 'serviceLevel')!;
    expect(serviceLevel.differences[0]).toBeNull();
    expect(serviceLevel.differences[1]!.verdict).toBe('worse');
    expect(serviceLevel.differences[2]!.verdict).toBe('worse');
    expect(serviceLevel.differences[2]!.mean!).toBeLessThan(serviceLevel.differences[1]!.mean!);
    expect(serviceLevel.differences[3]).toMatchObject({ mean: 0, ci95: 0 });
    // Each variant's paired run is the one it would have alone against A.
    const alone = compareConfigurations([fourConfigurations()[0], fourConfigurations()[2]], { seed: 5, replications: 4 });
    const aloneRow = totalRows(alone).find((kpi) => kpi.section === 'queue' && kpi.kpi === 'serviceLevel')!;
    expect(serviceLevel.differences[2]).toEqual(aloneRow.differences[1]);
  });

  it('keeps only whole-run rows in the table', () => {
    const rows = totalRows(report);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((kpi) => kpi.interval === 'total')).toBe(true);
  });
});

describe('per-interval rows of one queue KPI', () => {
  it('gives A, the variant and their paired difference per interval, over the hours calls came only', () => {
    const rows = intervalRows(report, 'support', 'asa', 2);
    const all = report.kpis.filter((kpi) => kpi.section === 'queue' && kpi.kpi === 'asa' && kpi.interval !== 'total');
    expect(all).toHaveLength(48);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(all.length);
    expect(rows.map((row) => row.interval)).toEqual([...rows.map((row) => row.interval)].sort());
    for (const row of rows) {
      expect(row.baseline?.mean != null || row.variant?.mean != null).toBe(true);
      expect(row.kpi.interval).toBe(row.interval);
      expect(row.baseline).toBe(row.kpi.configurations[0]);
      expect(row.variant).toBe(row.kpi.configurations[2]);
      expect(row.difference).toBe(row.kpi.differences[2]);
    }
    // The left-out intervals are those where neither had a value.
    const kept = new Set(rows.map((row) => row.interval));
    for (const kpi of all.filter((k) => !kept.has(k.interval))) expect([kpi.configurations[0]?.mean ?? null, kpi.configurations[2]?.mean ?? null]).toEqual([null, null]);
  });

  it('refuses A itself or a variant that was not compared', () => {
    expect(() => intervalRows(report, 'support', 'serviceLevel', 0)).toThrow('variant 0 is not one of the 3 compared with A');
    expect(() => intervalRows(report, 'support', 'serviceLevel', 4)).toThrow('variant 4 is not one of the 3 compared with A');
  });
});
