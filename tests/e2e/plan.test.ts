/**
 * The Plan view in a browser (issue 11, items 4, 5 and 8), in English and in Kiswahili: A is
 * compared with two variants (a file and the what-if settings as they were when added) in Web
 * Workers while the animation goes on, with the figures `kituo compare` prints for the same
 * files, seed and replications; per-interval rows open for a KPI; the staffing optimiser runs in
 * a worker with the figures `kituo staff --format json` prints; a change of seed marks both
 * results stale; every Plan text is legible on a projector with results shown (also at 150%
 * zoom); the printed summary is one page. A larger plan and a search are cancelled mid-way and
 * the page keeps working. Screenshots at 1280×720 go to screenshots/ for a person to
 * look at.
 */
import { displayNames } from '../../src/model/scenario/display-names';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openApp, slide, waitForFramesDrawn, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { emulateZoom, measurePage } from './legibility-probe';

const files = mkdtempSync(join(tmpdir(), 'kituo-plan-'));
const harness = useHarness();

afterAll(() => rmSync(files, { recursive: true, force: true }));

const plan = (page: Page) => page.evaluate(() => window.__kituo!.plan());
const basic = () => JSON.parse(readFileSync(join(ROOT, 'scenarios/inbound-basic.json'), 'utf8'));

/** inbound-basic.json with three agents fewer, named with markup that must show as text. */
function fewerAgents(): { name: string; text: string } {
  const scenario = basic();
  scenario.name = 'Fewer <b>agents</b>';
  scenario.agentGroups[0].agents -= 3;
  return { name: 'fewer-<i>agents</i>.json', text: JSON.stringify(scenario) };
}

