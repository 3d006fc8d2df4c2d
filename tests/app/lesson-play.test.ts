/**
 * A lesson as the page plays it, without a DOM: the bundled lessons set up against the page's
 * catalogue; the state machine (choose → predict → play → reveal) refuses to skip the question;
 * the reveal is the lesson check's own figures on the page's seed; and the page's run, stopped
 * at the lesson's stop time, shows the same service level, abandon rate and ASA as the check.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { bundledLessons, lessonFromText, type ReadyLesson } from '../../src/app/lesson-catalog';
import { answerPrediction, chooseLesson, playConfiguration, reachStop, runPlan } from '../../src/app/lesson-play';
import { enteredAsFigure, measureReveal } from '../../src/app/lesson-reveal';
import { startPageRun } from '../../src/app/page-run';
import { checkLesson } from '../../src/runner/lesson-check';
import { LESSON_FILES, readLessonData } from '../lessons/shipped-lessons';

const scenarios = bundledScenarios();
const lessons = bundledLessons(scenarios);
const ready = (id: string): ReadyLesson => {
  const entry = lessons.find((e) => e.ok && e.lesson.id === id);
  if (!entry || !entry.ok) throw new Error(`no lesson ${id}`);
  return entry;
};

describe('the page’s lessons', () => {
  it('are every shipped lesson file, each set up against the page’s own scenarios', () => {
    expect(lessons.map((e) => e.file)).toEqual(LESSON_FILES);
    expect(lessons.filter((e) => !e.ok)).toEqual([]);
  });

  it('a lesson that names no scenario of the page is listed with the problem, not dropped', () => {
    const data = readLessonData('power-of-one.json') as Record<string, unknown>;
    const entry = lessonFromText('x.json', JSON.stringify({ ...data, scenario: 'no-such.json' }), scenarios);
    expect(entry).toEqual({ ok: false, file: 'x.json', problems: [{ path: 'scenario', message: expect.stringMatching(/no-such\.json/) }] });
    expect(lessonFromText('y.json', '{ not json', scenarios)).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/is not JSON/) }] });
  });
});

describe('the lesson state machine', () => {
  const entry = ready('power-of-one');

  it('starts on the question with the first configuration, and will not play or reveal before the room answers', () => {
    const state = chooseLesson(entry);
    expect(state).toMatchObject({ phase: 'predict', configuration: 'ten', answer: null });
    expect(reachStop(state)).toBe(state);
    expect(playConfiguration(state, 'nine')).toBe(state);
  });

  it('takes only a choice the question offers, then plays, then reveals at the stop', () => {
    const state = chooseLesson(entry);
    expect(answerPrediction(state, { kind: 'choice', choice: 'maybe' })).toBe(state);
    expect(answerPrediction(state, { kind: 'number', value: 5 })).toBe(state);
    const playing = answerPrediction(state, { kind: 'choice', choice: '4-to-8' });
    expect(playing).toMatchObject({ phase: 'play', answer: { kind: 'choice', choice: '4-to-8' } });
    const revealed = reachStop(playing);
    expect(revealed.phase).toBe('reveal');
    const other = playConfiguration(revealed, 'nine');
    expect(other).toMatchObject({ phase: 'play', configuration: 'nine', answer: playing.answer });
    expect(playConfiguration(revealed, 'eight')).toBe(revealed);
  });

  it('plans the configuration’s own scenario, seed, speed, locks, start and stop', () => {
    const state = playConfiguration(reachStop(answerPrediction(chooseLesson(entry), { kind: 'choice', choice: '8-or-more' })), 'nine');
    const plan = runPlan(state, 99);
    expect(plan).toMatchObject({ file: 'two-help-lines.json', seed: 99, speed: 60, startSec: 7.75 * 3600, stopSec: 17 * 3600, queue: 0 });
    expect(runPlan(chooseLesson(ready('backlog-edf-vs-fifo'))).queue).toBeNull();
    expect(plan.lockedKnobs).toEqual(entry.lesson.lockedKnobs);
    expect(plan.scenario.agentGroups[0].agents).toBe(9);
    expect(runPlan(state).seed).toBe(entry.seed);
  });

  it('a number question takes a number within its bounds only', () => {
    const lesson = { ...entry.lesson, prediction: { kind: 'number' as const, question: entry.lesson.prediction.question, figure: 'sl-nine', min: 0, max: 100 } };
    const state = chooseLesson({ ...entry, lesson });
    expect(answerPrediction(state, { kind: 'number', value: 101 })).toBe(state);
    expect(answerPrediction(state, { kind: 'number', value: Number.NaN })).toBe(state);
    expect(answerPrediction(state, { kind: 'choice', choice: 'ten' })).toBe(state);
    expect(answerPrediction(state, { kind: 'number', value: 70 }).phase).toBe('play');
  });
});

describe('the reveal', () => {
  it('shows the lesson check’s figures on the page’s seed, and says whether the room’s choice was right', () => {
    const entry = ready('power-of-one');
    const outcome = checkLesson(entry.lesson, entry.configurations, 2027);
    const wrong = measureReveal(entry, 2027, { kind: 'choice', choice: 'under-4' });
    expect(wrong.seed).toBe(2027);
    expect(wrong.figures.map((f) => [f.id, f.value])).toEqual(outcome.figures.map((f) => [f.id, f.value]));
    expect(wrong.holds).toBe(outcome.holds);
    expect(wrong.verdict).toMatchObject({ kind: 'choice', right: false, answer: { en: '8 points or more' } });
    expect(measureReveal(entry, 2027, { kind: 'choice', choice: '8-or-more' }).verdict).toMatchObject({ right: outcome.holds });
  });

  it('sets a number against its figure in the figure’s own units (percent entered as 0–100)', () => {
    const entry = ready('power-of-one');
    const lesson = { ...entry.lesson, prediction: { kind: 'number' as const, question: entry.lesson.prediction.question, figure: 'sl-nine', min: 0, max: 100 } };
    const reveal = measureReveal({ ...entry, lesson }, entry.seed, { kind: 'number', value: 70 });
    expect(reveal.verdict).toMatchObject({ kind: 'number', entered: 70, enteredValue: 0.7, figure: { id: 'sl-nine' } });
    expect(enteredAsFigure('hours', 2)).toBe(7200);
    expect(enteredAsFigure('count', 12)).toBe(12);
  });

  it('gives money figures the scenario’s currency', () => {
    const entry = ready('offshore-cost-failure-demand');
    expect(measureReveal(entry, entry.seed, { kind: 'choice', choice: entry.lesson.prediction.kind === 'choice' ? entry.lesson.prediction.answer : '' }).currency).toMatch(/^[A-Z]{3}$/);
  });
});

describe('the page’s run of a lesson and the lesson check agree', () => {
  for (const id of ['power-of-one', 'pooling', 'abandonment-keeps-queue-stable']) {
    it(`${id}: every configuration played on the page to the stop shows the check’s service level, abandon rate and ASA`, () => {
      const entry = ready(id);
      const outcome = checkLesson(entry.lesson, entry.configurations, entry.seed);
      let compared = 0;
      for (const { configuration } of entry.configurations) {
        const plan = runPlan(playConfiguration(reachStop(answerPrediction(chooseLesson(entry), firstAnswer(entry))), configuration.id));
        const run = startPageRun(plan.scenario, plan.seed);
        run.session.advanceTo(plan.startSec, Infinity);
        run.session.advanceTo(plan.stopSec, Infinity);
        for (const figure of outcome.figures.filter((f) => f.configuration === configuration.id && f.kpi.startsWith('queues.'))) {
          const [, queueId, kpi] = figure.kpi.split('.');
          const index = plan.scenario.queues.findIndex((q) => q.id === queueId);
          if (!['serviceLevel', 'abandonRate', 'asa'].includes(kpi)) continue;
          expect({ figure: figure.id, value: (run.session.kpis(index).run as unknown as Record<string, number | null>)[kpi] }).toEqual({ figure: figure.id, value: figure.value });
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(entry.configurations.length);
    });
  }
});

function firstAnswer(entry: ReadyLesson) {
  const p = entry.lesson.prediction;
  return p.kind === 'choice' ? { kind: 'choice' as const, choice: p.choices[0].id } : { kind: 'number' as const, value: p.min };
}
