/**
 * The page controller plays a lesson's configuration: loaded at its start time with its seed and
 * speed, it stops by itself at the stop time (playing, fast-forwarding or stepping), a reset goes
 * back to the start, and choosing another scenario leaves the lesson.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { bundledLessons, type ReadyLesson } from '../../src/app/lesson-catalog';
import { chooseLesson, playConfiguration, answerPrediction, runPlan } from '../../src/app/lesson-play';
import { PageController, type PageChange } from '../../src/ui/page-controller';

function lessonOnPage(id: string) {
  const scenarios = bundledScenarios();
  const entry = bundledLessons(scenarios).find((e) => e.ok && e.lesson.id === id) as ReadyLesson;
  const controller = new PageController(scenarios);
  controller.start(null);
  const changes: PageChange[] = [];
  controller.subscribe((change) => changes.push(change));
  return { entry, controller, changes };
}

describe('the page controller playing a lesson', () => {
  it('loads the configuration at the lesson’s start time, with its seed, speed and locks', () => {
    const { entry, controller, changes } = lessonOnPage('power-of-one');
    const state = playConfiguration(answerPrediction(chooseLesson(entry), { kind: 'choice', choice: '8-or-more' }), 'nine');
    const plan = runPlan(state);
    controller.startLesson(plan);
    expect(controller.entries[controller.selected].file).toBe('two-help-lines.json');
    expect(controller.run!.session.now).toBe(plan.startSec);
    expect(controller.clock.timeSec).toBe(plan.startSec);
    expect(controller.runSeed).toBe(entry.seed);
    expect(controller.clock.speed).toBe(60);
    expect(controller.scenario!.agentGroups[0].agents).toBe(9);
    expect(controller.whatIf!.agentsByGroup[controller.scenario!.agentGroups[0].id]).toBe(9);
    expect(controller.lesson!.lockedKnobs).toEqual(entry.lesson.lockedKnobs);
    expect(controller.canRun).toBe(true);
    expect(controller.queueSelection).toBe(0);
    // The what-if panel hears of the lesson before the scenario, so it draws the locks at once.
    expect(changes.indexOf('lesson')).toBeLessThan(changes.indexOf('scenario'));
  });

  it('stops by itself at the stop time, however the run is moved on, and goes no further', () => {
    const { entry, controller, changes } = lessonOnPage('power-of-one');
    const plan = runPlan(chooseLesson(entry));
    controller.startLesson(plan);
    controller.togglePlay();
    controller.advanceFrame(250);
    expect(controller.run!.session.now).toBe(plan.startSec + 15);
    controller.advanceBy(24 * 3600);
    expect(controller.run!.session.now).toBe(plan.stopSec);
    expect(controller.clock.playing).toBe(false);
    expect(controller.atLessonStop).toBe(true);
    expect(controller.canRun).toBe(false);
    expect(changes.at(-1)).toBe('transport');
    controller.togglePlay();
    controller.step('minute');
    controller.advanceFrame(250);
    expect(controller.run!.session.now).toBe(plan.stopSec);
  });

  it('while playing, a frame that would pass the stop ends exactly on it', () => {
    const { entry, controller } = lessonOnPage('power-of-one');
    const plan = runPlan(chooseLesson(entry));
    controller.startLesson(plan);
    controller.advanceBy(plan.stopSec - plan.startSec - 5);
    controller.togglePlay();
    controller.advanceFrame(250);
    expect(controller.run!.session.now).toBe(plan.stopSec);
    expect(controller.clock.playing).toBe(false);
  });

  it('a reset goes back to the lesson’s start, and another scenario leaves the lesson', () => {
    const { entry, controller, changes } = lessonOnPage('pooling');
    const plan = runPlan(chooseLesson(entry));
    controller.startLesson(plan);
    controller.advanceBy(3600);
    controller.reset();
    expect(controller.run!.session.now).toBe(plan.startSec);
    changes.length = 0;
    controller.selectFile('inbound-basic.json');
    expect(controller.lesson).toBeNull();
    expect(changes).toContain('lesson');
    expect(controller.run!.session.now).toBe(0);
    controller.advanceBy(24 * 3600);
    expect(controller.run!.session.now).toBe(24 * 3600);
  });
});
