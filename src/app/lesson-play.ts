/**
 * A lesson as the room plays it: choose → predict → play → reveal. The room answers the
 * question before anything runs; the run then plays and stops by itself at the lesson's stop
 * time, which reveals the figures; after the reveal the page may play any other configuration to
 * the same stop. Pure: the page's workshop view draws these states, a unit test walks them.
 */
import { momentSec, type Knob } from '../model/lesson/lesson-schema';
import type { Scenario } from '../model/scenario/scenario-schema';
import type { ReadyLesson } from './lesson-catalog';

export type LessonPhase = 'predict' | 'play' | 'reveal';

/** The room's prediction: one of the choices, or a number in the figure's format (percent as 0–100). */
export type LessonAnswer = { readonly kind: 'choice'; readonly choice: string } | { readonly kind: 'number'; readonly value: number };

export interface LessonState {
  readonly entry: ReadyLesson;
  readonly phase: LessonPhase;
  /** The configuration on the floor. */
  readonly configuration: string;
  /** Null until the room has answered. */
  readonly answer: LessonAnswer | null;
}

/** What the page loads to play one configuration of a lesson. */
export interface LessonRunPlan {
  /** The lesson's scenario file, as the page's catalogue names it. */
  readonly file: string;
  /** The configuration's scenario, over its whole horizon. */
  readonly scenario: Scenario;
  readonly seed: number;
  readonly lockedKnobs: readonly Knob[];
  readonly speed: number;
  /** Where the run is shown from (simulated up to there), and where it stops by itself. */
  readonly startSec: number;
  readonly stopSec: number;
  /** The queue the lesson's first queue figure reads (its index), for the wallboard; null when none does. */
  readonly queue: number | null;
}

export function chooseLesson(entry: ReadyLesson): LessonState {
  return { entry, phase: 'predict', configuration: entry.lesson.configurations[0].id, answer: null };
}

/** Why an answer cannot be taken, or null: a choice the question offers, a number within its bounds. */
export function answerProblem(state: LessonState, answer: LessonAnswer): string | null {
  const prediction = state.entry.lesson.prediction;
  if (prediction.kind !== answer.kind) return `the question asks for a ${prediction.kind}`;
  if (prediction.kind === 'choice') {
    const choice = (answer as { choice: string }).choice;
    return prediction.choices.some((c) => c.id === choice) ? null : `"${choice}" is not one of the choices`;
  }
  const value = (answer as { value: number }).value;
  if (!Number.isFinite(value) || value < prediction.min || value > prediction.max) return `must be a number from ${prediction.min} to ${prediction.max}`;
  return null;
}

/** The room answered: the run may play. Refused (state unchanged) outside the question or for a bad answer. */
export function answerPrediction(state: LessonState, answer: LessonAnswer): LessonState {
  if (state.phase !== 'predict' || answerProblem(state, answer) !== null) return state;
  return { ...state, phase: 'play', answer };
}

/** The run reached the stop time: the figures are revealed. Only a run the room predicted can reveal. */
export function reachStop(state: LessonState): LessonState {
  return state.phase === 'play' ? { ...state, phase: 'reveal' } : state;
}

/** After the room has answered, any configuration can be played to the stop again. */
export function playConfiguration(state: LessonState, configuration: string): LessonState {
  if (state.answer === null || !state.entry.lesson.configurations.some((c) => c.id === configuration)) return state;
  return { ...state, phase: 'play', configuration };
}

/** `seed` is the page's: the lesson's own at first, or another the room typed in. */
export function runPlan(state: LessonState, seed = state.entry.seed): LessonRunPlan {
  const { entry } = state;
  const configured = entry.configurations.find((c) => c.configuration.id === state.configuration)!;
  return {
    file: entry.lesson.scenario,
    scenario: configured.scenario,
    seed,
    lockedKnobs: entry.lesson.lockedKnobs,
    speed: entry.lesson.speed,
    startSec: momentSec(entry.lesson.startAt),
    stopSec: momentSec(entry.lesson.stopAt),
    queue: figureQueue(entry, configured.scenario),
  };
}

function figureQueue(entry: ReadyLesson, scenario: Scenario): number | null {
  for (const figure of entry.lesson.reveal.figures) {
    const [section, id] = figure.kpi.split('.');
    const index = section === 'queues' ? scenario.queues.findIndex((queue) => queue.id === id) : -1;
    if (index >= 0) return index;
  }
  return null;
}
