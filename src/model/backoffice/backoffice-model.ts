/**
 * The back-office model: work items arrive (in batches at set times or as a Poisson stream),
 * wait in a backlog, are processed by a clerk skilled in their work type, may be checked by a
 * second clerk (maker–checker) and sent back for rework, may wait for the customer to supply
 * missing information, and are completed, on time or late. Clerks work shifts on a business
 * calendar, so the backlog waits overnight and over weekends and carries from day to day.
 *
 * Lifecycle of an item (its `state`):
 *
 *   waiting ──► processing ──► (pending ──► waiting ──► processing) ──► awaiting-check ──► checking ──► completed
 *      ▲                                                                                     │
 *      └──────────────────────────── rework after a failed check ◄───────────────────────────┘
 *
 * This class is the back office's face to the runner and the page; the work is done by its parts,
 * one concept each, sharing one state object (backoffice-state.ts):
 *
 * - arrivals.ts: streams and batches, and everything an item draws when it arrives;
 * - backlogs.ts with allocation.ts: where items wait, and which free clerk takes which (pure rules);
 * - work.ts: processing, checking, rework, pending, completion, pausing and resuming;
 * - lateness.ts: due times, going late, and customers who call about it (failure demand);
 * - staffing.ts: shifts on the business calendar (business-calendar.ts), and lent voice agents;
 * - interval-books.ts: counters per interval and day, and the live read-outs.
 *
 * Randomness comes from named streams per work type (`bo-arrivals:<id>`, `bo-handling:<id>`,
 * `bo-qc:<id>`, `bo-qc-time:<id>`, `bo-rework:<id>`, `bo-pending:<id>`, `bo-failure-demand:<id>`).
 *
 * Memory holds the live items and nothing else: every period's counters are final when the
 * period ends, and open items sit in heaps they leave when completed.
 */
import type { Simulation, RunResult } from '../../engine/simulation';
import type { Scenario } from '../scenario/scenario-schema';
import type { AllocationRule, BackOfficeConfig } from './backoffice-schema';
import type { BusinessCalendar } from './business-calendar';
import type { BackOfficeCounters } from './backoffice-counters';
import type { ClerkState } from './backoffice-events';
import type { AgentLender, Clerk, LentTeamSpec, Team, WorkType } from './backoffice-objects';
import { AGE_BUCKET_UPPER_SEC, type BackOfficeModelOptions, type TeamUsage } from './backoffice-records';
import { BackOfficeState } from './backoffice-state';
import { backlogCount } from './backlogs';
import { Work } from './work';
import { Lateness } from './lateness';
import { Arrivals } from './arrivals';
import { Staffing } from './staffing';
import { IntervalBooks, oldestOpenAgeSec, openByAge } from './interval-books';
import { BackOfficeKnobs } from './backoffice-knobs';

export class BackOfficeModel {
  readonly sim: Simulation;
  readonly config: BackOfficeConfig;
  readonly calendar: BusinessCalendar;
  readonly workTypes: WorkType[];
  readonly teams: Team[];
  readonly clerks: Clerk[];
  readonly horizonSec: number;
  readonly intervalSec: number;
  readonly warmupSec: number;
  readonly seed: number;
  /** Counters of every closed non-warm-up interval, per work type. */
  readonly totals: BackOfficeCounters[];
  /** The same for the whole back office. */
  readonly total: BackOfficeCounters;
  /** Live changes at the current simulated time (the Site's knobs drive them). */
  readonly knobs: BackOfficeKnobs;

  private readonly state: BackOfficeState;
  private readonly books: IntervalBooks;
  private readonly staffing: Staffing;
  private finished = false;

  constructor(
    readonly scenario: Scenario,
    options: BackOfficeModelOptions = {},
  ) {
    if (!scenario.backOffice) throw new RangeError('BackOfficeModel: the scenario has no backOffice section');
    const state = new BackOfficeState(scenario, scenario.backOffice, options);
    this.state = state;
    ({ sim: this.sim, config: this.config, calendar: this.calendar, seed: this.seed } = state);
    ({ workTypes: this.workTypes, teams: this.teams, clerks: this.clerks } = state);
    ({ horizonSec: this.horizonSec, intervalSec: this.intervalSec, warmupSec: this.warmupSec } = state);

    const work = new Work(state);
    this.books = new IntervalBooks(state, options);
    this.staffing = new Staffing(state, work);
    const arrivals = new Arrivals(state, work.backlogs, new Lateness(state, options.onFailureDemand));
    this.knobs = new BackOfficeKnobs(state, arrivals, work);
    this.totals = this.books.totals;
    this.total = this.books.total;
    // The order of these first events is the order of the engine's ties: keep it.
    this.books.start();
    arrivals.start();
    this.staffing.start();
  }

