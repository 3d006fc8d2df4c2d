/**
 * Live what-if in the built page (headless Chromium, 1280×720, English and Kiswahili): the default
 * scenario played to 10:15, three agents added on the What-if tab, played on to 12:00. The change
 * is listed and marked on the charts in the page's language; the run saved as a file, run in Node
 * with the same seed, gives the page's figures; a TV advert from the facilitator's palette brings
 * more callers than the same file without it. The What-if tab with the palette passes the
 * legibility probe. Screenshots go to /tmp/shots-live-page/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, slide, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { measurePage } from './legibility-probe';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { Site } from '../../src/model/site/site';

const AT_1015 = 10 * 3600 + 15 * 60;
const NOON = 12 * 3600;
const AGENTS = '#whatif-agents-support-team';
const harness = useHarness();

const status = (page: Page) => page.evaluate(() => window.__kituo!.status());

/** Runs the page's model on to `timeSec` (the hooks' fast-forward, through the same session as playing). */
async function runTo(page: Page, timeSec: number): Promise<void> {
  const { nowSec } = await status(page);
  await page.evaluate((seconds) => window.__kituo!.advance(seconds), timeSec - nowSec);
  expect((await status(page)).nowSec).toBe(timeSec);
}

/** The run saved with Save file, as the scenario it holds. */
async function savedScenario(page: Page): Promise<Scenario> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
  const parsed = parseScenarioText(readFileSync(await download.path(), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** The same counts in Node as the page's counted(): a Site of the scenario with its own seed, run to `timeSec`. */
function countedInNode(scenario: Scenario, timeSec: number) {
  const site = new Site(scenario, { seed: scenario.seed });
  site.runUntil(timeSec);
  return structuredClone({ events: site.sim.eventsFired, queues: site.voice.totals, backOffice: site.backOffice?.total ?? null });
}

/**
 * The two agree: every whole count exactly, every other figure within 1e-9 relative (Chromium and
 * Node round Math.exp and Math.log differently in the last bit, and sums of times carry it).
 */
function expectSameFigures(page: unknown, node: unknown, path = 'counted'): void {
  if (typeof node === 'number' && typeof page === 'number') {
    if (Number.isInteger(node)) expect(page, path).toBe(node);
    else expect(Math.abs(page - node), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(node)));
    return;
  }
  if (node === null || typeof node !== 'object') return expect(page, path).toEqual(node);
  expect(Object.keys(page as object).sort(), path).toEqual(Object.keys(node).sort());
  for (const [key, value] of Object.entries(node)) expectSameFigures((page as Record<string, unknown>)[key], value, `${path}.${key}`);
}

const EXPECTED = {
  en: { mark: '+3 agents at 10:15', listed: '10:15 +3 agents (Support agents)', advert: 'TV advert' },
  sw: { mark: 'Mawakala +3 saa 10:15', listed: '10:15 Mawakala +3 (Mawakala wa usaidizi)', advert: 'Tangazo la TV' },
} as const;

describe('live what-if on the page', () => {
  it.each(['en', 'sw'] as const)('in %s: three agents added at 10:15 are listed, marked, and the export reproduces the run', async (language) => {
    const page = await harness.newPage({ width: 1280, height: 720 });
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    await page.evaluate((l) => window.__kituo!.setLanguage(l), language);
    await page.locator('#scenario-about-close').click();
    await runTo(page, AT_1015);
    await page.locator('#tab-whatif').click();
    const agents = Number(await page.locator(AGENTS).inputValue());
    // The floor has a desk per agent: none yet for the joiners.
    expect(await page.evaluate((i) => window.__kituo!.agentPoint(i), agents + 2)).toBeNull();
    await slide(page, AGENTS, agents + 3);
    expect(await page.locator('#whatif-refused').isVisible()).toBe(false);
    await runTo(page, NOON);
    expect(await page.evaluate((i) => window.__kituo!.agentPoint(i), agents + 2)).not.toBeNull();
    expect(await page.locator(AGENTS).inputValue()).toBe(String(agents + 3));
    const listed = (await page.locator('#changes-list li').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(listed).toEqual([EXPECTED[language].listed]);
    await page.screenshot({ path: join(SHOTS, `whatif-${language}-1280x720.png`) });

    // The tab passes the legibility probe with the palette on it: the probe measures the panel's
    // text below its fold too (reached by scrolling the panel), so it runs with the panel at its top.
    expect(await page.locator('#palette-file-inject').count()).toBe(1);
    const measured = await measurePage(page);
    expect(measured.small).toEqual([]);
    expect(measured.cut).toEqual([]);
    expect(measured.overlapping).toEqual([]);
    await page.locator('#panel-whatif').evaluate((panel) => (panel.scrollTop = panel.scrollHeight));
    await page.screenshot({ path: join(SHOTS, `palette-${language}-1280x720.png`) });
    await page.locator('#panel-whatif').evaluate((panel) => (panel.scrollTop = 0));

    // The mark on both call-center charts, in the page's language.
    await page.locator('#tab-charts').click();
    await page.waitForFunction(() => (document.getElementById('chart-sl')!.dataset.marks ?? '') !== '');
    for (const chart of ['#chart-sl', '#chart-queue']) expect(await page.locator(chart).getAttribute('data-marks')).toBe(EXPECTED[language].mark);
    expect(await page.locator('#chart-bo').getAttribute('data-marks')).toBe('');
    await page.screenshot({ path: join(SHOTS, `charts-mark-${language}-1280x720.png`) });

    // The run saved as a file gives the page's figures in Node, with the same seed.
    const saved = await savedScenario(page);
    expect(saved.events).toEqual([{ atSec: AT_1015, kind: 'agents', groupId: 'support-team', agents: agents + 3 }]);
    expectSameFigures(await page.evaluate(() => window.__kituo!.counted()), countedInNode(saved, NOON));

    // A TV advert from the palette, with its defaults, brings more callers than the same day without it.
    await page.locator('#tab-whatif').click();
    await page.locator('#palette-advert-inject').click();
    expect(await page.locator('#palette-result').textContent()).toContain(EXPECTED[language].advert);
    await runTo(page, 15 * 3600);
    const withAdvert = await savedScenario(page);
    expect(withAdvert.events!.map((e) => e.kind)).toEqual(['agents', 'tv-advert']);
    const page15 = await page.evaluate(() => window.__kituo!.counted());
    expectSameFigures(page15, countedInNode(withAdvert, 15 * 3600));
    const noAdvert = countedInNode({ ...withAdvert, events: withAdvert.events!.filter((e) => e.kind !== 'tv-advert') }, 15 * 3600);
    const offered = (c: { queues: unknown[] }) => (c.queues as { offered: number }[]).reduce((sum, q) => sum + q.offered, 0);
    expect(offered(page15)).toBeGreaterThan(offered(noAdvert) + 45);

    // A phone outage from the palette shows over the floor while the lines are down.
    await page.locator('#palette-outage-inject').click();
    await runTo(page, 15 * 3600 + 60);
    expect(await page.locator('#outage-banner').textContent()).toContain('15:15');
    await page.screenshot({ path: join(SHOTS, `outage-${language}-1280x720.png`) });
    await runTo(page, 15 * 3600 + 16 * 60);
    expect(await page.locator('#outage-banner').isVisible()).toBe(false);
    expect((await status(page)).failed).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});

