/** Small back-office scenarios for the tests, validated through the one scenario schema. */
import { validateScenario } from '../../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../../src/model/scenario/scenario-schema';
import { BackOfficeModel } from '../../../src/model/backoffice/backoffice-model';
import type { BackOfficeDayRecord, BackOfficeModelOptions } from '../../../src/model/backoffice/backoffice-records';
import type { BackOfficeEvent } from '../../../src/model/backoffice/backoffice-events';

export const WEEKDAYS_MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const OFFICE_HOURS = { open: '08:00', close: '17:00', days: WEEKDAYS_MON_FRI };

/** A scenario document around a backOffice section (no call queues). */
export function scenarioWith(backOffice: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test',
    seed: 11,
    days: 7,
    reportIntervalMin: 60,
    serviceLevel: { thresholdSec: 20 },
    queues: [],
    agentGroups: [],
    backOffice,
    ...extra,
  };
}

/** Validates a document and fails loudly, listing the problems, when it is not a scenario. */
export function mustParse(data: unknown): Scenario {
  const result = validateScenario(data);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.scenario;
}

/** A flat Poisson stream of `perHour` items around the clock (24 one-hour intervals). */
export function flatStream(perHour: number) {
  return { intervalMin: 60, itemsPerInterval: Array.from({ length: 24 }, () => perHour) };
}

export interface RunOutcome {
  model: BackOfficeModel;
  days: BackOfficeDayRecord[];
  events: BackOfficeEvent[];
}

/** Runs a scenario to the end, keeping day records and (when asked) every event. */
export function run(scenario: Scenario, options: BackOfficeModelOptions & { keepEvents?: boolean } = {}): RunOutcome {
  const days: BackOfficeDayRecord[] = [];
  const events: BackOfficeEvent[] = [];
  const { keepEvents, ...rest } = options;
  const model = new BackOfficeModel(scenario, {
    ...rest,
    onDayClosed: (day) => {
      days.push(day);
      rest.onDayClosed?.(day);
    },
    listener: keepEvents ? (event) => events.push(event) : rest.listener,
  });
  model.runToEnd();
  return { model, days, events };
}
