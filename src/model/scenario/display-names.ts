/**
 * The names to show for a scenario in a language: its `translations` for that language where they
 * give one, else its plain `name` (and description). Pure, so the page, the lessons and the plan
 * all show the same name for the same thing.
 */
import { namedThings, NAMED_KINDS, type DisplayLanguage, type NamedIds, type NamedKind, type Translations } from './translations-schema';

export interface DisplayNames {
  readonly name: string;
  /** '' when the scenario has none. */
  readonly description: string;
  /** Display name by id, for every queue, agent group, campaign, work type and team. */
  readonly queues: ReadonlyMap<string, string>;
  readonly agentGroups: ReadonlyMap<string, string>;
  readonly campaigns: ReadonlyMap<string, string>;
  readonly workTypes: ReadonlyMap<string, string>;
  readonly teams: ReadonlyMap<string, string>;
}

export interface NamedScenario extends NamedIds {
  readonly name: string;
  readonly description?: string;
  readonly translations?: Translations;
  readonly queues: readonly { id: string; name: string }[];
  readonly agentGroups: readonly { id: string; name: string }[];
  readonly campaigns?: readonly { id: string; name: string }[];
  readonly backOffice?: { readonly workTypes: readonly { id: string; name: string }[]; readonly teams: readonly { id: string; name: string }[] };
}

export function displayNames(scenario: NamedScenario, language: DisplayLanguage): DisplayNames {
  const translation = scenario.translations?.[language];
  const names = (kind: NamedKind): ReadonlyMap<string, string> => {
    const given = translation?.[kind] ?? {};
    return new Map((namedThings(scenario, kind) as readonly { id: string; name: string }[]).map((thing) => [thing.id, Object.hasOwn(given, thing.id) ? given[thing.id] : thing.name]));
  };
  const byKind = Object.fromEntries(NAMED_KINDS.map((kind) => [kind, names(kind)])) as Record<NamedKind, ReadonlyMap<string, string>>;
  return { name: translation?.name ?? scenario.name, description: translation?.description ?? scenario.description ?? '', ...byKind };
}
