/**
 * The what-if controls (src/app/what-if.ts): at either end of its range, every control turns
 * every shipped scenario into one that the model's own parser accepts and that runs, and a
 * group's shifts follow its head-count.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadShipped } from './shipped-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { DAY_SEC } from '../../src/model/scenario/calendar-schema';
import { startPageRun } from '../../src/app/page-run';
import {
  AHT_PERCENT_RANGE,
  ARRIVAL_PERCENT_RANGE,
  BACK_OFFICE_ARRIVAL_PERCENT_RANGE,
  DIALER_MODES,
  DIALER_RATIO_RANGE,
  PATIENCE_PERCENT_RANGE,
  apportion,
  applyWhatIf,
  clerksRange,
  defaultWhatIf,
  headCountRange,
  type ControlRange,
  type WhatIfSettings,
} from '../../src/app/what-if';

const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');


const ends = (range: ControlRange) => [range.min, range.max];

/** Every control of the panel at its minimum and at its maximum, one at a time, named for the test's message. */
function extremes(scenario: Scenario): { name: string; settings: WhatIfSettings }[] {
  const base = defaultWhatIf(scenario);
  const out: { name: string; settings: WhatIfSettings }[] = [];
  for (const group of scenario.agentGroups) {
    for (const v of ends(headCountRange(group.agents))) out.push({ name: `agents of ${group.id} = ${v}`, settings: { ...base, agentsByGroup: { ...base.agentsByGroup, [group.id]: v } } });
  }
  for (const v of ends(ARRIVAL_PERCENT_RANGE)) out.push({ name: `call volume ${v}%`, settings: { ...base, arrivalPercent: v } });
  for (const v of ends(AHT_PERCENT_RANGE)) out.push({ name: `handle time ${v}%`, settings: { ...base, ahtPercent: v } });
  for (const v of ends(PATIENCE_PERCENT_RANGE)) out.push({ name: `patience ${v}%`, settings: { ...base, patiencePercent: v } });
  for (const team of scenario.backOffice?.teams ?? []) {
    for (const v of ends(clerksRange(team, scenario.backOffice!))) out.push({ name: `clerks of ${team.id} = ${v}`, settings: { ...base, clerksByTeam: { ...base.clerksByTeam, [team.id]: v } } });
  }
  if (scenario.backOffice) for (const v of ends(BACK_OFFICE_ARRIVAL_PERCENT_RANGE)) out.push({ name: `item volume ${v}%`, settings: { ...base, backOfficeArrivalPercent: v } });
  for (const campaign of scenario.campaigns ?? []) {
    const own = base.dialerByCampaign[campaign.id];
    for (const mode of DIALER_MODES) out.push({ name: `${campaign.id} dialer ${mode}`, settings: { ...base, dialerByCampaign: { ...base.dialerByCampaign, [campaign.id]: { ...own, mode } } } });
    for (const ratio of ends(DIALER_RATIO_RANGE)) {
      out.push({ name: `${campaign.id} predictive ratio ${ratio}`, settings: { ...base, dialerByCampaign: { ...base.dialerByCampaign, [campaign.id]: { mode: 'predictive', ratio } } } });
    }
  }
  return out;
}

describe('what-if settings at the ends of every control', () => {
  for (const file of FILES) {
    it(`turn ${file} into a scenario that validates and runs its first day`, () => {
      const scenario = loadShipped(file);
      const cases = extremes(scenario);
      expect(cases.length).toBeGreaterThan(0);
      for (const { name, settings } of cases) {
        const changed = applyWhatIf(scenario, settings);
        expect(changed.ok ? [] : changed.problems, name).toEqual([]);
        if (!changed.ok) continue;
        const { session, backOffice } = startPageRun(changed.scenario, 1);
        session.advanceTo(DAY_SEC, Infinity);
        expect(session.now, name).toBe(Math.min(DAY_SEC, session.horizonSec));
        const { today } = session.kpis('all');
        for (const value of Object.values(today)) if (typeof value === 'number') expect(Number.isFinite(value), name).toBe(true);
        if (backOffice) for (const value of Object.values(backOffice.kpis(session.now))) if (typeof value === 'number') expect(Number.isFinite(value), name).toBe(true);
      }
    });
  }
});

describe('a group’s shifts when the what-if changes its agents', () => {
  it('scale with the group and add up to its new head-count, keeping each shift’s share', () => {
    const scenario = loadShipped('support-multiskill.json');
    const group = scenario.agentGroups.find((g) => g.id === 'generalists')!;
    expect(group.shifts!.map((s) => s.agents)).toEqual([13, 11]);
    const changed = applyWhatIf(scenario, { ...defaultWhatIf(scenario), agentsByGroup: { ...defaultWhatIf(scenario).agentsByGroup, generalists: 30 } });
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    const shifts = changed.scenario.agentGroups.find((g) => g.id === 'generalists')!.shifts!;
    // 30 × 13/24 = 16.25 and 30 × 11/24 = 13.75: the one agent left over goes to the larger fraction.
    expect(shifts.map((s) => s.agents)).toEqual([16, 14]);
    expect(shifts.map((s) => s.start)).toEqual(group.shifts!.map((s) => s.start));
  });

  it('are split by largest remainders: the parts add up exactly and each is within one of its exact share', () => {
    expect(apportion([16, 18], 34)).toEqual([16, 18]);
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([5, 5], 0)).toEqual([0, 0]);
    expect(apportion([0, 0], 3)).toEqual([2, 1]);
    expect(apportion([], 3)).toEqual([]);
    for (const [weights, total] of [[[13, 11], 7], [[17, 13], 61], [[3, 0, 9, 1], 50], [[15, 15], 1]] as [number[], number][]) {
      const parts = apportion(weights, total);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => expect(Math.abs(p - (weights[i] * total) / sum)).toBeLessThan(1));
    }
  });
});
