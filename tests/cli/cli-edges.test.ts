/**
 * The command line's edges (issue 9, items 4 and 6): huge or deep files are refused before the
 * schema with the path named and the problem list capped; --out, --seed and --version behave;
 * a closed stdout ends quietly; every schema problem reads like Kituo's own messages.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, expectBadInputExit, scenarioVariants } from '../helpers/cli-harness';

const { dir, variant: variantOf } = scenarioVariants('kituo-cli-edges-');
const variant = (name: string, edit: (s: any) => void) => variantOf('inbound-basic', name, edit);
const basicText = readFileSync('scenarios/inbound-basic.json', 'utf8');

/** inbound-basic.json with `"x": <json>` as its first field, written as text (too big or deep for JSON.stringify). */
function withField(name: string, json: string): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, basicText.replace(/^\{/, `{"x":${json},`));
  return file;
}

describe('huge or deep scenario files', () => {
  it('refuses a 12 MB file before parsing it, saying how large it is', async () => {
    const file = withField('huge', `"${'a'.repeat(12_000_000)}"`);
    const { code, stderr } = await cli('validate', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`${file}: (document): is 12 MB long; a scenario may be at most 10 MB\n`);
  });

  it('refuses an array of a million entries naming its path, where zod used to overflow the stack', async () => {
    const file = variant('million', (s) => (s.agentGroups[0].queues = Array(1_000_000).fill(0)));
    const { code, stderr } = await cli('validate', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`${file}: agentGroups[0].queues: has 1,000,000 entries; at most 100,000 are allowed\n`);
  });

  it('refuses nesting a million levels deep without overflowing the stack', async () => {
    const file = withField('deep', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    const { code, stderr } = await cli('validate', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/: x(\[0\]){63}: nests deeper than 64 levels/);
  });

  it('lists the first ten of 50,000 problems and counts the rest in one line', async () => {
    const file = variant('fifty-k', (s) => (s.agentGroups[0].queues = Array(50_000).fill(0)));
    const lines = (await cli('validate', file)).stderr.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(`${file}: agentGroups[0].queues[0]: must be a string (got 0)`);
    expect(lines[10]).toBe(`${file}: (document): … and 49,990 more problems`);
  });
});

describe('schema problems in Kituo words, for every kind of zod issue', () => {
  const cases: [string, (s: any) => void, RegExp][] = [
    ['a number above its maximum', (s) => (s.days = 400), /: days: must be at most 366 \(got 400\)$/m],
    ['an unknown kind of distribution', (s) => (s.queues[0].patience = { kind: 'weibull', meanSec: 3 }), /: queues\[0\]\.patience\.kind: must be one of "exponential", "deterministic", .*"empirical" \(got "weibull"\)$/m],
    ['a name too long', (s) => (s.name = 'n'.repeat(201)), /: name: must be at most 200 characters long$/m],
    ['an id too long', (s) => (s.queues[0].id = 'q'.repeat(65)), /: queues\[0\]\.id: must be at most 64 characters long$/m],
  ];
  for (const [what, edit, expected] of cases) {
    it(`words ${what} as "must be …"`, async () => {
      const file = variant(what.replace(/\W+/g, '-'), edit);
      await expectBadInputExit(file, expected);
      expect((await cli('run', file)).stderr).not.toMatch(/Invalid|Too big|Too small|expected/);
    });
  }
});

describe('options', () => {
  it('refuses --out into a missing folder before running anything', async () => {
    const started = Date.now();
    const { code, stderr, stdout } = await cli('run', 'scenarios/inbound-basic.json', '--replications', '200', '--out', '/missing/dir/x.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('--out: folder /missing/dir does not exist\n');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses --out naming a folder', async () => {
    const { code, stderr } = await cli('run', 'scenarios/inbound-basic.json', '--out', dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--out: .* is a folder, not a file/);
  });

  it('refuses a seed beyond the safe integers instead of rounding it to 1e23', async () => {
    const { code, stderr } = await cli('run', 'scenarios/inbound-basic.json', '--seed', '99999999999999999999999');
    expect(code).toBe(2);
    expect(stderr).toBe('--seed: must be a whole number from 0 to 9007199254740991 (got 99999999999999999999999)\n');
    expect((await cli('run', 'scenarios/inbound-basic.json', '--seed', '9007199254740991')).code).toBe(0);
  });

  it('prints the package version with --version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    const { code, stdout } = await cli('--version');
    expect(code).toBe(0);
    expect(stdout).toBe(`kituo ${version}\n`);
  });
});

describe('a reader that closes stdout early', () => {
  it('ends the CLI quietly, without an EPIPE stack trace', async () => {
    const result = spawnSync('sh', ['-c', 'npx tsx src/cli/main.ts schema | head -c 10 > /dev/null'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
