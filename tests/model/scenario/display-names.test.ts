import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenarioText } from '../../../src/model/scenario/parse-scenario';
import { displayNames } from '../../../src/model/scenario/display-names';
import { NAMED_KINDS, namedThings } from '../../../src/model/scenario/translations-schema';
import type { Scenario } from '../../../src/model/scenario/scenario-schema';

const base = JSON.parse(readFileSync('scenarios/bpo-voice-and-backoffice.json', 'utf8')) as Record<string, unknown>;
delete base.translations;

function parse(document: unknown) {
  return parseScenarioText(JSON.stringify(document));
}

function scenario(document: unknown): Scenario {
  const result = parse(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

describe('scenario translations (the format)', () => {
  it('keeps a file without translations valid', () => {
    expect(parse(base).ok).toBe(true);
  });

  it('accepts names and a description in English and Kiswahili, by id', () => {
    const result = parse({ ...base, translations: { sw: { name: 'BPO moja', description: 'Maelezo', queues: { support: 'Msaada kwa wateja' }, teams: { 'claims-team': 'Makarani' } }, en: { name: 'One BPO' } } });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('names the path of a translation that renames a thing the scenario does not have', () => {
    const result = parse({ ...base, translations: { sw: { agentGroups: { nobody: 'Hakuna' } } } });
    expect(result.ok ? [] : result.problems).toContainEqual({ path: 'translations.sw.agentGroups.nobody', message: 'names unknown agent group "nobody" (got "Hakuna")' });
  });

  it('refuses an unknown language, an empty name and an over-long description with their paths', () => {
    const result = parse({ ...base, translations: { fr: { name: 'Un BPO' }, sw: { name: '', description: 'x'.repeat(4001), workTypes: { claims: '' } } } });
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['translations.fr', 'translations.sw.name', 'translations.sw.description', 'translations.sw.workTypes.claims']));
  });
});

describe('display names', () => {
  it('gives the translation for the language and falls back to the plain name where none is given', () => {
    const names = displayNames(scenario({ ...base, translations: { sw: { name: 'BPO moja', queues: { support: 'Msaada kwa wateja' } } } }), 'sw');
    expect(names.name).toBe('BPO moja');
    expect(names.description).toBe(base.description);
    expect(names.queues.get('support')).toBe('Msaada kwa wateja');
    expect(names.agentGroups.get('phones')).toBe('Phone agents');
    expect(names.workTypes.get('claims')).toBe('Insurance claims');
  });

  it('shows the plain names in a language the file does not translate', () => {
    const names = displayNames(scenario({ ...base, translations: { sw: { name: 'BPO moja' } } }), 'en');
    expect(names.name).toBe(base.name);
    expect(names.teams.get('claims-team')).toBe('Claims clerks');
  });

  it('is complete in Kiswahili for every shipped scenario: its name, its description and every named thing', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');
    const missing: string[] = [];
    for (const file of files) {
      const parsed = scenario(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
      const sw = parsed.translations?.sw;
      if (!sw?.name) missing.push(`${file}: name`);
      if (parsed.description && !sw?.description) missing.push(`${file}: description`);
      for (const kind of NAMED_KINDS) {
        for (const thing of namedThings(parsed, kind)) if (!sw?.[kind]?.[thing.id]) missing.push(`${file}: ${kind}.${thing.id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
