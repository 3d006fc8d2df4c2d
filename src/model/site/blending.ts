/**
 * Blending of voice and back office: agents of a voice group with `backOfficeWork` skills take
 * back-office items while no call (or outbound work) is waiting for them.
 *
 * The voice model stays in charge of the agents (shifts, breaks, routing); the back office only
 * chooses which item, by its allocation rule, among the work types the group is skilled in.
 * Each blending group appears in the back office as a lent team whose clerks are the group's
 * agents, same ids. The rule, in the order an agent that comes free is offered work:
 *
 *   1. a waiting call (inbound first: the voice model's routing),
 *   2. outbound work, if the group dials a campaign,
 *   3. its paused back-office item, else the next item the back office's rule gives it,
 *   4. else it waits idle, at both: a call or a new item, whichever comes first, takes it.
 *
 * A call for the group, when none of its agents is idle, either interrupts the agent who has been
 * on back-office work longest (`callInterruptsItem: true`: the item is paused with its remaining
 * work and resumed when the agent is free again) or waits until some agent's task is done
 * (`false`). A break or the end of a shift pauses the item at once: back-office work is
 * deferrable, a call is not. Every hand-over shows in the events: the agent's state changes to
 * and from `back-office`, the item's `item.started`/`item.paused`/`item.resumed`.
 */
import type { VoiceModel, Agent } from '../voice/voice-model';
import type { BackOfficeModel } from '../backoffice/backoffice-model';
import type { Clerk } from '../backoffice/backoffice-objects';

/** Wires every blending group of the voice model to the back office. Call once, before running. */
export function connectBlending(voice: VoiceModel, office: BackOfficeModel | null): void {
  for (const group of voice.groups) {
    const work = group.config.backOfficeWork;
    if (!work) continue;
    if (!office) throw new RangeError(`agent group "${group.id}" has backOfficeWork but the scenario has no back office`);
    const agentOf = new Map<Clerk, Agent>();
    const team = office.addLentTeam(
      { id: group.id, name: group.name, locationId: group.config.locationId, skills: work.skills, clerkIds: group.agents.map((agent) => agent.id) },
      {
        workStarted: (clerk) => voice.backOfficeWorkStarted(agentOf.get(clerk)!),
        taskDone: (clerk) => voice.backOfficeTaskDone(agentOf.get(clerk)!),
      },
    );
    const clerkOf = new Map<Agent, Clerk>();
    group.agents.forEach((agent, i) => {
      agentOf.set(team.clerks[i], agent);
      clerkOf.set(agent, team.clerks[i]);
    });
    // An agent who joins the group during the run (an intervention) joins the lent team the first time it is lent.
    const clerkFor = (agent: Agent): Clerk => {
      let clerk = clerkOf.get(agent);
      if (!clerk) {
        clerk = office.addLentClerk(team, agent.id);
        clerkOf.set(agent, clerk);
        agentOf.set(clerk, agent);
      }
      return clerk;
    };
    voice.attachBackOffice(group, {
      lend: (agent) => office.lend(clerkFor(agent)),
      recall: (agent) => office.recall(clerkOf.get(agent)!),
      interrupt: (agent) => office.interrupt(clerkOf.get(agent)!),
    });
  }
}
