/** The shipped lesson files of scenarios/lessons/, read, validated and set up against their scenarios. */
import { readdirSync, readFileSync } from 'node:fs';
import { setUpLesson, validateLesson, type ConfiguredScenario } from '../../src/model/lesson/lesson-setup';
import type { Lesson } from '../../src/model/lesson/lesson-schema';

export const LESSON_FILES = readdirSync('scenarios/lessons').filter((f) => f.endsWith('.json')).sort();

export function readLessonData(file: string): unknown {
  return JSON.parse(readFileSync(`scenarios/lessons/${file}`, 'utf8'));
}

export function readScenarioData(file: string): unknown {
  return JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
}

export function loadLesson(file: string): { lesson: Lesson; configurations: ConfiguredScenario[]; seed: number } {
  const parsed = validateLesson(readLessonData(file));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  const setup = setUpLesson(parsed.lesson, readScenarioData(parsed.lesson.scenario));
  if (!setup.ok) throw new Error(`${file}: ${JSON.stringify(setup.problems)}`);
  return { lesson: parsed.lesson, configurations: setup.configurations, seed: setup.seed };
}
