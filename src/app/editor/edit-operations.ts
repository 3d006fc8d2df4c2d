/**
 * Edits of a scenario document as pure functions: each takes the document (parsed JSON, valid or
 * not) and returns a changed copy, or a problem naming the path it could not reach. Paths are the
 * ones problem messages print (`agentGroups[0].agents`) and are written through the same
 * `writeAtPath` as the CLI's `--set`, so the editor can set nothing a file could not hold.
 */
import { formatPath, type ScenarioProblem } from '../../model/scenario/parse-scenario';
import { parsePath, writeAtPath } from '../../model/scenario/scenario-overrides';

export type ScenarioDocument = Record<string, unknown>;
export type EditResult = { ok: true; document: ScenarioDocument } | { ok: false; problem: ScenarioProblem };

/** The value at `path` in the document, or undefined when any step of it is missing. */
export function valueAt(document: unknown, path: string): unknown {
  const keys = parsePath(path);
  if (!keys) return undefined;
  let node = document;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The document with `value` at `path`; `undefined` removes an object's field (an optional field left out). */
export function setAt(document: ScenarioDocument, path: string, value: unknown): EditResult {
  const keys = parsePath(path);
  if (!keys) return { ok: false, problem: { path, message: 'is not a path such as queues[0].name' } };
  const copy = structuredClone(document);
  if (value === undefined) {
    const parent = keys.length === 1 ? copy : valueAt(copy, formatPath(keys.slice(0, -1)));
    const last = keys[keys.length - 1];
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && typeof last === 'string') delete (parent as Record<string, unknown>)[last];
    return { ok: true, document: copy };
  }
  const problem = writeAtPath(copy, keys, structuredClone(value));
  return problem ? { ok: false, problem } : { ok: true, document: copy };
}

/** Interval `index` of the arrival curve (a list of expected calls or items) at `curvePath`. */
export function setCurveInterval(document: ScenarioDocument, curvePath: string, index: number, value: number): EditResult {
  const curve = valueAt(document, curvePath);
  if (!Array.isArray(curve)) return { ok: false, problem: { path: curvePath, message: 'is not a list of values' } };
  if (!Number.isInteger(index) || index < 0 || index >= curve.length) {
    return { ok: false, problem: { path: `${curvePath}[${index}]`, message: `does not exist (the curve has ${curve.length} intervals)` } };
  }
  return setAt(document, `${curvePath}[${index}]`, value);
}

/** The document with `entry` appended to the list at `listPath` (created when the field is absent). */
export function addEntry(document: ScenarioDocument, listPath: string, entry: unknown): EditResult {
  const list = valueAt(document, listPath);
  if (list === undefined) return setAt(document, listPath, [entry]);
  if (!Array.isArray(list)) return { ok: false, problem: { path: listPath, message: 'is not a list' } };
  return setAt(document, listPath, [...list, entry]);
}

/** The document without entry `index` of the list at `listPath`. */
export function removeEntry(document: ScenarioDocument, listPath: string, index: number): EditResult {
  const list = valueAt(document, listPath);
  if (!Array.isArray(list) || index < 0 || index >= list.length) return { ok: false, problem: { path: `${listPath}[${index}]`, message: 'does not exist' } };
  return setAt(document, listPath, list.filter((_, i) => i !== index));
}

