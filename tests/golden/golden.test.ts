/**
 * Golden files: what Kituo computes today, kept byte for byte, so that a restructure can prove it
 * changed nothing a user sees or measures. Each shipped scenario's full CLI JSON (fixed seed, a
 * few replications), and the domain-event streams of two scenarios that exercise both worlds.
 *
 * A golden changes only on purpose: run `KITUO_UPDATE_GOLDEN=1 npx vitest run tests/golden`, and
 * say in the commit why the figures moved.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { main } from '../../src/cli/main';
import { recordEventStream } from './event-stream';

const GOLDEN_DIR = 'tests/golden/files';
const UPDATE = process.env.KITUO_UPDATE_GOLDEN === '1';
const SEED = '20261130';
const REPLICATIONS = '3';

const scenarioFiles = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();

function matchGolden(name: string, actual: string): void {
  const path = `${GOLDEN_DIR}/${name}`;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`${path} is missing: record it with KITUO_UPDATE_GOLDEN=1`);
  const expected = readFileSync(path, 'utf8');
  // Compare as text: byte-identical is the promise, and the diff shows where it broke.
  expect(actual).toBe(expected);
}

describe('the CLI report of every shipped scenario is byte-identical to its golden', () => {
  for (const file of scenarioFiles) {
    it(`kituo run ${file} --seed ${SEED} --replications ${REPLICATIONS}`, async () => {
      let stdout = '';
      let stderr = '';
      const code = await main(['run', `scenarios/${file}`, '--seed', SEED, '--replications', REPLICATIONS], (s) => (stdout += s), (s) => (stderr += s));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      matchGolden(`run-${file}`, stdout);
    });
  }
});

describe('the CLI comparison is byte-identical to its golden', () => {
  it('kituo compare claims-in-house-onshore.json onshore-vs-offshore.json', async () => {
    let stdout = '';
    const files = ['scenarios/claims-in-house-onshore.json', 'scenarios/onshore-vs-offshore.json'];
    const code = await main(['compare', ...files, '--seed', SEED, '--replications', REPLICATIONS, '--format', 'json'], (s) => (stdout += s), () => {});
    expect(code).toBe(0);
    matchGolden('compare-onshore-offshore.json', stdout);
  });
});

describe('the domain-event stream is byte-identical to its golden', () => {
  for (const file of ['bpo-voice-and-backoffice.json', 'support-multiskill.json']) {
    it(`every event of one replication of ${file}, in order`, () => {
      const lines = recordEventStream(`scenarios/${file}`, Number(SEED)).map((event) => JSON.stringify(event));
      // The whole stream is kept as a digest; its head as text, to show where a change starts.
      const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
      const head = lines.slice(0, 3000).join('\n');
      matchGolden(`events-${file.replace(/\.json$/, '')}.txt`, `count ${lines.length}\nsha256 ${digest}\n${head}\n`);
    });
  }
});
