/**
 * The runner's `cost` for any scenario with costs, voice only included: the voice groups' hours
 * and minutes reach the cost formulas, and a comparison prices the saving of one configuration
 * against another on common random numbers.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { runReplications } from '../../src/runner/run-replications';
import { compareConfigurations } from '../../src/runner/compare-configurations';

const ONSHORE = { id: 'onshore', name: 'Onshore', loadedHourlyCost: 40, seatCostPerHour: 10, telecomCostPerMinute: 0.02, managementOverheadPercent: 15, vendorMarginPercent: 0 };
const OFFSHORE = { id: 'offshore', name: 'Offshore', loadedHourlyCost: 8, seatCostPerHour: 3, telecomCostPerMinute: 0.01, managementOverheadPercent: 10, vendorMarginPercent: 20 };

function parse(data: unknown): Scenario {
  const result = validateScenario(data);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.scenario;
}

/** One queue, four agents logged in all day, talk exactly 5 minutes and no ACW. */
function phones(locationId: string): Scenario {
  return parse({
    name: 'priced phones',
    seed: 5,
    days: 1,
    reportIntervalMin: 60,
    serviceLevel: { thresholdSec: 20 },
    queues: [{ id: 'support', name: 'Support', arrivals: { ratePerHour: 30 }, talk: { kind: 'deterministic', valueSec: 300 } }],
    agentGroups: [{ id: 'team', name: 'Team', agents: 4, queues: ['support'], locationId }],
    costs: { currency: 'USD', locations: [ONSHORE, OFFSHORE] },
  });
}

describe('the cost of a voice-only run', () => {
  const report = runReplications(phones('onshore'), { replications: 3 });
  const cost = report.cost!;

  it('reports cost per call handled, per productive and per paid hour, with the currency', () => {
    expect(cost.currency).toBe('USD');
    const calls = report.queues.support.answered.mean! - report.queues.support.inServiceAtEnd.mean!;
    expect(cost.callsHandled.mean).toBeCloseTo(calls, 9);
    expect(cost.callsHandled.mean).toBeGreaterThan(600);
    expect(cost.costPerCallHandled.mean).toBeGreaterThan(0);
    expect(cost.costPerCallHandled.ci95).not.toBeNull();
    // Voice only: every cost is voice cost, nothing left for items.
    expect(cost.voiceCost.mean).toBeCloseTo(cost.total.mean!, 6);
    expect(cost.costPerItemCompleted.mean).toBeNull();
    expect(cost.itemsCompleted.mean).toBe(0);
  });

  it('pays every logged-in hour and bills every conversation minute', () => {
    // Four agents logged in for 24 hours: 96 paid hours in every replication.
    expect(cost.paidHours).toEqual({ mean: 96, ci95: 0 });
    // Calls last exactly 5 minutes and none has ACW, so telecom = calls × 5 min × 0.02.
    expect(cost.telecom.mean).toBeCloseTo(cost.callsHandled.mean! * 5 * 0.02, 6);
    // labour and seats: 96 h × (40 + 10); everything × 1.15 overhead.
    expect(cost.labour.mean).toBeCloseTo(3840, 9);
    expect(cost.seats.mean).toBeCloseTo(960, 9);
    expect(cost.total.mean).toBeCloseTo((4800 + cost.telecom.mean!) * 1.15, 6);
    expect(cost.costPerPaidHour.mean).toBeCloseTo(cost.total.mean! / 96, 9);
    // Productive hours are the agents' handling time, the occupancy numerator.
    expect(cost.productiveHours.mean).toBeCloseTo((report.groups.team.handlingSec.mean! / 3600), 9);
    expect(cost.costPerProductiveHour.mean).toBeCloseTo(cost.total.mean! / cost.productiveHours.mean!, 0);
  });

  it('reports each location, the unused one at zero', () => {
    expect(cost.locations.onshore.name).toBe('Onshore');
    expect(cost.locations.onshore.total.mean).toBeCloseTo(cost.total.mean!, 9);
    expect(cost.locations.offshore.total).toEqual({ mean: 0, ci95: 0 });
    expect(cost.locations.offshore.paidHours.mean).toBe(0);
  });

  it('has no cost without costs in the scenario', () => {
    const raw = JSON.parse(readFileSync('scenarios/contrast-same-staff.json', 'utf8'));
    expect(runReplications(parse(raw)).cost).toBeUndefined();
  });
});

