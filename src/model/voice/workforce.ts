/**
 * Shifts, breaks and absence. Agents of a group with shifts log in at their shift's start (unless
 * drawn absent that day) and off at its end; breaks come at planned times. An agent whose break
 * or shift end comes during a contact finishes it first and the overrun is counted; back-office
 * work is deferrable, so its item is paused at once instead.
 */
import type { Simulation } from '../../engine/simulation';
import type { DomainEventListener } from './domain-events';
import { NO_EVENT } from '../../engine/event-calendar';
import { DAY_SEC } from '../scenario/calendar-schema';
import { nextOccurrence, type ShiftPlan, type BreakPlan } from './schedules';
import { uncountForPacing } from './dialer/dialer';
import type { AgentDesk } from './agent-desk';
import type { IntervalBooks } from './interval-books';
import type { VoiceState } from './voice-state';
import type { Agent, AgentGroup } from './voice-objects';

interface ShiftDay {
  group: AgentGroup;
  plan: ShiftPlan;
  day: number;
}

export class Workforce {
  private readonly sim: Simulation;
  private readonly listener: DomainEventListener | undefined;

  constructor(
    private readonly state: VoiceState,
    private readonly desk: AgentDesk,
    private readonly books: IntervalBooks,
  ) {
    this.sim = state.sim;
    this.listener = state.listener;
  }

  /** Schedules every group's first shifts. */
  startShifts(): void {
    for (const group of this.state.groups) for (const plan of group.shifts) this.scheduleShift(group, plan, 0);
  }

  /** The contact that held the agent past a shift end or a break start is over: report the overrun and go. */
  applyPendingOff(agent: Agent): void {
    const now = this.sim.now;
    const overrun = now - agent.duty.pendingSinceSec;
    if (agent.pendingOff === 'leave') {
      this.logOff(agent);
      return;
    }
    const what = agent.pendingOff === 'shift-end' ? 'shift' : 'break';
    // Back-to-back breaks hand over at the same instant: no delay to report.
    if (overrun > 0) {
      this.countOverrun(agent, what, overrun);
      this.listener?.({ type: 'agent.overran', timeSec: now, agentId: agent.id, what, scheduledSec: agent.duty.pendingSinceSec, overrunSec: overrun });
    }
    if (what === 'shift') {
      this.logOff(agent);
    } else {
      agent.pendingOff = 'none';
      this.startBreak(agent, agent.duty.pendingBreakSec);
    }
  }

  private countOverrun(agent: Agent, what: 'shift' | 'break', overrun: number): void {
    const groupCounters = this.state.current.groups[agent.group.index];
    const totals = this.books.agentCounters(agent);
    if (what === 'shift') {
      groupCounters.shiftOverruns++;
      groupCounters.shiftOverrunSec += overrun;
      if (totals) {
        totals.shiftOverruns++;
        totals.shiftOverrunSec += overrun;
      }
    } else {
      groupCounters.breakDelays++;
      groupCounters.breakDelaySec += overrun;
      if (totals) {
        totals.breakDelays++;
        totals.breakDelaySec += overrun;
      }
    }
  }

  private scheduleShift(group: AgentGroup, plan: ShiftPlan, fromDay: number): void {
    const { sim, horizonSec } = this.state;
    const lastDay = Math.ceil(horizonSec / DAY_SEC);
    const day = nextOccurrence(plan.weekdays, fromDay, lastDay);
    if (day < 0) return;
    const at = day * DAY_SEC + plan.startSec;
    if (at >= horizonSec) return;
    sim.scheduleAt(at, this.onShiftStarted, { group, plan, day });
  }

  private readonly onShiftStarted = (payload: ShiftDay): void => {
    const { group, plan, day } = payload;
    const { sim, horizonSec } = this.state;
    const dayStart = day * DAY_SEC;
    for (const b of plan.breaks) {
      if (dayStart + b.startSec < horizonSec) sim.scheduleAt(dayStart + b.startSec, this.onBreakDue, { group, plan, day, shiftBreak: b });
    }
    if (dayStart + plan.endSec <= horizonSec) sim.scheduleAt(dayStart + plan.endSec, this.onShiftEnded, { group, plan, day });
    this.scheduleShift(group, plan, day + 1);
    group.shiftOnDuty[plan.index] = day;
    for (const agent of group.roster[plan.index]) {
      // The absence draw comes first, for every agent, so one gone home sick leaves the stream in step.
      if ((group.absenceShare > 0 && group.absenceStream() < group.absenceShare) || agent.duty.sickUntilSec > sim.now) {
        this.markAbsent(agent, dayStart + plan.endSec);
        continue;
      }
      if (agent.duty.onShift) {
        agent.duty.shiftDay = day;
        // Still finishing yesterday's overrun: the new shift simply carries on.
        if (agent.pendingOff === 'shift-end') agent.pendingOff = 'none';
        continue;
      }
      this.logIn(agent, day);
    }
  };

