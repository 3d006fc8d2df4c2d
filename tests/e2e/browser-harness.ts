/**
 * Shared by the e2e tests and the render benchmark: build the app with Vite's JS API into a
 * temporary folder, serve it with `vite preview` on a free port, and drive Debian's Chromium
 * through playwright-core (never a downloaded browser). Everything started here is closed by
 * `close()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.KITUO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  readonly url: string;
  readonly outDir: string;
  readonly context: BrowserContext;
  /**
   * A page in the shared browser profile. Unless `keepDraft`, every load starts without the
   * autosaved draft an earlier test left (its restore banner would cover the wallboards). Unless
   * `startScreen`, the start screen counts as seen, so the bare address opens on the running page
   * as a returning visitor's does; with it, the page's first load is a first visit (reloads are
   * not: the screen remembers it was seen).
   */
  newPage(options?: { width?: number; height?: number; reducedMotion?: boolean; keepDraft?: boolean; startScreen?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function buildApp(outDir: string): Promise<void> {
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

export async function startHarness(): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), 'kituo-dist-'));
  const profile = mkdtempSync(join(tmpdir(), 'kituo-chromium-'));
  let server: PreviewServer | null = null;
  let context: BrowserContext | null = null;
  try {
    await buildApp(outDir);
    const port = await freePort();
    server = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
    const url = `http://127.0.0.1:${port}/`;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 720 },
    });
    const ctx = context;
    const srv = server;
    return {
      url,
      outDir,
      context: ctx,
      async newPage(options = {}) {
        const page = await ctx.newPage();
        await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 720 });
        if (options.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
        if (!options.keepDraft) {
          await page.addInitScript(() => {
            try {
              localStorage.removeItem('kituo.draft');
            } catch {
              // A document without storage (about:blank) has no draft either.
            }
          });
        }
        await page.addInitScript((firstVisit) => {
          try {
            if (!firstVisit) localStorage.setItem('kituo.startSeen', '1');
            else if (sessionStorage.getItem('kituo.test.firstVisit') === null) {
              // Once per tab: a reload of this page is a second visit.
              sessionStorage.setItem('kituo.test.firstVisit', '1');
              localStorage.removeItem('kituo.startSeen');
            }
          } catch {
            // A document without storage (about:blank) shows no start screen anyway.
          }
        }, options.startScreen === true);
        return page;
      },
      async close() {
        await ctx.close().catch(() => undefined);
        await new Promise<void>((done) => srv.httpServer.close(() => done()));
        rmSync(outDir, { recursive: true, force: true });
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    if (server) await new Promise<void>((done) => server!.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Console errors and uncaught exceptions seen by a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Opens the app and waits until its test hooks are installed and the scene has drawn a frame. */
export async function openApp(page: Page, url: string, query = ''): Promise<void> {
  await page.goto(url + query);
  await page.waitForFunction(() => window.__kituo?.ready === true && window.__kituo.framesDrawn() > 0, undefined, { timeout: 30_000 });
}

/**
 * Waits until the scene has drawn `count` more frames than it had when called: a condition, not
 * a fixed sleep, so a busy machine (software rendering, other test workers) only makes it slower.
 */
export async function waitForFramesDrawn(page: Page, count = 1): Promise<void> {
  const start = await page.evaluate(() => window.__kituo!.framesDrawn());
  await page.waitForFunction((target) => window.__kituo!.framesDrawn() >= target, start + count, { timeout: 30_000 });
}

/** Pixel statistics of a PNG, decoded by the browser itself (no image library needed in Node). */
export async function pixelStats(page: Page, png: Buffer): Promise<{ distinctColours: number; stdDev: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let sum = 0;
    let sumSq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const grey = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += grey;
      sumSq += grey * grey;
      if (colours.size < 5000) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    const mean = sum / n;
    return { distinctColours: colours.size, stdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
  }, png.toString('base64'));
}

/**
 * Moves a what-if slider (a CSS selector) as a user does: the figure follows the drag, and the run
 * changes when it is let go (its `change` event), at the simulated time it is let go.
 */
export async function slide(page: Page, selector: string, value: number): Promise<void> {
  await page.locator(selector).evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
