/**
 * The lesson format: every shipped lesson validates and sets up against its scenario, its texts
 * are written in both languages, and a broken lesson is refused with the JSON path of what is
 * wrong, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { setUpLesson, validateLesson } from '../../src/model/lesson/lesson-setup';
import { KNOBS, type Lesson } from '../../src/model/lesson/lesson-schema';
import { checkLesson } from '../../src/runner/lesson-check';
import { runReplications } from '../../src/runner/run-replications';
import { defaultWhatIf } from '../../src/app/what-if';
import { SPEEDS } from '../../src/app/display-clock';
import { Simulation } from '../../src/engine/simulation';
import { VoiceModel } from '../../src/model/voice/voice-model';
import { deriveQueueKpis } from '../../src/model/voice/queue-counters';
import { momentSec } from '../../src/model/lesson/lesson-schema';
import { LESSON_FILES, loadLesson, readLessonData, readScenarioData } from './shipped-lessons';

/** Every bilingual text of a lesson, with its path. */
function texts(node: unknown, path = ''): { path: string; en: string; sw: string }[] {
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.sw === 'string') return [{ path, en: record.en, sw: record.sw }];
  return Object.entries(record).flatMap(([key, value]) => texts(value, `${path}.${key}`));
}

/** The problems of lesson data, checked against its scenario once the lesson itself is valid. */
function problemsOf(data: unknown): { path: string; message: string }[] {
  const parsed = validateLesson(data);
  if (!parsed.ok) return parsed.problems;
  const setup = setUpLesson(parsed.lesson, readScenarioData(parsed.lesson.scenario));
  return setup.ok ? [] : setup.problems;
}

const powerOfOne = () => readLessonData('power-of-one.json') as Record<string, any>;

describe('shipped lessons', () => {
  for (const file of LESSON_FILES) {
    it(`${file} validates, sets up against its scenario and is named after its id`, () => {
      const { lesson, configurations } = loadLesson(file);
      expect(`${lesson.id}.json`).toBe(file);
      expect(configurations).toHaveLength(lesson.configurations.length);
    });

    it(`${file} says everything in Kiswahili as well as English, not a copy of it`, () => {
      const all = texts(readLessonData(file));
      expect(all.length).toBeGreaterThan(5);
      expect(all.filter((t) => t.sw.trim() === t.en.trim()).map((t) => t.path)).toEqual([]);
    });

    it(`${file} plays at a speed the page offers and locks only what-if controls the page has`, () => {
      const { lesson, configurations } = loadLesson(file);
      expect(SPEEDS).toContain(lesson.speed);
      const controls = Object.keys(defaultWhatIf(configurations[0].scenario));
      for (const knob of lesson.lockedKnobs) expect(controls).toContain(knob);
    });
  }

  it('the knobs a lesson can lock are exactly the fields of the what-if settings', () => {
    expect([...KNOBS].sort()).toEqual(Object.keys(defaultWhatIf(loadLesson('pooling.json').configurations[0].scenario)).sort());
  });
});

describe('the evaluator', () => {
  it('reveals the figures of the run cut at the stop time, as a one-replication report gives them', () => {
    const { lesson, configurations, seed } = loadLesson('power-of-one.json');
    const outcome = checkLesson(lesson, configurations, seed);
    const nine = configurations.find((c) => c.configuration.id === 'nine')!;
    const report = runReplications(nine.untilStop, { seed, replications: 1 });
    expect(outcome.figures.find((f) => f.id === 'sl-nine')!.value).toBe(report.queues.nairobi.serviceLevel.mean);
    expect(nine.untilStop.days * 24).toBe(17);
    expect(nine.scenario.agentGroups[0].agents).toBe(9);
  });

  it('a page that plays the whole scenario and stops at the stop time sees the same service level, abandon rate and ASA', () => {
    const { lesson, configurations, seed } = loadLesson('power-of-one.json');
    const outcome = checkLesson(lesson, configurations, seed);
    for (const { configuration, scenario } of configurations) {
      const model = new VoiceModel(scenario, { sim: new Simulation(), seed, replication: 0 });
      model.runUntil(momentSec(lesson.stopAt));
      const live = deriveQueueKpis(model.liveCounters(0));
      const revealed = (kpi: string) => outcome.figures.find((f) => f.configuration === configuration.id && f.kpi === `queues.nairobi.${kpi}`)!.value;
      expect([live.serviceLevel, live.abandonRate, live.asa]).toEqual([revealed('serviceLevel'), revealed('abandonRate'), revealed('asa')]);
    }
  });

  it('says a claim does not hold when the figures contradict it', () => {
    const { lesson, configurations, seed } = loadLesson('power-of-one.json');
    const reversed: Lesson = { ...lesson, reveal: { ...lesson.reveal, claim: [{ left: 'sl-nine', minus: 'sl-ten', op: '>=', right: 0 }] } };
    const outcome = checkLesson(reversed, configurations, seed);
    expect(outcome.holds).toBe(false);
    expect(outcome.conditions[0].left).toBeLessThan(0);
  });
});

