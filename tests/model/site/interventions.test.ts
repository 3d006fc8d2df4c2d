import { describe, expect, it } from 'vitest';
import { scenarioWithEvents, type InterventionChange } from '../../../src/model/site/site-knobs';
import type { Scenario } from '../../../src/model/scenario/scenario-schema';
import { fingerprint, loggedSite, runLive, runToEnd, shipped } from './interventions-helpers';

const at = (day: number, hh: number, mm = 0) => (day - 1) * 86_400 + hh * 3600 + mm * 60;
const events = (log: readonly string[]) => log.map((line) => JSON.parse(line));

/** inbound-basic with too few agents and patient callers, so a queue stands at mid-morning. */
const understaffed = () =>
  shipped('inbound-basic', (s) => {
    s.agentGroups[0].agents = 26;
    s.queues[0].patience.meanSec = 1200;
    delete s.queues[0].lines;
  });

describe('agents joining and leaving', () => {
  it('a joining agent answers a waiting call at once', () => {
    const { site, log } = loggedSite(understaffed());
    site.runUntil(at(1, 10, 15));
    expect(site.voice.waitingCount(0)).toBeGreaterThan(0);
    const before = log.length;
    site.knobs.apply({ kind: 'agents', groupId: 'support-team', agents: 27 });
    const answered = events(log.slice(before)).find((e) => e.type === 'call.answered');
    expect(answered).toMatchObject({ agentId: 'support-team-27', timeSec: at(1, 10, 15) });
  });

  it('a leaving agent finishes its call, then goes offline and takes no more calls', () => {
    const { site, log } = loggedSite(shipped('inbound-basic'));
    site.runUntil(at(1, 10, 15));
    const busy = site.voice.agents.slice(30).filter((agent) => agent.call !== null);
    expect(busy.length).toBeGreaterThan(0);
    const callOf = new Map(busy.map((agent) => [agent.id, agent.call!.id]));
    const before = log.length;
    site.knobs.apply({ kind: 'agents', groupId: 'support-team', agents: 30 });
    site.runToEnd();
    const after = events(log.slice(before));
    for (const [agentId, callId] of callOf) {
      const completed = after.find((e) => e.type === 'call.completed' && e.callId === callId);
      const offline = after.find((e) => e.type === 'agent.state-changed' && e.agentId === agentId && e.to === 'offline');
      expect(completed.agentId).toBe(agentId);
      expect(offline.timeSec).toBe(completed.timeSec);
      expect(after.some((e) => e.type === 'call.answered' && e.agentId === agentId && e.timeSec >= offline.timeSec)).toBe(false);
    }
    // The idle ones went at once.
    const leavers = site.voice.agents.slice(30).map((a) => a.id);
    for (const id of leavers.filter((id) => !callOf.has(id))) {
      expect(after.find((e) => e.type === 'agent.state-changed' && e.agentId === id && e.to === 'offline').timeSec).toBe(at(1, 10, 15));
    }
  });

  it('a queue drains faster after +3 agents at 10:15 than without, on every seed tried', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const waitingAfter = (extra: number) => {
        const { site } = loggedSite(understaffed(), seed);
        site.runUntil(at(1, 10, 15));
        if (extra > 0) site.knobs.apply({ kind: 'agents', groupId: 'support-team', agents: 26 + extra });
        let sum = 0;
        for (let minute = 1; minute <= 45; minute++) {
          site.runUntil(at(1, 10, 15 + minute));
          sum += site.voice.waitingCount(0);
        }
        return sum;
      };
      expect(waitingAfter(3)).toBeLessThan(waitingAfter(0));
    }
  });

  it('a group with shifts grows the shift on duty now, whose new agents log in at once and leave at its end', () => {
    const scenario = shipped('two-help-lines');
    const { site, log } = loggedSite(scenario);
    site.runUntil(at(1, 10));
    site.knobs.apply({ kind: 'agents', groupId: 'nairobi-team', agents: 12 });
    site.runToEnd();
    const newcomer = events(log).filter((e) => e.type === 'agent.state-changed' && e.agentId === 'nairobi-team-11');
    expect(newcomer[0]).toMatchObject({ timeSec: at(1, 10), from: 'offline', to: 'idle' });
    expect(newcomer.at(-1)).toMatchObject({ to: 'offline' });
    expect(newcomer.at(-1).timeSec).toBeGreaterThanOrEqual(at(1, 17));
    expect(site.voice.groups[0].roster[0]).toHaveLength(12);
  });
});

