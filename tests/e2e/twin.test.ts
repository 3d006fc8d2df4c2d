/**
 * Twin floors in the built page (headless Chromium, 1280×720): the power of one on the default
 * scenario in English and Kiswahili, played and advanced to mid-morning, both floors drawn, the
 * same callers on both, one agent fewer on the right, a strip of signed differences, nothing small,
 * cut or overlapping (also at 150% zoom), and back to one floor; a reset plans the twin again and
 * a scenario without inbound calls closes it; "these settings vs the scenario" puts the scenario
 * as loaded beside the what-if settings. Screenshots go to screenshots/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, pixelStats, slide, waitForFramesDrawn, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { MIN_TEXT_PX, emulateZoom, measurePage, overlappingSceneTexts } from './legibility-probe';

const HOUR = 3600;
const LANGUAGES = ['en', 'sw'] as const;
const harness = useHarness();

const twin = (page: Page) => page.evaluate(() => window.__kituo!.twin.state());
const status = (page: Page) => page.evaluate(() => window.__kituo!.status());

async function openPowerOfOne(page: Page, language: 'en' | 'sw'): Promise<void> {
  await openApp(page, harness.url);
  await page.evaluate((lang) => window.__kituo!.setLanguage(lang), language);
  await page.click('#tab-whatif');
  await page.click('#twin-power-of-one');
  expect(await twin(page)).not.toBeNull();
}

/** Plays the top bar's run fast until `untilSec`, checking at each look that both floors stand at the same time. */
async function playUntil(page: Page, untilSec: number): Promise<void> {
  await page.evaluate(() => window.__kituo!.setSpeed(600));
  await page.click('#play');
  for (;;) {
    const state = await twin(page);
    expect(state!.b.nowSec).toBe(state!.a.nowSec);
    if (state!.a.nowSec >= untilSec) break;
    await waitForFramesDrawn(page, 5);
  }
  await page.click('#play');
}

/** Pixel spread of one floor's part of the canvas: a blank or flat floor has a handful of colours. */
async function floorPixels(page: Page, side: 'a' | 'b') {
  const box = await page.evaluate((s) => {
    const floor = window.__kituo!.twin.floors()![s];
    const canvas = document.querySelector('#scene canvas')!.getBoundingClientRect();
    return { x: canvas.left + floor.x, y: canvas.top + floor.y, width: floor.width, height: floor.height };
  }, side);
  return pixelStats(page, await page.screenshot({ clip: box }));
}

