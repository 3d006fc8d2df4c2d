import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../../src/model/scenario/parse-scenario';
import { scenarioWithEvents } from '../../../src/model/site/site-knobs';
import type { Intervention } from '../../../src/model/scenario/events-schema';

const scenario = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
const problemsOf = (name: string, events: unknown[]) => {
  const result = validateScenario({ ...scenario(name), events });
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('the scenario events', () => {
  it('accept every kind of intervention', () => {
    const all: Intervention[] = [
      { atSec: 36_000, kind: 'agents', groupId: 'phones', agents: 14 },
      { atSec: 36_000, kind: 'call-volume', percent: 120 },
      { atSec: 36_000, kind: 'aht', percent: 90 },
      { atSec: 36_000, kind: 'patience', percent: 150 },
      { atSec: 36_000, kind: 'tv-advert', queueId: 'support', callsPerMinute: 5, minutes: 10 },
      { atSec: 36_000, kind: 'sick', groupId: 'blended', agents: 2 },
      { atSec: 36_000, kind: 'outage', minutes: 15 },
      { atSec: 36_000, kind: 'clerks', teamId: 'claims-team', clerks: 10 },
      { atSec: 36_000, kind: 'item-volume', percent: 80 },
      { atSec: 36_000, kind: 'file-drop', workTypeId: 'claims', items: 50 },
      { atSec: 36_000, kind: 'allocation', rule: 'fifo' },
    ];
    expect(problemsOf('bpo-voice-and-backoffice', all)).toEqual([]);
    expect(problemsOf('telemarketing-predictive', [{ atSec: 0, kind: 'dialer', campaignId: 'leads', mode: 'progressive' }])).toEqual([]);
  });

  it('name the JSON path of an unknown group, queue, campaign, team or work type', () => {
    expect(
      problemsOf('bpo-voice-and-backoffice', [
        { atSec: 0, kind: 'agents', groupId: 'nobody', agents: 3 },
        { atSec: 0, kind: 'tv-advert', queueId: 'sales', callsPerMinute: 5, minutes: 10 },
        { atSec: 0, kind: 'dialer', campaignId: 'leads', mode: 'preview' },
        { atSec: 0, kind: 'clerks', teamId: 'ghosts', clerks: 3 },
        { atSec: 0, kind: 'file-drop', workTypeId: 'letters', items: 3 },
      ]),
    ).toEqual([
      'events[0].groupId: names unknown agent group (got "nobody")',
      'events[1].queueId: names unknown queue (got "sales")',
      'events[2].campaignId: names unknown campaign (got "leads")',
      'events[3].teamId: names unknown back-office team (got "ghosts")',
      'events[4].workTypeId: names unknown work type (got "letters")',
    ]);
  });

  it('refuse a time at or beyond the end of the run', () => {
    expect(problemsOf('inbound-basic', [{ atSec: 86_400, kind: 'outage', minutes: 5 }])).toEqual(['events[0].atSec: must be before the end of the run (86400 s) (got 86400)']);
  });

  it('refuse back-office changes in a scenario without a back office', () => {
    expect(problemsOf('inbound-basic', [{ atSec: 0, kind: 'allocation', rule: 'edd' }])).toEqual(['events[0].kind: needs a backOffice, and the scenario has none (got "allocation")']);
  });

  it('bound every number and refuse unknown kinds and fields', () => {
    const problems = problemsOf('inbound-basic', [
      { atSec: -1, kind: 'outage', minutes: 5 },
      { atSec: 0, kind: 'aht', percent: 0 },
      { atSec: 0, kind: 'call-volume', percent: 1e9 },
      { atSec: 0, kind: 'agents', groupId: 'support-team', agents: 2.5 },
      { atSec: 0, kind: 'sick', groupId: 'support-team', agents: 0 },
      { atSec: 0, kind: 'tv-advert', queueId: 'support', callsPerMinute: Infinity, minutes: 5 },
      { atSec: 0, kind: 'fire-drill' },
      { atSec: 0, kind: 'outage', minutes: 5, lines: 3 },
    ]);
    const paths = problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(['events[0].atSec', 'events[1].percent', 'events[2].percent', 'events[3].agents', 'events[4].agents', 'events[5].callsPerMinute', 'events[6].kind', 'events[7].lines']);
  });
});

describe('scenarioWithEvents', () => {
  it('adds the applied changes after the scenario’s own events, in time order, and changes nothing else', () => {
    const base = { ...scenario('inbound-basic'), events: [{ atSec: 100, kind: 'outage', minutes: 5 }, { atSec: 50, kind: 'aht', percent: 90 }] };
    const applied: Intervention[] = [{ atSec: 100, kind: 'call-volume', percent: 110 }, { atSec: 10, kind: 'patience', percent: 50 }];
    const exported = scenarioWithEvents(base, applied);
    expect(exported.events!.map((e) => `${e.atSec} ${e.kind}`)).toEqual(['10 patience', '50 aht', '100 outage', '100 call-volume']);
    expect({ ...exported, events: base.events }).toEqual(base);
    expect(validateScenario(exported).ok).toBe(true);
  });
});
