/**
 * Replications in parallel (issue 11, items 4 and 5): the same report byte for byte with 1, 2 or
 * 4 workers, progress as JSON lines for tools, and Ctrl-C that stops the run, exits 130 and
 * leaves no output file behind.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli-harness';

const BASIC = 'scenarios/inbound-basic.json';

describe('--workers', () => {
  it('gives a run report byte-identical with 1, 2 and 4 workers', async () => {
    const outputs = [];
    for (const workers of ['1', '2', '4']) {
      const { code, stdout, stderr } = await cli('run', BASIC, '--replications', '9', '--seed', '5', '--workers', workers);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      outputs.push(stdout);
    }
    expect(JSON.parse(outputs[0]).replications).toBe(9);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('gives a comparison and a sweep byte-identical with 1 and 3 workers', async () => {
    const compare = (workers: string) => cli('compare', BASIC, BASIC, '--set', 'agentGroups[0].agents=30', '--replications', '4', '--format', 'json', '--workers', workers);
    const sweep = (workers: string) => cli('sweep', BASIC, '--vary', 'agentGroups[0].agents=30,34,38', '--replications', '3', '--format', 'csv', '--workers', workers);
    const [compareAlone, compareShared, sweepAlone, sweepShared] = [await compare('1'), await compare('3'), await sweep('1'), await sweep('3')];
    expect(compareAlone.code).toBe(0);
    expect(compareShared.stdout).toBe(compareAlone.stdout);
    expect(sweepAlone.code).toBe(0);
    expect(sweepShared.stdout).toBe(sweepAlone.stdout);
  });

  it('refuses a number of workers that is not a whole number from 1 to 256', async () => {
    for (const workers of ['0', '257', 'two']) {
      const { code, stdout, stderr } = await cli('run', BASIC, '--workers', workers);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`--workers: must be a whole number from 1 to 256 (got ${workers})\n`);
    }
  });
});

describe('--progress', () => {
  it('writes one JSON line per finished replication on stderr, done rising to the total', async () => {
    const { code, stderr } = await cli('compare', BASIC, BASIC, '--replications', '5', '--workers', '2', '--progress', 'json', '--format', 'json');
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(10);
    expect(lines.map((line) => line.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines.every((line) => line.total === 10 && line.elapsedSec >= 0 && line.etaSec >= 0)).toBe(true);
    expect(lines.at(-1).etaSec).toBe(0);
  });

  it('stays silent with none, and by default when stderr is not a terminal', async () => {
    expect((await cli('run', BASIC, '--replications', '2', '--progress', 'none')).stderr).toBe('');
    expect((await cli('run', BASIC, '--replications', '2')).stderr).toBe('');
  });

  it('refuses a mode it does not know', async () => {
    const { code, stderr } = await cli('sweep', BASIC, '--vary', 'agentGroups[0].agents=30,34', '--progress', 'dots');
    expect(code).toBe(2);
    expect(stderr).toBe('--progress: must be bar, json or none (got dots)\n');
  });
});

/** Starts the CLI from its source as a child process; resolves with its exit code once it ends, after Ctrl-C at the first progress line. */
function interruptAfterFirstProgress(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let interrupted = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (!interrupted && stderr.includes('"done":')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('Ctrl-C', () => {
  for (const workers of ['1', '2']) {
    it(`stops a run on ${workers} worker${workers === '1' ? '' : 's'} at once, exits 130 and leaves no output file`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kituo-sigint-'));
      const out = join(dir, 'report.json');
      const started = performance.now();
      const { code, stderr } = await interruptAfterFirstProgress(['run', BASIC, '--replications', '2000', '--workers', workers, '--progress', 'json', '--out', out]);
      expect(code).toBe(130);
      expect(stderr).toMatch(/kituo: cancelled\n$/);
      // 2,000 replications take minutes; a prompt stop takes the start-up and one replication.
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    }, 60_000);
  }
});
