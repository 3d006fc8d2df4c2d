/**
 * Cost of voice agent groups, against hand-computed examples, and the scenario rules that assign
 * groups and teams to cost locations (docs/back-office.md, "Costs"). The back-office-only
 * examples are in tests/model/backoffice/cost.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { costReport, costSaving, locationUsage, voiceGroupUsage, type AgentTime, type LocationRates } from '../../src/model/site/cost';
import { validateScenario } from '../../src/model/scenario/parse-scenario';
import { scenarioCosts } from '../../src/model/scenario/scenario-schema';

const onshore = { id: 'onshore', name: 'Onshore', loadedHourlyCost: 40, seatCostPerHour: 10, telecomCostPerMinute: 0.02, managementOverheadPercent: 15, vendorMarginPercent: 0 };
const offshore = { id: 'offshore', name: 'Offshore', loadedHourlyCost: 8, seatCostPerHour: 3, telecomCostPerMinute: 0.01, managementOverheadPercent: 10, vendorMarginPercent: 20 };

// Ten agents on 8-hour shifts: 7.5 h logged in and 0.5 h on breaks each (80 paid hours),
// 60 hours handling, 50 hours (3,000 minutes) in conversation, 700 inbound and 50 outbound calls.
const shift: AgentTime = { staffedSec: 10 * 7.5 * 3600, breakSec: 10 * 0.5 * 3600, handlingSec: 60 * 3600, talkSec: 3000 * 60, inboundHandled: 700, outboundHandled: 50, backOfficeSec: 0 };

describe('the cost of a voice agent group', () => {
  it('reads paid hours (logged in + breaks), productive hours (handling) and minutes (talk) from its agent time', () => {
    expect(voiceGroupUsage('phones', 'onshore', shift)).toEqual({
      groupId: 'phones',
      locationId: 'onshore',
      paidHours: 80,
      productiveHours: 60,
      backOfficeProductiveHours: 0,
      voiceMinutes: 3000,
      callsHandled: 750,
    });
  });

  it('prices a voice-only location in house: every cost is voice cost', () => {
    const group = voiceGroupUsage('phones', 'onshore', shift);
    const r = costReport(locationUsage([onshore, offshore], [], [group]), { callsHandled: group.callsHandled, itemsCompleted: 0 });
    // labour 80 × 40 = 3200, seats 80 × 10 = 800, telecom 3000 × 0.02 = 60: direct 4060;
    // overhead 15 % = 609; no margin: total 4669, all of it voice (no back-office hours).
    expect(r.labour).toBe(3200);
    expect(r.seats).toBe(800);
    expect(r.telecom).toBeCloseTo(60, 9);
    expect(r.overhead).toBeCloseTo(609, 9);
    expect(r.total).toBeCloseTo(4669, 9);
    expect(r.voiceCost).toBeCloseTo(4669, 9);
    expect(r.backOfficeCost).toBe(0);
    expect(r.costPerCallHandled).toBeCloseTo(4669 / 750, 9); // 6.2253…
    expect(r.costPerItemCompleted).toBeNull();
    expect(r.costPerProductiveHour).toBeCloseTo(4669 / 60, 9); // 77.816…
    expect(r.costPerPaidHour).toBeCloseTo(4669 / 80, 9); // 58.3625
  });

  it('prices the same group at an offshore vendor and gives the saving per call', () => {
    const volumes = { callsHandled: 750, itemsCompleted: 0 };
    const inHouse = costReport(locationUsage([onshore, offshore], [], [voiceGroupUsage('phones', 'onshore', shift)]), volumes);
    const vendor = costReport(locationUsage([onshore, offshore], [], [voiceGroupUsage('phones', 'offshore', shift)]), volumes);
    // labour 640, seats 240, telecom 30: direct 910; overhead 91; margin 20 % of 1001 = 200.2.
    expect(vendor.total).toBeCloseTo(1201.2, 9);
    const saving = costSaving(inHouse, vendor);
    expect(saving.total).toBeCloseTo(3467.8, 9);
    expect(saving.totalShare).toBeCloseTo(3467.8 / 4669, 9);
    expect(saving.perCallHandled).toBeCloseTo(3467.8 / 750, 9); // 4.6237…
    expect(saving.perPaidHour).toBeCloseTo(3467.8 / 80, 9);
    expect(saving.perItemCompleted).toBeNull();
  });

  it('adds a voice group and a back-office team at one location and splits the staff cost by productive hours', () => {
    const group = voiceGroupUsage('phones', 'onshore', shift);
    const team = { teamId: 'clerks', locationId: 'onshore', clerks: 10, paidHours: 90, productiveHours: 80 };
    const [atOnshore, atOffshore] = locationUsage([onshore, offshore], [team], [group]);
    expect(atOnshore.usage).toEqual({ paidHours: 170, voiceProductiveHours: 60, backOfficeProductiveHours: 80, voiceMinutes: 3000 });
    expect(atOffshore.usage).toEqual({ paidHours: 0, voiceProductiveHours: 0, backOfficeProductiveHours: 0, voiceMinutes: 0 });
    const r = costReport([atOnshore, atOffshore], { callsHandled: 750, itemsCompleted: 400 });
    // direct 6800 + 1700 + 60 = 8560, total × 1.15 = 9844; staff 8500 × 1.15 = 9775 split 60 : 80.
    expect(r.total).toBeCloseTo(9844, 9);
    expect(r.voiceCost).toBeCloseTo(69 + (9775 * 3) / 7, 9); // 4258.29
    expect(r.backOfficeCost).toBeCloseTo((9775 * 4) / 7, 9); // 5585.71
    expect(r.costPerCallHandled).toBeCloseTo((69 + (9775 * 3) / 7) / 750, 9);
    expect(r.costPerItemCompleted).toBeCloseTo((9775 * 4) / 7 / 400, 9);
    expect(r.costPerProductiveHour).toBeCloseTo(9844 / 140, 9);
  });

  it('prices a blending group\'s back-office time as back-office work at its location, when its counters keep it', () => {
    const blended = voiceGroupUsage('blend', 'onshore', { ...shift, backOfficeSec: 20 * 3600 });
    expect(blended.backOfficeProductiveHours).toBe(20);
    expect(blended.paidHours).toBe(80); // already paid: logged in while on items
    const [atOnshore] = locationUsage([onshore], [], [blended]);
    expect(atOnshore.usage).toEqual({ paidHours: 80, voiceProductiveHours: 60, backOfficeProductiveHours: 20, voiceMinutes: 3000 });
    const r = costReport([atOnshore], { callsHandled: 750, itemsCompleted: 50 });
    // staff 4000 × 1.15 = 4600 split 60 : 20; telecom 69 to voice.
    expect(r.voiceCost).toBeCloseTo(69 + 3450, 9);
    expect(r.backOfficeCost).toBeCloseTo(1150, 9);
  });

  it('leaves a paid but idle group unallocated rather than pricing calls it never took', () => {
    const idle = voiceGroupUsage('night', 'onshore', { staffedSec: 8 * 3600, breakSec: 0, handlingSec: 0, talkSec: 0, inboundHandled: 0, outboundHandled: 0, backOfficeSec: 0 });
    const r = costReport(locationUsage([onshore], [], [idle]), { callsHandled: 0, itemsCompleted: 0 });
    expect(r.total).toBeCloseTo(8 * 50 * 1.15, 9);
    expect(r.unallocatedCost).toBeCloseTo(460, 9);
    expect(r.costPerCallHandled).toBeNull();
    expect(r.costPerProductiveHour).toBeNull();
  });

  it('keeps rates and usage apart: rates come from any LocationRates', () => {
    const rates: LocationRates = { loadedHourlyCost: 1, seatCostPerHour: 0, telecomCostPerMinute: 0, managementOverheadPercent: 0, vendorMarginPercent: 0 };
    const r = costReport([{ rates, usage: { paidHours: 2, voiceProductiveHours: 1, backOfficeProductiveHours: 0, voiceMinutes: 0 } }], { callsHandled: 4, itemsCompleted: 0 });
    expect(r.costPerCallHandled).toBe(0.5);
  });
});

// ── The scenario rules ─────────────────────────────────────────────────────────────────────

const voiceScenario = () => ({
  name: 'priced phones',
  days: 1,
  reportIntervalMin: 60,
  serviceLevel: { thresholdSec: 20 },
  queues: [{ id: 'support', name: 'Support', arrivals: { ratePerHour: 30 }, talk: { kind: 'exponential', meanSec: 240 } }],
  agentGroups: [
    { id: 'in-house', name: 'In house', agents: 3, queues: ['support'], locationId: 'onshore' },
    { id: 'vendor', name: 'Vendor', agents: 2, queues: ['support'], locationId: 'offshore' },
  ] as Record<string, unknown>[],
  costs: { currency: 'USD', locations: [{ ...onshore }, { ...offshore }] } as Record<string, any>,
});

function problemsOf(data: unknown) {
  const result = validateScenario(data);
  return result.ok ? [] : result.problems;
}

describe('cost locations in a scenario', () => {
  it('accepts voice groups assigned to the top-level cost locations', () => {
    const result = validateScenario(voiceScenario());
    expect(result.ok).toBe(true);
    if (result.ok) expect(scenarioCosts(result.scenario)?.locations.map((l) => l.id)).toEqual(['onshore', 'offshore']);
  });

  it('names the path of a voice group assigned to an unknown location', () => {
    const s = voiceScenario();
    s.agentGroups[1].locationId = 'mars';
    expect(problemsOf(s)).toEqual([{ path: 'agentGroups[1].locationId', message: 'names unknown location "mars" (got "mars")' }]);
  });

  it('requires a location on every voice group once costs are given', () => {
    const s = voiceScenario();
    delete s.agentGroups[0].locationId;
    expect(problemsOf(s)).toEqual([{ path: 'agentGroups[0].locationId', message: 'is required when costs are given' }]);
  });

  it('refuses a location without costs to name', () => {
    const s: Record<string, unknown> = voiceScenario();
    delete s.costs;
    const problems = problemsOf(s);
    expect(problems.map((p) => p.path)).toEqual(['agentGroups[0].locationId', 'agentGroups[1].locationId']);
    expect(problems[0].message).toMatch(/unknown location "onshore": the scenario gives no costs/);
  });

  it('rejects negative costs, a bad currency and duplicate locations, each at its path', () => {
    const s = voiceScenario();
    s.costs.locations[1].telecomCostPerMinute = -0.01;
    s.costs.locations[0].vendorMarginPercent = -5;
    s.costs.currency = 'dollars';
    expect(problemsOf(s).map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
      'costs.currency: must be a three-letter currency code such as USD (got "dollars")',
      'costs.locations[0].vendorMarginPercent: must be >= 0 (got -5)',
      'costs.locations[1].telecomCostPerMinute: must be >= 0 (got -0.01)',
    ]);
    const twice = voiceScenario();
    twice.costs.locations[1].id = 'onshore';
    expect(problemsOf(twice)).toContainEqual({ path: 'costs.locations[1].id', message: 'duplicate location id "onshore" (got "onshore")' });
  });

  it('checks back-office teams against the same top-level locations', () => {
    const s = JSON.parse(readFileSync('scenarios/call-center-and-back-office.json', 'utf8'));
    expect(validateScenario(s).ok).toBe(true);
    s.backOffice.teams[0].locationId = 'moon';
    expect(problemsOf(s)).toEqual([{ path: 'backOffice.teams[0].locationId', message: 'names unknown location "moon" (got "moon")' }]);
  });

  it('still reads costs from an older file that gives them under backOffice, but not from both places', () => {
    const s = JSON.parse(readFileSync('scenarios/claims-in-house-onshore.json', 'utf8'));
    const legacy = { ...s, backOffice: { ...s.backOffice, costs: s.costs } };
    delete legacy.costs;
    const result = validateScenario(legacy);
    expect(result.ok).toBe(true);
    if (result.ok) expect(scenarioCosts(result.scenario)).toEqual(s.costs);
    expect(problemsOf({ ...legacy, costs: s.costs })).toEqual([
      { path: 'backOffice.costs', message: 'costs are given at the top level already: give them once, there' },
    ]);
  });
});
