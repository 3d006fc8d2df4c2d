/** The editor's edit operations: pure functions on a scenario document that never change their input. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addAgentGroup, addEntry, addQueue, addShift, addSkill, addTeam, addWorkType, freshId, removeEntry, setAt, setCurveInterval, valueAt, type EditResult, type ScenarioDocument } from '../../src/app/editor/edit-operations';
import { validateScenario } from '../../src/model/scenario/parse-scenario';

const shipped = (file: string): ScenarioDocument => JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
const doc = (result: EditResult): ScenarioDocument => {
  if (!result.ok) throw new Error(`${result.problem.path}: ${result.problem.message}`);
  return result.document;
};

describe('setting a field by path', () => {
  it('writes the value at the path in a copy and leaves the original alone', () => {
    const before = shipped('call-center-and-back-office.json');
    const after = doc(setAt(before, 'agentGroups[0].agents', 30));
    expect(valueAt(after, 'agentGroups[0].agents')).toBe(30);
    expect(valueAt(before, 'agentGroups[0].agents')).toBe(22);
  });

  it('adds an optional field the file leaves out, and removes it again with undefined', () => {
    const added = doc(setAt(shipped('inbound-basic.json'), 'queues[0].lines', 50));
    expect(valueAt(added, 'queues[0].lines')).toBe(50);
    expect(valueAt(doc(setAt(added, 'queues[0].lines', undefined)), 'queues[0]')).not.toHaveProperty('lines');
  });

  it('names the path it could not reach instead of creating it', () => {
    const result = setAt(shipped('inbound-basic.json'), 'queues[5].name', 'x');
    expect(result).toEqual({ ok: false, problem: { path: 'queues[5]', message: 'does not exist (the list has 1 entry)' } });
    expect(setAt(shipped('inbound-basic.json'), 'queues[', 1)).toMatchObject({ ok: false, problem: { path: 'queues[' } });
  });
});

describe('the arrival curve', () => {
  it('sets one interval and no other', () => {
    const before = shipped('call-center-and-back-office.json');
    const after = doc(setCurveInterval(before, 'queues[0].arrivals.callsPerInterval', 20, 200));
    const curve = valueAt(after, 'queues[0].arrivals.callsPerInterval') as number[];
    const old = valueAt(before, 'queues[0].arrivals.callsPerInterval') as number[];
    expect(curve[20]).toBe(200);
    expect(curve.filter((v, i) => v !== old[i])).toEqual([200]);
  });

  it('refuses an interval past the end of the day or a path that is no curve', () => {
    const before = shipped('call-center-and-back-office.json');
    expect(setCurveInterval(before, 'queues[0].arrivals.callsPerInterval', 48, 1)).toMatchObject({ ok: false, problem: { path: 'queues[0].arrivals.callsPerInterval[48]', message: 'does not exist (the curve has 48 intervals)' } });
    expect(setCurveInterval(before, 'queues[0].name', 0, 1)).toMatchObject({ ok: false, problem: { path: 'queues[0].name' } });
  });
});

describe('adding and removing entries', () => {
  it('adds a queue and a group that answers it, and the scenario still validates', () => {
    const withQueue = doc(addQueue(shipped('inbound-basic.json')));
    const queues = valueAt(withQueue, 'queues') as { id: string; arrivals: { callsPerInterval: number[] } }[];
    expect(queues).toHaveLength(2);
    expect(queues[1].id).toBe('queue');
    expect(queues[1].arrivals.callsPerInterval).toHaveLength(48);
    expect(validateScenario(withQueue).ok).toBe(true);
    const withGroup = doc(addAgentGroup(withQueue));
    expect(valueAt(withGroup, 'agentGroups[1]')).toMatchObject({ id: 'group', agents: 1, queues: [queues[0].id] });
    expect(validateScenario(withGroup).ok).toBe(true);
  });

  it('gives a new entry an id no other entry has', () => {
    expect(freshId([{ id: 'queue' }, { id: 'queue-2' }], 'queue')).toBe('queue-3');
    expect(freshId(undefined, 'team')).toBe('team');
  });

  it('adds a skill for a queue the group does not answer yet', () => {
    const twoQueues = doc(addQueue(shipped('inbound-basic.json')));
    const withSkill = doc(addSkill(twoQueues, 0));
    expect(valueAt(withSkill, 'agentGroups[0].skills')).toEqual([{ queue: 'queue', priority: 2 }]);
    expect(validateScenario(withSkill).ok).toBe(true);
  });

  it('gives the first shift of a group all its agents, and a further one none, so the head-counts still add up', () => {
    const first = doc(addShift(shipped('inbound-basic.json'), 0));
    const agents = valueAt(first, 'agentGroups[0].agents');
    expect(valueAt(first, 'agentGroups[0].shifts')).toEqual([{ agents, start: '09:00', end: '17:00' }]);
    const second = doc(addShift(first, 0));
    expect(valueAt(second, 'agentGroups[0].shifts[1].agents')).toBe(0);
    expect(validateScenario(second).ok).toBe(true);
  });

  it('adds a work type and a team that works it, and the scenario still validates', () => {
    const both = doc(addTeam(doc(addWorkType(shipped('call-center-and-back-office.json')))));
    expect(valueAt(both, 'backOffice.workTypes[1].id')).toBe('work');
    expect(valueAt(both, 'backOffice.teams[1]')).toMatchObject({ id: 'team', skills: ['claims'] });
    expect(validateScenario(both).ok).toBe(true);
  });

  it('removes one entry of a list and keeps the rest in order', () => {
    const three = doc(addEntry(doc(addEntry({ list: [1] }, 'list', 2)), 'list', 3));
    expect(valueAt(doc(removeEntry(three, 'list', 1)), 'list')).toEqual([1, 3]);
    expect(removeEntry(three, 'list', 3)).toMatchObject({ ok: false, problem: { path: 'list[3]' } });
  });

  it('removing the only queue leaves a scenario the schema names the problem of', () => {
    const result = validateScenario(doc(removeEntry(shipped('inbound-basic.json'), 'queues', 0)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('agentGroups[0].queues[0]');
  });
});