describe('a change made live and the same change written as a scenario event', () => {
  const cases: { name: string; scenario: () => Scenario; atSec: number; change: InterventionChange }[] = [
    { name: 'agents up', scenario: understaffed, atSec: at(1, 10, 15), change: { kind: 'agents', groupId: 'support-team', agents: 29 } },
    { name: 'agents down', scenario: () => shipped('inbound-basic'), atSec: at(1, 10, 15), change: { kind: 'agents', groupId: 'support-team', agents: 30 } },
    { name: 'agents of a shift', scenario: () => shipped('two-help-lines'), atSec: at(1, 11), change: { kind: 'agents', groupId: 'mombasa-team', agents: 7 } },
    { name: 'call volume', scenario: () => shipped('inbound-basic'), atSec: at(1, 9), change: { kind: 'call-volume', percent: 130 } },
    { name: 'AHT', scenario: () => shipped('inbound-basic'), atSec: at(1, 9), change: { kind: 'aht', percent: 80 } },
    { name: 'patience', scenario: () => shipped('inbound-basic'), atSec: at(1, 9), change: { kind: 'patience', percent: 50 } },
    { name: 'dialer', scenario: () => shipped('telemarketing-predictive'), atSec: at(1, 11), change: { kind: 'dialer', campaignId: 'leads', mode: 'progressive' } },
    { name: 'dialer ratio', scenario: () => shipped('telemarketing-predictive'), atSec: at(1, 11), change: { kind: 'dialer', campaignId: 'leads', mode: 'predictive', ratio: 1.5 } },
    { name: 'TV advert', scenario: () => shipped('inbound-basic'), atSec: at(1, 20), change: { kind: 'tv-advert', queueId: 'support', callsPerMinute: 8, minutes: 15 } },
    { name: 'sick agents', scenario: () => shipped('inbound-basic'), atSec: at(1, 10), change: { kind: 'sick', groupId: 'support-team', agents: 5 } },
    { name: 'sick agents of a shift', scenario: () => shipped('two-help-lines'), atSec: at(1, 10), change: { kind: 'sick', groupId: 'nairobi-team', agents: 3 } },
    { name: 'outage', scenario: () => shipped('inbound-basic'), atSec: at(1, 11), change: { kind: 'outage', minutes: 20 } },
    ...backOfficeCases(),
  ];
  for (const { name, scenario, atSec, change } of cases) {
    it(`gives byte-identical runs: ${name}`, () => {
      const base = scenario();
      const live = runLive(base, [{ atSec, change }]);
      expect(live.applied).toEqual([{ ...change, atSec }]);
      const fromFile = runToEnd(scenarioWithEvents(base, live.applied));
      expect(fingerprint(fromFile.site, fromFile.log)).toBe(fingerprint(live.site, live.log));
      // And the change did change the run.
      const unchanged = runToEnd(base);
      expect(fingerprint(unchanged.site, unchanged.log)).not.toBe(fingerprint(live.site, live.log));
    });
  }
});

function backOfficeCases(): { name: string; scenario: () => Scenario; atSec: number; change: InterventionChange }[] {
  const contrast = () => shipped('contrast-same-staff', (s) => (s.days = 2));
  const blended = () => shipped('bpo-voice-and-backoffice', (s) => (s.days = 2));
  return [
    { name: 'clerks up', scenario: contrast, atSec: at(1, 10), change: { kind: 'clerks', teamId: 'back-office-team', clerks: 25 } },
    { name: 'clerks down', scenario: contrast, atSec: at(1, 10), change: { kind: 'clerks', teamId: 'back-office-team', clerks: 12 } },
    { name: 'clerks down off shift', scenario: contrast, atSec: at(1, 20), change: { kind: 'clerks', teamId: 'back-office-team', clerks: 5 } },
    { name: 'item volume', scenario: contrast, atSec: at(1, 10), change: { kind: 'item-volume', percent: 200 } },
    { name: 'file drop', scenario: contrast, atSec: at(1, 10), change: { kind: 'file-drop', workTypeId: 'documents', items: 300 } },
    { name: 'allocation rule', scenario: blended, atSec: at(1, 12), change: { kind: 'allocation', rule: 'cherry-pick' } },
    { name: 'agents of a blending group', scenario: blended, atSec: at(1, 12), change: { kind: 'agents', groupId: 'blended', agents: 4 } },
    { name: 'sick agents of a blending group', scenario: blended, atSec: at(1, 12), change: { kind: 'sick', groupId: 'blended', agents: 4 } },
  ];
}

