/**
 * How big a run is before it starts: the calls and items a replication is expected to bring,
 * from the arrival curves, promotion spikes, call lists, batches and streams over the scenario's
 * days. Each field is bounded by the schema, but together they can still ask for a run that
 * would take hours or exhaust memory (a million calls in every interval of a year); such a
 * scenario is refused before it runs, naming the field that brings the most.
 *
 * The estimate counts first attempts: retrials, repeat calls, redials of a call list beyond the
 * first and rework add to them, each bounded by its own probability or attempt limit.
 */
import type { Scenario } from './scenario-schema';
import { expectedArrivals, rateProfile } from '../common/arrival-profile';
import { byDayOfRun, DAY_SEC } from './calendar-schema';
import { RunCalendar } from './run-calendar';
import { BusinessCalendar } from '../backoffice/business-calendar';
import type { CountSpec } from '../backoffice/backoffice-schema';
import { distributionMean, type DistributionSpec } from '../../engine/distributions';

/**
 * Expected calls and items in one replication at most. The engine handles about two million
 * calls per CPU-second, so the largest run takes a few seconds per replication; and should all
 * its calls wait at once (one agent, no patience), they fit in about 2 GB (measured: 19 million
 * waiting calls took 4 GB).
 */
export const MAX_RUN_CONTACTS = 10_000_000;

export interface RunSizeSource {
  /** JSON path of the field that brings these contacts. */
  readonly path: (string | number)[];
  readonly expected: number;
}

/** Every source of calls and items in the scenario with the contacts it is expected to bring in one replication. */
export function runSizeSources(scenario: Scenario): RunSizeSource[] {
  const horizonSec = scenario.days * DAY_SEC;
  const sources: RunSizeSource[] = [];
  const runCalendar = new RunCalendar(scenario);
  scenario.queues.forEach((queue, q) => {
    const field = 'ratePerHour' in queue.arrivals ? 'ratePerHour' : 'callsPerInterval';
    sources.push({ path: ['queues', q, 'arrivals', field], expected: expectedArrivals(rateProfile(queue.arrivals, runCalendar, scenario.days), 0, horizonSec) });
    queue.arrivalSpikes?.forEach((spike, s) => sources.push({ path: ['queues', q, 'arrivalSpikes', s, 'extraCalls'], expected: spike.extraCalls }));
  });
  scenario.campaigns?.forEach((campaign, c) => sources.push({ path: ['campaigns', c, 'records'], expected: campaign.records }));
  const backOffice = scenario.backOffice;
  if (backOffice) {
    const calendar = new BusinessCalendar(backOffice.calendar, runCalendar);
    backOffice.workTypes.forEach((workType, w) => {
      const factors = byDayOfRun(workType.arrivals.dayOfWeekFactors ?? [1, 1, 1, 1, 1, 1, 1], runCalendar.firstWeekday);
      const stream = workType.arrivals.stream;
      if (stream) {
        const dayTotal = stream.itemsPerInterval.reduce((sum, items) => sum + items, 0);
        sources.push({ path: ['backOffice', 'workTypes', w, 'arrivals', 'stream', 'itemsPerInterval'], expected: dayTotal * factorDays(scenario.days, factors) });
      }
      workType.arrivals.batches?.forEach((batch, b) => {
        let landings = 0;
        for (let day = 0; day < Math.ceil(scenario.days); day++) if (calendar.batchLandsOn(batch, day)) landings += factors[day % 7];
        sources.push({ path: ['backOffice', 'workTypes', w, 'arrivals', 'batches', b, 'size'], expected: meanCount(batch.size) * landings });
      });
    });
  }
  return sources;
}

/** The refusal of a run too big to start, under the path of its largest source; none when it fits. */
export function runSizeProblems(scenario: Scenario): { path: (string | number)[]; message: string }[] {
  const sources = runSizeSources(scenario);
  const total = sources.reduce((sum, source) => sum + source.expected, 0);
  if (total <= MAX_RUN_CONTACTS) return [];
  const largest = sources.reduce((a, b) => (b.expected > a.expected ? b : a));
  return [
    {
      path: largest.path,
      message: `must keep the run at most ${MAX_RUN_CONTACTS} expected calls and items per replication, all sources together (got ${Math.round(total)})`,
    },
  ];
}

/** Days of the run weighted by their day-of-week factor (a part day counts in part). */
function factorDays(days: number, factors: readonly number[]): number {
  let sum = 0;
  for (let day = 0; day < days; day++) sum += factors[day % 7] * Math.min(1, days - day);
  return sum;
}

/** A batch's mean size: the count kinds share their parameters' names with the engine's distributions. */
function meanCount(size: CountSpec): number {
  return size.kind === 'poisson' ? size.mean : distributionMean(size as DistributionSpec);
}
