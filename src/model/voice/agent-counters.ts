/**
 * Agent time and contacts: the counters behind occupancy per agent and per group, and the one
 * function that turns them into KPIs.
 *
 * Every agent's time is split by state as it goes (one addition per state change), handed to
 * the group's counters of the reporting interval at each interval end, and to the agent's run
 * totals. Occupancy follows DOMAIN.md: time handling contacts ÷ time logged in and available or
 * handling. Handling covers every state spent on a contact: talking, hold, ACW, reserved for a
 * contact (a callback or a progressive dial ringing), previewing, dialing and outbound talk.
 * Breaks, back-office work and offline time are in neither side.
 */
import type { AgentState } from '../domain-events';

export const AGENT_STATES: readonly AgentState[] = [
  'offline',
  'idle',
  'reserved',
  'talking',
  'hold',
  'acw',
  'previewing',
  'dialing',
  'outbound-talk',
  'break',
  'back-office',
];

export const STATE_INDEX: Readonly<Record<AgentState, number>> = Object.fromEntries(AGENT_STATES.map((s, i) => [s, i])) as Record<AgentState, number>;

/** True for the states in which an agent works on a contact (occupancy's numerator). */
export function isHandlingState(state: AgentState): boolean {
  return state !== 'offline' && state !== 'idle' && state !== 'break' && state !== 'back-office';
}

export interface AgentCounters {
  /** Seconds spent in each state, indexed like AGENT_STATES. */
  stateSec: number[];
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
}

export function emptyAgentCounters(): AgentCounters {
  return {
    stateSec: AGENT_STATES.map(() => 0),
    inboundHandled: 0,
    outboundHandled: 0,
    talkSec: 0,
    shiftOverruns: 0,
    shiftOverrunSec: 0,
    breakDelays: 0,
    breakDelaySec: 0,
    absences: 0,
  };
}

export function addAgentCounters(target: AgentCounters, source: AgentCounters): AgentCounters {
  for (let i = 0; i < target.stateSec.length; i++) target.stateSec[i] += source.stateSec[i];
  target.inboundHandled += source.inboundHandled;
  target.outboundHandled += source.outboundHandled;
  target.talkSec += source.talkSec;
  target.shiftOverruns += source.shiftOverruns;
  target.shiftOverrunSec += source.shiftOverrunSec;
  target.breakDelays += source.breakDelays;
  target.breakDelaySec += source.breakDelaySec;
  target.absences += source.absences;
  return target;
}

export interface AgentKpis {
  /** Handling ÷ (available + handling). */
  occupancy: number | null;
  contactsHandled: number;
  inboundHandled: number;
  outboundHandled: number;
  /** Conversation seconds of finished contacts. */
  talkSec: number;
  /** Seconds logged in and available or handling (breaks excluded). */
  staffedSec: number;
  handlingSec: number;
  breakSec: number;
  /** Time-average agents available or handling (for a group's counters over an observed span). */
  shiftOverruns: number;
  shiftOverrunSec: number;
  breakDelays: number;
  breakDelaySec: number;
  absences: number;
}

export type AgentKpiName = keyof AgentKpis;

export function deriveAgentKpis(c: AgentCounters): AgentKpis {
  let handling = 0;
  for (let i = 0; i < AGENT_STATES.length; i++) if (isHandlingState(AGENT_STATES[i])) handling += c.stateSec[i];
  const staffed = handling + c.stateSec[STATE_INDEX.idle];
  return {
    occupancy: staffed > 0 ? handling / staffed : null,
    contactsHandled: c.inboundHandled + c.outboundHandled,
    inboundHandled: c.inboundHandled,
    outboundHandled: c.outboundHandled,
    talkSec: c.talkSec,
    staffedSec: staffed,
    handlingSec: handling,
    breakSec: c.stateSec[STATE_INDEX.break],
    shiftOverruns: c.shiftOverruns,
    shiftOverrunSec: c.shiftOverrunSec,
    breakDelays: c.breakDelays,
    breakDelaySec: c.breakDelaySec,
    absences: c.absences,
  };
}
