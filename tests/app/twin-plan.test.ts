/**
 * Which configurations twin floors compare (src/app/twin-plan.ts): the power of one puts the floor
 * against one agent fewer; "these settings vs the scenario" puts the scenario as loaded against the
 * panel's settings, reusing the floor's run for whichever side it already is, and says why when
 * there is nothing to compare.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { startPageRun } from '../../src/app/page-run';
import { defaultWhatIf, startScenario, type WhatIfSettings } from '../../src/app/what-if';
import { planTwin, type TwinFloor } from '../../src/app/twin-plan';
import { totalAgents } from '../../src/app/power-of-one';
import type { Scenario } from '../../src/model/scenario/scenario-schema';

const FILE = 'support-multiskill.json';

function floorOn(loaded: Scenario, runWhatIf: WhatIfSettings, whatIf: WhatIfSettings): TwinFloor {
  const applied = startScenario(loaded, runWhatIf);
  if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
  return { run: startPageRun(applied.scenario, 1), loaded, runWhatIf, whatIf };
}

const scenarioOf = (side: unknown): Scenario => {
  if (!side || typeof side !== 'object' || !('scenario' in side)) throw new Error('expected a configuration of its own');
  return side.scenario as Scenario;
};

describe('planning twin floors', () => {
  const loaded = loadShipped(FILE);
  const base = defaultWhatIf(loaded);
  const busier = { ...base, arrivalPercent: 130 };

  it('puts the floor against one agent fewer in its largest inbound group', () => {
    const floor = floorOn(loaded, base, base);
    const plan = planTwin('powerOfOne', floor);
    if (!plan.ok) throw new Error(plan.why);
    expect(plan.a).toEqual({ floor: floor.run });
    expect(totalAgents(scenarioOf(plan.b))).toBe(totalAgents(loaded) - 1);
    expect(scenarioOf(plan.b).agentGroups.find((g) => g.id === 'specialists')!.agents).toBe(29);
  });

  it('takes the agent from the group the user picks', () => {
    const plan = planTwin('powerOfOne', floorOn(loaded, base, base), 'generalists');
    if (!plan.ok) throw new Error(plan.why);
    expect(scenarioOf(plan.b).agentGroups.find((g) => g.id === 'generalists')!.agents).toBe(23);
  });

  it('takes the agent from the floor as it runs, what-if settings included', () => {
    const floor = floorOn(loaded, busier, busier);
    const plan = planTwin('powerOfOne', floor);
    if (!plan.ok) throw new Error(plan.why);
    expect(scenarioOf(plan.b).queues[0].arrivals).toEqual(floor.run.session.scenario.queues[0].arrivals);
  });

  it('keeps a floor\'s live changes on the right, with the group\'s new head-count one lower there', () => {
    const floor = floorOn(loaded, base, base);
    floor.run.session.advanceTo(10 * 3600, Infinity);
    const joined = floor.run.site.knobs.apply({ kind: 'agents', groupId: 'specialists', agents: 33 });
    const advert = floor.run.site.knobs.apply({ kind: 'tv-advert', queueId: loaded.queues[0].id, callsPerMinute: 2, minutes: 10 });
    const plan = planTwin('powerOfOne', floor);
    if (!plan.ok) throw new Error(plan.why);
    expect(plan.a).toEqual({ floor: floor.run });
    expect(scenarioOf(plan.b).events).toEqual([...(floor.run.session.scenario.events ?? []), { ...joined, agents: 32 }, advert]);
  });

  it('compares configurations from midnight, not the floor, once the floor was changed live', () => {
    const floor = floorOn(loaded, base, busier);
    floor.run.site.knobs.apply({ kind: 'agents', groupId: 'specialists', agents: 33 });
    const plan = planTwin('settings', floor);
    if (!plan.ok) throw new Error(plan.why);
    expect(scenarioOf(plan.a).events ?? []).toEqual(floor.run.session.scenario.events ?? []);
    expect(scenarioOf(plan.b).agentGroups).toEqual(loaded.agentGroups);
  });

  it('says so when no group answers inbound calls', () => {
    const office = loadShipped('backoffice-claims.json');
    const settings = defaultWhatIf(office);
    expect(planTwin('powerOfOne', floorOn(office, settings, settings))).toEqual({ ok: false, why: 'noInboundGroup', problems: [] });
  });

  it('puts the floor as loaded against the panel’s settings still to apply', () => {
    const floor = floorOn(loaded, base, busier);
    const plan = planTwin('settings', floor);
    if (!plan.ok) throw new Error(plan.why);
    expect(plan.a).toEqual({ floor: floor.run });
    expect(scenarioOf(plan.b).events).toContainEqual({ kind: 'call-volume', percent: 130, atSec: 0 });
    expect(scenarioOf(plan.b)).toEqual(floorOn(loaded, busier, busier).run.session.scenario);
  });

  it('runs the scenario as loaded beside a floor that already has the settings', () => {
    const floor = floorOn(loaded, busier, busier);
    const plan = planTwin('settings', floor);
    if (!plan.ok) throw new Error(plan.why);
    expect(plan.b).toEqual({ floor: floor.run });
    expect(scenarioOf(plan.a).queues[0].arrivals).toEqual(loaded.queues[0].arrivals);
  });

  it('has nothing to compare while the settings are the scenario’s own', () => {
    expect(planTwin('settings', floorOn(loaded, busier, base))).toEqual({ ok: false, why: 'noSettingsChanged', problems: [] });
  });
});