  /** The agent starts work now (a shift starts, or it joins the floor): ready first, then whatever work is waiting. */
  logIn(agent: Agent, day: number): void {
    agent.duty.shiftDay = day;
    agent.duty.onShift = true;
    this.desk.changeStaffed(agent, 1);
    // The state machine never jumps offline → talking.
    this.desk.setAgentState(agent, 'idle');
    this.state.dispatch.release(agent);
  }

  /**
   * The agent leaves the floor now (taken off the roster, or gone home sick): idle, on a break or
   * on a back-office item it goes at once (the item is paused); in a contact it finishes first.
   */
  leave(agent: Agent): void {
    if (!agent.duty.onShift) return;
    if (agent.state === 'idle' || agent.state === 'back-office' || agent.state === 'break') {
      this.goNow(agent);
      return;
    }
    if (agent.pendingOff === 'none') {
      uncountForPacing(agent);
      agent.duty.pendingSinceSec = this.sim.now;
    }
    agent.pendingOff = 'leave';
  }

  private markAbsent(agent: Agent, shiftEndSec: number): void {
    this.state.current.groups[agent.group.index].absences++;
    const totals = this.books.agentCounters(agent);
    if (totals) totals.absences++;
    this.listener?.({ type: 'agent.absent', timeSec: this.sim.now, agentId: agent.id, shiftEndSec });
  }

  private readonly onBreakDue = (payload: ShiftDay & { shiftBreak: BreakPlan }): void => {
    const { group, plan, day } = payload;
    const durationSec = payload.shiftBreak.durationSec;
    for (const agent of group.roster[plan.index]) {
      if (agent.duty.shiftDay !== day || !agent.duty.onShift || agent.pendingOff === 'leave') continue;
      if (agent.state === 'idle') {
        this.desk.unlinkIdle(agent);
        this.startBreak(agent, durationSec);
      } else if (agent.state === 'back-office') {
        // Back-office work is deferrable: the item is paused at once, not finished first.
        this.desk.recallFromBackOffice(agent);
        this.startBreak(agent, durationSec);
      } else if (agent.pendingOff === 'none') {
        // Busy (or still on a late break): the break starts when the contact is finished.
        agent.pendingOff = 'break';
        uncountForPacing(agent);
        agent.duty.pendingSinceSec = this.sim.now;
        agent.duty.pendingBreakSec = durationSec;
      }
    }
  };

  private startBreak(agent: Agent, durationSec: number): void {
    this.desk.changeStaffed(agent, -1);
    agent.duty.breakSinceSec = this.sim.now;
    this.desk.setAgentState(agent, 'break');
    agent.duty.breakEvent = this.sim.schedule(durationSec, this.onBreakEnded, agent);
  }

  private readonly onBreakEnded = (agent: Agent): void => {
    agent.duty.breakEvent = NO_EVENT;
    this.endBreak(agent);
    this.desk.changeStaffed(agent, 1);
    this.desk.setAgentState(agent, 'idle');
    this.state.dispatch.release(agent);
  };

  private readonly onShiftEnded = (payload: ShiftDay): void => {
    const { group, plan, day } = payload;
    if (group.shiftOnDuty[plan.index] === day) group.shiftOnDuty[plan.index] = -1;
    for (const agent of group.roster[plan.index]) {
      if (agent.duty.shiftDay !== day || !agent.duty.onShift || agent.pendingOff === 'leave') continue;
      if (agent.state === 'idle' || agent.state === 'back-office' || agent.state === 'break') {
        this.goNow(agent);
      } else {
        agent.pendingOff = 'shift-end';
        uncountForPacing(agent);
        agent.duty.pendingSinceSec = this.sim.now;
      }
    }
  };

  /** An agent who is not in a contact logs off at once. */
  private goNow(agent: Agent): void {
    if (agent.state === 'idle') {
      this.desk.unlinkIdle(agent);
    } else if (agent.state === 'back-office') {
      this.desk.recallFromBackOffice(agent);
    } else {
      this.sim.cancel(agent.duty.breakEvent);
      agent.duty.breakEvent = NO_EVENT;
      this.endBreak(agent);
      this.desk.changeStaffed(agent, 1);
    }
    this.logOff(agent);
  }

  private endBreak(agent: Agent): void {
    agent.duty.breakAcc += this.sim.now - agent.duty.breakSinceSec;
  }

  private logOff(agent: Agent): void {
    this.desk.changeStaffed(agent, -1);
    agent.duty.onShift = false;
    agent.duty.shiftDay = -1;
    agent.pendingOff = 'none';
    this.desk.setAgentState(agent, 'offline');
  }
}