/** What the CLI prints as JSON for `command` on `args`. */
function cli(command: string, args: string[]) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  return JSON.parse(execFileSync(tsx, [join(ROOT, 'src/cli/main.ts'), command, ...args, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' }));
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

/** Moves the what-if head-count of the support team to `agents`. */
async function setWhatIfAgents(page: Page, agents: number): Promise<void> {
  await page.locator('#tab-whatif').click();
  await slide(page, '#whatif-agents-support-team', agents);
  await page.locator('#tab-plan').click();
}

/**
 * Table cells whose text spills out of them (a word wider than its column runs into the next),
 * and tables wider than the panel (their last column only reached by scrolling sideways).
 */
const spilling = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#plan table th, #plan table td, #plan .plan-table-wrap')]
      .filter((box) => box.getBoundingClientRect().width > 0 && box.scrollWidth > box.clientWidth + 1)
      .map((box) => box.textContent!.slice(0, 60)),
  );

/**
 * No Plan text under 14 px, cut or overlapping: at 1280×720 with each part scrolled into the Plan
 * panel in turn, and at 150% zoom, where the page is one column scrolling as a whole (measured
 * from its top: what lies below is reached by scrolling).
 */
async function expectLegible(page: Page, where: string): Promise<void> {
  const expectClear = async (zoom: number, part: string) => {
    const measured = await measurePage(page);
    expect(measured.visibleTexts, `${where} ${part}`).toBeGreaterThan(50);
    expect(await spilling(page), `${where} ${part}`).toEqual([]);
    expect({ where, zoom, part, small: measured.small, cut: measured.cut, overlapping: measured.overlapping }).toEqual({ where, zoom, part, small: [], cut: [], overlapping: [] });
  };
  for (const part of ['#plan-title', '#plan-table', '#plan-intervals', '#plan-chart', '#plan-staff-chart', '#plan-short-table, #plan-short-none']) {
    await page.locator(part).first().scrollIntoViewIfNeeded();
    await expectClear(1, part);
  }
  await emulateZoom(page, 1280, 720, 1.5);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.locator('#plan-staff-chart').evaluate((chart) => chart.getBoundingClientRect().height)).toBeGreaterThan(100);
  // The charts follow the panel, one column wide now.
  await page.waitForFunction(() =>
    ['#plan-chart', '#plan-staff-chart'].every((id) => document.querySelector(`${id} canvas`)!.clientWidth > 0.9 * document.querySelector('#plan')!.clientWidth),
  );
  await expectClear(1.5, 'the whole page');
  await page.locator('#plan-staff-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `plan-zoom150-${where.slice(0, 2)}.png`) });
  await emulateZoom(page, 1280, 720, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe.each(['en', 'sw'] as const)('the Plan view (%s)', (language) => {
  const words = {
    en: { tab: 'Plan', run: 'Run the plan', cancelled: 'Cancelled after', worse: 'worse', stale: 'Changed since: the seed', staffCancelled: 'Cancelled after' },
    sw: { tab: 'Mpango', run: 'Endesha mpango', cancelled: 'Imeghairiwa baada ya', worse: 'mbaya zaidi', stale: 'Kilichobadilika tangu hapo: mbegu', staffCancelled: 'Imeghairiwa baada ya uigaji' },
  }[language];

  it('compares A with a file and the what-if settings, opens per-interval rows, finds the staff needed, marks stale results, reads on a projector and prints one page', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openPlan(page, language);
    expect(await page.locator('#tab-plan').textContent()).toBe(words.tab);
    expect(await page.locator('#plan-run').textContent()).toBe(words.run);
    const variant = fewerAgents();
    await page.locator('#plan-file').setInputFiles({ name: variant.name, mimeType: 'application/json', buffer: Buffer.from(variant.text) });
    await page.waitForFunction(() => window.__kituo!.plan().variants.length === 1);
    // C is the what-if settings when added: four agents more; a later edit does not change it.
    const agents = basic().agentGroups[0].agents;
    await setWhatIfAgents(page, agents + 4);
    await page.locator('#plan-add-whatif').click();
    await setWhatIfAgents(page, agents - 10);
    expect((await plan(page)).variants).toHaveLength(2);
    expect(await page.locator('#plan-variants li').count()).toBe(2);
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
    expect([state.done, state.total]).toEqual([3, 3]);
    expect(await page.locator('#plan-progress-text').textContent()).toMatch(/3 \/ 3/);
    expect(state.stale).toEqual([]);

    // The page's comparison is the CLI's, KPI for KPI: every verdict, null and row the same, every
    // number to 1e-9 (not to the last bit: Chromium's V8 rounds Math.exp, log and pow differently
    // in the last bit from Node 20's, so the same replication differs by some 1e-16).
    const report = state.report!;
    const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((name) => join(files, name));
    writeFileSync(a, readFileSync(join(ROOT, 'scenarios/inbound-basic.json')));
    writeFileSync(b, variant.text);
    const more = basic();
    more.agentGroups[0].agents += 4;
    writeFileSync(c, JSON.stringify(more));
    const seed = Number(await page.locator('#seed').inputValue());
    const compared = cli('compare', [a, b, c, '--seed', String(seed), '--replications', '3', '--workers', '1']);
    expect(report.configurations).toHaveLength(3);
    expect(report.seed).toBe(seed);
    expectSameFigures(JSON.parse(JSON.stringify(report.kpis)), compared.kpis);
    expectSameFigures(JSON.parse(JSON.stringify(report.saving)), compared.saving);

    // The table: per whole-run KPI, a row for each of A, B and C; three agents fewer do worse.
    const figures = page.locator('#plan-table tbody tr.kpi-figures');
    expect(await figures.count()).toBe(3 * report.kpis.filter((kpi) => kpi.interval === 'total').length);
    expect(await figures.nth(1).locator('.verdict').textContent()).toBe(words.worse);
    // Scenario text (the file's name) is shown as text, never as markup.
    expect(await page.locator('#plan-results').textContent()).toContain('fewer-<i>agents</i>.json');
    expect(await page.locator('#plan-results .plan-label *, #plan-results b, #plan-variants i').count()).toBe(0);
    expect(await page.locator('#plan-chart canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#plan-chart').evaluate((chart) => chart.previousElementSibling?.textContent)).toBe('ABC');

    // Per-interval rows: the working day only, for the KPI and variant picked.
    const intervalRows = page.locator('#plan-interval-table tbody tr');
    const serviceLevelRows = await intervalRows.count();
    expect(serviceLevelRows).toBeGreaterThan(10);
    expect(serviceLevelRows).toBeLessThan(48);
    await page.locator('#plan-interval-kpi').selectOption('asa');
    await page.locator('#plan-interval-variant').selectOption('2');
    expect(await page.locator('#plan-interval-table thead').textContent()).toContain('C − A');
    const asaRows = report.kpis.filter((kpi) => kpi.kpi === 'asa' && kpi.section === 'queue' && kpi.interval !== 'total' && (kpi.configurations[0]?.mean != null || kpi.configurations[2]?.mean != null));
    expect(await intervalRows.count()).toBe(asaRows.length);
    expect(await intervalRows.first().locator('th').textContent()).toBe(asaRows[0].interval);
    expect(await intervalRows.first().locator('td').count()).toBe(3);

    const download = page.waitForEvent('download');
    await page.locator('#plan-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(report.kpis.length + 1);
    expect(csv[0]).toBe('section,id,kpi,interval,better,A mean,A ci95,B mean,B ci95,C mean,C ci95,B-A difference,B-A ci95,B verdict,C-A difference,C-A ci95,C verdict');

    // The optimiser, for A with the same seed and replications: `kituo staff`'s figures.
    await page.evaluate(() => window.__kituo!.pause());
    await page.locator('#plan-staff-run').click();
    await page.waitForFunction(() => window.__kituo!.plan().staffing.answer !== null || window.__kituo!.plan().staffing.message !== '', undefined, { timeout: 120_000 });
    const staffing = (await plan(page)).staffing;
    expect(staffing.message).toBe('');
    const staffed = cli('staff', [a, '--sl', '0.8@20', '--seed', String(seed), '--replications', '3']);
    expectSameFigures(JSON.parse(JSON.stringify(staffing.answer)), staffed.phones);
    expect(staffing.evaluations).toBe(staffed.phones.evaluations);
    const short = staffed.phones.groups[0].intervals.filter((i: { gap: number }) => i.gap < 0);
    expect(await page.locator('#plan-short-table tbody tr').count()).toBe(short.length);
    expect(await page.locator('#plan-staff-chart canvas').count()).toBeGreaterThan(0);

    await page.locator('#plan-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-${language}-1280x720.png`) });
    await page.locator('#plan-intervals').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-intervals-${language}-1280x720.png`) });
    await page.locator('#plan-staff-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-staffing-${language}-1280x720.png`) });
    await expectLegible(page, `${language} with results`);

    // Printed: a one-page summary without the controls, with the table, the chart and the gap.
    // On paper: A4 less 10 mm margins is 718 × 1047 CSS px.
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#plan .plan-controls').first().isVisible()).toBe(false);
    for (const part of ['#plan-table', '#plan-chart', '#plan-staff-chart', '.plan-gap', '.plan-print-title']) expect(await page.locator(part).first().isVisible(), part).toBe(true);
    await page.screenshot({ path: join(SHOTS, `plan-print-${language}.png`), fullPage: true });
    // Chromium's PDF, on A4 with the print dialog's default margins: one page (the count of its page objects).
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    writeFileSync(join(SHOTS, `plan-summary-${language}.pdf`), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });

    // A new seed: both results stay, dimmed, saying what they were computed for.
    await page.locator('#seed').fill(String(seed + 1));
    await page.locator('#seed').dispatchEvent('change');
    const stale = await plan(page);
    expect(stale.stale).toEqual(['seed']);
    expect(stale.staffing.stale).toEqual(['seed']);
    const note = await page.locator('#plan-stale').textContent();
    expect(note).toContain(words.stale);
    expect(note).toContain(`${seed}`);
    expect(note).toMatch(/\d\d:\d\d/);
    expect(await page.locator('#plan-staff-stale').isVisible()).toBe(true);
    expect(await page.locator('#plan-results').evaluate((r) => r.classList.contains('stale'))).toBe(true);
    await page.locator('#plan-stale').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-stale-${language}-1280x720.png`) });
    // Back to the seed it was computed for: current again.
    await page.locator('#seed').fill(String(seed));
    await page.locator('#seed').dispatchEvent('change');
    expect((await plan(page)).stale).toEqual([]);
    expect(await page.locator('#plan-stale').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('finds the staff two help lines need, lists the intervals each team is short in, and cancels a larger plan and a search mid-way', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=two-help-lines.json');
    await page.evaluate((next) => window.__kituo!.setLanguage(next), language);
    await page.locator('#tab-plan').click();
    await page.locator('#plan-replications').fill('3');
    await page.locator('#plan-staff-run').click();
    await page.waitForFunction(() => window.__kituo!.plan().staffing.answer !== null || window.__kituo!.plan().staffing.message !== '', undefined, { timeout: 120_000 });
    const seed = Number(await page.locator('#seed').inputValue());
    const staffing = (await plan(page)).staffing;
    const staffed = cli('staff', [join(ROOT, 'scenarios/two-help-lines.json'), '--sl', '0.8@20', '--seed', String(seed), '--replications', '3']);
    expectSameFigures(JSON.parse(JSON.stringify(staffing.answer)), staffed.phones);
    // Both teams are short somewhere: one table row per interval and team short, as the CLI's gaps say.
    const short = staffed.phones.groups.map((g: { intervals: { start: string; gap: number }[] }) => g.intervals.filter((i) => i.gap < 0).map((i) => i.start));
    expect(short.map((starts: string[]) => starts.length > 0)).toEqual([true, true]);
    expect(await page.locator('.plan-gap').count()).toBe(2);
    // The chart and the table show one team at a time, picked by its name in the page's language.
    const names = displayNames(JSON.parse(readFileSync(join(ROOT, 'scenarios/two-help-lines.json'), 'utf8')), language);
    expect(await page.locator('#plan-staff-group option').allTextContents()).toEqual(staffed.phones.groups.map((g: { group: string }) => names.agentGroups.get(g.group)));
    expect(await page.locator('#plan-short-table tbody th').allTextContents()).toEqual(short[0]);
    await page.locator('#plan-staff-group').selectOption('1');
    expect(await page.locator('#plan-short-table tbody th').allTextContents()).toEqual(short[1]);
    expect(await page.locator('#plan-staff-chart canvas').count()).toBeGreaterThan(0);
    await page.locator('#plan-staff-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-staffing-short-${language}-1280x720.png`) });
    await page.locator('#plan-short-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `plan-short-table-${language}-1280x720.png`) });
    for (const part of ['#plan-staff-chart', '#plan-short-table']) {
      await page.locator(part).scrollIntoViewIfNeeded();
      const measured = await measurePage(page);
      expect({ part, small: measured.small, cut: measured.cut, overlapping: measured.overlapping, spilling: await spilling(page) }).toEqual({ part, small: [], cut: [], overlapping: [], spilling: [] });
    }

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

    // The optimiser's search with 200 replications, cancelled after its first simulation: the
    // last answer stays, marked stale (it was for 3 replications).
    await page.locator('#plan-staff-run').click();
    await page.waitForFunction(() => window.__kituo!.plan().staffing.evaluations >= 1, undefined, { timeout: 120_000 });
    await page.locator('#plan-staff-cancel').click();
    await page.waitForFunction(() => !window.__kituo!.plan().staffing.running);
    const search = (await plan(page)).staffing;
    expect(search.answer?.replications).toBe(3);
    expect(search.stale).toEqual(['setup']);
    expect(await page.locator('#plan-staff-message').textContent()).toContain(words.staffCancelled);
    await waitForFramesDrawn(page, 10);
    expect((await plan(page)).staffing.evaluations).toBe(search.evaluations);

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
  }, 300_000);
});
