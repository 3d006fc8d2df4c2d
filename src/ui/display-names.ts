/**
 * The names the page shows for a scenario and its queues, groups, campaigns, work types and teams,
 * in the page's language (the scenario's translations, else its plain names). Remembered per
 * scenario and language, because the wallboards ask several times a second.
 */
import { displayNames, type DisplayNames, type NamedScenario } from '../model/scenario/display-names';
import { namedThings, type NamedKind } from '../model/scenario/translations-schema';
import { language } from './i18n/i18n';

const remembered = new WeakMap<NamedScenario, { language: string; names: DisplayNames }>();

export function shownNames(scenario: NamedScenario): DisplayNames {
  const now = language();
  const known = remembered.get(scenario);
  if (known?.language === now) return known.names;
  const names = displayNames(scenario, now);
  remembered.set(scenario, { language: now, names });
  return names;
}

/** A queue's, group's, campaign's, work type's or team's shown name, by id (the id itself if unknown). */
export function shownName(scenario: NamedScenario, kind: NamedKind, id: string): string {
  return shownNames(scenario)[kind].get(id) ?? id;
}

/**
 * The shown name of a thing the snapshots give by its plain name only (a team, a skill list): the
 * first of `kinds` with a thing of that plain name; the plain name itself when none has.
 */
export function shownForPlainName(scenario: NamedScenario, kinds: readonly NamedKind[], plain: string): string {
  for (const kind of kinds) {
    const thing = (namedThings(scenario, kind) as readonly { id: string; name: string }[]).find((t) => t.name === plain);
    if (thing) return shownName(scenario, kind, thing.id);
  }
  return plain;
}
