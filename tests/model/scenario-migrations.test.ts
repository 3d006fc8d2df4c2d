import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { CURRENT_FORMAT_VERSION, migrateThrough, stampFormatVersion, type FormatMigration } from '../../src/model/scenario/scenario-migrations';
import { cli, expectBadInputExit, scenarioVariants } from '../helpers/cli-harness';

const shippedText = readFileSync('scenarios/inbound-basic.json', 'utf8');
const withVersion = (version: unknown) => JSON.stringify({ ...JSON.parse(shippedText), formatVersion: version });

/** A made-up three-version chain: version 1 called it `agents`, version 2 `staff`, version 3 `team.size`. */
const chain: FormatMigration[] = [
  { summary: 'agents becomes staff', migrate: ({ agents, ...rest }) => ({ ...rest, staff: agents }) },
  { summary: 'staff moves into team.size', migrate: ({ staff, ...rest }) => ({ ...rest, team: { size: staff } }) },
];

describe('scenario format versions', () => {
  it('reads a file without formatVersion as version 1, the format of every file written before the field', () => {
    expect(CURRENT_FORMAT_VERSION).toBe(1);
    const without = parseScenarioText(shippedText);
    const declared = parseScenarioText(withVersion(1));
    expect(without.ok && declared.ok).toBe(true);
    if (!without.ok || !declared.ok) return;
    expect(declared.scenario).toEqual({ ...without.scenario, formatVersion: 1 });
  });

  it('refuses a file from a newer format version, naming the field and the versions it reads', () => {
    const result = parseScenarioText(withVersion(2));
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'formatVersion', message: expect.stringMatching(/^is 2, but this Kituo reads scenario format versions up to 1: open the file with a newer Kituo/) }],
    });
  });

  it.each([['"1"'], ['0'], ['-1'], ['1.5'], ['null'], ['[1]'], ['{"major":1}'], ['true']])('refuses formatVersion %s as not a whole number from 1', (value) => {
    const result = parseScenarioText(withVersion(JSON.parse(value)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].path).toBe('formatVersion');
    expect(result.problems[0].message).toMatch(/^must be a whole number from 1 \(got /);
  });

  it('leaves anything but a JSON object to the schema, which words its own problem', () => {
    expect(migrateThrough([1, 2], chain)).toEqual({ ok: true, data: [1, 2] });
    expect(parseScenarioText('[]')).toMatchObject({ ok: false, problems: [{ path: '' }] });
  });

  it('brings a version 1 file (no field) through every step of the chain in order and stamps the last version', () => {
    expect(migrateThrough({ name: 'x', agents: 4 }, chain)).toEqual({ ok: true, data: { name: 'x', team: { size: 4 }, formatVersion: 3 } });
  });

  it('starts the chain at the version a file declares', () => {
    expect(migrateThrough({ name: 'x', staff: 4, formatVersion: 2 }, chain)).toEqual({ ok: true, data: { name: 'x', team: { size: 4 }, formatVersion: 3 } });
    const current = { name: 'x', team: { size: 4 }, formatVersion: 3 };
    expect(migrateThrough(current, chain)).toEqual({ ok: true, data: current });
  });

  it('never changes the document it was given', () => {
    const original = { name: 'x', agents: 4, nested: { list: [1, 2] } };
    const copy = structuredClone(original);
    migrateThrough(original, chain);
    expect(original).toEqual(copy);
  });

  it('refuses, in a chain of three versions, a file from version 4', () => {
    expect(migrateThrough({ formatVersion: 4 }, chain)).toMatchObject({ ok: false, problems: [{ path: 'formatVersion', message: expect.stringMatching(/^is 4, .* up to 3/) }] });
  });

  it('gives the CLI the same versions as the page: version 1 runs, version 2 is refused by name', async () => {
    const files = scenarioVariants('kituo-format-');
    const current = files.variant('inbound-basic', 'declared-1', (s) => (s.formatVersion = 1));
    const plain = await cli('run', 'scenarios/inbound-basic.json', '--seed', '3');
    const declared = await cli('run', current, '--seed', '3');
    expect(declared.code).toBe(0);
    expect(declared.stdout).toBe(plain.stdout);
    await expectBadInputExit(files.variant('inbound-basic', 'from-the-future', (s) => (s.formatVersion = 2)), /: formatVersion: is 2, but this Kituo reads scenario format versions up to 1/);
  });
});

describe('stamping the format version on what Kituo writes', () => {
  it('puts the current version first, after $schema, replacing any other', () => {
    const stamped = stampFormatVersion({ name: 'x', $schema: './schema.json', formatVersion: 0, days: 1 });
    expect(Object.keys(stamped)).toEqual(['$schema', 'formatVersion', 'name', 'days']);
    expect(stamped.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    expect(Object.keys(stampFormatVersion({ name: 'x' }))).toEqual(['formatVersion', 'name']);
  });
});
