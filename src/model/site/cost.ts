/**
 * What an operation costs, per location, and what one configuration saves against another:
 * the reason BPO exists. Pure formulas over hours and counts; the models supply the hours.
 *
 * For one location (rates from the scenario, usage from a run):
 *
 *   labour        = paid hours × loaded hourly cost
 *   seats         = paid hours × seat cost per hour
 *   telecom       = voice minutes × telecom cost per minute
 *   direct        = labour + seats + telecom
 *   overhead      = direct × management overhead %
 *   vendor margin = (direct + overhead) × vendor margin %       (0 % in house)
 *   total         = direct + overhead + vendor margin = direct × (1 + overhead %) × (1 + margin %)
 *
 * Paid hours are the hours staff are on shift, whether busy or not: idle time costs the same.
 * Productive hours are the hours spent handling calls or items.
 *
 * Where the hours come from. A back-office team (TeamUsage): paid = clerk-hours on shift,
 * productive = clerk-hours processing or checking. A voice agent group (its AgentCounters, see
 * voiceGroupUsage): paid = logged in (available or handling) + breaks, productive = handling
 * (talk, hold, ACW, and the preview, dialing and reserved time spent on an outbound contact or a
 * callback: the occupancy numerator), voice minutes = conversation time (talk and hold of
 * inbound calls, outbound talk), the minutes a caller is connected to an agent.
 *
 * To price a call and an item separately the total is split between voice and back office:
 * telecom (with its uplift) goes to voice; labour and seats (with theirs) are split in
 * proportion to the productive hours each kind of work took at that location. A location
 * with no productive hours at all leaves its staff cost unallocated (reported as such).
 *
 *   cost per call handled     = voice cost ÷ calls handled
 *   cost per item completed   = back-office cost ÷ items completed
 *   cost per productive hour  = total ÷ productive hours
 *   cost per paid hour        = total ÷ paid hours
 *   saving of B against A     = A − B (positive when B is cheaper), also as % of A and per unit
 *                               (per call, per item, per productive hour, per paid hour)
 *
 * A ratio whose denominator is zero is null.
 */
import type { LocationConfig } from '../backoffice/backoffice-schema';
import type { TeamUsage } from '../backoffice/backoffice-records';

export interface LocationRates {
  readonly loadedHourlyCost: number;
  readonly seatCostPerHour: number;
  readonly telecomCostPerMinute: number;
  readonly managementOverheadPercent: number;
  readonly vendorMarginPercent: number;
}

export interface LocationUsage {
  /** Staff hours on shift (paid). */
  readonly paidHours: number;
  /** Staff hours handling calls (talk + hold + ACW). */
  readonly voiceProductiveHours: number;
  /** Staff hours processing or checking back-office items. */
  readonly backOfficeProductiveHours: number;
  /** Billable voice minutes (connected call time). */
  readonly voiceMinutes: number;
}

export interface CostBreakdown {
  labour: number;
  seats: number;
  telecom: number;
  direct: number;
  overhead: number;
  vendorMargin: number;
  total: number;
  /** The part of the total attributed to calls, to items, and to neither. */
  voiceCost: number;
  backOfficeCost: number;
  unallocatedCost: number;
  paidHours: number;
  productiveHours: number;
}

export function emptyCostBreakdown(): CostBreakdown {
  return {
    labour: 0,
    seats: 0,
    telecom: 0,
    direct: 0,
    overhead: 0,
    vendorMargin: 0,
    total: 0,
    voiceCost: 0,
    backOfficeCost: 0,
    unallocatedCost: 0,
    paidHours: 0,
    productiveHours: 0,
  };
}

/** The cost of one location. */
export function locationCost(rates: LocationRates, usage: LocationUsage): CostBreakdown {
  const labour = usage.paidHours * rates.loadedHourlyCost;
  const seats = usage.paidHours * rates.seatCostPerHour;
  const telecom = usage.voiceMinutes * rates.telecomCostPerMinute;
  const direct = labour + seats + telecom;
  const overhead = (direct * rates.managementOverheadPercent) / 100;
  const vendorMargin = ((direct + overhead) * rates.vendorMarginPercent) / 100;
  const total = direct + overhead + vendorMargin;
  // Every cost component carries the same uplift, so each part keeps its share of the total.
  const uplift = direct > 0 ? total / direct : 1;
  const staffCost = (labour + seats) * uplift;
  const productiveHours = usage.voiceProductiveHours + usage.backOfficeProductiveHours;
  const voiceShare = productiveHours > 0 ? usage.voiceProductiveHours / productiveHours : 0;
  const allocated = productiveHours > 0 ? staffCost : 0;
  return {
    labour,
    seats,
    telecom,
    direct,
    overhead,
    vendorMargin,
    total,
    voiceCost: telecom * uplift + allocated * voiceShare,
    backOfficeCost: allocated * (1 - voiceShare),
    unallocatedCost: staffCost - allocated,
    paidHours: usage.paidHours,
    productiveHours,
  };
}