describe('the power of one on twin floors', () => {
  it.each(LANGUAGES)('in %s: played to mid-morning, the same callers on both floors, one agent fewer on the right, signed differences, then one floor again', async (language) => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openPowerOfOne(page, language);
    await playUntil(page, 9 * HOUR);
    await page.evaluate((t) => window.__kituo!.advance(t - window.__kituo!.status().nowSec), 10.5 * HOUR);
    await waitForFramesDrawn(page, 2);
    await page.screenshot({ path: join(SHOTS, `twin-power-of-one-${language}.png`) });

    const state = (await twin(page))!;
    expect(state.kind).toBe('powerOfOne');
    expect([state.a.nowSec, state.b.nowSec]).toEqual([10.5 * HOUR, 10.5 * HOUR]);
    expect(state.a.offered).toBeGreaterThan(100);
    expect(state.b.offered).toBe(state.a.offered);
    expect(state.b.agents).toBe(state.a.agents - 1);
    expect(state.titles[0]).toContain(String(state.a.agents));
    expect(state.titles[1]).toContain(String(state.b.agents));
    expect(await page.locator('#twin-title-b').textContent()).toBe(state.titles[1]);

    // Each difference is shown with the sign of right − left, and its two values.
    for (const d of state.differences) {
      const cell = page.locator(`#twin-diff-${d.id}`);
      if (d.a === null && d.b === null) {
        expect(await cell.isVisible()).toBe(false);
        continue;
      }
      const shown = (await cell.locator('.difference').textContent())!;
      const sign = d.difference! > 0 ? '+' : d.difference! < 0 ? '−' : '';
      if (sign) expect(shown.replace('pointi ', ''), d.id).toMatch(new RegExp(`^\\${sign === '+' ? '+' : sign}`));
      else expect(shown, d.id).not.toMatch(/^[+−-]/);
      expect(await cell.getAttribute('class'), d.id).toContain(d.verdict === 'better' ? 'good' : d.verdict === 'worse' ? 'bad' : 'twin-cell');
    }
    const serviceLevel = state.differences.find((d) => d.id === 'serviceLevelToday')!;
    expect(serviceLevel.verdict).toBe('worse');

    // Both floors drawn, each over its own half of the canvas.
    for (const side of ['a', 'b'] as const) {
      const pixels = await floorPixels(page, side);
      expect(pixels.distinctColours, side).toBeGreaterThan(50);
      expect(pixels.stdDev, side).toBeGreaterThan(10);
    }
    expect(await page.locator('#twin-a-kpi-waiting').isVisible()).toBe(true);
    expect(await page.locator('#twin-b-kpi-waiting').isVisible()).toBe(true);
    expect(await page.locator('#wallboard-voice').isVisible()).toBe(false);

    // Legible from the back of the room: the page and the floors' own labels.
    const measured = await measurePage(page);
    expect(measured.small).toEqual([]);
    expect(measured.cut).toEqual([]);
    expect(measured.overlapping).toEqual([]);
    const scene = await page.evaluate(() => window.__kituo!.twin.sceneLegibility());
    expect(scene.texts.length).toBeGreaterThan(4);
    expect(scene.texts.filter((t) => t.px < MIN_TEXT_PX).map((t) => t.text)).toEqual([]);
    expect(overlappingSceneTexts(scene.texts)).toEqual([]);
    expect(scene.callerPx).toBeGreaterThanOrEqual(scene.agentPx / 2);
    // Every label inside one floor: none runs under the other floor or off the canvas.
    const floors = (await page.evaluate(() => window.__kituo!.twin.floors()))!;
    const inside = (t: (typeof scene.texts)[number], f: typeof floors.a) => t.x >= f.x - 0.5 && t.y >= f.y - 0.5 && t.x + t.width <= f.x + f.width + 0.5 && t.y + t.height <= f.y + f.height + 0.5;
    expect(scene.texts.filter((t) => !inside(t, floors.a) && !inside(t, floors.b)).map((t) => `${t.text} at ${Math.round(t.x)},${Math.round(t.y)} ${Math.round(t.width)}×${Math.round(t.height)}`)).toEqual([]);

    await page.click('#twin-back');
    await waitForFramesDrawn(page, 1);
    expect(await twin(page)).toBeNull();
    expect(await page.locator('#twin-boards').isVisible()).toBe(false);
    expect(await page.locator('#wallboard-voice').isVisible()).toBe(true);
    expect((await page.evaluate(() => window.__kituo!.sceneLegibility())).texts.length).toBeGreaterThan(4);
    expect((await status(page)).nowSec).toBe(10.5 * HOUR);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it.each(LANGUAGES)('in %s, at 150% browser zoom, cuts and overlaps nothing', async (language) => {
    const page = await harness.newPage();
    await emulateZoom(page, 1280, 720, 1.5);
    await openPowerOfOne(page, language);
    await page.evaluate((t) => window.__kituo!.advance(t), 2 * HOUR);
    await waitForFramesDrawn(page, 2);
    // Opening scrolled the floors into view; the probe reads the page from its top, as it opens.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, `twin-zoom150-${language}.png`), fullPage: true });
    const measured = await measurePage(page);
    expect(measured.cut).toEqual([]);
    expect(measured.overlapping).toEqual([]);
    const scene = await page.evaluate(() => window.__kituo!.twin.sceneLegibility());
    expect(overlappingSceneTexts(scene.texts)).toEqual([]);
    await page.close();
  }, 120_000);

  it('plans the twin again on reset, and closes it on a scenario without inbound calls', async () => {
    const page = await harness.newPage();
    await openPowerOfOne(page, 'en');
    await page.evaluate((t) => window.__kituo!.advance(t), HOUR);
    await page.click('#reset');
    const state = (await twin(page))!;
    expect([state.a.nowSec, state.b.nowSec]).toEqual([0, 0]);
    expect(state.b.agents).toBe(state.a.agents - 1);
    await page.evaluate(() => window.__kituo!.selectScenario('backoffice-claims.json'));
    expect(await twin(page)).toBeNull();
    expect(await page.locator('#twin-power-of-one').isDisabled()).toBe(true);
    expect(await page.locator('#twin-why').textContent()).toContain('No agent group');
    await page.close();
  }, 120_000);
});

describe('these settings vs the scenario', () => {
  it('puts the scenario as loaded on the left and the what-if settings on the right', async () => {
    const page = await harness.newPage();
    await openApp(page, harness.url);
    await page.click('#tab-whatif');
    expect(await page.locator('#twin-settings').isDisabled()).toBe(true);
    await slide(page, '#whatif-agents-support-team', 25);
    await page.click('#twin-settings');
    await page.evaluate((t) => window.__kituo!.advance(t), 2 * HOUR);
    const state = (await twin(page))!;
    expect(state.kind).toBe('settings');
    expect([state.a.agents, state.b.agents]).toEqual([22, 25]);
    expect(state.b.offered).toBe(state.a.offered);
    expect(state.b.nowSec).toBe(state.a.nowSec);
    expect(state.differences.find((d) => d.id === 'abandonedToday')!.verdict).not.toBe('worse');
    await page.close();
  }, 120_000);
});
