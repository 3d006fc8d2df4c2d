/**
 * The lesson format: a workshop exercise as data, in English and Kiswahili. A lesson names a
 * shipped scenario, the configurations it compares (path overrides of that scenario, written
 * like the CLI's `--set`), the knobs the room may not touch, the speed, when the run starts and
 * when it stops by itself; a prediction the room makes before the reveal; the figures revealed
 * (KPIs named as the run report names them) and a claim about them that a test checks on many
 * seeds; the rule learned and prompts for the discussion. docs/lessons.md describes every field.
 */
import { z } from 'zod';
import { clockSchema, clockSec, DAY_SEC } from '../scenario/calendar-schema';
import { finite, id, MAX_AMOUNT } from '../scenario/schema-primitives';
import { parsePath } from '../scenario/scenario-overrides';
import { parseKpiReference } from './lesson-kpis';

/** A text the page shows, in both of its languages. */
export const bilingualSchema = z
  .strictObject({
    en: z.string().trim().min(1, { message: 'must not be empty' }).max(600),
    sw: z.string().trim().min(1, { message: 'must not be empty' }).max(600),
  })
  .describe('The same text in English (en) and Kiswahili (sw)');

export type Bilingual = z.infer<typeof bilingualSchema>;

/** A moment of the run: day 1 is the first simulated day (a Monday), as the page's clock counts. */
export const momentSchema = z.strictObject({
  day: z.number().int({ message: 'must be a whole number' }).min(1).max(366),
  time: clockSchema(true).describe('"HH:MM" of that day; 24:00 is the end of the day'),
});

export type Moment = z.infer<typeof momentSchema>;

/** The what-if controls of the page (the fields of src/app/what-if.ts's WhatIfSettings) a lesson can lock. */
export const KNOBS = ['agentsByGroup', 'arrivalPercent', 'ahtPercent', 'patiencePercent', 'clerksByTeam', 'backOfficeArrivalPercent', 'dialerByCampaign'] as const;
export type Knob = (typeof KNOBS)[number];

export const configurationSchema = z.strictObject({
  id: id(),
  label: bilingualSchema,
  set: z
    .record(z.string(), z.unknown())
    .describe('Values written into the scenario before it is validated, by path as in `--set` (agentGroups[0].agents); {} for the scenario as it is'),
});

export type LessonConfiguration = z.infer<typeof configurationSchema>;

export const FIGURE_FORMATS = ['percent', 'seconds', 'hours', 'count', 'money', 'number'] as const;

export const figureSchema = z.strictObject({
  id: id(),
  label: bilingualSchema,
  configuration: id().describe('The id of the configuration the figure is measured in'),
  kpi: z
    .string()
    .superRefine((text, ctx) => {
      const parsed = parseKpiReference(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    })
    .describe('A KPI as the run report names it: queues.<id>.<kpi>, groups.<id>.<kpi>, campaigns.<id>.<kpi>, backOffice.<id>.<kpi>, backOfficeTotal.<kpi> or cost.<kpi>'),
  format: z.enum(FIGURE_FORMATS).describe('How the page shows it: percent (a 0–1 ratio as %), seconds, hours (from seconds), count, money, number'),
});

export const OPERATORS = ['<', '<=', '>', '>='] as const;

/** `left − minus  op  right`: figure ids, and a number or a figure id on the right. */
export const conditionSchema = z.strictObject({
  left: id(),
  minus: id().optional().describe('A figure subtracted from left, to state a difference'),
  op: z.enum(OPERATORS),
  right: z.union([finite(MAX_AMOUNT), id()]).describe('A threshold, or the id of another figure'),
});

export type Condition = z.infer<typeof conditionSchema>;

const choiceSchema = z.strictObject({ id: id(), label: bilingualSchema });

export const predictionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    question: bilingualSchema,
    choices: z.array(choiceSchema).min(2, { message: 'must have at least 2 entries' }).max(6),
    answer: id().describe('The choice the claim proves right'),
  }),
  z.strictObject({
    kind: z.literal('number'),
    question: bilingualSchema,
    figure: id().describe('The revealed figure the room\'s number is set against'),
    min: finite(MAX_AMOUNT).describe('Smallest number the room may enter, in the figure\'s format (percent: 0–100)'),
    max: finite(MAX_AMOUNT),
  }),
]);

