/**
 * Hostile scenarios (issue 9, "Done when"): every shipped scenario, mutated many times by a
 * seeded generator (numbers → 0, -1, 1e-300, 1e308 …, numbers written as text, huge arrays,
 * deleted fields, wrong types), must either run to exit 0 with a number wherever one could be
 * computed, JSON and CSV alike, or exit 2 with a JSON path on every problem line, and never
 * take long. Runs are shortened to at most 2 simulated days so the whole test stays quick;
 * `days` itself is mutated like every other field.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { cli, scenarioVariants } from '../helpers/cli-harness';

const MUTANTS_PER_FILE = 40;
/** Wall-clock seconds one mutant may take (parse, run and report), on a busy two-core machine. */
const SECONDS_PER_MUTANT = 15;

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');
const { dir } = scenarioVariants('kituo-fuzz-');
const outcomes = { ran: 0, refused: 0 };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number };

const HOSTILE_VALUES: Json[] = [0, -1, 1e-300, 1e308, -1e308, 0.5, 2 ** 53 + 2, 'NaN', 'Infinity', '12', '', null, true, {}, []];

/** Every place in the document that holds a value: object fields and array entries. */
function slots(node: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(node)) node.forEach((child, i) => (out.push({ parent: node, key: i }), slots(child, out)));
  else if (node !== null && typeof node === 'object') for (const key of Object.keys(node)) out.push({ parent: node, key }), slots(node[key], out);
  return out;
}

function mutate(scenario: Json, rng: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)];
  const done: string[] = [];
  const count = 1 + Math.floor(rng() * 3);
  for (let m = 0; m < count; m++) {
    const all = slots(scenario);
    const numeric = all.filter((s) => typeof (s.parent as any)[s.key] === 'number');
    const slot = rng() < 0.6 && numeric.length > 0 ? pick(numeric) : pick(all);
    const parent = slot.parent as any;
    const old = parent[slot.key];
    const roll = rng();
    if (roll < 0.6) parent[slot.key] = structuredClone(pick(HOSTILE_VALUES));
    else if (roll < 0.75) {
      if (Array.isArray(parent)) parent.splice(slot.key as number, 1);
      else delete parent[slot.key];
    } else if (roll < 0.85) parent[slot.key] = Array.from({ length: 20_000 }, () => structuredClone(old));
    else if (roll < 0.95) parent[slot.key] = typeof old === 'number' ? String(old) : 7;
    else parent[slot.key] = typeof old === 'number' ? old * 1000 : old;
    done.push(`${String(slot.key)} (roll ${roll.toFixed(2)})`);
  }
  return done;
}

/** Keys whose null means "no value" (a KPI with no calls, one replication, no formula, an unstable queue's infinite wait, a day of a scenario with no start date). */
const NULLABLE = new Set(['mean', 'ci95', 'erlang', 'asa', 'meanQueueLength', 'date']);

function nullsWhereNumbersBelong(node: unknown, path = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => nullsWhereNumbersBelong(child, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    value === null && !NULLABLE.has(key) ? [`${path}.${key}`] : nullsWhereNumbersBelong(value, `${path}.${key}`),
  );
}

// A key after a dot may be an id (translations name things by id: `translations.sw.teams.claims-team`).
const JSON_PATH = String.raw`(\(document\)|[A-Za-z$][\w$]*(\[\d+\]|\.[A-Za-z0-9$][\w$-]*)*)`;

describe.each(files)('%s, mutated', (file) => {
  it(`exits 0 with numbers where they belong or 2 with a JSON path on every problem line, ${MUTANTS_PER_FILE} times, each within ${SECONDS_PER_MUTANT} s`, async () => {
    const rng = seedrandom(`fuzz:${file}`);
    const original = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
    for (let n = 0; n < MUTANTS_PER_FILE; n++) {
      const scenario = structuredClone(original);
      scenario.days = Math.min(scenario.days, 2);
      const mutations = mutate(scenario, rng);
      const path = join(dir, `${file.replace('.json', '')}-${n}.json`);
      writeFileSync(path, JSON.stringify(scenario));
      const context = `${path}: ${mutations.join(', ')}`;
      const started = performance.now();
      const json = await cli('run', path, '--replications', '1');
      if (json.code === 0) {
        outcomes.ran++;
        expect(nullsWhereNumbersBelong(JSON.parse(json.stdout)), context).toEqual([]);
        const csv = await cli('run', path, '--replications', '1', '--format', 'csv');
        expect(csv.code, context).toBe(0);
        expect(csv.stdout, context).not.toMatch(/NaN|Infinity|null|undefined/);
      } else {
        outcomes.refused++;
        expect({ code: json.code, stderr: json.stderr }, context).toMatchObject({ code: 2 });
        expect(json.stdout, context).toBe('');
        const lines = json.stderr.trimEnd().split('\n');
        for (const line of lines) {
          if (/\band [\d,]+ more\b/.test(line)) continue;
          expect(line, context).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${JSON_PATH}: \\S`));
        }
      }
      expect((performance.now() - started) / 1000, context).toBeLessThan(SECONDS_PER_MUTANT);
    }
  });
});

describe('the mutants', () => {
  it('include runnable scenarios as well as refused ones, so both checks above were exercised', async () => {
    expect(outcomes.ran).toBeGreaterThan(files.length);
    expect(outcomes.refused).toBeGreaterThan(files.length);
  });
});
