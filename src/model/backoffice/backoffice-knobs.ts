/**
 * The back office's live controls: what an intervention (src/model/events-schema.ts) changes,
 * applied at the current simulated time. The Site's knobs (site-knobs.ts) call these; the rules
 * are in docs/back-office.md ("Interventions"). Each call happens once per intervention, off the
 * hot path.
 */
import { poissonArrivals } from '../common/arrival-profile';
import type { AllocationRule } from './backoffice-schema';
import type { BackOfficeState } from './backoffice-state';
import type { Arrivals } from './arrivals';
import type { Work } from './work';
import type { Clerk, Team, WorkType } from './backoffice-objects';
import { backlogHeap, newClerk, weeklyProfile } from './building';

export class BackOfficeKnobs {
  constructor(
    private readonly state: BackOfficeState,
    private readonly arrivals: Arrivals,
    private readonly work: Work,
  ) {}

  /** Every work type's stream rate and batch sizes become `factor` × the scenario's from now on. */
  setItemVolume(factor: number): void {
    for (const workType of this.state.workTypes) {
      workType.volumeFactor = factor;
      const stream = workType.config.arrivals.stream;
      if (!stream) continue;
      const profile = weeklyProfile(stream.intervalMin, stream.itemsPerInterval.map((items) => items * factor), workType.dayFactors);
      // The same stream as the scenario's arrivals (building.ts names it), so the draws go on where they were.
      workType.nextStreamArrivalAfter = poissonArrivals(profile, this.state.streams.stream(`bo-arrivals:${workType.id}`), this.state.horizonSec);
      this.arrivals.redrawStreamArrival(workType);
    }
  }

  /** `items` items of a work type land in its backlog now. */
  dropFile(workTypeId: string, items: number): void {
    this.arrivals.dropFile(this.workType(workTypeId), items);
  }

  /** The allocation rule from now on: every backlog is put in the new rule's order, and idle clerks look again. */
  setAllocation(rule: AllocationRule): void {
    const state = this.state;
    state.rule = rule;
    for (const workType of state.workTypes) {
      const process = backlogHeap(rule);
      const check = backlogHeap(rule);
      for (const item of workType.processBacklog.values()) process.push(item);
      for (const item of workType.checkBacklog.values()) check.push(item);
      workType.processBacklog = process;
      workType.checkBacklog = check;
    }
    // A check a clerk could not take (its own work) may now sit behind one it can: ask again.
    for (const workType of state.workTypes) this.work.backlogs.offerWork(workType);
  }

  /**
   * The team's head-count becomes `clerks`. Joiners start idle and take work at once when the
   * team is on shift; leavers (the last joined first) go at once when idle or off shift, and
   * otherwise finish the task in hand first. A leaver off shift holding a task paused at its
   * shift's end hands it back to the backlog with the time it still needs.
   */
  setClerks(teamId: string, clerks: number): void {
    const state = this.state;
    const team = this.team(teamId);
    const now = state.sim.now;
    const onShift = team.window !== null && team.window.startSec <= now && now < team.window.endSec;
    while (team.clerks.length < clerks) {
      const clerk = newClerk(`${team.id}-${this.nextClerkNumber(team)}`, team, now);
      team.clerks.push(clerk);
      state.clerks.push(clerk);
      if (onShift) {
        state.changeAtWork(team, 1);
        this.work.backlogs.clerkFree(clerk);
      }
    }
    while (team.clerks.length > clerks) this.release(team.clerks.pop()!);
  }

  private release(clerk: Clerk): void {
    const state = this.state;
    if (clerk.state === 'idle') {
      state.removeIdle(clerk);
      state.setClerkState(clerk, 'offline');
      state.changeAtWork(clerk.team, -1);
    } else if (clerk.state !== 'offline') {
      clerk.leaving = true;
    } else if (clerk.item) {
      this.handBack(clerk);
    }
  }

  /** A paused task goes back to its backlog, needing what was left of it. */
  private handBack(clerk: Clerk): void {
    const item = clerk.item!;
    const now = this.state.sim.now;
    const backlogs = this.work.backlogs;
    clerk.item = null;
    item.clerk = null;
    item.workType.wipLevel.change(now, -1);
    if (item.state === 'checking') {
      item.checkSec = clerk.remainingSec;
      backlogs.enqueueCheck(item);
    } else {
      item.processSec = clerk.remainingSec;
      backlogs.enqueueProcess(item);
    }
    clerk.remainingSec = 0;
    backlogs.offerWork(item.workType);
  }

  /** Clerks are named `<team id>-<n>`; a new one takes the next number never used. */
  private nextClerkNumber(team: Team): number {
    const prefix = `${team.id}-`;
    return this.state.clerks.filter((c) => c.team === team && c.id.startsWith(prefix)).length + 1;
  }

  private workType(id: string): WorkType {
    const workType = this.state.workTypes.find((w) => w.id === id);
    if (!workType) throw new RangeError(`no work type "${id}"`);
    return workType;
  }

  private team(id: string): Team {
    const team = this.state.teams.find((t) => t.id === id && t.lender === null);
    if (!team) throw new RangeError(`no back-office team "${id}"`);
    return team;
  }
}
