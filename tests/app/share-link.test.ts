/**
 * Share links (src/app/share-link.ts): every shipped scenario goes through a link and back with
 * its settings unchanged; an edited one travels as its edits; a run too big for a link says so;
 * and every kind of damaged or hostile hash gives a problem in words, never an exception.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { MAX_LINK_CHARS, isShareHash, readShareHash, shareLink } from '../../src/app/share-link';
import { scenarioFingerprint, shippedScenarios, type RunSnapshot } from '../../src/app/run-snapshot';
import { defaultWhatIf, headCountRange } from '../../src/app/what-if';
import type { Scenario } from '../../src/model/scenario/scenario-schema';

const shipped = shippedScenarios(bundledScenarios());
const PAGE = 'file:///media/usb/kituo.html?scenario=inbound-basic';
const scenarioOf = (file: string) => structuredClone(shipped.find((s) => s.file === file)!.scenario);

/** A run of `scenario` with every what-if control moved off its default. */
function changedRun(file: string | null, scenario: Scenario): RunSnapshot {
  const whatIf = defaultWhatIf(scenario);
  const agentsByGroup = Object.fromEntries(scenario.agentGroups.map((g) => [g.id, Math.min(headCountRange(g.agents).max, g.agents + 1)]));
  const clerksByTeam = Object.fromEntries((scenario.backOffice?.teams ?? []).map((t) => [t.id, t.clerks + 1]));
  const dialerByCampaign = Object.fromEntries((scenario.campaigns ?? []).map((c) => [c.id, { mode: 'progressive' as const, ratio: 1 }]));
  return {
    baseFile: file,
    scenario,
    seed: 987_654_321,
    whatIf: { ...whatIf, agentsByGroup, clerksByTeam, dialerByCampaign, arrivalPercent: 120, ahtPercent: 95, patiencePercent: 150, backOfficeArrivalPercent: 80 },
    timeSec: Math.min(scenario.days * 86_400, 9.5 * 3600),
  };
}

function linkOf(snapshot: RunSnapshot): string {
  const link = shareLink(PAGE, snapshot, shipped);
  if (!link.ok) throw new Error(link.message);
  return link.url;
}

const hashOf = (url: string) => url.slice(url.indexOf('#'));

/** The hash of a link whose data is `json`, however wrong it is. */
const hashWith = (json: string, version = 1) => `#run=${version}.${Buffer.from(json).toString('base64url')}`;

