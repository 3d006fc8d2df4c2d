/**
 * "The power of one", the workforce trainers' classic exercise: the same floor with one agent
 * fewer. Which group loses the agent is the largest group that answers inbound calls (the first
 * of equals, in the scenario's order), unless the user names one. The variant is made by the
 * what-if settings (src/app/what-if.ts), so a group with shifts keeps its shifts adding up to its
 * head-count (`apportion` takes the agent from the shift whose share it rounds away).
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import type { ParseResult } from '../model/scenario/parse-scenario';
import { applyWhatIf, defaultWhatIf } from './what-if';

/** The groups that can lose an agent: they answer some inbound queue and have one to lose. */
export function inboundGroupsWithAgents(scenario: Scenario): Scenario['agentGroups'] {
  const queueIds = new Set(scenario.queues.map((queue) => queue.id));
  return scenario.agentGroups.filter((group) => group.agents > 0 && group.queues.some((id) => queueIds.has(id)));
}

/** The id of the group that loses the agent by default, or null when no group can lose one. */
export function powerOfOneGroup(scenario: Scenario): string | null {
  let chosen: Scenario['agentGroups'][number] | null = null;
  for (const group of inboundGroupsWithAgents(scenario)) if (!chosen || group.agents > chosen.agents) chosen = group;
  return chosen?.id ?? null;
}

/** The scenario with one agent fewer in `groupId`, validated again by the model's own schema. */
export function oneAgentFewer(scenario: Scenario, groupId: string): ParseResult {
  const group = inboundGroupsWithAgents(scenario).find((g) => g.id === groupId);
  if (!group) return { ok: false, problems: [{ path: 'agentGroups', message: `no group "${groupId}" with an agent to lose that answers inbound calls` }] };
  const settings = defaultWhatIf(scenario);
  return applyWhatIf(scenario, { ...settings, agentsByGroup: { ...settings.agentsByGroup, [groupId]: group.agents - 1 } });
}

/** Agents in every group of a scenario (what the twin floors' titles count). */
export function totalAgents(scenario: Scenario): number {
  return scenario.agentGroups.reduce((sum, group) => sum + group.agents, 0);
}
