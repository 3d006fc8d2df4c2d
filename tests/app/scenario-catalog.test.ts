/**
 * Which scenario the page opens, what it says when `?scenario=` names no bundled file, and how a
 * chosen file that cannot be read is shown (src/app/scenario-catalog.ts); the seed box's rule
 * (src/app/seed.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_SCENARIO, bundledScenarios, entryFromFile, startingEntry } from '../../src/app/scenario-catalog';
import { parseSeed } from '../../src/app/seed';

describe('the scenario the page opens', () => {
  const entries = bundledScenarios();

  it('is call-center-and-back-office.json, the file the README and docs/app.md name', () => {
    expect(DEFAULT_SCENARIO).toBe('call-center-and-back-office.json');
    const { index, unknown } = startingEntry(entries, null);
    expect(entries[index].file).toBe(DEFAULT_SCENARIO);
    expect(unknown).toBeNull();
    expect(readFileSync('README.md', 'utf8')).toContain(`\`${DEFAULT_SCENARIO}\` | the page's default`);
    expect(readFileSync('docs/app.md', 'utf8')).toContain(`opens \`${DEFAULT_SCENARIO}\``);
  });

  it('is the one ?scenario= names, with or without .json', () => {
    expect(entries[startingEntry(entries, 'inbound-basic.json').index].file).toBe('inbound-basic.json');
    expect(entries[startingEntry(entries, 'inbound-basic').index].file).toBe('inbound-basic.json');
  });

  it('is the default when ?scenario= names no bundled file, and the name asked for is returned so the page can say so', () => {
    const { index, unknown } = startingEntry(entries, 'no-such-file.json');
    expect(entries[index].file).toBe(DEFAULT_SCENARIO);
    expect(unknown).toBe('no-such-file.json');
  });
});

describe('a scenario file chosen in the page', () => {
  it('that cannot be read becomes an entry whose problem says why, instead of an uncaught error', async () => {
    const entry = await entryFromFile('custom:huge.json', { text: () => Promise.reject(new RangeError('Invalid string length')) });
    expect(entry.file).toBe('custom:huge.json');
    expect(entry.result).toEqual({ ok: false, problems: [{ path: '', message: 'could not be read: Invalid string length' }] });
  });

  it('that can be read is checked by the model’s parser', async () => {
    const entry = await entryFromFile('custom:x.json', { text: () => Promise.resolve('{"name": 3}') });
    expect(entry.result.ok).toBe(false);
    if (!entry.result.ok) expect(entry.result.problems[0]).toEqual({ path: 'name', message: 'must be a string (got 3)' });
  });
});

describe('the seed box', () => {
  it('accepts a whole number from 0 to the largest exact integer', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(' 2026 ')).toBe(2026);
    expect(parseSeed(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses an empty box, text, fractions, negatives and numbers too large to be exact, rather than making them seed 0', () => {
    for (const text of ['', '   ', 'abc', '1.5', '-3', '1e3', '99999999999999999999999']) expect(parseSeed(text), text).toBeNull();
  });
});
