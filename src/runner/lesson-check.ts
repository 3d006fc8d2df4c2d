/**
 * Plays a lesson's configurations to its stop time and says what the reveal shows: each figure's
 * value and whether every condition of the claim holds. Every configuration runs replication 0
 * of one seed (common random numbers: the same callers and items meet each configuration), so
 * the figures are those of the single run the room watches, and a test can ask the same of many
 * seeds. The run ends at the stop time (the scenario cut there by setUpLesson): calls still
 * waiting then are left out of the service level, as on the page's wallboard at that moment.
 */
import type { Condition, Lesson } from '../model/lesson/lesson-schema';
import { parseKpiReference, type KpiReference } from '../model/lesson/lesson-kpis';
import { subjectIndex, type ConfiguredScenario } from '../model/lesson/lesson-setup';
import { runReplication, type ReplicationResult } from './run-replications';

export interface RevealedFigure {
  id: string;
  configuration: string;
  kpi: string;
  /** Null when the run gives no value (no calls answered, nothing completed …). */
  value: number | null;
}

export interface CheckedCondition {
  condition: Condition;
  /** left − minus, and the right-hand side, as compared; null when a figure has no value. */
  left: number | null;
  right: number | null;
  holds: boolean;
}

export interface LessonOutcome {
  seed: number;
  figures: RevealedFigure[];
  conditions: CheckedCondition[];
  /** Every condition holds. */
  holds: boolean;
}

/** `configurations` come from setUpLesson(lesson, …); `seed` is the lesson's or any other. */
export function checkLesson(lesson: Lesson, configurations: readonly ConfiguredScenario[], seed: number): LessonOutcome {
  const results = new Map<string, ReplicationResult>();
  for (const { configuration, untilStop } of configurations) results.set(configuration.id, runReplication(untilStop, seed, 0));
  const figures = lesson.reveal.figures.map((figure): RevealedFigure => {
    const configured = configurations.find((c) => c.configuration.id === figure.configuration);
    const parsed = parseKpiReference(figure.kpi);
    if (!configured || !parsed.ok) throw new RangeError(`figure "${figure.id}" is not set up: check the lesson with setUpLesson first`);
    return { id: figure.id, configuration: figure.configuration, kpi: figure.kpi, value: readKpi(results.get(figure.configuration)!, subjectIndex(configured.scenario, parsed.reference), parsed.reference) };
  });
  const valueOf = (figureId: string) => figures.find((figure) => figure.id === figureId)!.value;
  const conditions = lesson.reveal.claim.map((condition): CheckedCondition => {
    const base = valueOf(condition.left);
    const minus = condition.minus === undefined ? 0 : valueOf(condition.minus);
    const left = base === null || minus === null ? null : base - minus;
    const right = typeof condition.right === 'number' ? condition.right : valueOf(condition.right);
    return { condition, left, right, holds: left !== null && right !== null && compare(left, condition.op, right) };
  });
  return { seed, figures, conditions, holds: conditions.every((c) => c.holds) };
}

function compare(left: number, op: Condition['op'], right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

function readKpi(result: ReplicationResult, index: number, reference: KpiReference): number | null {
  const pick = (record: object | null | undefined): number | null => {
    const value = record ? (record as Record<string, unknown>)[reference.kpi] : undefined;
    return typeof value === 'number' ? value : null;
  };
  switch (reference.section) {
    case 'queues':
      return pick(result.totals[index]);
    case 'groups':
      return pick(result.groups[index]);
    case 'campaigns':
      return reference.kpi === 'worst24hAbandonRate' ? result.worst24hAbandonRates[index] : pick(result.campaigns[index]);
    case 'backOffice':
      return pick(result.backOffice?.workTypes[index]);
    case 'backOfficeTotal':
      return pick(result.backOffice?.total);
    case 'cost':
      return pick(result.cost?.report);
  }
}