export interface CostReport extends CostBreakdown {
  callsHandled: number;
  itemsCompleted: number;
  costPerCallHandled: number | null;
  costPerItemCompleted: number | null;
  costPerProductiveHour: number | null;
  costPerPaidHour: number | null;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

/** Sums the locations and prices the work done. */
export function costReport(
  locations: readonly { rates: LocationRates; usage: LocationUsage }[],
  volumes: { callsHandled: number; itemsCompleted: number },
): CostReport {
  const sum = emptyCostBreakdown();
  for (const { rates, usage } of locations) {
    const part = locationCost(rates, usage);
    for (const key of Object.keys(sum) as (keyof CostBreakdown)[]) sum[key] += part[key];
  }
  return {
    ...sum,
    callsHandled: volumes.callsHandled,
    itemsCompleted: volumes.itemsCompleted,
    costPerCallHandled: ratio(sum.voiceCost, volumes.callsHandled),
    costPerItemCompleted: ratio(sum.backOfficeCost, volumes.itemsCompleted),
    costPerProductiveHour: ratio(sum.total, sum.productiveHours),
    costPerPaidHour: ratio(sum.total, sum.paidHours),
  };
}

export interface CostSaving {
  /** baseline total − alternative total: positive when the alternative is cheaper. */
  total: number;
  /** The same as a share of the baseline total (0.25 = 25 %). */
  totalShare: number | null;
  perCallHandled: number | null;
  perItemCompleted: number | null;
  perProductiveHour: number | null;
  perPaidHour: number | null;
}

const difference = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/** What the alternative saves against the baseline (negative numbers: it costs more). */
export function costSaving(baseline: CostReport, alternative: CostReport): CostSaving {
  const total = baseline.total - alternative.total;
  return {
    total,
    totalShare: ratio(total, baseline.total),
    perCallHandled: difference(baseline.costPerCallHandled, alternative.costPerCallHandled),
    perItemCompleted: difference(baseline.costPerItemCompleted, alternative.costPerItemCompleted),
    perProductiveHour: difference(baseline.costPerProductiveHour, alternative.costPerProductiveHour),
    perPaidHour: difference(baseline.costPerPaidHour, alternative.costPerPaidHour),
  };
}

/** What one voice agent group used over a run, in the units of the cost formulas. */
export interface VoiceGroupUsage {
  readonly groupId: string;
  readonly locationId: string | undefined;
  /** Agent-hours logged in (available or handling) or on a break. */
  readonly paidHours: number;
  /** Agent-hours handling contacts. */
  readonly productiveHours: number;
  /** Agent-hours on back-office items while blending. */
  readonly backOfficeProductiveHours: number;
  /** Conversation minutes (talk and hold, inbound and outbound). */
  readonly voiceMinutes: number;
  /** Inbound and outbound contacts whose handling finished. */
  readonly callsHandled: number;
}

/** The agent time a group's usage is read from: AgentCounters and AgentKpis both fit. */
export interface AgentTime {
  readonly staffedSec: number;
  readonly breakSec: number;
  readonly handlingSec: number;
  readonly talkSec: number;
  readonly inboundHandled: number;
  readonly outboundHandled: number;
  /**
   * Seconds a blending agent spent on back-office items: priced as back-office work at the
   * group's location. Its paid time is already in staffedSec.
   */
  readonly backOfficeSec: number;
}

/** A voice agent group's usage from its agent counters (src/model/voice/agent-counters.ts). */
export function voiceGroupUsage(groupId: string, locationId: string | undefined, time: AgentTime): VoiceGroupUsage {
  return {
    groupId,
    locationId,
    paidHours: (time.staffedSec + time.breakSec) / 3600,
    productiveHours: time.handlingSec / 3600,
    backOfficeProductiveHours: time.backOfficeSec / 3600,
    voiceMinutes: time.talkSec / 60,
    callsHandled: time.inboundHandled + time.outboundHandled,
  };
}

/**
 * Groups a run's hours and minutes by location, ready for `costReport`: back-office teams'
 * hours and voice agent groups' hours and minutes add up at the location each names.
 */
export function locationUsage(
  locations: readonly LocationConfig[],
  teams: readonly TeamUsage[],
  groups: readonly VoiceGroupUsage[],
): { location: LocationConfig; rates: LocationRates; usage: LocationUsage }[] {
  return locations.map((location) => {
    let paidHours = 0;
    let backOfficeProductiveHours = 0;
    let voiceProductiveHours = 0;
    let voiceMinutes = 0;
    for (const team of teams) {
      if (team.locationId !== location.id) continue;
      paidHours += team.paidHours;
      backOfficeProductiveHours += team.productiveHours;
    }
    for (const group of groups) {
      if (group.locationId !== location.id) continue;
      paidHours += group.paidHours;
      voiceProductiveHours += group.productiveHours;
      backOfficeProductiveHours += group.backOfficeProductiveHours;
      voiceMinutes += group.voiceMinutes;
    }
    return { location, rates: location, usage: { paidHours, voiceProductiveHours, backOfficeProductiveHours, voiceMinutes } };
  });
}

/** Back-office team hours by location (voice hours and minutes zero): `locationUsage` without groups. */
export function backOfficeLocationUsage(
  teams: readonly TeamUsage[],
  locations: readonly LocationConfig[],
): { location: LocationConfig; rates: LocationRates; usage: LocationUsage }[] {
  return locationUsage(locations, teams, []);
}
