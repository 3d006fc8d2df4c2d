/**
 * The Plan view in a browser (issue 11, items 4, 5 and 8), in English and in Kiswahili: a small
 * plan runs in Web Workers while the animation goes on, its progress reaches the total, its
 * table shows, its figures are those `kituo compare` prints for the same files, seed and
 * replications, its CSV downloads; a larger plan is cancelled mid-way and the page keeps
 * working. Screenshots at 1280×720 go to screenshots/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openApp, startHarness, waitForFramesDrawn, watchErrors, type Harness } from './browser-harness';

const SHOTS = join(ROOT, 'screenshots');
const files = mkdtempSync(join(tmpdir(), 'kituo-plan-'));
let harness: Harness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
  rmSync(files, { recursive: true, force: true });
});

const plan = (page: Page) => page.evaluate(() => window.__kituo!.plan());

/** inbound-basic.json with three agents fewer, named with markup that must show as text. */
function fewerAgents(): { name: string; text: string } {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/inbound-basic.json'), 'utf8'));
  scenario.name = 'Fewer <b>agents</b>';
  scenario.agentGroups[0].agents -= 3;
  return { name: 'fewer-<i>agents</i>.json', text: JSON.stringify(scenario) };
}

/** What `kituo compare` prints as JSON for the two files. */
function cliCompare(a: string, b: string, seed: number, replications: number) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const out = execFileSync(tsx, [join(ROOT, 'src/cli/main.ts'), 'compare', a, b, '--format', 'json', '--seed', String(seed), '--replications', String(replications), '--workers', '1'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** The same structure and words; numbers equal to a relative 1e-9. */
function expectSameFigures(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) expect.fail(`${path}: ${actual} is not ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') return expect(actual, path).toEqual(expected);
  expect(typeof actual, path).toBe('object');
  expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expectSameFigures((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
}

async function openPlan(page: Page, language: 'en' | 'sw'): Promise<void> {
  await openApp(page, harness.url, '?scenario=inbound-basic.json');
  await page.evaluate((next) => window.__kituo!.setLanguage(next), language);
  await page.locator('#tab-plan').click();
}

describe.each(['en', 'sw'] as const)('the Plan view (%s)', (language) => {
  const words = {
    en: { tab: 'Plan', run: 'Run the plan', cancelled: 'Cancelled after', better: 'better', worse: 'worse' },
    sw: { tab: 'Mpango', run: 'Endesha mpango', cancelled: 'Imeghairiwa baada ya', better: 'bora zaidi', worse: 'mbaya zaidi' },
  }[language];

  it('runs a small plan in workers while the animation plays, with the figures of kituo compare, and downloads its CSV', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openPlan(page, language);
    expect(await page.locator('#tab-plan').textContent()).toBe(words.tab);
    expect(await page.locator('#plan-run').textContent()).toBe(words.run);
    const variant = fewerAgents();
    await page.locator('#plan-file').setInputFiles({ name: variant.name, mimeType: 'application/json', buffer: Buffer.from(variant.text) });
    await page.waitForFunction(() => window.__kituo!.plan().variantFile !== null);
    await page.locator('#plan-replications').fill('3');
    await page.evaluate(() => window.__kituo!.setSpeed(60));
    await page.evaluate(() => window.__kituo!.play());
    const before = await page.evaluate(() => ({ frames: window.__kituo!.framesDrawn(), now: window.__kituo!.status().nowSec }));
    await page.locator('#plan-run').click();
    await page.waitForFunction(() => window.__kituo!.plan().running);
    // The scene goes on drawing and the clock goes on moving while the workers compute.
    await waitForFramesDrawn(page, 5);
    const during = await page.evaluate(() => ({ running: window.__kituo!.plan().running, now: window.__kituo!.status().nowSec }));
    await page.waitForFunction(() => !window.__kituo!.plan().running && window.__kituo!.plan().report !== null, undefined, { timeout: 120_000 });
    const state = await plan(page);
    expect(during.running || state.done === state.total).toBe(true);
    expect(during.now).toBeGreaterThan(before.now);
    expect(await page.evaluate(() => window.__kituo!.framesDrawn())).toBeGreaterThan(before.frames);
    expect(state.done).toBe(3);
    expect(state.total).toBe(3);
    expect(await page.locator('#plan-progress-text').textContent()).toMatch(/3 \/ 3/);
    expect(await page.locator('#plan-progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);

    // The page's comparison is the CLI's, KPI for KPI: every verdict, null and row the same, every
    // number to 1e-9 (not to the last bit: Chromium's V8 rounds Math.exp, log and pow differently
    // in the last bit from Node 20's, so the same replication differs by some 1e-16).
    const report = state.report!;
    const a = join(files, 'a.json');
    const b = join(files, 'b.json');
    writeFileSync(a, readFileSync(join(ROOT, 'scenarios/inbound-basic.json')));
    writeFileSync(b, variant.text);
    const cli = cliCompare(a, b, report.seed, 3);
    expect(report.replications).toBe(3);
    expect(report.seed).toBe(Number(await page.locator('#seed').inputValue()));
    expectSameFigures(JSON.parse(JSON.stringify(report.kpis)), cli.kpis);
    expectSameFigures(JSON.parse(JSON.stringify(report.saving)), cli.saving);

    // The table: one row per whole-run KPI, three agents fewer do worse on service level.
    const rows = page.locator('#plan-table tbody tr.kpi-figures');
    expect(await rows.count()).toBe(report.kpis.filter((kpi) => kpi.interval === 'total').length);
    const serviceLevel = report.kpis.find((kpi) => kpi.kpi === 'serviceLevel' && kpi.interval === 'total')!;
    expect(serviceLevel.differences[1]!.verdict).toBe('worse');
    expect(await rows.first().locator('.verdict').textContent()).toBe(words.worse);
    // Scenario text (the file's name) is shown as text, never as markup.
    expect(await page.locator('#plan-results').textContent()).toContain('fewer-<i>agents</i>.json');
    expect(await page.locator('#plan-results .plan-label *, #plan-results b').count()).toBe(0);
    expect(await page.locator('#plan-chart canvas').count()).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await page.locator('#plan-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(report.kpis.length + 1);
    expect(csv[0]).toBe('section,id,kpi,interval,better,A mean,A ci95,B mean,B ci95,B-A difference,B-A ci95,B verdict');
    expect(csv[1]).toMatch(/^queue,support,serviceLevel,total,higher,0\.\d+,/);
    expect(csv[1]).toMatch(/,worse$/);

    await page.evaluate(() => window.__kituo!.pause());
    await page.locator('#plan-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-${language}-1280x720.png`) });
    // Printed: the summary without the controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#plan .plan-controls').isVisible()).toBe(false);
    expect(await page.locator('#plan-table').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, `plan-print-${language}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('cancels a larger plan mid-way: the workers stop, the page keeps working and plans again', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openPlan(page, language);
    await page.locator('#plan-replications').fill('200');
    await page.locator('#plan-run').click();
    await page.waitForFunction(() => window.__kituo!.plan().done >= 2, undefined, { timeout: 60_000 });
    await page.locator('#plan-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-running-${language}-1280x720.png`) });
    await page.locator('#plan-cancel').click();
    await page.waitForFunction(() => !window.__kituo!.plan().running);
    const stopped = await plan(page);
    expect(stopped.done).toBeLessThan(stopped.total);
    expect(stopped.report).toBeNull();
    expect(await page.locator('#plan-message').textContent()).toContain(words.cancelled);
    expect(await page.locator('#plan-run').isDisabled()).toBe(false);
    expect(await page.locator('#plan-cancel').isDisabled()).toBe(true);
    // Nothing more arrives from terminated workers.
    await waitForFramesDrawn(page, 10);
    expect((await plan(page)).done).toBe(stopped.done);

    // The page still plays, and plans again.
    await page.evaluate(() => window.__kituo!.play());
    await waitForFramesDrawn(page, 3);
    expect((await page.evaluate(() => window.__kituo!.status())).playing).toBe(true);
    await page.locator('#plan-replications').fill('2');
    await page.locator('#plan-run').click();
    await page.waitForFunction(() => window.__kituo!.plan().report !== null, undefined, { timeout: 120_000 });
    expect((await plan(page)).done).toBe(2);
    expect(await page.locator('#plan-table tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
