import { describe, it, expect } from 'vitest';
import { backOfficeLocationUsage, costReport, costSaving, locationCost, type LocationRates, type LocationUsage } from '../../../src/model/site/cost';

// Hand-computed examples; amounts are exact in binary up to rounding of the last digit, so
// `toBeCloseTo(x, 6)` (within 5e-7) only absorbs floating-point rounding.
const onshore: LocationRates = {
  loadedHourlyCost: 40,
  seatCostPerHour: 10,
  telecomCostPerMinute: 0.02,
  managementOverheadPercent: 15,
  vendorMarginPercent: 0,
};
const offshore: LocationRates = {
  loadedHourlyCost: 8,
  seatCostPerHour: 3,
  telecomCostPerMinute: 0.01,
  managementOverheadPercent: 10,
  vendorMarginPercent: 20,
};
const usage: LocationUsage = { paidHours: 1000, voiceProductiveHours: 500, backOfficeProductiveHours: 300, voiceMinutes: 30000 };

describe('cost formulas', () => {
  it('prices an in-house location: labour, seats, telecom, overhead, no margin', () => {
    const c = locationCost(onshore, usage);
    expect(c.labour).toBe(40000); // 1000 h × 40
    expect(c.seats).toBe(10000); // 1000 h × 10
    expect(c.telecom).toBeCloseTo(600, 6); // 30000 min × 0.02
    expect(c.direct).toBeCloseTo(50600, 6);
    expect(c.overhead).toBeCloseTo(7590, 6); // 15 % of 50600
    expect(c.vendorMargin).toBe(0);
    expect(c.total).toBeCloseTo(58190, 6);
  });

  it('prices a vendor location: the margin is on cost plus overhead', () => {
    const c = locationCost(offshore, usage);
    expect(c.direct).toBeCloseTo(11300, 6); // 8000 + 3000 + 300
    expect(c.overhead).toBeCloseTo(1130, 6); // 10 %
    expect(c.vendorMargin).toBeCloseTo(2486, 6); // 20 % of 12430
    expect(c.total).toBeCloseTo(14916, 6);
  });

  it('splits the total between calls and items: telecom to voice, staff by productive hours', () => {
    // Uplift 1.15; staff 50000 × 1.15 = 57500, voice share 500/800 = 0.625.
    const c = locationCost(onshore, usage);
    expect(c.voiceCost).toBeCloseTo(600 * 1.15 + 57500 * 0.625, 6); // 36627.5
    expect(c.backOfficeCost).toBeCloseTo(57500 * 0.375, 6); // 21562.5
    expect(c.voiceCost + c.backOfficeCost).toBeCloseTo(c.total, 6);
    expect(c.unallocatedCost).toBe(0);
  });

  it('leaves staff cost unallocated at a location where nobody did any work', () => {
    const c = locationCost(onshore, { paidHours: 10, voiceProductiveHours: 0, backOfficeProductiveHours: 0, voiceMinutes: 0 });
    expect(c.total).toBeCloseTo(575, 6); // 10 × 50 × 1.15
    expect(c.unallocatedCost).toBeCloseTo(575, 6);
    expect(c.voiceCost + c.backOfficeCost).toBe(0);
  });

  it('reports cost per call handled, per item completed, per productive and per paid hour', () => {
    const r = costReport([{ rates: onshore, usage }], { callsHandled: 6000, itemsCompleted: 2000 });
    expect(r.costPerCallHandled).toBeCloseTo(36627.5 / 6000, 9);
    expect(r.costPerItemCompleted).toBeCloseTo(21562.5 / 2000, 9);
    expect(r.costPerProductiveHour).toBeCloseTo(58190 / 800, 9);
    expect(r.costPerPaidHour).toBeCloseTo(58.19, 9);
  });

  it('sums locations and gives null unit costs where nothing was done', () => {
    const r = costReport(
      [
        { rates: onshore, usage },
        { rates: offshore, usage },
      ],
      { callsHandled: 0, itemsCompleted: 0 },
    );
    expect(r.total).toBeCloseTo(58190 + 14916, 6);
    expect(r.paidHours).toBe(2000);
    expect(r.costPerCallHandled).toBeNull();
    expect(r.costPerItemCompleted).toBeNull();
  });

  it('gives the saving of an offshore configuration against an onshore one', () => {
    const volumes = { callsHandled: 6000, itemsCompleted: 2000 };
    const baseline = costReport([{ rates: onshore, usage }], volumes);
    const alternative = costReport([{ rates: offshore, usage }], volumes);
    const saving = costSaving(baseline, alternative);
    expect(saving.total).toBeCloseTo(43274, 6);
    expect(saving.totalShare).toBeCloseTo(43274 / 58190, 9);
    // Offshore voice cost: uplift 1.32; 300 × 1.32 + 11000 × 1.32 × 0.625 = 9471.
    expect(alternative.voiceCost).toBeCloseTo(9471, 6);
    expect(saving.perCallHandled).toBeCloseTo(36627.5 / 6000 - 9471 / 6000, 9);
    expect(saving.perItemCompleted).toBeCloseTo(21562.5 / 2000 - 5445 / 2000, 9);
    // The other way round the saving is negative.
    expect(costSaving(alternative, baseline).total).toBeCloseTo(-43274, 6);
  });

  it('groups back-office team hours by location', () => {
    const locations = [
      { id: 'on', name: 'On', ...onshore },
      { id: 'off', name: 'Off', ...offshore },
    ];
    const grouped = backOfficeLocationUsage(
      [
        { teamId: 'a', locationId: 'on', clerks: 2, paidHours: 90, productiveHours: 80 },
        { teamId: 'b', locationId: 'off', clerks: 3, paidHours: 135, productiveHours: 120 },
        { teamId: 'c', locationId: 'on', clerks: 1, paidHours: 45, productiveHours: 30 },
      ],
      locations,
    );
    expect(grouped.map((g) => g.usage)).toEqual([
      { paidHours: 135, voiceProductiveHours: 0, backOfficeProductiveHours: 110, voiceMinutes: 0 },
      { paidHours: 135, voiceProductiveHours: 0, backOfficeProductiveHours: 120, voiceMinutes: 0 },
    ]);
  });
});
