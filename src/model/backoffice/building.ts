/**
 * Building the back office from its scenario section: each work type with its backlogs, levels
 * and samplers (one named random stream per purpose), each team with its clerks. Runs once, before
 * the run; nothing here is on the hot path.
 */
import type { RandomStreams } from '../../engine/random-streams';
import { createSampler } from '../../engine/distributions';
import { TimeWeighted } from '../../engine/time-weighted';
import { BinaryHeap } from '../../engine/binary-heap';
import { poissonArrivals, type RateProfile } from '../common/arrival-profile';
import { emptyList } from '../../engine/intrusive-list';
import { clockSec, toSecondsSpec, type AllocationRule, type TeamConfig, type WorkTypeConfig } from './backoffice-schema';
import { byDayOfRun } from '../scenario/calendar-schema';
import { ShiftPattern, type BusinessCalendar } from './business-calendar';
import { createCountSampler } from './count-distribution';
import { orderFor } from './allocation';
import type { Clerk, Team, WorkItem, WorkType } from './backoffice-objects';

/** What building needs to know about the run. */
export interface BuildContext {
  readonly rule: AllocationRule;
  readonly horizonSec: number;
  /** Simulated time the back office starts at. */
  readonly startSec: number;
  readonly calendar: BusinessCalendar;
}

/** A team as `assembleTeam` takes it: the scenario's team, or a voice group's agents lent to the back office. */
export type TeamSpec = Pick<Team, 'id' | 'name' | 'index' | 'config' | 'locationId' | 'shift' | 'lender'> & {
  /** Work type ids its clerks process and check. */
  readonly skills: readonly string[];
  readonly clerkIds: readonly string[];
};

export function buildWorkType(config: WorkTypeConfig, index: number, streams: RandomStreams, context: BuildContext): WorkType {
  const stream = (what: string) => streams.stream(`bo-${what}:${config.id}`);
  const arrivalStream = stream('arrivals');
  const handlingSpec = toSecondsSpec(config.handling);
  const qc = config.qualityCheck;
  const pendingStream = stream('pending');
  const failureStream = stream('failure-demand');
  // Read by day of the run (dayIndex % 7), so a run that starts on a Saturday takes Saturday's factor first.
  const factors = byDayOfRun(config.arrivals.dayOfWeekFactors ?? [1, 1, 1, 1, 1, 1, 1], context.calendar.firstWeekday);
  const start = context.startSec;
  return {
    id: config.id,
    name: config.name,
    index,
    config,
    priority: config.priority ?? 5,
    teams: [],
    processBacklog: backlogHeap(context.rule),
    checkBacklog: backlogHeap(context.rule),
    open: new BinaryHeap<WorkItem>((a, b) => a.arrivalSec < b.arrivalSec || (a.arrivalSec === b.arrivalSec && a.id < b.id), {
      get: (i) => i.openSlot,
      set: (i, slot) => (i.openSlot = slot),
    }),
    backlogLevel: new TimeWeighted(0, start),
    wipLevel: new TimeWeighted(0, start),
    pendingLevel: new TimeWeighted(0, start),
    busyLevel: new TimeWeighted(0, start),
    staffedLevel: new TimeWeighted(0, start),
    lateOpen: 0,
    dayFactors: factors,
    nextStreamArrivalAfter: config.arrivals.stream
      ? poissonArrivals(weeklyProfile(config.arrivals.stream.intervalMin, config.arrivals.stream.itemsPerInterval, factors), arrivalStream, context.horizonSec)
      : null,
    streamEvent: null,
    volumeFactor: 1,
    batches: (config.arrivals.batches ?? []).map((batch) => ({ config: batch, atSec: clockSec(batch.atTime), drawSize: createCountSampler(batch.size, arrivalStream) })),
    drawHandling: createSampler(handlingSpec, stream('handling')),
    qcStream: stream('qc'),
    drawCheck: qc ? createSampler(toSecondsSpec(qc.checkTime), stream('qc-time')) : null,
    drawRework: createSampler(qc?.rework ? toSecondsSpec(qc.rework) : handlingSpec, stream('rework')),
    pendingStream,
    drawPendingDelay: config.pendingOnCustomer ? createSampler(toSecondsSpec(config.pendingOnCustomer.delay), pendingStream) : null,
    drawAfterReply: createSampler(handlingSpec, pendingStream),
    failureStream,
    drawFailureDelay: config.failureDemand ? createSampler(toSecondsSpec(config.failureDemand.delay), failureStream) : null,
  };
}

/** One of the scenario's teams, its clerks named `<team id>-1`, `-2` … */
export function buildTeam(config: TeamConfig, index: number, workTypes: readonly WorkType[], calendar: BusinessCalendar, startSec: number): Team {
  const clerkIds = Array.from({ length: config.clerks }, (_, n) => `${config.id}-${n + 1}`);
  const spec = { id: config.id, name: config.name, index, config, locationId: config.locationId, shift: new ShiftPattern(config.shift, calendar), lender: null };
  return assembleTeam({ ...spec, skills: config.skills, clerkIds }, workTypes, startSec);
}

/** A team with its clerks, all offline, joined to the work types it is skilled in. */
export function assembleTeam(spec: TeamSpec, workTypes: readonly WorkType[], startSec: number): Team {
  const team: Team = {
    id: spec.id,
    name: spec.name,
    index: spec.index,
    config: spec.config,
    locationId: spec.locationId,
    shift: spec.shift,
    lender: spec.lender,
    clerks: [],
    workTypes: spec.skills.map((skill) => workTypes.find((w) => w.id === skill)!),
    window: null,
    idle: emptyList<Clerk>(),
    onShift: new TimeWeighted(0, startSec),
    busy: new TimeWeighted(0, startSec),
  };
  for (const clerkId of spec.clerkIds) team.clerks.push(newClerk(clerkId, team, startSec));
  for (const workType of team.workTypes) workType.teams.push(team);
  return team;
}

/** An empty backlog in the order of an allocation rule. */
export function backlogHeap(rule: AllocationRule): BinaryHeap<WorkItem> {
  return new BinaryHeap<WorkItem>(orderFor(rule), { get: (i) => i.backlogSlot, set: (i, slot) => (i.backlogSlot = slot) });
}

/** A clerk of a team, offline. */
export function newClerk(id: string, team: Team, startSec: number): Clerk {
  return { id, team, state: 'offline', stateSinceSec: startSec, item: null, endSec: 0, remainingSec: 0, endEvent: null, prev: null, next: null, idleSeq: 0, leaving: false };
}

/** The arrival rate of a daily profile over a week, scaled by each day's factor (given by day of the run modulo 7: byDayOfRun). */
export function weeklyProfile(intervalMin: number, itemsPerInterval: readonly number[], dayFactors: readonly number[]): RateProfile {
  const pieceSec = intervalMin * 60;
  const perDay = itemsPerInterval.length;
  const ratePerSec = new Float64Array(7 * perDay);
  for (let d = 0; d < 7; d++) {
    for (let i = 0; i < perDay; i++) ratePerSec[d * perDay + i] = (itemsPerInterval[i] * dayFactors[d]) / pieceSec;
  }
  return { pieceSec, ratePerSec };
}
