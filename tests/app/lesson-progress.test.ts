/** A lesson in progress kept with the draft: written from the Lessons view's state, resumed from it after a reload. */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { readFileSync } from 'node:fs';
import { bundledLessons, lessonFromText, type ReadyLesson } from '../../src/app/lesson-catalog';
import { answerPrediction, chooseLesson, reachStop } from '../../src/app/lesson-play';
import { lessonProgress, resumeLesson } from '../../src/app/lesson-progress';

const scenarios = bundledScenarios();
/** The power of one asking for a number (the service level with nine agents) instead of a choice. */
const asNumber = JSON.parse(readFileSync('scenarios/lessons/power-of-one.json', 'utf8'));
asNumber.id = 'power-of-one-number';
asNumber.prediction = { kind: 'number', question: asNumber.prediction.question, figure: 'sl-nine', min: 0, max: 100 };
const numbered = lessonFromText('power-of-one-number.json', JSON.stringify(asNumber), scenarios) as ReadyLesson;
const lessons = [...bundledLessons(scenarios), numbered];
const powerOfOne = lessons.find((l): l is ReadyLesson => l.ok && l.lesson.id === 'power-of-one')!;

describe('a lesson in progress', () => {
  it('is kept as its id, stage and the room’s prediction', () => {
    const chosen = chooseLesson(powerOfOne);
    expect(lessonProgress(chosen)).toEqual({ lesson: 'power-of-one', stage: 'predicting' });
    const answered = answerPrediction(chosen, { kind: 'choice', choice: '4-to-8' });
    expect(lessonProgress(answered)).toEqual({ lesson: 'power-of-one', stage: 'running', prediction: '4-to-8' });
    expect(lessonProgress(reachStop(answered))).toEqual({ lesson: 'power-of-one', stage: 'revealed', prediction: '4-to-8' });
  });

  it('resumes at the same stage with the same prediction, a choice or a number', () => {
    expect(resumeLesson(lessons, { lesson: 'power-of-one', stage: 'predicting' })).toMatchObject({ phase: 'predict', answer: null });
    expect(resumeLesson(lessons, { lesson: 'power-of-one', stage: 'running', prediction: '8-or-more' })).toMatchObject({ phase: 'play', answer: { kind: 'choice', choice: '8-or-more' } });
    expect(numbered.ok).toBe(true);
    expect(resumeLesson(lessons, { lesson: 'power-of-one-number', stage: 'revealed', prediction: 62.5 })).toMatchObject({ phase: 'play', answer: { kind: 'number', value: 62.5 } });
  });

  it('does not resume a lesson that is gone or a prediction the question no longer takes', () => {
    expect(resumeLesson(lessons, { lesson: 'no-such-lesson', stage: 'predicting' })).toBeNull();
    expect(resumeLesson(lessons, { lesson: 'power-of-one', stage: 'running', prediction: 'not-a-choice' })).toBeNull();
  });
});