describe('the knobs port', () => {
  it('refuses a change the scenario format would refuse, naming the field, and changes nothing', () => {
    const unchanged = runToEnd(shipped('inbound-basic'));
    const { site, log } = loggedSite(shipped('inbound-basic'));
    site.runUntil(at(1, 10));
    expect(() => site.knobs.apply({ kind: 'agents', groupId: 'nobody', agents: 3 })).toThrow('change refused: groupId: names unknown agent group (got "nobody")');
    expect(() => site.knobs.apply({ kind: 'call-volume', percent: -5 })).toThrow('change refused: percent: must be >= 0');
    expect(() => site.knobs.apply({ kind: 'file-drop', workTypeId: 'claims', items: 5 })).toThrow('change refused: workTypeId: names unknown work type (got "claims")');
    site.runToEnd();
    expect(() => site.knobs.apply({ kind: 'outage', minutes: 5 })).toThrow('change refused: atSec: must be before the end of the run (86400 s) (got 86400)');
    expect(site.knobs.applied).toEqual([]);
    expect(fingerprint(site, log)).toBe(fingerprint(unchanged.site, unchanged.log));
  });
});

describe('injected events', () => {
  /** Callers who rang on their own (not retrials or repeats) and when. */
  const firstCalls = (log: readonly string[]) => events(log).filter((e) => e.type === 'call.arrived' && !e.isRetrial && !e.isRepeat).map((e) => e.timeSec as number);

  it('a TV advert adds about rate × minutes callers (within a 99.9% interval over 10 seeds), and the other callers arrive as before', () => {
    const perMinute = 20;
    const minutes = 30;
    let extra = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const base = runToEnd(shipped('inbound-basic'), seed);
      const advert = runLive(shipped('inbound-basic'), [{ atSec: at(1, 2), change: { kind: 'tv-advert', queueId: 'support', callsPerMinute: perMinute, minutes } }], seed);
      const before = firstCalls(base.log);
      const after = new Set(firstCalls(advert.log));
      expect(before.every((t) => after.has(t))).toBe(true);
      extra += after.size - before.length;
    }
    const expected = 10 * perMinute * minutes;
    expect(Math.abs(extra - expected)).toBeLessThan(3.29 * Math.sqrt(expected));
  });

  it('an outage blocks every caller arriving in its minutes and none after', () => {
    const scenario = understaffed();
    const start = at(1, 10);
    const end = start + 20 * 60;
    const { log } = runLive(scenario, [{ atSec: start, change: { kind: 'outage', minutes: 20 } }]);
    const all = events(log);
    const blocked = new Set(all.filter((e) => e.type === 'call.blocked').map((e) => e.callId));
    const arrivals = all.filter((e) => e.type === 'call.arrived');
    const during = arrivals.filter((e) => e.timeSec >= start && e.timeSec < end);
    expect(during.length).toBeGreaterThan(100);
    expect(during.every((e) => blocked.has(e.callId))).toBe(true);
    expect(arrivals.filter((e) => blocked.has(e.callId)).every((e) => e.timeSec >= start && e.timeSec < end)).toBe(true);
    // Calls already in the building go on: agents answer waiting callers during the outage.
    expect(all.some((e) => e.type === 'call.answered' && e.timeSec > start && e.timeSec < end)).toBe(true);
  });

  it('a file drop adds exactly n items to the backlog, at once', () => {
    const scenario = shipped('contrast-same-staff', (s) => (s.days = 2));
    const base = runToEnd(scenario);
    const { site, log } = runLive(scenario, [{ atSec: at(1, 10), change: { kind: 'file-drop', workTypeId: 'documents', items: 321 } }]);
    expect(site.backOffice!.liveTotalCounters().arrived - base.site.backOffice!.liveTotalCounters().arrived).toBe(321);
    const drop = events(log).find((e) => e.type === 'item.batch-arrived' && e.timeSec === at(1, 10));
    expect(drop).toMatchObject({ count: 321, delivery: 'file', lastItemId: drop.firstItemId + 320 });
  });

  it('sick agents of a group without shifts are back at midnight', () => {
    const scenario = shipped('inbound-basic', (s) => (s.days = 2));
    const { site } = loggedSite(scenario);
    site.runUntil(at(1, 10));
    site.knobs.apply({ kind: 'sick', groupId: 'support-team', agents: 5 });
    site.runUntil(at(1, 23));
    expect(site.voice.agents.filter((a) => a.state === 'offline')).toHaveLength(5);
    site.runUntil(at(2, 0));
    expect(site.voice.agents.filter((a) => a.state === 'offline')).toHaveLength(0);
  });
});
