/**
 * `kituo staff` (issue 11, item 3): the requirement per interval beside the formula and the
 * schedule, a shift plan written out as a scenario that runs, the back office's clerks, and every
 * bad option or infeasible target as exit 2 with one line naming the option.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scenarioVariants } from '../helpers/cli-harness';

const { dir } = scenarioVariants('kituo-staff-cli-');
const BASIC = 'scenarios/inbound-basic.json';
const TEMPLATES = 'docs/planning-shift-templates.json';

async function expectOneLine(args: string[], expected: RegExp): Promise<void> {
  const { code, stdout, stderr } = await cli('staff', ...args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trimEnd()).toMatch(expected);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('kituo staff', () => {
  it('prints per interval the agents required, the Erlang estimate, the scheduled staff and the gap', async () => {
    const { code, stdout, stderr } = await cli('staff', BASIC, '--sl', '0.8@20', '--replications', '3', '--seed', '4');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Staffing for "Inbound customer support": service level ≥ 80% within 20 s \(mean of 3 replications, seed 4\)\.$/m);
    expect(stdout).toMatch(/^Search: \d+ simulations on common random numbers, [\d.]+ simulated days\.$/m);
    expect(stdout).toMatch(/^Interval +Required +Erlang +Scheduled +Gap +Service level +Abandon rate$/m);
    // At 10:00 the scenario's 38 agents stand beside a requirement in the thirties: over by a few.
    const ten = /^10:00 +(\d+) +(\d+) +38 +\+(\d+) +\d\.\d{3} ± \d\.\d{3}/m.exec(stdout)!;
    expect(Number(ten[1])).toBeGreaterThan(25);
    expect(38 - Number(ten[1])).toBe(Number(ten[3]));
    expect(stdout).toMatch(/No shift plan: give shift templates with --shifts FILE/);
  });

  it('writes JSON and CSV for tools', async () => {
    const json = JSON.parse((await cli('staff', BASIC, '--sl', '0.8@20', '--replications', '2', '--format', 'json')).stdout);
    const intervals = json.phones.groups[0].intervals;
    expect(intervals).toHaveLength(48);
    expect(intervals[20]).toMatchObject({ start: '10:00', scheduled: 38, queues: { support: { serviceLevel: { mean: expect.any(Number) } } } });
    expect(intervals[20].gap).toBe(38 - intervals[20].required);
    expect(json.phones.simulatedDays).toBe(json.phones.evaluations * 2);
    const csv = (await cli('staff', BASIC, '--sl', '0.8@20', '--replications', '2', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('section,id,interval,queue,required,erlang,scheduled,gap,kpi,mean,ci95');
    expect(csv.find((row) => row.startsWith('group,support-team,10:00,support,'))).toMatch(/,38,\d+,serviceLevel,0\.\d+,\d+\.\d+$/);
  });

  it('plans shifts from templates and writes a scenario that runs and meets the target', async () => {
    const out = join(dir, 'planned.json');
    const { code, stdout, stderr } = await cli('staff', BASIC, '--sl', '0.8@20', '--replications', '2', '--shifts', TEMPLATES, '--write-scenario', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Shift plan \(greedy, then local improvement; checked by \d+ more simulations?\):$/m);
    expect(stdout).toMatch(/^ {2}support-team: [\d.]+ paid hours$/m);
    const planned = JSON.parse(readFileSync(out, 'utf8'));
    const shifts = planned.agentGroups[0].shifts;
    expect(shifts.length).toBeGreaterThan(2);
    expect(planned.agentGroups[0].agents).toBe(shifts.reduce((sum: number, s: { agents: number }) => sum + s.agents, 0));
    const run = await cli('run', out, '--replications', '2');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).queues.support.serviceLevel.mean).toBeGreaterThan(0.8);
  });

  it('finds the fewest clerks per back-office team for an on-time target', async () => {
    const { code, stdout } = await cli('staff', 'scenarios/backoffice-claims.json', '--on-time', '0.95', '--replications', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Back office: fewest clerks per team with every work type ≥ 95% on time/m);
    expect(stdout).toMatch(/^claims-handlers +\d+ +14 +[+-]?\d/m);
  });

  it('refuses a bad or infeasible target with one line naming the option', async () => {
    await expectOneLine([BASIC, '--sl', '1.2@20'], /^--sl: must be a fraction strictly between 0 and 1, such as 0\.8 \(got 1\.2\)$/);
    await expectOneLine([BASIC, '--sl', '0.8'], /^--sl: must be SHARE@SECONDS/);
    await expectOneLine([BASIC], /^--sl: the scenario answers calls: give a target such as --sl 0\.8@20$/);
    await expectOneLine([BASIC, '--sl', '0.8@20', '--max-abandon', '0'], /^--max-abandon: must be a fraction in \(0, 1\]/);
    await expectOneLine([BASIC, '--sl', '0.8@20', '--confidence', '0.95', '--replications', '1'], /^--confidence: needs --replications of at least 2/);
    await expectOneLine([BASIC, '--sl', '0.8@20', '--on-time', '0.9'], /^--on-time: the scenario has no back office$/);
    await expectOneLine(['scenarios/telemarketing-predictive.json', '--sl', '0.8@20'], /^--sl: the scenario answers no calls and has no back office: no staff to find/);
    await expectOneLine([BASIC, '--sl', '0.8@20', '--max-agents', '3', '--replications', '2'], /^--sl: infeasible: agentGroups\[0\] \(support-team\) at \d\d:\d\d: 3 agents still miss it \(service level 0\.\d{3}\)$/);
  });

  it('names the template and field of a bad --shifts file, and an interval no template covers', async () => {
    const bad = join(dir, 'bad-templates.json');
    writeFileSync(bad, JSON.stringify([{ start: '08:00', end: '07:00' }]));
    await expectOneLine([BASIC, '--sl', '0.8@20', '--shifts', bad], new RegExp(`^--shifts ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\[0\\]\\.end: must be after the start`));
    const day = join(dir, 'day-only.json');
    writeFileSync(day, JSON.stringify([{ start: '08:00', end: '16:00' }]));
    await expectOneLine([BASIC, '--sl', '0.8@20', '--replications', '2', '--shifts', day], /^--shifts: no shift template covers 00:00, where agents are required$/);
  });
});