function problemsOf(hash: string) {
  const result = readShareHash(hash, shipped);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('a share link', () => {
  it('covers every shipped scenario', () => {
    expect(shipped.map((s) => s.file).sort()).toEqual(bundledScenarios().map((e) => e.file).sort());
    expect(shipped.length).toBeGreaterThanOrEqual(10);
  });

  it.each(shipped.map((s) => [s.file]))('carries %s with its seed, what-if settings and time there and back unchanged', (file) => {
    const snapshot = changedRun(file, scenarioOf(file));
    const url = linkOf(snapshot);
    expect(url.startsWith('file:///media/usb/kituo.html?scenario=inbound-basic#run=1.')).toBe(true);
    expect(url.length).toBeLessThan(1000);
    expect(readShareHash(hashOf(url), shipped)).toEqual({ ok: true, snapshot });
  });

  it('carries a scenario edited in the page as its edits to the shipped file, far shorter than the whole', () => {
    const scenario = scenarioOf('support-multiskill.json');
    scenario.name = 'Support, Tuesday plan';
    scenario.agentGroups[1] = { ...scenario.agentGroups[1], name: 'Specialists (Tuesday)' };
    scenario.serviceLevel = { ...scenario.serviceLevel, thresholdSec: 30 };
    const edited = changedRun('support-multiskill.json', scenario);
    const whole = changedRun(null, scenario);
    const editedUrl = linkOf(edited);
    expect(editedUrl.length).toBeLessThan(linkOf(whole).length / 3);
    expect(readShareHash(hashOf(editedUrl), shipped)).toEqual({ ok: true, snapshot: edited });
  });

  it('carries the live changes of a run as its scenario events, at their times, in a short link', () => {
    const scenario = scenarioOf('call-center-and-back-office.json');
    const live = changedRun('call-center-and-back-office.json', {
      ...scenario,
      events: [
        { atSec: 36_900, kind: 'agents', groupId: 'support-team', agents: 25 },
        { atSec: 40_000, kind: 'tv-advert', queueId: scenario.queues[0].id, callsPerMinute: 3, minutes: 30 },
      ],
    });
    const url = linkOf(live);
    expect(url.length).toBeLessThan(1000);
    expect(readShareHash(hashOf(url), shipped)).toEqual({ ok: true, snapshot: live });
  });

  it("carries a scenario of the user's own whole, stamped with the scenario format version", () => {
    const scenario = { ...scenarioOf('two-help-lines.json'), name: 'Our own centre' };
    const result = readShareHash(hashOf(linkOf(changedRun(null, scenario))), shipped);
    expect(result).toEqual({ ok: true, snapshot: { ...changedRun(null, scenario), scenario: { ...scenario, formatVersion: 1 } } });
  });

  it('replaces the page address hash instead of adding a second one', () => {
    const link = shareLink('http://localhost:5173/#run=1.old', changedRun('inbound-basic.json', scenarioOf('inbound-basic.json')), shipped);
    expect(link.ok && link.url.split('#').length).toBe(2);
  });

  it(`is refused when it would be longer than ${MAX_LINK_CHARS} characters, with the advice to share a file`, () => {
    const scenario = { ...scenarioOf('support-multiskill.json'), description: 'Ndefu sana. '.repeat(330) };
    const link = shareLink(PAGE, changedRun(null, scenario), shipped);
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.length).toBeGreaterThan(MAX_LINK_CHARS);
    expect(link.message).toMatch(/^This run would need a link of [\d,]+ characters; links stop at 8,000, so save the scenario as a file and share that instead\.$/);
  });

  it('keeps markup in a scenario name as the text it is: the page shows it, never renders it', () => {
    const scenario = { ...scenarioOf('inbound-basic.json'), name: '<img src=x onerror="alert(1)"> & <b>bold</b>' };
    const result = readShareHash(hashOf(linkOf(changedRun('inbound-basic.json', scenario))), shipped);
    expect(result.ok && result.snapshot.scenario.name).toBe('<img src=x onerror="alert(1)"> & <b>bold</b>');
  });

  it('is recognised as a run link by its #run= prefix only', () => {
    expect(isShareHash('#run=1.e30')).toBe(true);
    expect(isShareHash('#wallboard')).toBe(false);
    expect(isShareHash('')).toBe(false);
  });
});