export const lessonSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id(),
    title: bilingualSchema,
    goal: bilingualSchema,
    scenario: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.json$/, { message: 'must be the file name of a scenario in scenarios/, such as inbound-basic.json' })
      .describe('The shipped scenario (a file of scenarios/) the lesson runs'),
    seed: z.number().int({ message: 'must be a whole number' }).min(0).optional().describe("The lesson's own seed; the scenario's when absent"),
    configurations: z.array(configurationSchema).min(1, { message: 'must not be empty' }).max(4),
    lockedKnobs: z.array(z.enum(KNOBS)).describe('What-if controls the room may not change during the lesson'),
    speed: finite(3600).refine((v) => v >= 1 && v <= 3600, { message: 'must be from 1 to 3600' }).describe('Simulated seconds per wall second'),
    startAt: momentSchema.describe('Where the page starts showing the run (the run before it is simulated, not skipped)'),
    stopAt: momentSchema.describe('When the run stops by itself: the moment the reveal is measured at'),
    prediction: predictionSchema,
    reveal: z.strictObject({
      figures: z.array(figureSchema).min(1, { message: 'must not be empty' }).max(12),
      claim: z.array(conditionSchema).min(1, { message: 'must not be empty' }).max(6).describe('Conditions that must all hold on every seed'),
    }),
    rule: bilingualSchema.describe('The rule learned, in one sentence'),
    discussion: z.array(bilingualSchema).min(1, { message: 'must not be empty' }).max(6),
  })
  .superRefine((lesson, ctx) => {
    const configurationIds = uniqueIds(lesson.configurations, ['configurations'], 'configuration', ctx);
    lesson.configurations.forEach((configuration, c) => {
      for (const path of Object.keys(configuration.set)) {
        if (!parsePath(path)) ctx.addIssue({ code: 'custom', path: ['configurations', c, 'set', path], message: 'is not a path such as agentGroups[0].agents' });
      }
    });
    const figureIds = uniqueIds(lesson.reveal.figures, ['reveal', 'figures'], 'figure', ctx);
    lesson.reveal.figures.forEach((figure, f) => {
      if (!configurationIds.has(figure.configuration)) {
        ctx.addIssue({ code: 'custom', path: ['reveal', 'figures', f, 'configuration'], message: `names unknown configuration "${figure.configuration}"` });
      }
    });
    const checkFigure = (figureId: string, path: (string | number)[]) => {
      if (!figureIds.has(figureId)) ctx.addIssue({ code: 'custom', path, message: `names unknown figure "${figureId}"` });
    };
    lesson.reveal.claim.forEach((condition, k) => {
      checkFigure(condition.left, ['reveal', 'claim', k, 'left']);
      if (condition.minus !== undefined) checkFigure(condition.minus, ['reveal', 'claim', k, 'minus']);
      if (typeof condition.right === 'string') checkFigure(condition.right, ['reveal', 'claim', k, 'right']);
    });
    const prediction = lesson.prediction;
    if (prediction.kind === 'choice') {
      uniqueIds(prediction.choices, ['prediction', 'choices'], 'choice', ctx);
      if (!prediction.choices.some((choice) => choice.id === prediction.answer)) {
        ctx.addIssue({ code: 'custom', path: ['prediction', 'answer'], message: `names unknown choice "${prediction.answer}"` });
      }
    } else {
      checkFigure(prediction.figure, ['prediction', 'figure']);
      if (prediction.max <= prediction.min) ctx.addIssue({ code: 'custom', path: ['prediction', 'max'], message: `must be more than min (${prediction.min}) (got ${prediction.max})` });
    }
    if (momentSec(lesson.stopAt) <= momentSec(lesson.startAt)) {
      ctx.addIssue({ code: 'custom', path: ['stopAt'], message: `must be after startAt (day ${lesson.startAt.day} ${lesson.startAt.time})` });
    }
  });

export type Lesson = z.infer<typeof lessonSchema>;

/** Seconds from the start of the run (day 1, 00:00). */
export function momentSec(moment: Moment): number {
  return (moment.day - 1) * DAY_SEC + clockSec(moment.time);
}

function uniqueIds(entries: readonly { id: string }[], path: (string | number)[], what: string, ctx: z.RefinementCtx): Set<string> {
  const ids = new Set<string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate ${what} id "${entry.id}"` });
    ids.add(entry.id);
  });
  return ids;
}
