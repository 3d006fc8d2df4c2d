/**
 * The power of one (src/app/power-of-one.ts): the largest group answering inbound calls loses the
 * agent (the first of equals), a group with shifts keeps its shifts adding up to its head-count,
 * and a scenario with no such group says so instead of making a variant.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { oneAgentFewer, powerOfOneGroup, totalAgents } from '../../src/app/power-of-one';

const groupOf = (scenario: ReturnType<typeof loadShipped>, id: string) => scenario.agentGroups.find((g) => g.id === id)!;

describe('the power of one', () => {
  it('takes the agent from the largest group that answers inbound calls', () => {
    expect(powerOfOneGroup(loadShipped('call-center-and-back-office.json'))).toBe('support-team');
    // generalists 24, specialists 30, backup 6 with no queue of its own.
    expect(powerOfOneGroup(loadShipped('support-multiskill.json'))).toBe('specialists');
  });

  it('picks the first of equally large groups', () => {
    expect(powerOfOneGroup(loadShipped('two-help-lines.json'))).toBe('nairobi-team');
  });

  it('passes over a group with no agent or no inbound queue', () => {
    const scenario = loadShipped('support-multiskill.json');
    groupOf(scenario, 'specialists').agents = 0;
    delete groupOf(scenario, 'specialists').shifts;
    groupOf(scenario, 'backup').agents = 90;
    delete groupOf(scenario, 'backup').shifts;
    expect(powerOfOneGroup(scenario)).toBe('generalists');
  });

  it('finds no group in a scenario without inbound calls', () => {
    expect(powerOfOneGroup(loadShipped('backoffice-claims.json'))).toBeNull();
  });

  it('leaves one agent fewer in the chosen group and every other group as it was', () => {
    const scenario = loadShipped('support-multiskill.json');
    const result = oneAgentFewer(scenario, 'specialists');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(totalAgents(result.scenario)).toBe(totalAgents(scenario) - 1);
    expect(groupOf(result.scenario, 'specialists').agents).toBe(29);
    expect(groupOf(result.scenario, 'generalists')).toEqual(groupOf(scenario, 'generalists'));
  });

  it('takes the agent from one shift of a group with shifts, so the shifts still add up', () => {
    const scenario = loadShipped('support-multiskill.json');
    const before = groupOf(scenario, 'specialists').shifts!.map((s) => s.agents);
    const result = oneAgentFewer(scenario, 'specialists');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const after = groupOf(result.scenario, 'specialists').shifts!.map((s) => s.agents);
    expect(before).toEqual([17, 13]);
    // 29 split 17:13 is 16.43 : 12.57, so the first shift rounds down and loses the agent.
    expect(after).toEqual([16, 13]);
  });

  it('refuses a group that cannot lose an agent, naming it', () => {
    const result = oneAgentFewer(loadShipped('support-multiskill.json'), 'backup');
    expect(result).toEqual({ ok: false, problems: [{ path: 'agentGroups', message: expect.stringContaining('"backup"') }] });
  });
});
