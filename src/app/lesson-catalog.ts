/**
 * The shipped lessons (scenarios/lessons/*.json, bundled at build time by Vite), each validated
 * and set up against its scenario as the page's catalogue holds it. A lesson that fails keeps its
 * problems, so the page lists it with what is wrong instead of leaving it out silently.
 */
import { setUpLesson, validateLesson, type ConfiguredScenario } from '../model/lesson/lesson-setup';
import type { Lesson } from '../model/lesson/lesson-schema';
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import type { CatalogEntry } from './scenario-catalog';

export interface ReadyLesson {
  readonly ok: true;
  readonly file: string;
  readonly lesson: Lesson;
  readonly configurations: readonly ConfiguredScenario[];
  /** The lesson's own seed (the scenario's when the lesson gives none). */
  readonly seed: number;
}

export interface BrokenLesson {
  readonly ok: false;
  readonly file: string;
  readonly problems: readonly ScenarioProblem[];
}

export type LessonEntry = ReadyLesson | BrokenLesson;

const files = import.meta.glob('/scenarios/lessons/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** Every bundled lesson, in file order, set up against the scenarios of `scenarios`. */
export function bundledLessons(scenarios: readonly CatalogEntry[]): LessonEntry[] {
  return Object.entries(files)
    .map(([path, text]) => ({ file: path.slice(path.lastIndexOf('/') + 1), text }))
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(({ file, text }) => lessonFromText(file, text, scenarios));
}

export function lessonFromText(file: string, text: string, scenarios: readonly CatalogEntry[]): LessonEntry {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, file, problems: [{ path: '', message: `is not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = validateLesson(data);
  if (!parsed.ok) return { ok: false, file, problems: parsed.problems };
  const lesson = parsed.lesson;
  const scenario = scenarios.find((entry) => entry.file === lesson.scenario);
  if (!scenario) return { ok: false, file, problems: [{ path: 'scenario', message: `names no scenario of the page (got "${lesson.scenario}")` }] };
  if (!scenario.result.ok) return { ok: false, file, problems: [{ path: 'scenario', message: `names a scenario that does not validate (${lesson.scenario})` }] };
  const setup = setUpLesson(lesson, JSON.parse(scenario.text));
  if (!setup.ok) return { ok: false, file, problems: setup.problems };
  return { ok: true, file, lesson, configurations: setup.configurations, seed: setup.seed };
}