/** An id not yet used by any entry of `list`: `base`, else `base-2`, `base-3` … */
export function freshId(list: unknown, base: string): string {
  const used = new Set(Array.isArray(list) ? list.map((entry) => (entry as { id?: unknown })?.id) : []);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** Whole-day curve of zeros, one value per `intervalMin` of the day. */
const flatDay = (intervalMin: number) => new Array<number>((24 * 60) / intervalMin).fill(0);

/** A new call queue: an enquiry line with an empty arrival curve at the scenario's reporting interval. */
export function addQueue(document: ScenarioDocument): EditResult {
  const id = freshId(document.queues, 'queue');
  const intervalMin = [15, 30, 60].includes(document.reportIntervalMin as number) ? (document.reportIntervalMin as number) : 30;
  return addEntry(document, 'queues', {
    id,
    name: id,
    arrivals: { intervalMin, callsPerInterval: flatDay(intervalMin) },
    talk: { kind: 'exponential', meanSec: 240 },
    patience: { kind: 'exponential', meanSec: 180 },
  });
}

/** The first cost location's id, which a new group or team must name once the scenario gives costs. */
function firstLocation(document: ScenarioDocument): { locationId?: string } {
  const id = valueAt(document, 'costs.locations[0].id') ?? valueAt(document, 'backOffice.costs.locations[0].id');
  return typeof id === 'string' ? { locationId: id } : {};
}

/** A new agent group answering the first queue (or none yet), logged in all day. */
export function addAgentGroup(document: ScenarioDocument): EditResult {
  const id = freshId(document.agentGroups, 'group');
  const queues = Array.isArray(document.queues) ? document.queues : [];
  const first = (queues[0] as { id?: unknown } | undefined)?.id;
  return addEntry(document, 'agentGroups', { id, name: id, agents: 1, queues: typeof first === 'string' ? [first] : [], ...firstLocation(document) });
}

/** A new skill of group `group`: a second-priority skill for a queue the group does not answer yet. */
export function addSkill(document: ScenarioDocument, group: number): EditResult {
  const groupData = valueAt(document, `agentGroups[${group}]`) as { queues?: unknown; skills?: { queue?: unknown }[] } | undefined;
  if (!groupData || typeof groupData !== 'object') return { ok: false, problem: { path: `agentGroups[${group}]`, message: 'does not exist' } };
  const taken = new Set([...(Array.isArray(groupData.queues) ? groupData.queues : []), ...(groupData.skills ?? []).map((s) => s?.queue)]);
  const queueIds = (Array.isArray(document.queues) ? document.queues : []).map((q) => (q as { id?: unknown })?.id).filter((q): q is string => typeof q === 'string');
  const queue = queueIds.find((q) => !taken.has(q)) ?? queueIds[0] ?? '';
  return addEntry(document, `agentGroups[${group}].skills`, { queue, priority: 2 });
}

/**
 * A new shift of group `group`, 09:00–17:00 with no agents yet: its head-count is then moved from
 * another shift, since the shifts' agents must add up to the group's.
 */
export function addShift(document: ScenarioDocument, group: number): EditResult {
  const agents = valueAt(document, `agentGroups[${group}].agents`);
  const shifts = valueAt(document, `agentGroups[${group}].shifts`);
  // The first shift of a group carries all its agents, so the group still adds up.
  const first = shifts === undefined || (Array.isArray(shifts) && shifts.length === 0);
  return addEntry(document, `agentGroups[${group}].shifts`, { agents: first && typeof agents === 'number' ? agents : 0, start: '09:00', end: '17:00' });
}

/** A new back-office work type: a trickle of items due in 8 business hours. */
export function addWorkType(document: ScenarioDocument): EditResult {
  const id = freshId(valueAt(document, 'backOffice.workTypes'), 'work');
  return addEntry(document, 'backOffice.workTypes', {
    id,
    name: id,
    arrivals: { stream: { intervalMin: 60, itemsPerInterval: flatDay(60) } },
    handling: { kind: 'exponential', meanMin: 10 },
    due: { businessHours: 8 },
  });
}

/** A new back-office team working the first work type, 08:00–17:00 on weekdays. */
export function addTeam(document: ScenarioDocument): EditResult {
  const id = freshId(valueAt(document, 'backOffice.teams'), 'team');
  const workTypes = valueAt(document, 'backOffice.workTypes');
  const first = Array.isArray(workTypes) ? (workTypes[0] as { id?: unknown } | undefined)?.id : undefined;
  return addEntry(document, 'backOffice.teams', {
    id,
    name: id,
    clerks: 1,
    skills: typeof first === 'string' ? [first] : [],
    shift: { start: '08:00', end: '17:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    ...firstLocation(document),
  });
}