describe('a broken lesson is refused with the JSON path of the problem', () => {
  const cases: [string, (lesson: Record<string, any>) => void, string, RegExp][] = [
    ['missing Kiswahili text', (l) => delete l.title.sw, 'title.sw', /required/],
    ['empty Kiswahili text', (l) => (l.discussion[1].sw = '  '), 'discussion[1].sw', /must not be empty/],
    ['an unknown KPI', (l) => (l.reveal.figures[0].kpi = 'queues.nairobi.happiness'), 'reveal.figures[0].kpi', /unknown KPI "happiness"/],
    ['a KPI of a section reports do not have', (l) => (l.reveal.figures[0].kpi = 'weather.nairobi.rain'), 'reveal.figures[0].kpi', /must start with one of/],
    ['a KPI of a queue the scenario does not have', (l) => (l.reveal.figures[0].kpi = 'queues.kisumu.serviceLevel'), 'reveal.figures[0].kpi', /unknown queue "kisumu"/],
    ['a cost KPI of a scenario without costs', (l) => (l.reveal.figures[0].kpi = 'cost.total'), 'reveal.figures[0].kpi', /gives no costs/],
    ['a path that does not exist', (l) => (l.configurations[1].set = { 'agentGroups[5].agents': 9 }), 'configurations[1].set.agentGroups[5].agents', /does not exist \(the list has 2 entries\)/],
    ['a path that is no path', (l) => (l.configurations[1].set = { 'agentGroups[.agents': 9 }), 'configurations[1].set.agentGroups[.agents', /is not a path/],
    ['a value the scenario schema refuses', (l) => (l.configurations[1].set = { 'agentGroups[0].agents': -3 }), 'configurations[1].set.agentGroups[0].agents', /agentGroups\[0\]\.agents: must be >= 0/],
    ['a figure of an unknown configuration', (l) => (l.reveal.figures[1].configuration = 'eight'), 'reveal.figures[1].configuration', /unknown configuration "eight"/],
    ['a claim about an unknown figure', (l) => (l.reveal.claim[0].minus = 'sl-eleven'), 'reveal.claim[0].minus', /unknown figure "sl-eleven"/],
    ['an answer that is not a choice', (l) => (l.prediction.answer = 'maybe'), 'prediction.answer', /unknown choice "maybe"/],
    ['an unknown operator', (l) => (l.reveal.claim[0].op = '=='), 'reveal.claim[0].op', /must be one of/],
    ['a knob the page does not have', (l) => (l.lockedKnobs = ['weather']), 'lockedKnobs[0]', /must be one of/],
    ['a stop before the start', (l) => (l.stopAt = { day: 1, time: '07:00' }), 'stopAt', /must be after startAt/],
    ['a stop after the end of the run', (l) => (l.stopAt = { day: 3, time: '12:00' }), 'stopAt', /after the end of configuration "ten" \(two-help-lines\.json runs 1 days\)/],
    ['a misspelt field', (l) => (l.reveal.figure = []), 'reveal.figure', /unknown field/],
  ];
  for (const [what, breakIt, path, message] of cases) {
    it(what, () => {
      const lesson = powerOfOne();
      breakIt(lesson);
      const problems = problemsOf(lesson);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
    });
  }

  it('text that is not JSON of an object gets a problem for the document, not a crash', () => {
    expect(validateLesson('power-of-one')).toEqual({ ok: false, problems: [{ path: '', message: expect.stringMatching(/must be an object/) }] });
  });
});
