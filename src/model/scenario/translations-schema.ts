/**
 * Display names in the page's languages: a scenario's `translations` give, per language, the name
 * and description to show and the names of its queues, agent groups, campaigns, work types and
 * teams, keyed by their ids. They change only what the page shows: the model, the CLI and its
 * JSON keep the plain `name` fields. Anything not translated falls back to its plain name
 * (display-names.ts).
 */
import { z } from 'zod';
import { id, name } from './schema-primitives';

/** The languages a scenario may carry display names in (the page's languages). */
export const DISPLAY_LANGUAGES = ['en', 'sw'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];

/** The kinds of named things a translation may rename, as they are spelt in the scenario. */
export const NAMED_KINDS = ['queues', 'agentGroups', 'campaigns', 'workTypes', 'teams'] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

const namesById = (what: string) =>
  z
    .record(id(), name())
    .refine((names) => Object.keys(names).length <= 200, { message: 'must have at most 200 names' })
    .optional()
    .describe(`Display name of each of the scenario's ${what}, by id`);

export const scenarioTranslationSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(200).optional().describe("The scenario's display name"),
  description: z.string().trim().min(1, { message: 'must not be empty' }).max(4000).optional().describe("The scenario's description"),
  queues: namesById('queues'),
  agentGroups: namesById('agent groups'),
  campaigns: namesById('campaigns'),
  workTypes: namesById('back-office work types'),
  teams: namesById('back-office teams'),
});

export type ScenarioTranslation = z.infer<typeof scenarioTranslationSchema>;

export const translationsSchema = z
  .strictObject({ en: scenarioTranslationSchema.optional(), sw: scenarioTranslationSchema.optional() })
  .describe('Display names and descriptions in English (en) and Kiswahili (sw); the plain names are shown where none is given');

export type Translations = z.infer<typeof translationsSchema>;

/** The ids a translation may name, per kind. */
export interface NamedIds {
  readonly queues: readonly { id: string }[];
  readonly agentGroups: readonly { id: string }[];
  readonly campaigns?: readonly { id: string }[];
  readonly backOffice?: { readonly workTypes: readonly { id: string }[]; readonly teams: readonly { id: string }[] };
}

export function namedThings(scenario: NamedIds, kind: NamedKind): readonly { id: string }[] {
  if (kind === 'queues' || kind === 'agentGroups') return scenario[kind];
  if (kind === 'campaigns') return scenario.campaigns ?? [];
  return scenario.backOffice?.[kind] ?? [];
}

const SINGULAR: Record<NamedKind, string> = { queues: 'queue', agentGroups: 'agent group', campaigns: 'campaign', workTypes: 'work type', teams: 'team' };

/** A translated name must name something the scenario has: a misspelt id is an error, not a silent no-op. */
export function translationReferenceProblems(translations: Translations | undefined, scenario: NamedIds): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const language of DISPLAY_LANGUAGES) {
    const translation = translations?.[language];
    if (!translation) continue;
    for (const kind of NAMED_KINDS) {
      const known = new Set(namedThings(scenario, kind).map((thing) => thing.id));
      for (const key of Object.keys(translation[kind] ?? {})) {
        if (!known.has(key)) problems.push({ path: ['translations', language, kind, key], message: `names unknown ${SINGULAR[kind]} "${key}"` });
      }
    }
  }
  return problems;
}
