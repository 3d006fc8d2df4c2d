/**
 * A lesson in progress, kept with the page's draft (autosave.ts `LessonProgress`) so that it
 * survives a reload: the lesson, how far the room got (predicting, running, revealed) and its
 * prediction. Pure: the Lessons view writes it and resumes from it.
 */
import type { LessonProgress, LessonStage } from './autosave';
import type { ReadyLesson } from './lesson-catalog';
import { answerPrediction, chooseLesson, type LessonAnswer, type LessonPhase, type LessonState } from './lesson-play';

const STAGES: Record<LessonPhase, LessonStage> = { predict: 'predicting', play: 'running', reveal: 'revealed' };

export function lessonProgress(state: LessonState): LessonProgress {
  const answer = state.answer;
  const prediction = answer === null ? undefined : answer.kind === 'choice' ? answer.choice : answer.value;
  return { lesson: state.entry.lesson.id, stage: STAGES[state.phase], ...(prediction !== undefined ? { prediction } : {}) };
}

/**
 * The lesson where the room left it, on its first configuration: before the question, or with
 * the prediction locked in, ready to play (a revealed lesson is played to its stop again, which
 * reveals it). Null when the lessons have no such id or the prediction no longer fits the question.
 */
export function resumeLesson(lessons: readonly { ok: boolean }[], progress: LessonProgress): LessonState | null {
  const entry = lessons.find((l): l is ReadyLesson => l.ok && (l as ReadyLesson).lesson.id === progress.lesson);
  if (!entry) return null;
  const chosen = chooseLesson(entry);
  if (progress.stage === 'predicting' || progress.prediction === undefined) return chosen;
  const answer: LessonAnswer = typeof progress.prediction === 'number' ? { kind: 'number', value: progress.prediction } : { kind: 'choice', choice: progress.prediction };
  const answered = answerPrediction(chosen, answer);
  return answered === chosen ? null : answered;
}
