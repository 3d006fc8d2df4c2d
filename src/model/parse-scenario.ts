/**
 * Turns scenario text into a validated Scenario or a list of problems, one per line, each naming
 * the JSON path and what is wrong with the value found there. Never throws on bad input: the CLI
 * prints the problems and the page lists them.
 */
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './scenario-schema';
import { runSizeProblems } from './run-size';

export interface ScenarioProblem {
  /** JSON path such as `queues[0].patience.meanSec`; empty for the document as a whole. */
  readonly path: string;
  readonly message: string;
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

export function parseScenarioText(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validateScenario(data);
}

export function validateScenario(data: unknown): ParseResult {
  const result = scenarioSchema.safeParse(data);
  if (result.success) {
    // Valid field by field, yet maybe too big to run as a whole.
    const tooBig = runSizeProblems(result.data);
    return tooBig.length === 0 ? { ok: true, scenario: result.data } : { ok: false, problems: tooBig.map((p) => ({ path: formatPath(p.path), message: p.message })) };
  }
  return { ok: false, problems: result.error.issues.flatMap((issue) => describeIssue(issue, data)) };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): ScenarioProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((branch) => branch.length === 1 && branch[0].code === 'invalid_value')) {
    // A union of literals (15 | 30 | 60): name every allowed value, not just the first branch's.
    const allowed = issue.errors.flatMap((branch) => ('values' in branch[0] ? branch[0].values : []));
    const found = valueAt(data, issue.path);
    return [{ path: formatPath(issue.path), message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${isPrintable(found) ? ` (got ${show(found)})` : ''}` }];
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A union (arrivals, duration kinds) failed every branch: report the branch that got furthest.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (best.length > 0) return best.flatMap((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, data));
  }
  const found = valueAt(data, issue.path);
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    if (found === undefined) message = 'is required';
    else if (typeof found === 'number' && issue.expected === 'number') message = 'must be a finite number';
    else message = `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
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
