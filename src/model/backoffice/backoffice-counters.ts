/**
 * The counters behind every back-office KPI, and the one function that turns them into KPIs.
 *
 * Flows (arrivals, completions, checks …) count what happened during a period and belong to the
 * period in which they happened: an item completed on Tuesday counts on Tuesday, whenever it
 * arrived. So a period's record is final the moment the period ends and nothing stays open:
 * memory does not grow with simulated time. Time integrals (backlog, WIP, busy and on-shift
 * clerks) are areas over the period. Stocks (`…AtEnd`) are snapshots at the period's end.
 *
 * `addBackOfficeCounters(target, later)` adds flows and areas and takes the stocks of the later
 * period, so adding periods in time order gives the counters of the span they cover: intervals
 * into days, days into the run. Every view derives its figures through `deriveBackOfficeKpis`,
 * so the definitions in DOMAIN.md live in one place.
 */

export interface BackOfficeCounters {
  // ── Flows ──
  arrived: number;
  completed: number;
  /** Completed no later than the due time. */
  completedOnTime: number;
  /** Σ (completion − arrival) of completed items. */
  cycleTimeSumSec: number;
  maxCycleTimeSec: number;
  /** Processing passes finished (first handling, handling after a customer reply, rework). */
  processed: number;
  /** Σ processing time of those passes. */
  processSumSec: number;
  /** Quality checks finished, and those that found an error. */
  checked: number;
  checksFailed: number;
  checkSumSec: number;
  /** Items that went to wait for the customer. */
  pendingStarted: number;
  /** Items whose due time passed before they were completed. */
  wentLate: number;
  /** Calls to the call center from customers whose item went late (failure demand). */
  failureDemandCalls: number;
  // ── Time integrals ──
  /** ∫ items waiting in the backlog (to be processed, reworked or checked) dt. */
  backlogArea: number;
  /** ∫ items in progress dt: being processed or checked, or paused in a clerk's hands overnight. */
  wipArea: number;
  /** ∫ items waiting for the customer dt. */
  pendingArea: number;
  /** ∫ clerks working on these items (processing or checking) dt. */
  busyArea: number;
  /** ∫ clerks on shift who can work on these items dt (paid time). */
  staffedArea: number;
  /** Simulated seconds these counters cover. */
  observedSec: number;
  // ── Stocks at the end of the period ──
  backlogAtEnd: number;
  inProgressAtEnd: number;
  pendingAtEnd: number;
  /** Items not completed whose due time has passed (in the backlog, in progress or pending). */
  lateOpenAtEnd: number;
  /** Age of the oldest item not completed (backlog, in progress or pending); 0 when there is none. */
  oldestAgeAtEndSec: number;
}

export type BackOfficeCounterName = keyof BackOfficeCounters;

const STOCKS: ReadonlySet<BackOfficeCounterName> = new Set<BackOfficeCounterName>([
  'backlogAtEnd',
  'inProgressAtEnd',
  'pendingAtEnd',
  'lateOpenAtEnd',
  'oldestAgeAtEndSec',
]);

export function emptyBackOfficeCounters(): BackOfficeCounters {
  return {
    arrived: 0,
    completed: 0,
    completedOnTime: 0,
    cycleTimeSumSec: 0,
    maxCycleTimeSec: 0,
    processed: 0,
    processSumSec: 0,
    checked: 0,
    checksFailed: 0,
    checkSumSec: 0,
    pendingStarted: 0,
    wentLate: 0,
    failureDemandCalls: 0,
    backlogArea: 0,
    wipArea: 0,
    pendingArea: 0,
    busyArea: 0,
    staffedArea: 0,
    observedSec: 0,
    backlogAtEnd: 0,
    inProgressAtEnd: 0,
    pendingAtEnd: 0,
    lateOpenAtEnd: 0,
    oldestAgeAtEndSec: 0,
  };
}

const KEYS = Object.keys(emptyBackOfficeCounters()) as BackOfficeCounterName[];

/** Adds the period `later` into `target`: flows and areas add, maxima take the larger, stocks take `later`'s. */
export function addBackOfficeCounters(target: BackOfficeCounters, later: BackOfficeCounters): BackOfficeCounters {
  for (const key of KEYS) {
    if (STOCKS.has(key)) target[key] = later[key];
    else if (key === 'maxCycleTimeSec') target[key] = Math.max(target[key], later[key]);
    else target[key] += later[key];
  }
  return target;
}

/**
 * What happened between two instants of one run: `later − earlier` for flows and time
 * integrals; stocks and the maximum cycle time as they stand at `later` (a maximum cannot be
 * differenced). Used for "today" and "this interval" views from live counters.
 */
