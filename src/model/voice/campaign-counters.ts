/**
 * The counters behind every outbound KPI, and the one function that turns them into KPIs.
 *
 * Additive like the queue counters: an interval's, a day's and a run's are sums of the same
 * fields. Dial outcomes count in the interval the dial ended in, conversations in the interval
 * they finished in. `agentStaffedSec` is the logged-in time (available or handling, breaks
 * excluded) of the agents who dial for the campaign, the denominator of talk time per agent-hour.
 */

export interface CampaignCounters {
  dials: number;
  /** Records dialled for the first time (list penetration's numerator). */
  recordsAttempted: number;
  noAnswer: number;
  busy: number;
  machinesDetected: number;
  /** Answering machines the dialer did not recognise, passed to an agent (or dropped with no agent free). */
  machinesMissed: number;
  wrongParty: number;
  rightPartyContacts: number;
  /** Live answers (right or wrong party): the abandon rate's denominator. */
  connects: number;
  /** Live answers with no agent within the connect time: silent or nuisance calls. */
  abandoned: number;
  conversions: number;
  revenue: number;
  /** Outbound conversations finished, and their talk and handle time, seconds. */
  handled: number;
  talkSec: number;
  handleSec: number;
  /** Seconds agents spent previewing or waiting on a ringing dial for this campaign. */
  agentDialSec: number;
  agentStaffedSec: number;
  /** Records closed (reached, out of attempts, or no retry rule). */
  recordsClosed: number;
  /** Ring-to-answer seconds summed over live answers (the pacing's connect delay). */
  answerDelaySumSec: number;
  /** Simulated seconds these counters cover. */
  observedSec: number;
}

export function emptyCampaignCounters(): CampaignCounters {
  return {
    dials: 0,
    recordsAttempted: 0,
    noAnswer: 0,
    busy: 0,
    machinesDetected: 0,
    machinesMissed: 0,
    wrongParty: 0,
    rightPartyContacts: 0,
    connects: 0,
    abandoned: 0,
    conversions: 0,
    revenue: 0,
    handled: 0,
    talkSec: 0,
    handleSec: 0,
    agentDialSec: 0,
    agentStaffedSec: 0,
    recordsClosed: 0,
    answerDelaySumSec: 0,
    observedSec: 0,
  };
}

export function addCampaignCounters(target: CampaignCounters, source: CampaignCounters): CampaignCounters {
  for (const key of Object.keys(source) as (keyof CampaignCounters)[]) target[key] += source[key];
  return target;
}

export interface CampaignKpis {
  dials: number;
  dialsPerHour: number | null;
  connects: number;
  /** Connects ÷ dials. */
  connectRate: number | null;
  rightPartyContacts: number;
  /** Right-party contacts ÷ dials. */
  rightPartyRate: number | null;
  conversions: number;
  /** Conversions ÷ right-party contacts. */
  conversionRate: number | null;
  revenue: number;
  abandoned: number;
  /** Abandoned ÷ connects (the regulated figure). */
  abandonRate: number | null;
  /** Outbound talk seconds per logged-in agent-hour of the campaign's agents, in seconds per hour. */
  talkTimePerAgentHour: number | null;
  /** Records dialled at least once ÷ records in the list. */
  listPenetration: number;
  recordsClosed: number;
  machinesDetected: number;
  machinesMissed: number;
  noAnswer: number;
  busy: number;
  wrongParty: number;
}

export type CampaignKpiName = keyof CampaignKpis;

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export function deriveCampaignKpis(c: CampaignCounters, records: number): CampaignKpis {
  return {
    dials: c.dials,
    dialsPerHour: ratio(c.dials, c.observedSec / 3600),
    connects: c.connects,
    connectRate: ratio(c.connects, c.dials),
    rightPartyContacts: c.rightPartyContacts,
    rightPartyRate: ratio(c.rightPartyContacts, c.dials),
    conversions: c.conversions,
    conversionRate: ratio(c.conversions, c.rightPartyContacts),
    revenue: c.revenue,
    abandoned: c.abandoned,
    abandonRate: ratio(c.abandoned, c.connects),
    talkTimePerAgentHour: ratio(c.talkSec, c.agentStaffedSec / 3600),
    listPenetration: records > 0 ? c.recordsAttempted / records : 0,
    recordsClosed: c.recordsClosed,
    machinesDetected: c.machinesDetected,
    machinesMissed: c.machinesMissed,
    noAnswer: c.noAnswer,
    busy: c.busy,
    wrongParty: c.wrongParty,
  };
}