describe('comparing voice configurations', () => {
  it('gives the saving of moving the same agents offshore: same calls, lower cost', () => {
    const comparison = compareConfigurations(
      [
        { label: 'onshore', scenario: phones('onshore') },
        { label: 'offshore', scenario: phones('offshore') },
      ],
      { replications: 3 },
    );
    const kpi = (section: string, name: string) => comparison.kpis.find((k) => k.section === section && k.kpi === name && k.interval === 'total')!;
    // Common random numbers: the location changes no call, only the price.
    const serviceLevel = kpi('queue', 'serviceLevel');
    expect(serviceLevel.configurations[1]).toEqual(serviceLevel.configurations[0]);
    expect(serviceLevel.differences[1]).toEqual({ mean: 0, ci95: 0, verdict: 'no significant difference' });
    const saving = comparison.saving[1]!;
    const [a, b] = kpi('cost', 'total').configurations as { mean: number; ci95: number }[];
    expect(saving.total.mean).toBeCloseTo(a.mean - b.mean, 6);
    expect(kpi('cost', 'total').differences[1]!.mean).toBeCloseTo(-saving.total.mean!, 6);
    expect(kpi('cost', 'total').differences[1]!.verdict).toBe('better');
    // Paired: the saving varies only through telecom minutes, so its interval is narrow.
    expect(saving.total.ci95!).toBeLessThan(a.ci95 + 1e-9);
    const perCall = kpi('cost', 'costPerCallHandled').configurations as { mean: number }[];
    expect(saving.perCallHandled.mean).toBeCloseTo(perCall[0].mean - perCall[1].mean, 9);
    expect(saving.perCallHandled.mean).toBeGreaterThan(0);
    expect(saving.perItemCompleted.mean).toBeNull();
    // 96 h × (50 × 1.15 − 11 × 1.32) of staff, plus telecom, saved.
    expect(saving.total.mean).toBeGreaterThan(96 * (57.5 - 14.52));
  });
});

describe('the cost of a run with both worlds', () => {
  const raw = JSON.parse(readFileSync('scenarios/call-center-and-back-office.json', 'utf8'));

  it('prices the voice group and the back-office team at their own locations', () => {
    const scenario = parse(raw);
    const report = runReplications(scenario, { replications: 2 });
    const cost = report.cost!;
    const days = scenario.days;
    // The support agents onshore and the clerks offshore both work 9-hour weekday shifts (the run is Monday to Friday);
    // an agent finishing a call after 17:00 is paid for the overrun.
    expect(cost.locations.onshore.paidHours.mean).toBeGreaterThanOrEqual(22 * 9 * days);
    expect(cost.locations.onshore.paidHours.mean).toBeLessThan(22 * 9 * days + 22);
    expect(cost.locations.offshore.paidHours.mean).toBeCloseTo(22 * 9 * days, 6);
    expect(cost.costPerCallHandled.mean).toBeGreaterThan(0);
    expect(cost.costPerItemCompleted.mean).toBeGreaterThan(0);
    expect(cost.itemsCompleted.mean).toBe(report.backOfficeTotal!.completed.mean);
    expect(cost.voiceCost.mean! + cost.backOfficeCost.mean! + cost.unallocatedCost.mean!).toBeCloseTo(cost.total.mean!, 6);
  });

  it('prices both worlds over the measured period only, leaving the warm-up out', () => {
    const warm = parse({ ...raw, warmupMin: 24 * 60 });
    const cost = runReplications(warm).cost!;
    expect(cost.locations.onshore.paidHours.mean).toBeGreaterThanOrEqual(22 * 9 * (warm.days - 1));
    expect(cost.locations.onshore.paidHours.mean).toBeLessThan(22 * 9 * (warm.days - 1) + 22);
    expect(cost.locations.offshore.paidHours.mean).toBeCloseTo(22 * 9 * (warm.days - 1), 6);
  });

  it('does not change the run: the same KPIs with or without costs', () => {
    const bare = JSON.parse(JSON.stringify(raw));
    delete bare.costs;
    delete bare.agentGroups[0].locationId;
    delete bare.backOffice.teams[0].locationId;
    const withCosts = runReplications(parse({ ...raw, warmupMin: 24 * 60 }));
    const without = runReplications(parse({ ...bare, warmupMin: 24 * 60 }));
    const { cost, ...rest } = withCosts;
    expect(cost).toBeDefined();
    expect(rest).toEqual(without);
  });
});
