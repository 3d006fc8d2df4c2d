/**
 * Turns scenario text into a validated Scenario or a list of problems, one per line, each naming
 * the JSON path and what is wrong with the value found there. Never throws on bad input: the CLI
 * prints the problems and the page lists them.
 */
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './scenario-schema';
import { runSizeProblems } from './run-size';
import { migrateScenarioDocument } from './scenario-migrations';

export interface ScenarioProblem {
  /** JSON path such as `queues[0].patience.meanSec`; empty for the document as a whole. */
  readonly path: string;
  readonly message: string;
  /** Set on the last line of a capped list: how many problems that line stands for. */
  readonly omitted?: number;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per problem: `file: path: message`. */
export function formatProblems(source: string, problems: readonly ScenarioProblem[]): string[] {
  return problems.map((p) => `${source}: ${p.path === '' ? '(document)' : p.path}: ${p.message}`);
}

/** Larger texts are refused before parsing: no real scenario comes near, and a page must not freeze on one. */
export const MAX_SCENARIO_TEXT_CHARS = 10_000_000;
/** Longer arrays are refused before the schema, whose issue list would grow without bound (16.7 M issues exhaust the heap). */
export const MAX_ARRAY_ENTRIES = 100_000;
/** Deeper nesting is refused before the schema, which recurses once per level. */
export const MAX_NESTING_DEPTH = 64;
/** Problems listed at most; the rest are counted in a last line, so 50,000 bad entries do not print 50,000 lines. */
export const MAX_PROBLEMS_LISTED = 10;

export function parseScenarioText(text: string): ParseResult {
  const document = parseScenarioDocument(text);
  return document.ok ? validateScenario(document.data) : document;
}

/**
 * The JSON of a scenario text in the current format version (migrated from an older one), not yet
 * validated, or why it cannot be read (too large, not JSON, a format version from a newer Kituo).
 */
export function parseScenarioDocument(text: string): { ok: true; data: unknown } | { ok: false; problems: ScenarioProblem[] } {
  if (text.length > MAX_SCENARIO_TEXT_CHARS) {
    return { ok: false, problems: [{ path: '', message: `is ${megabytes(text.length)} long; a scenario may be at most ${megabytes(MAX_SCENARIO_TEXT_CHARS)}` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return migrateScenarioDocument(data);
}

export function validateScenario(data: unknown): ParseResult {
  const result = validateWithSchema(scenarioSchema, data);
  if (!result.ok) return result;
  // Valid field by field, yet maybe too big to run as a whole.
  const tooBig = runSizeProblems(result.data);
  return tooBig.length === 0 ? { ok: true, scenario: result.data } : { ok: false, problems: tooBig.map((p) => ({ path: formatPath(p.path), message: p.message })) };
}

/**
 * Data checked against any of Kituo's schemas (a scenario, a lesson), with the problems worded
 * and capped the same way: one per JSON path, "must be …" with the value found.
 */
export function validateWithSchema<T>(schema: z.ZodType<T>, data: unknown): { ok: true; data: T } | { ok: false; problems: ScenarioProblem[] } {
  const oversized = findOversizedStructure(data);
  if (oversized) return { ok: false, problems: [oversized] };
  const result = schema.safeParse(data, { error: describeZodIssue });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: capProblems(result.error.issues.flatMap((issue) => describeIssue(issue, data))) };
}

function megabytes(chars: number): string {
  return `${(chars / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/** The first array too long or nesting too deep, walked without recursion so depth cannot overflow the stack. */
function findOversizedStructure(data: unknown): ScenarioProblem | null {
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: data, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= MAX_NESTING_DEPTH) {
      return { path: formatPath(path), message: `nests deeper than ${MAX_NESTING_DEPTH} levels; a scenario never needs that` };
    }
    if (Array.isArray(node)) {
      if (node.length > MAX_ARRAY_ENTRIES) {
        return { path: formatPath(path), message: `has ${node.length.toLocaleString('en-US')} entries; at most ${MAX_ARRAY_ENTRIES.toLocaleString('en-US')} are allowed` };
      }
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
    } else {
      for (const key of Object.keys(node).reverse()) stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

function capProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  if (problems.length <= MAX_PROBLEMS_LISTED) return problems;
  const more = problems.length - MAX_PROBLEMS_LISTED;
  return [...problems.slice(0, MAX_PROBLEMS_LISTED), { path: '', message: `… and ${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'}`, omitted: more }];
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');
const listValues = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Kituo's wording for every zod issue the schema did not word itself (a schema's own message
 * wins), so every problem reads "must be …" with the value found appended by describeIssue.
 */
function describeZodIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      if (typeof issue.input === 'number' && issue.expected === 'number') return 'must be a finite number';
      return `must be ${article(issue.expected)} ${issue.expected}`;
    }
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const inclusive = issue.inclusive !== false;
      const word = issue.code === 'too_big' ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'more than';
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.code === 'too_small' && Number(bound) === 1 && inclusive ? 'must not be empty' : `must have ${word} ${bound} entries`;
      }
      if (issue.origin === 'string') return `must be ${word} ${bound} characters long`;
      return `must be ${word} ${bound}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `must match the pattern ${issue.pattern}` : `must be a valid ${issue.format}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${listValues(issue.values)}` : `must be one of ${listValues(issue.values)}`;
    case 'invalid_union':
      // A discriminated union whose tag matched no branch names the tags it knows.
      return 'options' in issue && Array.isArray(issue.options) ? `must be one of ${listValues(issue.options)}` : 'matches none of the allowed forms';
    case 'invalid_key':
      return 'is not an allowed key';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return 'is not valid';
  }
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): ScenarioProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((branch) => branch.length === 1 && branch[0].code === 'invalid_value')) {
    // A union of literals (15 | 30 | 60): name every allowed value, not just the first branch's.
    const allowed = issue.errors.flatMap((branch) => ('values' in branch[0] ? branch[0].values : []));
    const found = valueAt(data, issue.path);
    return [{ path: formatPath(issue.path), message: `must be one of ${listValues(allowed)}${isPrintable(found) ? ` (got ${show(found)})` : ''}` }];
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A union (arrivals, duration kinds) failed every branch: report the branch that got furthest.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (best.length > 0) return best.flatMap((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, data));
  }
  const found = valueAt(data, issue.path);
  let message = issue.message;
  if (isPrintable(found) && !message.includes('(got')) message += ` (got ${show(found)})`;
  return [{ path: formatPath(issue.path), message }];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function isPrintable(value: unknown): boolean {
  return value === null || typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 60);
}
