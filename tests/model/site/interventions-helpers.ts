/** Helpers for the intervention tests: a site with its full event log, changed live or by scenario events. */
import { readFileSync } from 'node:fs';
import { Site } from '../../../src/model/site/site';
import type { InterventionChange } from '../../../src/model/site/site-knobs';
import type { Intervention } from '../../../src/model/scenario/events-schema';
import type { Scenario } from '../../../src/model/scenario/scenario-schema';
import { parseScenarioText } from '../../../src/model/scenario/parse-scenario';

export function shipped(name: string, edit: (scenario: any) => void = () => {}): Scenario {
  const data = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
  edit(data);
  const parsed = parseScenarioText(JSON.stringify(data));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** A site whose every domain event (voice and back office) is kept as a line of JSON. */
export function loggedSite(scenario: Scenario, seed = 1) {
  const log: string[] = [];
  const push = (event: unknown) => log.push(JSON.stringify(event));
  const site = new Site(scenario, { seed, observers: [{ voiceEvent: push, backOfficeEvent: push, voiceIntervalClosed: push, backOfficeIntervalClosed: push, backOfficeDayClosed: push }] });
  return { site, log };
}

/** Everything a run produced: its event log and the models' totals, as one string. */
export function fingerprint(site: Site, log: readonly string[]): string {
  return JSON.stringify({
    log,
    queues: site.voice.totals,
    groups: site.voice.groupTotals,
    campaigns: site.voice.campaignTotals,
    agents: site.voice.agents.map((agent) => agent.totals),
    backOffice: site.backOffice?.total ?? null,
    events: site.sim.eventsFired,
  });
}

/** Runs the scenario, applying each change live through the knobs when the clock reaches its time. */
export function runLive(scenario: Scenario, changes: readonly { atSec: number; change: InterventionChange }[], seed = 1) {
  const { site, log } = loggedSite(scenario, seed);
  for (const { atSec, change } of changes) {
    site.runUntil(atSec);
    site.knobs.apply(change);
  }
  site.runToEnd();
  return { site, log, applied: site.knobs.applied as readonly Intervention[] };
}

export function runToEnd(scenario: Scenario, seed = 1) {
  const { site, log } = loggedSite(scenario, seed);
  site.runToEnd();
  return { site, log };
}
