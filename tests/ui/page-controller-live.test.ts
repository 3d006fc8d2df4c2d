/**
 * Live changes through the page controller (src/ui/page-controller.ts): a what-if control or a
 * palette event applies at the simulated time on the clock, the run is exported with its changes
 * as scenario events, and the export run anywhere (a Site in Node, another page) gives the page's
 * numbers; Reset starts from midnight with the controls' values.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { scenarioFile } from '../../src/app/scenario-file';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { Site } from '../../src/model/site/site';
import { PageController } from '../../src/ui/page-controller';

const DEFAULT = 'call-center-and-back-office.json';
const AT_1015 = 10 * 3600 + 15 * 60;
const NOON = 12 * 3600;

function controllerOn(file: string): PageController {
  const controller = new PageController(bundledScenarios());
  controller.start(file);
  return controller;
}

function addAgents(controller: PageController, more: number): string {
  const group = Object.keys(controller.whatIf!.agentsByGroup)[0];
  controller.editWhatIf({ ...controller.whatIf!, agentsByGroup: { ...controller.whatIf!.agentsByGroup, [group]: controller.whatIf!.agentsByGroup[group] + more } });
  return group;
}

/** What the page's run has counted: every queue's and the back office's totals, and the events fired. */
function counted(site: Site) {
  return { queues: site.voice.totals, backOffice: site.backOffice?.total ?? null, events: site.sim.eventsFired, now: site.now };
}

describe('a live change through the page controller', () => {
  it('applies at the time on the clock, is listed, and puts the joiners on the floor', () => {
    const controller = controllerOn(DEFAULT);
    controller.advanceBy(AT_1015);
    const agentsBefore = controller.run!.views.snapshot().voice.agents.length;
    const group = addAgents(controller, 3);
    expect(controller.changes).toEqual([{ atSec: AT_1015, kind: 'agents', groupId: group, agents: controller.scenario!.agentGroups[0].agents + 3 }]);
    expect(controller.whatIf!.agentsByGroup[group]).toBe(controller.scenario!.agentGroups[0].agents + 3);
    controller.advanceBy(60);
    const snapshot = controller.run!.views.snapshot().voice;
    expect(snapshot.agents.length).toBe(agentsBefore + 3);
    expect(snapshot.groups[0].agents).toBe(agentsBefore + 3);
    expect(snapshot.agents.filter((a) => a.onShift).length).toBeGreaterThan(0);
  });

  it('exports as a scenario file whose run in Node gives the page’s numbers exactly', () => {
    const controller = controllerOn(DEFAULT);
    controller.advanceBy(AT_1015);
    addAgents(controller, 3);
    controller.advanceBy(NOON - AT_1015);
    const file = scenarioFile(controller.snapshot('applied')!, DEFAULT);
    if (!file.ok) throw new Error(JSON.stringify(file.problems));
    const parsed = parseScenarioText(file.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.scenario.events).toEqual(controller.changes);
    const site = new Site(parsed.scenario, { seed: parsed.scenario.seed });
    site.runUntil(NOON);
    expect(counted(site)).toEqual(counted(controller.run!.site));
    // The change mattered: without it the same seed counts otherwise.
    const unchanged = new Site({ ...parsed.scenario, events: [] }, { seed: parsed.scenario.seed });
    unchanged.runUntil(NOON);
    expect(counted(unchanged)).not.toEqual(counted(site));
  });

  it('opens elsewhere as the same run, and Reset there replays the change at its time', () => {
    const first = controllerOn(DEFAULT);
    first.advanceBy(AT_1015);
    addAgents(first, 3);
    first.advanceBy(NOON - AT_1015);
    const second = controllerOn('inbound-basic.json');
    second.openSnapshot(first.snapshot('applied')!);
    expect(counted(second.run!.site)).toEqual(counted(first.run!.site));
    expect(second.changes).toEqual(first.changes);
    expect(second.whatIf).toEqual(first.whatIf);
    second.reset();
    expect(second.changes).toEqual([]);
    second.advanceBy(NOON);
    expect(second.changes).toEqual(first.changes);
    expect(counted(second.run!.site).queues).toEqual(counted(first.run!.site).queues);
  });

  it('is gone after Reset, which starts from midnight with the controls’ values', () => {
    const controller = controllerOn(DEFAULT);
    controller.advanceBy(AT_1015);
    const group = addAgents(controller, 3);
    expect(controller.changedLive).toBe(true);
    controller.reset();
    expect(controller.run!.session.now).toBe(0);
    expect(controller.changes).toEqual([]);
    expect(controller.changedLive).toBe(false);
    expect(controller.runWhatIf!.agentsByGroup[group]).toBe(controller.scenario!.agentGroups[0].agents + 3);
    expect(controller.run!.site.scenario.agentGroups[0].agents).toBe(controller.scenario!.agentGroups[0].agents + 3);
  });

  it('from the palette: a TV advert brings more callers than the same run without it', () => {
    const withAdvert = controllerOn(DEFAULT);
    const without = controllerOn(DEFAULT);
    for (const c of [withAdvert, without]) c.advanceBy(AT_1015);
    const queueId = withAdvert.scenario!.queues[0].id;
    expect(withAdvert.applyChange({ kind: 'tv-advert', queueId, callsPerMinute: 3, minutes: 30 })).toBe(true);
    // Until every call of the morning is done and counted.
    for (const c of [withAdvert, without]) c.advanceBy(NOON - AT_1015);
    const offered = (c: PageController) => c.run!.site.voice.totals[0].offered;
    expect(offered(withAdvert)).toBeGreaterThan(offered(without) + 45);
  });

  it('says why the knobs refuse a palette event and changes nothing', () => {
    const controller = controllerOn(DEFAULT);
    controller.advanceBy(AT_1015);
    expect(controller.applyChange({ kind: 'outage', minutes: Number.NaN })).toBe(false);
    expect(controller.changeRefused).toMatch(/^minutes: /);
    expect(controller.changes).toEqual([]);
  });

  it('puts clerks who join on the back office’s floor', () => {
    const controller = controllerOn(DEFAULT);
    controller.advanceBy(AT_1015);
    const team = Object.keys(controller.whatIf!.clerksByTeam)[0];
    const before = controller.run!.views.snapshot().backOffice!.clerks.length;
    controller.editWhatIf({ ...controller.whatIf!, clerksByTeam: { ...controller.whatIf!.clerksByTeam, [team]: controller.whatIf!.clerksByTeam[team] + 2 } });
    expect(controller.run!.views.snapshot().backOffice!.clerks.length).toBe(before + 2);
  });
});
