/**
 * Random sequences of interventions (issue 12): every shipped scenario with a voice floor or a
 * back office, given up to a dozen events of random kinds, times and sizes (head-counts down to
 * none, volumes down to 0 %, outages longer than the day …), must validate, run to its end within
 * an event budget (no stuck clock) and report no NaN anywhere; applied live, it must match the
 * same sequence written as events.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { validateScenario } from '../../src/model/scenario/parse-scenario';
import type { Intervention } from '../../src/model/scenario/events-schema';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { Site } from '../../src/model/site/site';
import { fingerprint, loggedSite, runLive, shipped } from '../model/site/interventions-helpers';

const SCENARIOS = ['bpo-voice-and-backoffice', 'telemarketing-predictive', 'two-help-lines', 'contrast-same-staff', 'support-multiskill', 'blended-inbound-outbound'];
const SEQUENCES_PER_SCENARIO = 6;
/** Far more events than any of these runs needs: a run that exhausts it is stuck. */
const EVENT_BUDGET = 20_000_000;

function randomEvents(scenario: Scenario, rng: () => number): Intervention[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const horizonSec = scenario.days * 86_400;
  const kinds: (() => Omit<Intervention, 'atSec'> | null)[] = [
    () => (scenario.agentGroups.length ? { kind: 'agents', groupId: pick(scenario.agentGroups).id, agents: Math.floor(rng() * 40) } : null),
    () => ({ kind: 'call-volume', percent: pick([0, 25, 100, 300]) }),
    () => ({ kind: 'aht', percent: pick([1, 50, 200]) }),
    () => ({ kind: 'patience', percent: pick([1, 50, 400]) }),
    () => (scenario.campaigns?.length ? { kind: 'dialer', campaignId: pick(scenario.campaigns).id, mode: pick(['preview', 'progressive', 'predictive'] as const), ratio: pick([1, 2.5, 6]) } : null),
    () => (scenario.queues.length ? { kind: 'tv-advert', queueId: pick(scenario.queues).id, callsPerMinute: pick([0.5, 5, 30]), minutes: pick([1, 30, 3000]) } : null),
    () => (scenario.agentGroups.length ? { kind: 'sick', groupId: pick(scenario.agentGroups).id, agents: 1 + Math.floor(rng() * 20) } : null),
    () => ({ kind: 'outage', minutes: pick([1, 20, 5000]) }),
    () => (scenario.backOffice ? { kind: 'clerks', teamId: pick(scenario.backOffice.teams).id, clerks: Math.floor(rng() * 30) } : null),
    () => (scenario.backOffice ? { kind: 'item-volume', percent: pick([0, 50, 300]) } : null),
    () => (scenario.backOffice ? { kind: 'file-drop', workTypeId: pick(scenario.backOffice.workTypes).id, items: 1 + Math.floor(rng() * 500) } : null),
    () => (scenario.backOffice ? { kind: 'allocation', rule: pick(['fifo', 'edd', 'priority-age', 'cherry-pick'] as const) } : null),
  ];
  const events: Intervention[] = [];
  const count = 1 + Math.floor(rng() * 12);
  while (events.length < count) {
    const change = pick(kinds)();
    if (change) events.push({ ...change, atSec: Math.floor(rng() * horizonSec) } as Intervention);
  }
  return events;
}

/** Paths of every NaN in a report. */
function nans(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'number' && Number.isNaN(value)) out.push(path);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) nans(child, `${path}.${key}`, out);
  return out;
}

describe('random sequences of interventions', () => {
  for (const name of SCENARIOS) {
    it(`never produce NaN or a stuck run: ${name}`, () => {
      const rng = seedrandom(`interventions:${name}`);
      for (let n = 0; n < SEQUENCES_PER_SCENARIO; n++) {
        const base = shipped(name, (s) => (s.days = Math.min(s.days, 2)));
        const events = randomEvents(base, rng);
        const parsed = validateScenario({ ...base, events });
        expect(parsed.ok ? [] : parsed.problems).toEqual([]);
        const scenario = (parsed as { scenario: Scenario }).scenario;
        const site = new Site(scenario, { seed: n + 1 });
        expect(site.runUntil(site.horizonSec, EVENT_BUDGET).reachedUntil).toBe(true);
        site.runToEnd();
        const report = { queues: site.voice.totals, groups: site.voice.groupTotals, campaigns: site.voice.campaignTotals, agents: site.voice.agents.map((a) => a.totals), backOffice: site.backOffice?.totals ?? null, teams: site.measuredTeamUsage() };
        expect(nans(report), JSON.stringify(events)).toEqual([]);
        if (n === 0) {
          const sorted = [...events].sort((a, b) => a.atSec - b.atSec);
          const live = runLive(base, sorted.map(({ atSec, ...change }) => ({ atSec, change })), n + 1);
          const fromFile = loggedSite(scenario, n + 1);
          fromFile.site.runToEnd();
          expect(fingerprint(live.site, live.log)).toBe(fingerprint(fromFile.site, fromFile.log));
        }
      }
    });
  }
});
