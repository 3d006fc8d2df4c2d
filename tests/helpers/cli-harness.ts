/** Runs the CLI in-process and writes edited copies of shipped scenarios, for the CLI tests. */
import { expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

/** A temporary folder; `variant(base, name, edit)` writes scenarios/<base>.json changed by `edit` there. */
export function scenarioVariants(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    variant(base: string, name: string, edit: (scenario: any) => void): string {
      const scenario = JSON.parse(readFileSync(`scenarios/${base}.json`, 'utf8'));
      edit(scenario);
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      return file;
    },
  };
}

/** A run of the CLI on bad input: exit code 2, nothing on stdout, the problem named after the file and its JSON path, no stack trace. */
export async function expectBadInputExit(file: string, expected: RegExp | string): Promise<void> {
  const { code, stderr, stdout } = await cli('run', file);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(expected);
  expect(stderr.startsWith(file)).toBe(true);
  expect(stderr).not.toMatch(/\n\s+at /);
}
