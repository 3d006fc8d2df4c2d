/**
 * The CLI with the voice-operations scenarios: every shipped scenario runs, the report carries
 * campaigns and groups, and bad voice-operations input exits with code 2 naming the JSON path.
 */
import { describe, expect, it } from 'vitest';
import { cli, expectBadInputExit, scenarioVariants } from '../helpers/cli-harness';

const { variant } = scenarioVariants('kituo-voice-cli-');

describe('kituo run with voice operations', () => {
  it('reports campaigns.<id> with the outbound KPIs as { mean, ci95 } and groups.<id>.occupancy', async () => {
    const { code, stdout } = await cli('run', 'scenarios/telemarketing-predictive.json', '--replications', '3');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const leads = report.campaigns.leads;
    for (const kpi of ['dials', 'connects', 'rightPartyContacts', 'conversions', 'abandoned', 'abandonRate', 'talkTimePerAgentHour', 'dialsPerHour', 'connectRate', 'rightPartyRate', 'revenue', 'listPenetration', 'worst24hAbandonRate']) {
      expect(leads[kpi], kpi).toHaveProperty('mean');
      expect(leads[kpi], kpi).toHaveProperty('ci95');
    }
    expect(leads.mode).toBe('predictive');
    expect(leads.abandonCap).toBe(0.03);
    expect(leads.dials.mean).toBeGreaterThan(5000);
    expect(leads.abandonRate.mean).toBeLessThanOrEqual(0.03);
    expect(report.groups.telesales.occupancy.mean).toBeGreaterThan(0.5);
    expect(report.groups.telesales.occupancy.ci95).toBeGreaterThan(0);
    expect(report.groups.telesales.intervals).toHaveLength(48);
    expect(report.agents['telesales-1'].contactsHandled.mean).toBeGreaterThan(0);
    expect(report.queues).toEqual({});
  });

  for (const name of ['support-multiskill', 'order-taking-promotion', 'blended-inbound-outbound']) {
    it(`runs scenarios/${name}.json and keeps the foundation's queue keys`, async () => {
      const { code, stdout } = await cli('run', `scenarios/${name}.json`);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      for (const queue of Object.values<any>(report.queues)) {
        for (const kpi of ['offered', 'answered', 'abandoned', 'serviceLevel', 'asa', 'occupancy', 'intervals', 'erlang']) expect(queue).toHaveProperty(kpi);
      }
      for (const group of Object.values<any>(report.groups)) expect(group.occupancy.mean).toBeGreaterThan(0);
    });
  }

  it('keeps the inbound-basic report: no campaigns, one always-on group', async () => {
    const report = JSON.parse((await cli('run', 'scenarios/inbound-basic.json')).stdout);
    expect(report.campaigns).toEqual({});
    expect(Object.keys(report.groups)).toHaveLength(1);
    const [group] = Object.values<any>(report.groups);
    expect(group.occupancy.mean).toBeCloseTo(report.queues.support.occupancy.mean, 9);
  });
});

describe('bad voice-operations input', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a skill naming an unknown contact type',
      variant('support-multiskill', 'skill', (s) => (s.agentGroups[0].skills[0].queue = 'billing')),
      /agentGroups\[0\]\.skills\[0\]\.queue: names unknown queue \(contact type\) "billing"/,
    ],
    ['a shift ending before it starts', variant('support-multiskill', 'shift', (s) => (s.agentGroups[1].shifts[0].end = '06:00')), /agentGroups\[1\]\.shifts\[0\]\.end: must be after the start \(07:00\) \(got 06:00\)/],
    [
      'overlapping breaks',
      variant('support-multiskill', 'breaks', (s) => (s.agentGroups[0].shifts[0].breaks[1].start = '09:40')),
      /agentGroups\[0\]\.shifts\[0\]\.breaks\[1\]\.start: overlaps the break before it/,
    ],
    [
      'dial outcomes that do not sum to 1',
      variant('telemarketing-predictive', 'outcomes', (s) => (s.campaigns[0].dialOutcomes.rightParty = 0.2)),
      /campaigns\[0\]\.dialOutcomes: must sum to 1 \(got 0\.93\)/,
    ],
    ['a cap of 1.5', variant('telemarketing-predictive', 'cap', (s) => (s.campaigns[0].abandonCap = 1.5)), /campaigns\[0\]\.abandonCap: must be in \(0, 1\) \(got 1\.5\)/],
    ['a cap of 0', variant('telemarketing-predictive', 'cap0', (s) => (s.campaigns[0].abandonCap = 0)), /campaigns\[0\]\.abandonCap: must be in \(0, 1\) \(got 0\)/],
    ['a group dialling an unknown campaign', variant('blended-inbound-outbound', 'campaign', (s) => (s.agentGroups[0].campaigns = ['sales'])), /agentGroups\[0\]\.campaigns\[0\]: names unknown campaign "sales"/],
    ['shifts not adding up to the group', variant('support-multiskill', 'heads', (s) => (s.agentGroups[0].agents = 30)), /agentGroups\[0\]\.shifts: agents of the shifts must add up to the group's agents \(30\) \(got 24\)/],
    ['a break outside its shift', variant('support-multiskill', 'outside', (s) => (s.agentGroups[2].shifts[0].breaks[0].start = '17:45')), /agentGroups\[2\]\.shifts\[0\]\.breaks\[0\]\.start: must start after the shift starts and end by its end/],
    ['a no-answer timeout under 15 s', variant('telemarketing-predictive', 'ring', (s) => (s.campaigns[0].noAnswerTimeoutSec = 10)), /campaigns\[0\]\.noAnswerTimeoutSec: must be >= 15 \(got 10\)/],
    ['a bad time of day', variant('telemarketing-predictive', 'clock', (s) => (s.campaigns[0].window.start = '9am')), /campaigns\[0\]\.window\.start: must be a time of day "HH:MM"/],
    ['an unknown dialer mode', variant('telemarketing-predictive', 'mode', (s) => (s.campaigns[0].mode = 'robotic')), /campaigns\[0\]\.mode: must be one of "preview", "progressive", "predictive"/],
  ];

  for (const [what, file, expected] of cases) {
    it(`exits with code 2 and names the JSON path for ${what}`, async () => await expectBadInputExit(file, expected));
  }
});
