/**
 * The back office's one shared state: what every part of the model (arrivals, backlogs, work,
 * staffing, interval books) reads and writes, held in one object so the parts keep no copies and
 * the hot path allocates nothing. With it, the few operations every part uses: a clerk's change
 * of state, the idle lists, and the count of clerks at work.
 */
import { Simulation } from '../../engine/simulation';
import { RandomStreams } from '../../engine/random-streams';
import { TimeWeighted } from '../../engine/time-weighted';
import { linkLast, unlink } from '../../engine/intrusive-list';
import { DAY_SEC } from '../scenario/calendar-schema';
import type { Scenario } from '../scenario/scenario-schema';
import type { AllocationRule, BackOfficeConfig } from './backoffice-schema';
import { BusinessCalendar } from './business-calendar';
import { RunCalendar } from '../scenario/run-calendar';
import { emptyBackOfficeCounters, type BackOfficeCounters } from './backoffice-counters';
import type { BackOfficeEventListener, ClerkState } from './backoffice-events';
import type { BackOfficeModelOptions } from './backoffice-records';
import type { Clerk, Team, WorkType } from './backoffice-objects';
import { buildTeam, buildWorkType, type BuildContext } from './building';

export class BackOfficeState implements BuildContext {
  readonly sim: Simulation;
  readonly config: BackOfficeConfig;
  readonly calendar: BusinessCalendar;
  /** Changed by an intervention; the backlogs are rebuilt in the new order then. */
  rule: AllocationRule;
  readonly seed: number;
  /** The run's named streams (an intervention that changes a rate keeps drawing from the same one). */
  readonly streams: RandomStreams;
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly startSec: number;
  readonly listener: BackOfficeEventListener | undefined;
  readonly workTypes: WorkType[];
  /** The scenario's teams, then the lent teams of blending voice groups. */
  readonly teams: Team[];
  readonly clerks: Clerk[];
  /** Clerks on shift (or lent), all teams. */
  readonly onShiftAll: TimeWeighted;
  /** The open reporting interval's counters per work type; the interval books swap in fresh ones when it closes. */
  current: BackOfficeCounters[];
  nextItemId = 1;
  private nextIdleSeq = 0;

  constructor(scenario: Scenario, config: BackOfficeConfig, options: BackOfficeModelOptions) {
    this.config = config;
    this.sim = options.sim ?? new Simulation();
    this.seed = options.seed ?? scenario.seed ?? 1;
    this.listener = options.listener;
    this.horizonSec = scenario.days * DAY_SEC;
    this.intervalSec = scenario.reportIntervalMin * 60;
    this.warmupSec = (scenario.warmupMin ?? 0) * 60;
    this.calendar = new BusinessCalendar(config.calendar, new RunCalendar(scenario));
    this.rule = config.allocation;
    const streams = new RandomStreams(`${this.seed}/${options.replication ?? 0}`);
    this.streams = streams;
    this.startSec = this.sim.now;
    this.onShiftAll = new TimeWeighted(0, this.startSec);
    this.workTypes = config.workTypes.map((workType, index) => buildWorkType(workType, index, streams, this));
    this.teams = config.teams.map((team, index) => buildTeam(team, index, this.workTypes, this.calendar, this.startSec));
    this.clerks = this.teams.flatMap((team) => team.clerks);
    this.current = this.workTypes.map(() => emptyBackOfficeCounters());
  }

  setClerkState(clerk: Clerk, to: ClerkState): void {
    const from = clerk.state;
    clerk.state = to;
    clerk.stateSinceSec = this.sim.now;
    this.listener?.({
      type: 'clerk.state-changed',
      timeSec: this.sim.now,
      clerkId: clerk.id,
      teamId: clerk.team.id,
      from,
      to,
      itemId: clerk.item ? clerk.item.id : null,
    });
  }

  /** The clerk waits for work, last in its team's idle list (who waited longest is asked first). */
  goIdle(clerk: Clerk): void {
    this.setClerkState(clerk, 'idle');
    clerk.idleSeq = this.nextIdleSeq++;
    linkLast(clerk.team.idle, clerk);
  }

  removeIdle(clerk: Clerk): void {
    unlink(clerk.team.idle, clerk);
  }

  /** `delta` clerks of a team start (or stop) being at work: on shift, or lent by their voice group. */
  changeAtWork(team: Team, delta: number): void {
    const now = this.sim.now;
    this.onShiftAll.change(now, delta);
    team.onShift.change(now, delta);
    for (const workType of team.workTypes) workType.staffedLevel.change(now, delta);
  }
}