  /** The allocation rule in force (an intervention may switch it). */
  get rule(): AllocationRule {
    return this.state.rule;
  }

  get now(): number {
    return this.sim.now;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Advances to `untilSec` (never past the horizon); see Simulation.runUntil for the budget. */
  runUntil(untilSec: number, maxEvents?: number): RunResult {
    return this.sim.runUntil(Math.min(untilSec, this.horizonSec), maxEvents);
  }

  /** Runs to the horizon; the last interval and day are handed over as they end. */
  runToEnd(): void {
    this.runUntil(this.horizonSec);
    this.finished = true;
  }

  // ── Read-outs for wallboards and the animation ─────────────────────────────────────────

  /** Items waiting in the backlog (to be processed, reworked or checked). */
  backlogCount(workTypeIndex: number): number {
    return backlogCount(this.workTypes[workTypeIndex]);
  }

  /** Items being processed or checked, or paused in a clerk's hands. */
  inProgressCount(workTypeIndex: number): number {
    return this.workTypes[workTypeIndex].wipLevel.value;
  }

  pendingCount(workTypeIndex: number): number {
    return this.workTypes[workTypeIndex].pendingLevel.value;
  }

  /** Items not completed whose due time has passed. */
  lateOpenCount(workTypeIndex: number): number {
    return this.workTypes[workTypeIndex].lateOpen;
  }

  /** Age of the oldest item not completed, seconds (0 when none is open). */
  oldestAgeSec(workTypeIndex: number): number {
    return oldestOpenAgeSec(this.workTypes[workTypeIndex], this.sim.now);
  }

  /** Items not completed counted by age; bucket i holds ages below upperSec[i], the last the rest. O(open items). */
  openByAge(workTypeIndex: number, upperSec: readonly number[] = AGE_BUCKET_UPPER_SEC): number[] {
    return openByAge(this.workTypes[workTypeIndex], this.sim.now, upperSec);
  }

  /** How many clerks are in each state now. */
  clerkStateCounts(): Record<ClerkState, number> {
    const counts: Record<ClerkState, number> = { offline: 0, idle: 0, working: 0, checking: 0 };
    for (const clerk of this.clerks) counts[clerk.state]++;
    return counts;
  }

  /**
   * Paid and productive clerk-hours per team of the back office's own since the start: the input
   * of the cost formulas. Lent voice agents are left out: their group's counters price all their
   * hours, back-office work included.
   */
  teamUsage(): TeamUsage[] {
    const now = this.sim.now;
    return this.teams.filter((team) => !team.lender).map((team) => ({
      teamId: team.id,
      locationId: team.locationId,
      clerks: team.clerks.length,
      paidHours: team.onShift.peekArea(now) / 3600,
      productiveHours: team.busy.peekArea(now) / 3600,
    }));
  }

  /** See IntervalBooks.liveCounters: the run so far, the open interval included up to now. */
  liveCounters(workTypeIndex: number): BackOfficeCounters {
    return this.books.liveCounters(workTypeIndex);
  }

  /** The same for the whole back office. */
  liveTotalCounters(): BackOfficeCounters {
    return this.books.liveTotalCounters();
  }

  // ── Blending: voice agents lent by their group (staffing.ts) ─────────────────────────────

  /**
   * Adds a team of voice agents their group lends while the phone is quiet. Their hours are the
   * voice model's: they work here only between `lend` and `recall`/`interrupt` (or a task's end,
   * when the lender decides again). Call before the run starts.
   */
  addLentTeam(spec: LentTeamSpec, lender: AgentLender): Team {
    return this.staffing.addLentTeam(spec, lender);
  }

  /** A lent team gains a clerk: an agent who joined its voice group during the run. */
  addLentClerk(team: Team, id: string): Clerk {
    return this.staffing.addLentClerk(team, id);
  }

  /** A lent agent is free: its paused item first, else the next item the rule picks, else it waits idle here. */
  lend(clerk: Clerk): void {
    this.staffing.lend(clerk);
  }

  /** A lent agent idle here is taken back by its group. */
  recall(clerk: Clerk): void {
    this.staffing.recall(clerk);
  }

  /** A lent agent is taken off its item by its group; it keeps the item, paused, until lent again. */
  interrupt(clerk: Clerk): void {
    this.staffing.interrupt(clerk);
  }
}
