/**
 * The what-if controls as live changes (src/app/what-if.ts, src/app/live-changes.ts): each
 * control maps to the intervention of its kind, a percentage means the scenario's own figure
 * whether set at the start or during the run, and the list of changes reads as the room saw them.
 */
import { displayNames } from '../../src/model/scenario/display-names';
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { changesBetween, defaultWhatIf, settingsAfter, startScenario, type WhatIfSettings } from '../../src/app/what-if';
import { describeChanges } from '../../src/app/live-changes';
import { Site } from '../../src/model/site/site';
import type { Intervention } from '../../src/model/scenario/events-schema';

const DEFAULT = loadShipped('call-center-and-back-office.json');
const DIALER = loadShipped('telemarketing-predictive.json');

describe('a what-if control moved during the run', () => {
  it('becomes the intervention of its kind, with the new total or the percentage of the scenario’s own figure', () => {
    const before = defaultWhatIf(DEFAULT);
    const group = DEFAULT.agentGroups[0].id;
    const team = DEFAULT.backOffice!.teams[0].id;
    const cases: [Partial<WhatIfSettings>, unknown][] = [
      [{ agentsByGroup: { ...before.agentsByGroup, [group]: before.agentsByGroup[group] + 3 } }, { kind: 'agents', groupId: group, agents: before.agentsByGroup[group] + 3 }],
      [{ clerksByTeam: { ...before.clerksByTeam, [team]: 1 } }, { kind: 'clerks', teamId: team, clerks: 1 }],
      [{ arrivalPercent: 120 }, { kind: 'call-volume', percent: 120 }],
      [{ ahtPercent: 90 }, { kind: 'aht', percent: 90 }],
      [{ patiencePercent: 200 }, { kind: 'patience', percent: 200 }],
      [{ backOfficeArrivalPercent: 150 }, { kind: 'item-volume', percent: 150 }],
    ];
    for (const [edit, change] of cases) expect(changesBetween(before, { ...before, ...edit })).toEqual([change]);
    expect(changesBetween(before, before)).toEqual([]);
  });

  it('changes a dialer by its mode and ratio together', () => {
    const before = defaultWhatIf(DIALER);
    const campaign = DIALER.campaigns![0].id;
    const after = { ...before, dialerByCampaign: { [campaign]: { mode: 'predictive' as const, ratio: 2.5 } } };
    expect(changesBetween(before, after)).toEqual([{ kind: 'dialer', campaignId: campaign, mode: 'predictive', ratio: 2.5 }]);
  });

  it('is undone by reading the changes back: the controls show what the run has', () => {
    const before = defaultWhatIf(DEFAULT);
    const group = DEFAULT.agentGroups[0].id;
    const after = { ...before, arrivalPercent: 140, ahtPercent: 80, agentsByGroup: { ...before.agentsByGroup, [group]: 4 }, backOfficeArrivalPercent: 50 };
    expect(settingsAfter(before, changesBetween(before, after))).toEqual(after);
    // Injected events move no control.
    expect(settingsAfter(before, [{ kind: 'outage', minutes: 5 }, { kind: 'sick', groupId: group, agents: 2 }])).toEqual(before);
  });
});

describe('the start configuration Reset builds', () => {
  it('is the scenario itself when the controls are at its own values', () => {
    const started = startScenario(DEFAULT, defaultWhatIf(DEFAULT));
    expect(started.ok && started.scenario).toEqual(DEFAULT);
  });

  it('writes head-counts into the scenario and percentages as events at 00:00, ahead of the scenario’s own', () => {
    const own: Intervention = { atSec: 0, kind: 'outage', minutes: 5 };
    const scenario = { ...DEFAULT, events: [own] };
    const group = DEFAULT.agentGroups[0];
    const settings = { ...defaultWhatIf(DEFAULT), arrivalPercent: 130, agentsByGroup: { [group.id]: group.agents + 4 } };
    const started = startScenario(scenario, settings);
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    expect(started.scenario.agentGroups[0].agents).toBe(group.agents + 4);
    expect(started.scenario.agentGroups[0].shifts!.reduce((sum, s) => sum + s.agents, 0)).toBe(group.agents + 4);
    expect(started.scenario.events).toEqual([{ atSec: 0, kind: 'call-volume', percent: 130 }, own]);
  });

  it('runs as the same control moved at midnight would: a percentage means one thing at the start and live', () => {
    const settings = { ...defaultWhatIf(DEFAULT), arrivalPercent: 130, ahtPercent: 85 };
    const started = startScenario(DEFAULT, settings);
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const fromStart = new Site(started.scenario, { seed: 3 });
    fromStart.runUntil(12 * 3600);
    const live = new Site(DEFAULT, { seed: 3 });
    for (const change of changesBetween(defaultWhatIf(DEFAULT), settings)) live.knobs.apply(change);
    live.runUntil(12 * 3600);
    expect(live.voice.totals).toEqual(fromStart.voice.totals);
    expect(live.sim.eventsFired).toBe(fromStart.sim.eventsFired);
    // And it is not the scenario's own run.
    const own = new Site(DEFAULT, { seed: 3 });
    own.runUntil(12 * 3600);
    expect(own.voice.totals).not.toEqual(fromStart.voice.totals);
  });
});

describe('the changes so far', () => {
  it('read as the room saw them: head-counts as the difference from just before, with the names the scenario gives', () => {
    const start = defaultWhatIf(DEFAULT);
    const group = DEFAULT.agentGroups[0];
    const events: Intervention[] = [
      { atSec: 36_900, kind: 'agents', groupId: group.id, agents: group.agents + 3 },
      { atSec: 40_000, kind: 'agents', groupId: group.id, agents: group.agents + 1 },
      { atSec: 41_000, kind: 'call-volume', percent: 120 },
      { atSec: 42_000, kind: 'file-drop', workTypeId: DEFAULT.backOffice!.workTypes[0].id, items: 200 },
    ];
    expect(describeChanges(displayNames(DEFAULT, 'en'), start, events)).toEqual([
      { atSec: 36_900, kind: 'agents', room: 'voice', value: 3, where: group.name },
      { atSec: 40_000, kind: 'agents', room: 'voice', value: -2, where: group.name },
      { atSec: 41_000, kind: 'call-volume', room: 'voice', value: 120, where: '' },
      { atSec: 42_000, kind: 'file-drop', room: 'backOffice', value: 200, where: DEFAULT.backOffice!.workTypes[0].name },
    ]);
  });
});
