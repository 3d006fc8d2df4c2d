/**
 * The `kituo` bin (issue 11, item 9) runs the compiled CLI of dist-cli/ only while it is at least
 * as new as every source file and package.json; otherwise the TypeScript source through tsx, so
 * an edit is never hidden behind a stale build. Checked on a copy of the package whose dist-cli
 * is a stand-in that says "compiled".
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kituo-bin-'));
  for (const part of ['bin', 'src', 'package.json']) cpSync(part, join(dir, part), { recursive: true });
  symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  return dir;
}

const kituo = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin/kituo.mjs'), '--version'], { encoding: 'utf8' }).stdout;

describe('the kituo bin', () => {
  it('runs dist-cli while it is newer than src/ and package.json, else the source', () => {
    const dir = packageCopy();
    const version = `kituo ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version}\n`;
    expect(kituo(dir)).toBe(version);

    mkdirSync(join(dir, 'dist-cli/cli'), { recursive: true });
    const compiled = join(dir, 'dist-cli/cli/main.js');
    writeFileSync(compiled, "process.stdout.write('compiled\\n');\n");
    const later = new Date(Date.now() + 60_000);
    utimesSync(compiled, later, later);
    expect(kituo(dir)).toBe('compiled\n');

    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(join(dir, 'src/runner/statistics.ts'), evenLater, evenLater);
    expect(kituo(dir)).toBe(version);

    utimesSync(compiled, evenLater, evenLater);
    expect(kituo(dir)).toBe('compiled\n');
    const latest = new Date(Date.now() + 180_000);
    utimesSync(join(dir, 'package.json'), latest, latest);
    expect(kituo(dir)).toBe(version);
  }, 60_000);
});
