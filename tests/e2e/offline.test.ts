/**
 * The offline build: `npm run build:offline`'s one HTML file, opened from a file:// URL in
 * headless Chromium with every http(s) request aborted, plays a scenario and draws the scene.
 * The screenshot goes to screenshots/offline-file.png for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, openApp, pixelStats, waitForFramesDrawn } from './browser-harness';

const SHOTS = join(ROOT, 'screenshots');
const outDir = mkdtempSync(join(tmpdir(), 'kituo-offline-'));
const profile = mkdtempSync(join(tmpdir(), 'kituo-chromium-'));
let context: BrowserContext;
/** Every request the page made that was not to a file: or data: URL. */
const networkRequests: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.offline.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 } });
  await context.route(/^(https?|wss?):/, (route) => {
    networkRequests.push(route.request().url());
    return route.abort('internetdisconnected');
  });
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

describe('the offline single-file build', () => {
  it('writes one HTML file and nothing beside it', () => {
    expect(readdirSync(outDir)).toEqual(['kituo.html']);
    const html = readFileSync(join(outDir, 'kituo.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
  });

  it('opens from a file:// URL with the network cut, plays, and draws the scene', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const url = pathToFileURL(join(outDir, 'kituo.html')).href;
    await openApp(page, url, '?scenario=call-center-and-back-office.json');
    // The catalogue is inside the file: every shipped scenario is listed.
    const shipped = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect((await page.evaluate(() => window.__kituo!.scenarios())).sort()).toEqual(shipped.sort());

    await page.evaluate(() => window.__kituo!.advance(9 * 3600));
    const clockBefore = await page.locator('#clock').textContent();
    await page.evaluate(() => window.__kituo!.setSpeed(120));
    await page.locator('#play').click();
    await page.waitForFunction((start) => window.__kituo!.status().nowSec > start + 60, 9 * 3600, { timeout: 30_000 });
    await waitForFramesDrawn(page, 2);
    await page.locator('#play').click();
    expect(await page.locator('#clock').textContent()).not.toBe(clockBefore);

    const canvas = page.locator('#scene canvas');
    const stats = await pixelStats(page, await canvas.screenshot());
    expect(stats.distinctColours).toBeGreaterThan(50);
    expect(stats.stdDev).toBeGreaterThan(10);
    // The art is drawn from data URLs: the logo and the wallboard badges have no file to fetch.
    const imageSources = await page.evaluate(() => [...document.images].map((image) => image.src));
    expect(imageSources.length).toBeGreaterThan(0);
    for (const src of imageSources) expect(src).toMatch(/^data:image\/svg\+xml/);
    expect(await page.evaluate(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0))).toBe(true);

    await page.screenshot({ path: join(SHOTS, 'offline-file.png') });
    expect(networkRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
