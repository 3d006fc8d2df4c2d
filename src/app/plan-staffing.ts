/**
 * The staffing optimiser in the page (issue 11, item 8): the runner's optimiseStaffing, run in a
 * Web Worker so the animation goes on, with a simulation count for progress and a Cancel that
 * terminates the worker; and what the Plan view draws from its answer: required, scheduled and
 * Erlang agents per interval, and the intervals where the schedule is short.
 *
 * Pure of the DOM: the worker is anything with postMessage, onmessage, onerror and terminate, so
 * the unit tests drive it with a fake worker in Node and the page with a real one.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { Cancelled } from '../runner/cancelled';
import { InfeasibleTargetError } from '../runner/staffing/fewest-meeting';
import { optimiseStaffing, staffedGroups, type GroupRequirement, type IntervalRequirement, type StaffingRequirement, type StaffingTarget } from '../runner/staffing/optimiser';
import type { Estimate } from '../runner/statistics';

export interface StaffingRequest {
  scenario: Scenario;
  target: StaffingTarget;
  seed: number;
  replications: number;
}

/** The optimiser's answer as `kituo staff --format json` prints it under "phones" (no staffed scenario). */
export type StaffingAnswer = Omit<StaffingRequirement, 'staffing'>;

export type MessageFromStaffingWorker =
  | { kind: 'simulated'; evaluations: number }
  | { kind: 'done'; requirement: StaffingAnswer }
  /** `infeasible`: no staffing up to the ceiling meets the target (a planner's problem, not a fault). */
  | { kind: 'failed'; message: string; infeasible: boolean };

/** The worker's side: optimises, telling `post` of every simulation, then the answer or the failure. */
export function solveStaffing(request: StaffingRequest, post: (message: MessageFromStaffingWorker) => void): void {
  try {
    const { staffing: _staffing, ...requirement } = optimiseStaffing(request.scenario, request.target, {
      seed: request.seed,
      replications: request.replications,
      onSimulated: (evaluations) => post({ kind: 'simulated', evaluations }),
    });
    post({ kind: 'done', requirement });
  } catch (error) {
    post({ kind: 'failed', message: (error as Error).message, infeasible: error instanceof InfeasibleTargetError });
  }
}

export interface StaffingWorker {
  postMessage(message: StaffingRequest): void;
  onmessage: ((event: { data: MessageFromStaffingWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** A target the optimiser cannot meet within the group's ceiling; the message says where. */
export class InfeasibleStaffingError extends Error {}

/** Runs one optimisation on a fresh worker, terminated when it answers, fails or is cancelled. */
export function optimiseOnWorker(
  startWorker: () => StaffingWorker,
  request: StaffingRequest,
  { signal, onSimulated }: { signal?: AbortSignal; onSimulated?: (evaluations: number) => void } = {},
): Promise<StaffingAnswer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const worker = startWorker();
    let finished = false;
    const finish = (settle: () => void) => {
      if (finished) return;
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new Cancelled()));
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = ({ data }) => {
      if (finished) return;
      if (data.kind === 'simulated') onSimulated?.(data.evaluations);
      else if (data.kind === 'done') finish(() => resolve(data.requirement));
      else finish(() => reject(data.infeasible ? new InfeasibleStaffingError(data.message) : new Error(data.message)));
    };
    worker.onerror = (event) => finish(() => reject(new Error(`the staffing worker failed: ${event.message ?? 'unknown error'}`)));
    worker.postMessage(request);
  });
}

/** Whether the optimiser has agents to staff in the scenario: some group answers calls. */
export const answersCalls = (scenario: Scenario) => staffedGroups(scenario).length > 0;

export interface StaffingSeries {
  /** Each interval's start of day, 'HH:MM'. */
  intervals: string[];
  required: number[];
  scheduled: number[];
  erlang: number[];
}

/** A group's required, scheduled and Erlang agents interval by interval, for the chart. */
export function staffingSeries(group: GroupRequirement): StaffingSeries {
  return {
    intervals: group.intervals.map((i) => i.start),
    required: group.intervals.map((i) => i.required),
    scheduled: group.intervals.map((i) => i.scheduled),
    erlang: group.intervals.map((i) => i.erlang),
  };
}

export interface ShortInterval extends Pick<IntervalRequirement, 'start' | 'required' | 'scheduled' | 'gap' | 'erlang'> {
  group: string;
  /** The first queue's service level with the required staff: what meeting the target looked like. */
  serviceLevel: Estimate;
}

/** The intervals whose schedule has fewer agents than required, group by group, in the day's order. */
export function shortIntervals(answer: StaffingAnswer): ShortInterval[] {
  return answer.groups.flatMap((group) =>
    group.intervals
      .filter((i) => i.gap < 0)
      .map((i) => ({ group: group.group, start: i.start, required: i.required, scheduled: i.scheduled, gap: i.gap, erlang: i.erlang, serviceLevel: i.queues[group.queues[0]].serviceLevel })),
  );
}

/** Agents short and agents over, each summed over the day in agent-hours: the gap a manager is told. */
export function gapAgentHours(group: GroupRequirement): { short: number; over: number } {
  const hoursPerInterval = 24 / group.intervals.length;
  const sum = (sign: 1 | -1) => group.intervals.reduce((total, i) => total + Math.max(0, sign * i.gap), 0) * hoursPerInterval;
  return { short: sum(-1), over: sum(1) };
}