describe('a damaged or hostile link gives a problem in words', () => {
  const valid = hashOf(linkOf(changedRun('inbound-basic.json', scenarioOf('inbound-basic.json'))));
  const data = () => JSON.parse(Buffer.from(valid.slice('#run=1.'.length), 'base64url').toString('utf8'));

  it('a 50 MB hash, refused by its length before anything is decoded', () => {
    const started = performance.now();
    expect(problemsOf(`#run=1.${'A'.repeat(50_000_000)}`)).toEqual([{ path: '', message: 'the link is 50,000,007 characters long; a Kituo link is at most 8,000' }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['#scenario=inbound-basic', /^the link is not a Kituo run link \(it should start with #run=\)$/],
    ['#run=', /^the link has no link version after #run=/],
    ['#run=abc', /^the link has no link version after #run=/],
    ['#run=x.e30', /^the link has no link version after #run=/],
    ['#run=2.e30', /^the link was made by a newer Kituo \(link version 2; this one reads version 1 at most\)/],
    ['#run=1.e30$%', /^the link is damaged: it holds characters or a length a Kituo link never has/],
    ['#run=1.e30=', /^the link is damaged: it holds characters or a length/],
    ['#run=1.e30aB', /^the link is damaged: it holds characters or a length/],
    [`#run=1.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`, /^the link is damaged: its data is not valid JSON text/],
    [hashWith('{"seed": 1,'), /^the link is damaged: its data is not valid JSON text/],
    [valid.slice(0, -40), /^the link is damaged/],
  ])('%s', (hash, message) => {
    const problems = problemsOf(hash);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('');
    expect(problems[0].message).toMatch(message);
  });

  it.each<[string, (d: any) => unknown, string, RegExp]>([
    ['data that is not an object', () => [1, 2], '', /^must be an object/],
    ['a URL to fetch the scenario from', (d) => ({ ...d, url: 'https://evil.example/scenario.json' }), 'url', /^unknown field$/],
    ['a base that is a URL, not a shipped file', (d) => ({ ...d, base: 'https://evil.example/x.json' }), 'base', /^names no scenario shipped with this Kituo/],
    ['edits made to another version of the shipped file', (d) => ({ ...d, baseHash: '00000000' }), 'baseHash', /^does not match inbound-basic\.json as shipped with this Kituo/],
    ['both a base and a whole scenario', (d) => ({ ...d, document: {} }), 'document', /^must not be given with base/],
    ['no scenario at all', ({ base, baseHash, patch, ...rest }) => rest, 'document', /^is required/],
    ['edits that break the scenario', (d) => ({ ...d, patch: { agentGroups: [{ id: 'x' }] } }), 'scenario.agentGroups[0].name', /is required/],
    ['a scenario from a newer format', ({ base, baseHash, patch, ...rest }) => ({ ...rest, document: { formatVersion: 9 } }), 'scenario.formatVersion', /^is 9, but this Kituo reads scenario format versions up to 1/],
    ['a seed that is not a whole number', (d) => ({ ...d, seed: 1.5 }), 'seed', /^must be a whole number/],
    ['a time past the end of the run', (d) => ({ ...d, timeSec: 10 * 86_400 }), 'timeSec', /^must be at most the scenario's 86400 s \(1 days\)/],
    ['a what-if percentage out of the panel range', (d) => ({ ...d, whatIf: { ...d.whatIf, arrivalPercent: 1e9 } }), 'whatIf.arrivalPercent', /^must be from 25 to 300/],
    ['what-if head-counts for a group the scenario lacks', (d) => ({ ...d, whatIf: { ...d.whatIf, agentsByGroup: { ...d.whatIf.agentsByGroup, ghosts: 3 } } }), 'whatIf.agentsByGroup.ghosts', /^names no agent group of the scenario$/],
    ['what-if head-counts beyond the slider', (d) => ({ ...d, whatIf: { ...d.whatIf, agentsByGroup: { 'support-team': 5000 } } }), 'whatIf.agentsByGroup.support-team', /^must be from 0 to \d+ \(got 5000\)$/],
    ['a field named __proto__ in the edits', (d) => ({ ...d, patch: JSON.parse('{"__proto__": {"polluted": true}}') }), 'scenario.__proto__', /^unknown field$/],
  ])('%s', (_what, edit, path, message) => {
    const base = data();
    expect(Object.keys(base.whatIf.agentsByGroup)).toEqual(['support-team']);
    const problems = problemsOf(hashWith(JSON.stringify(edit(base))));
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, whatever the hash holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((json) => hashWith(json)), fc.string().map((s) => `#run=1.${s}`)), (hash) => {
        const result = readShareHash(hash, shipped);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe('the fingerprint of a shipped scenario', () => {
  it('changes when the scenario does', () => {
    const scenario = scenarioOf('inbound-basic.json');
    expect(scenarioFingerprint(scenario)).toMatch(/^[0-9a-f]{8}$/);
    expect(scenarioFingerprint({ ...scenario, days: scenario.days + 1 })).not.toBe(scenarioFingerprint(scenario));
  });
});
