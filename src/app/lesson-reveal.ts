/**
 * What the reveal shows: every figure of the lesson measured at the stop by the lesson check
 * itself (checkLesson, the code the claim tests run), on the page's seed, and how the room's
 * prediction compares. Every configuration runs to the stop here, in the page's thread: the
 * runs are cut at the stop and take a fraction of a second.
 */
import { checkLesson } from '../runner/lesson-check';
import type { Bilingual, Lesson } from '../model/lesson/lesson-schema';
import { scenarioCosts } from '../model/scenario/scenario-schema';
import type { ReadyLesson } from './lesson-catalog';
import type { LessonAnswer } from './lesson-play';

type Format = Lesson['reveal']['figures'][number]['format'];

export interface ShownFigure {
  readonly id: string;
  readonly label: Bilingual;
  readonly configuration: string;
  readonly format: Format;
  /** As checkLesson measures it (a 0–1 ratio for percent, seconds for seconds and hours); null when the run gives none. */
  readonly value: number | null;
}

export type PredictionVerdict =
  | { readonly kind: 'choice'; readonly chosen: Bilingual; readonly answer: Bilingual; readonly right: boolean }
  | {
      readonly kind: 'number';
      /** As the room entered it (percent as 0–100, hours as hours). */
      readonly entered: number;
      /** The same number in the figure's own units, to be shown as the figure is. */
      readonly enteredValue: number;
      readonly figure: ShownFigure;
    };

export interface LessonReveal {
  readonly seed: number;
  readonly figures: readonly ShownFigure[];
  /** Every condition of the claim holds on this seed. */
  readonly holds: boolean;
  readonly verdict: PredictionVerdict;
  /** The scenario's currency, for money figures; null when it gives no costs. */
  readonly currency: string | null;
}

/** A number the room entered (percent as 0–100, hours as hours) in the figure's units (a 0–1 ratio, seconds). */
export function enteredAsFigure(format: Format, entered: number): number {
  if (format === 'percent') return entered / 100;
  if (format === 'hours') return entered * 3600;
  return entered;
}

export function measureReveal(entry: ReadyLesson, seed: number, answer: LessonAnswer): LessonReveal {
  const { lesson } = entry;
  const outcome = checkLesson(lesson, entry.configurations, seed);
  const figures = lesson.reveal.figures.map((figure, i): ShownFigure => ({
    id: figure.id,
    label: figure.label,
    configuration: figure.configuration,
    format: figure.format,
    value: outcome.figures[i].value,
  }));
  const prediction = lesson.prediction;
  if (answer.kind !== prediction.kind) throw new RangeError(`lesson ${lesson.id} asks for a ${prediction.kind}, not a ${answer.kind}`);
  let verdict: PredictionVerdict;
  if (prediction.kind === 'choice') {
    const chosenId = (answer as { choice: string }).choice;
    const label = (id: string) => prediction.choices.find((c) => c.id === id)?.label ?? { en: id, sw: id };
    verdict = { kind: 'choice', chosen: label(chosenId), answer: label(prediction.answer), right: chosenId === prediction.answer && outcome.holds };
  } else {
    const figure = figures.find((f) => f.id === prediction.figure)!;
    const entered = (answer as { value: number }).value;
    verdict = { kind: 'number', entered, enteredValue: enteredAsFigure(figure.format, entered), figure };
  }
  const currency = scenarioCosts(entry.configurations[0].scenario)?.currency ?? null;
  return { seed, figures, holds: outcome.holds, verdict, currency };
}
