/**
 * Staffing: who is at work when. The scenario's teams work their shift windows on the business
 * calendar; at a shift's end an item in hand is paused and stays with its clerk, who resumes it
 * first thing at the start of their next shift. Voice agents lent by a blending group join as a
 * lent team whose hours the voice model decides: they work here only between `lend` and
 * `recall`/`interrupt` (or a task's end, when their group decides again).
 */
import { DAY_SEC } from '../scenario/calendar-schema';
import type { ShiftWindow } from './business-calendar';
import type { AgentLender, Clerk, LentTeamSpec, Team } from './backoffice-objects';
import type { BackOfficeState } from './backoffice-state';
import { assembleTeam, newClerk } from './building';
import type { Work } from './work';

export class Staffing {
  constructor(
    private readonly state: BackOfficeState,
    private readonly work: Work,
  ) {}

  /** Schedules the first shift of every team that has clerks. */
  start(): void {
    const firstDay = Math.floor(this.state.startSec / DAY_SEC);
    for (const team of this.state.teams) {
      if (team.clerks.length > 0) this.scheduleShift(team, team.shift!.nextWindow(firstDay));
    }
  }

  /** Adds a team of voice agents their group lends while the phone is quiet. Call before the run starts. */
  addLentTeam(spec: LentTeamSpec, lender: AgentLender): Team {
    const state = this.state;
    const team = assembleTeam({ ...spec, index: state.teams.length, config: null, shift: null, lender }, state.workTypes, state.sim.now);
    state.teams.push(team);
    state.clerks.push(...team.clerks);
    return team;
  }

  /** A lent team gains a clerk: an agent who joined its voice group during the run. */
  addLentClerk(team: Team, id: string): Clerk {
    const clerk = newClerk(id, team, this.state.sim.now);
    team.clerks.push(clerk);
    this.state.clerks.push(clerk);
    return clerk;
  }

  /** A lent agent is free: its paused item first, else the next item the rule picks, else it waits idle here. */
  lend(clerk: Clerk): void {
    this.state.changeAtWork(clerk.team, 1);
    this.startWorking(clerk);
  }

  /** A lent agent idle here is taken back by its group. */
  recall(clerk: Clerk): void {
    this.state.removeIdle(clerk);
    this.state.setClerkState(clerk, 'offline');
    this.state.changeAtWork(clerk.team, -1);
  }

  /** A lent agent is taken off its item by its group; it keeps the item, paused, until lent again. */
  interrupt(clerk: Clerk): void {
    this.work.pauseTask(clerk);
    this.state.setClerkState(clerk, 'offline');
    this.state.changeAtWork(clerk.team, -1);
  }

  /** The item paused at the end of the last shift (or when lent last) comes before anything else. */
  private startWorking(clerk: Clerk): void {
    if (clerk.item) this.work.resumeTask(clerk);
    else this.work.backlogs.clerkFree(clerk);
  }

  private scheduleShift(team: Team, window: ShiftWindow | null): void {
    team.window = window;
    if (window && window.startSec < this.state.horizonSec) this.state.sim.scheduleAt(window.startSec, this.onShiftStarted, team);
  }

  private readonly onShiftStarted = (team: Team): void => {
    this.state.changeAtWork(team, team.clerks.length);
    for (const clerk of team.clerks) this.startWorking(clerk);
    const window = team.window!;
    if (window.endSec < this.state.horizonSec) this.state.sim.scheduleAt(window.endSec, this.onShiftEnded, team);
  };

  private readonly onShiftEnded = (team: Team): void => {
    for (const clerk of team.clerks) {
      if (clerk.item) this.work.pauseTask(clerk);
      else this.state.removeIdle(clerk);
      this.state.setClerkState(clerk, 'offline');
    }
    this.state.changeAtWork(team, -team.clerks.length);
    this.scheduleShift(team, team.shift!.nextWindow(team.window!.dayIndex + 1));
  };
}
