/**
 * Agent time and contacts: the counters behind occupancy per agent and per group, and the one
 * function that turns them into KPIs.
 *
 * Occupancy follows DOMAIN.md: time handling contacts ÷ time logged in and available or handling.
 * Handling covers every state spent on a contact: talking, hold, ACW, reserved for a contact (a
 * callback or a progressive dial ringing), previewing, dialing and outbound talk. Breaks and
 * offline time are in neither side. Back-office items worked by a blending agent are logged-in
 * time that is not handling: they count in `backOfficeSec` and in utilization, not in occupancy.
 *
 * The time is kept without touching anything on the hot path but the agent itself: each agent
 * accumulates its logged-in and break time at logins, logouts and breaks, and its handling time
 * at the end of each contact; at every interval end the current contact, login and break are
 * split at the boundary and the agents' accumulations are summed into their group's interval
 * counters (exact per interval) and added to each agent's run totals.
 */

export interface AgentCounters {
  /** Seconds logged in and available or handling (breaks excluded). */
  staffedSec: number;
  /** Seconds handling contacts. */
  handlingSec: number;
  /** Seconds on back-office items (blending agents only). */
  backOfficeSec: number;
  /** Seconds on breaks and lunch. */
  breakSec: number;
  /** Inbound calls (and callbacks reached) whose handling finished. */
  inboundHandled: number;
  /** Outbound connected calls whose handling finished. */
  outboundHandled: number;
  /** Conversation time (talk, hold and outbound talk) of finished contacts, seconds. */
  talkSec: number;
  /** Times a shift end found the agent busy, and the seconds worked past it. */
  shiftOverruns: number;
  shiftOverrunSec: number;
  /** Times a break start found the agent busy, and the seconds the break started late. */
  breakDelays: number;
  breakDelaySec: number;
  /** Shifts the agent was scheduled for and did not show up (absence). */
  absences: number;
  /** Simulated seconds these counters cover. */
  observedSec: number;
}

export function emptyAgentCounters(): AgentCounters {
  return {
    staffedSec: 0,
    handlingSec: 0,
    backOfficeSec: 0,
    breakSec: 0,
    inboundHandled: 0,
    outboundHandled: 0,
    talkSec: 0,
    shiftOverruns: 0,
    shiftOverrunSec: 0,
    breakDelays: 0,
    breakDelaySec: 0,
    absences: 0,
    observedSec: 0,
  };
}

export function addAgentCounters(target: AgentCounters, source: AgentCounters): AgentCounters {
  for (const key of Object.keys(source) as (keyof AgentCounters)[]) target[key] += source[key];
  return target;
}

export interface AgentKpis {
  /** Handling ÷ logged-in time (available or handling). */
  occupancy: number | null;
  /** (Handling + back-office work) ÷ logged-in time: occupancy for agents who never blend. */
  utilization: number | null;
  contactsHandled: number;
  inboundHandled: number;
  outboundHandled: number;
  /** Conversation seconds of finished contacts. */
  talkSec: number;
  /** Seconds logged in and available or handling (breaks excluded). */
  staffedSec: number;
  handlingSec: number;
  /** Seconds on back-office items while blending. */
  backOfficeSec: number;
  /** Seconds logged in and idle (neither handling nor on back-office work). */
  idleSec: number;
  breakSec: number;
  /** Time-average number of agents logged in and available or handling. */
  meanStaffedAgents: number | null;
  /** Time-average number of agents handling contacts. */
  meanBusyAgents: number | null;
  shiftOverruns: number;
  shiftOverrunSec: number;
  breakDelays: number;
  breakDelaySec: number;
  absences: number;
}

export type AgentKpiName = keyof AgentKpis;

export function deriveAgentKpis(c: AgentCounters): AgentKpis {
  return {
    occupancy: c.staffedSec > 0 ? c.handlingSec / c.staffedSec : null,
    utilization: c.staffedSec > 0 ? (c.handlingSec + c.backOfficeSec) / c.staffedSec : null,
    contactsHandled: c.inboundHandled + c.outboundHandled,
    inboundHandled: c.inboundHandled,
    outboundHandled: c.outboundHandled,
    talkSec: c.talkSec,
    staffedSec: c.staffedSec,
    handlingSec: c.handlingSec,
    backOfficeSec: c.backOfficeSec,
    idleSec: Math.max(0, c.staffedSec - c.handlingSec - c.backOfficeSec),
    breakSec: c.breakSec,
    meanStaffedAgents: c.observedSec > 0 ? c.staffedSec / c.observedSec : null,
    meanBusyAgents: c.observedSec > 0 ? c.handlingSec / c.observedSec : null,
    shiftOverruns: c.shiftOverruns,
    shiftOverrunSec: c.shiftOverrunSec,
    breakDelays: c.breakDelays,
    breakDelaySec: c.breakDelaySec,
    absences: c.absences,
  };
}