export function subtractBackOfficeCounters(later: BackOfficeCounters, earlier: BackOfficeCounters): BackOfficeCounters {
  const out = emptyBackOfficeCounters();
  for (const key of KEYS) out[key] = STOCKS.has(key) || key === 'maxCycleTimeSec' ? later[key] : later[key] - earlier[key];
  return out;
}

/**
 * Combines the counters of several work types over the same period into one for the whole back
 * office. Everything adds (an item belongs to one work type, a busy clerk works on one item)
 * except the ages and on-shift clerks: the oldest age is the largest, and a clerk skilled in two
 * work types is on shift once, so the caller passes the true on-shift area.
 */
export function combineWorkTypes(parts: readonly BackOfficeCounters[], staffedArea: number, observedSec: number): BackOfficeCounters {
  const sum = emptyBackOfficeCounters();
  for (const part of parts) {
    for (const key of KEYS) {
      if (key === 'maxCycleTimeSec' || key === 'oldestAgeAtEndSec') sum[key] = Math.max(sum[key], part[key]);
      else sum[key] += part[key];
    }
  }
  sum.staffedArea = staffedArea;
  sum.observedSec = observedSec;
  return sum;
}

/**
 * The back-office KPIs of DOMAIN.md. A ratio whose denominator is zero is null ("nothing
 * completed", "nobody on shift"), never NaN and never a made-up 0 or 100%.
 */
export interface BackOfficeKpis {
  arrived: number;
  completed: number;
  /** Completed after their due time. */
  completedLate: number;
  /** Completed by the due time ÷ completed. */
  onTimeRate: number | null;
  /** Mean time from arrival to completion of the items completed, seconds. */
  meanCycleTimeSec: number | null;
  maxCycleTimeSec: number;
  /** Items waiting at the end: not started, back for rework, or waiting for their check. */
  backlogAtEnd: number;
  inProgressAtEnd: number;
  pendingAtEnd: number;
  /** Items not completed and already past their due time at the end (reported apart from on-time rate). */
  lateInBacklog: number;
  /** Age of the oldest item not completed at the end, seconds (0 when none is open). */
  oldestAgeAtEndSec: number;
  /** Time-average number of items in the backlog. */
  meanBacklog: number | null;
  /** Time-average work in progress: items being processed or checked, or paused overnight. */
  meanWip: number | null;
  /** Time-average number of items waiting for the customer. */
  meanPending: number | null;
  /** Completed per simulated hour (all hours, nights included). */
  throughputPerHour: number | null;
  /** Completed per on-shift (paid) clerk hour. */
  itemsPerAgentHour: number | null;
  /** Time processing or checking ÷ time on shift. On-shift time is paid time: no shrinkage is modelled. */
  utilization: number | null;
  /** Mean time of one processing pass, seconds. */
  meanProcessSec: number | null;
  checked: number;
  /** Checks that found an error ÷ checks. */
  reworkRate: number | null;
  pendingStarted: number;
  wentLate: number;
  failureDemandCalls: number;
}

export type BackOfficeKpiName = keyof BackOfficeKpis;

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export function deriveBackOfficeKpis(c: BackOfficeCounters): BackOfficeKpis {
  return {
    arrived: c.arrived,
    completed: c.completed,
    completedLate: c.completed - c.completedOnTime,
    onTimeRate: ratio(c.completedOnTime, c.completed),
    meanCycleTimeSec: ratio(c.cycleTimeSumSec, c.completed),
    maxCycleTimeSec: c.maxCycleTimeSec,
    backlogAtEnd: c.backlogAtEnd,
    inProgressAtEnd: c.inProgressAtEnd,
    pendingAtEnd: c.pendingAtEnd,
    lateInBacklog: c.lateOpenAtEnd,
    oldestAgeAtEndSec: c.oldestAgeAtEndSec,
    meanBacklog: ratio(c.backlogArea, c.observedSec),
    meanWip: ratio(c.wipArea, c.observedSec),
    meanPending: ratio(c.pendingArea, c.observedSec),
    throughputPerHour: ratio(c.completed * 3600, c.observedSec),
    itemsPerAgentHour: ratio(c.completed * 3600, c.staffedArea),
    utilization: ratio(c.busyArea, c.staffedArea),
    meanProcessSec: ratio(c.processSumSec, c.processed),
    checked: c.checked,
    reworkRate: ratio(c.checksFailed, c.checked),
    pendingStarted: c.pendingStarted,
    wentLate: c.wentLate,
    failureDemandCalls: c.failureDemandCalls,
  };
}
