/**
 * A lesson made concrete against its scenario: each configuration's scenario (the file's data
 * with the configuration's paths written in, validated by the scenario schema), and the same cut
 * at the lesson's stop time, which is what the reveal measures. Everything that can only be
 * checked with the scenario in hand (paths that exist, values the schema accepts, a stop time
 * within the run, KPIs of queues, groups and work types the scenario has) is reported against
 * the lesson's JSON path. Pure: the page and the tests both use it.
 */
import { formatPath, validateScenario, validateWithSchema, type ScenarioProblem } from '../scenario/parse-scenario';
import { DAY_SEC } from '../scenario/calendar-schema';
import { scenarioCosts, type Scenario } from '../scenario/scenario-schema';
import { isAtOrUnder, parsePath, writeAtPath } from '../scenario/scenario-overrides';
import { lessonSchema, momentSec, type Lesson, type LessonConfiguration } from './lesson-schema';
import { parseKpiReference, type KpiReference } from './lesson-kpis';

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; problems: ScenarioProblem[] };

export function validateLesson(data: unknown): LessonParseResult {
  const result = validateWithSchema(lessonSchema, data);
  return result.ok ? { ok: true, lesson: result.data } : result;
}

export interface ConfiguredScenario {
  readonly configuration: LessonConfiguration;
  /** The scenario as the page plays it, over its whole horizon. */
  readonly scenario: Scenario;
  /** The same scenario ending at the lesson's stop time: the run whose figures the reveal shows. */
  readonly untilStop: Scenario;
}

export type LessonSetupResult = { ok: true; configurations: ConfiguredScenario[]; seed: number } | { ok: false; problems: ScenarioProblem[] };

/** `scenarioData` is the scenario file's JSON as read, before validation; it is not changed. */
export function setUpLesson(lesson: Lesson, scenarioData: unknown): LessonSetupResult {
  const problems: ScenarioProblem[] = [];
  const configurations: ConfiguredScenario[] = [];
  const stopSec = momentSec(lesson.stopAt);
  lesson.configurations.forEach((configuration, c) => {
    const at = (path: string) => formatPath(['configurations', c, 'set', path]);
    // The file's JSON, copied so every configuration starts from it unchanged.
    const data: unknown = JSON.parse(JSON.stringify(scenarioData));
    let written = true;
    for (const [path, value] of Object.entries(configuration.set)) {
      const problem = writeAtPath(data, parsePath(path)!, value);
      if (problem) {
        problems.push({ path: at(path), message: `${problem.path || '(document)'}: ${problem.message}` });
        written = false;
      }
    }
    if (!written) return;
    const parsed = validateScenario(data);
    if (!parsed.ok) {
      for (const problem of parsed.problems) {
        const cause = Object.keys(configuration.set).find((path) => isAtOrUnder(parsePath(path)!, problem.path));
        problems.push({ path: cause ? at(cause) : formatPath(['configurations', c]), message: `${lesson.scenario}: ${problem.path || '(document)'}: ${problem.message}` });
      }
      return;
    }
    const scenario = parsed.scenario;
    const horizonSec = scenario.days * DAY_SEC;
    if (stopSec > horizonSec) {
      problems.push({ path: 'stopAt', message: `is after the end of configuration "${configuration.id}" (${lesson.scenario} runs ${scenario.days} days)` });
      return;
    }
    const untilStop = validateScenario({ ...scenario, days: stopSec / DAY_SEC });
    if (!untilStop.ok) {
      problems.push(...untilStop.problems.map((p) => ({ path: 'stopAt', message: `cannot end the run there: ${p.path}: ${p.message}` })));
      return;
    }
    configurations.push({ configuration, scenario, untilStop: untilStop.scenario });
  });
  if (problems.length > 0) return { ok: false, problems };
  lesson.reveal.figures.forEach((figure, f) => {
    const configured = configurations.find((c) => c.configuration.id === figure.configuration)!;
    const reference = parseKpiReference(figure.kpi);
    const missing = reference.ok ? missingSubject(configured.scenario, reference.reference) : null;
    if (missing) problems.push({ path: formatPath(['reveal', 'figures', f, 'kpi']), message: `${missing} in configuration "${figure.configuration}"` });
  });
  if (problems.length > 0) return { ok: false, problems };
  const seed = lesson.seed ?? configurations[0].scenario.seed ?? 1;
  return { ok: true, configurations, seed };
}

/** Where a KPI reference's subject sits in the scenario's lists, or -1. */
export function subjectIndex(scenario: Scenario, reference: KpiReference): number {
  switch (reference.section) {
    case 'queues':
      return scenario.queues.findIndex((queue) => queue.id === reference.id);
    case 'groups':
      return scenario.agentGroups.findIndex((group) => group.id === reference.id);
    case 'campaigns':
      return (scenario.campaigns ?? []).findIndex((campaign) => campaign.id === reference.id);
    case 'backOffice':
      return (scenario.backOffice?.workTypes ?? []).findIndex((workType) => workType.id === reference.id);
    case 'backOfficeTotal':
      return scenario.backOffice ? 0 : -1;
    case 'cost':
      return scenarioCosts(scenario) ? 0 : -1;
  }
}

function missingSubject(scenario: Scenario, reference: KpiReference): string | null {
  if (subjectIndex(scenario, reference) >= 0) return null;
  const what: Record<KpiReference['section'], string> = {
    queues: `names unknown queue "${reference.id}"`,
    groups: `names unknown agent group "${reference.id}"`,
    campaigns: `names unknown campaign "${reference.id}"`,
    backOffice: `names unknown work type "${reference.id}"`,
    backOfficeTotal: 'names the back office, but the scenario has none',
    cost: 'names a cost, but the scenario gives no costs',
  };
  return what[reference.section];
}
