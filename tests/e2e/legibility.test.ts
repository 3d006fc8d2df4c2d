/**
 * Legible from the back of a room (issue 12, item 6), measured in the built page, not by eye: at
 * 1280×720 and 1920×1080, in English and Kiswahili, no visible text under 14 CSS px (controls
 * included), no label cut or ellipsised, charts big enough to read, scene labels of 14 px and
 * callers at least half an agent's height; the floor keeps its size while playing; at 150%
 * browser zoom nothing is cut and no labels overlap. And the first minute (item 7): the page
 * shows the scenario's description and opens at a moment with something to watch.
 *
 * Screenshots go to screenshots/legibility-*.png for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openApp, waitForFramesDrawn } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { openingTimeSec } from '../../src/app/opening-time';
import { SPEEDS } from '../../src/app/display-clock';
import { MIN_TEXT_PX, emulateZoom, measurePage, overlappingSceneTexts } from './legibility-probe';

/**
 * A chart's plot area (inside its axes) at 1280×720: wide and tall enough to read a curve from the
 * back of a room. The width is what the side column leaves beside two axes of 14 px labels.
 */
const MIN_CHART = { width: 260, height: 120 };
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = ['en', 'sw'] as const;

const harness = useHarness();

async function openAt(width: number, height: number, language: 'en' | 'sw', query = ''): Promise<Page> {
  const page = await harness.newPage({ width, height });
  await openApp(page, harness.url, query);
  await page.evaluate((lang) => window.__kituo!.setLanguage(lang), language);
  await waitForFramesDrawn(page, 2);
  return page;
}

const report = (label: string, value: unknown) => console.log(`[legibility] ${label}: ${JSON.stringify(value)}`);

describe.each(SIZES)('the page at $width×$height', ({ width, height }) => {
  it.each(LANGUAGES)('in %s has no small, cut or overlapping text and readable charts', async (language) => {
    const page = await openAt(width, height, language);
    await page.screenshot({ path: join(SHOTS, `legibility-${width}x${height}-${language}.png`) });
    const measured = await measurePage(page);
    report(`${width}x${height} ${language}`, { small: measured.small.length, cut: measured.cut, overlapping: measured.overlapping.length, charts: measured.charts, texts: measured.visibleTexts });
    expect(measured.small).toEqual([]);
    expect(measured.cut).toEqual([]);
    expect(measured.overlapping).toEqual([]);
    expect(measured.charts.length).toBeGreaterThan(0);
    const scale = width / 1280;
    for (const chart of measured.charts) {
      expect(chart.width, chart.id).toBeGreaterThanOrEqual(MIN_CHART.width * scale);
      expect(chart.height, chart.id).toBeGreaterThanOrEqual(MIN_CHART.height);
    }
    await page.close();
  }, 60_000);

  it('draws scene labels of at least 14 px, apart, and callers at least half an agent tall', async () => {
    const page = await openAt(width, height, 'sw');
    // Mid-morning: callers in the lane, a backlog on the shelves (its label gains the sheet scale).
    await page.evaluate(() => window.__kituo!.advance(10 * 3600 - window.__kituo!.status().nowSec));
    await waitForFramesDrawn(page, 1);
    const scene = await page.evaluate(() => window.__kituo!.sceneLegibility());
    const small = scene.texts.filter((t) => t.px < MIN_TEXT_PX).map((t) => `${t.text.slice(0, 30)} (${t.px.toFixed(1)} px)`);
    report(`scene ${width}x${height}`, { small, callerPx: scene.callerPx, agentPx: scene.agentPx, overlapping: overlappingSceneTexts(scene.texts) });
    const canvas = await page.evaluate(() => document.querySelector('#scene canvas')!.getBoundingClientRect().toJSON() as DOMRect);
    const outside = scene.texts.filter((t) => t.x < 0 || t.y < 0 || t.x + t.width > canvas.width + 0.5 || t.y + t.height > canvas.height + 0.5).map((t) => `${t.text} at ${Math.round(t.x)},${Math.round(t.y)} ${Math.round(t.width)}×${Math.round(t.height)}`);
    expect(small).toEqual([]);
    expect(outside, `scene labels outside the ${canvas.width}×${canvas.height} canvas`).toEqual([]);
    expect(overlappingSceneTexts(scene.texts)).toEqual([]);
    expect(scene.agentPx).toBeGreaterThan(0);
    expect(scene.callerPx).toBeGreaterThanOrEqual(scene.agentPx / 2);
    await page.close();
  }, 60_000);
});

describe('the page at 150% browser zoom (a 1280×720 window lays out in an 853×480 CSS viewport, emulated at device scale 1)', () => {
  it.each(LANGUAGES)('in %s cuts no label and overlaps no text, on the page or in the scene', async (language) => {
    const page = await harness.newPage();
    await emulateZoom(page, 1280, 720, 1.5);
    await openApp(page, harness.url);
    await page.evaluate((lang) => window.__kituo!.setLanguage(lang), language);
    await waitForFramesDrawn(page, 2);
    await page.screenshot({ path: join(SHOTS, `legibility-zoom150-${language}.png`) });
    const measured = await measurePage(page);
    const scene = await page.evaluate(() => window.__kituo!.sceneLegibility());
    report(`zoom 150% ${language}`, { cut: measured.cut, overlapping: measured.overlapping, scene: overlappingSceneTexts(scene.texts) });
    expect(measured.cut).toEqual([]);
    expect(measured.overlapping).toEqual([]);
    expect(overlappingSceneTexts(scene.texts)).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the first minute', () => {
  it('opens the bare address at the opening time, with the scenario description shown as text', async () => {
    const page = await openAt(1280, 720, 'en');
    const { scenario: file, nowSec } = await page.evaluate(() => window.__kituo!.status());
    const parsed = parseScenarioText(readFileSync(join(ROOT, 'scenarios', file!), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const opening = openingTimeSec(parsed.scenario);
    expect(opening).toBeGreaterThan(0);
    expect(nowSec).toBe(opening);
    expect(await page.locator('#scenario-about').isVisible()).toBe(true);
    expect(await page.locator('#scenario-about-text').textContent()).toBe(parsed.scenario.description);
    // Playing takes the card down: the floor is what the room watches then.
    await page.locator('#play').click();
    expect(await page.locator('#scenario-about').isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it('shows a description with markup in it as the literal text, never as HTML', async () => {
    const page = await openAt(1280, 720, 'en');
    const text = readFileSync(join(ROOT, 'scenarios', 'inbound-basic.json'), 'utf8');
    const marked = JSON.stringify({ ...JSON.parse(text), description: 'Two <b>bold</b> <img src=x onerror=alert(1)> words' });
    const loaded = await page.evaluate((source) => window.__kituo!.loadScenarioText(source, 'marked.json'), marked);
    expect(loaded.ok).toBe(true);
    const about = page.locator('#scenario-about-text');
    expect(await about.textContent()).toBe('Two <b>bold</b> <img src=x onerror=alert(1)> words');
    expect(await about.evaluate((el) => el.children.length)).toBe(0);
    await page.close();
  }, 60_000);
});

describe('while playing', () => {
  it('keeps the floor, the wallboards and the side column the same size through a day at high speed', async () => {
    const page = await openAt(1280, 720, 'sw');
    const boxes = () =>
      page.evaluate(() =>
        ['#scene', '.wallboards', '.side', '.panel.legend'].map((selector) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return `${selector} ${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}`;
        }),
      );
    const seen = new Set<string>(await boxes());
    await page.evaluate(() => window.__kituo!.setSpeed(600));
    await page.evaluate(() => window.__kituo!.play());
    for (let i = 0; i < 48; i++) {
      // Half-hour steps drawn by the page: the wallboard's figures change width as the day goes on.
      await page.evaluate(() => window.__kituo!.advanceRendered(1800, 600));
      for (const box of await boxes()) seen.add(box);
    }
    report('boxes over a day', [...seen]);
    expect([...seen]).toHaveLength(4);
    await page.close();
  }, 120_000);
});

describe('the queue', () => {
  it('reads at a glance at every speed: each waiting caller drawn, or a count of 18 px or more', async () => {
    const page = await openAt(1280, 720, 'en');
    // Into the morning peak, when callers wait.
    await page.evaluate(() => window.__kituo!.advance(10 * 3600 - window.__kituo!.status().nowSec));
    const readings: unknown[] = [];
    for (const speed of SPEEDS) {
      // On to the next moment a caller waits, drawn at this speed.
      const waiting = await page.evaluate((s) => {
        window.__kituo!.setSpeed(s);
        for (let i = 0; i < 180; i++) {
          window.__kituo!.advance(20);
          if (window.__kituo!.status().waiting > 0) break;
        }
        return window.__kituo!.status().waiting;
      }, speed);
      const [lane] = (await page.evaluate(() => window.__kituo!.sceneLegibility())).lanes;
      readings.push({ speed, waiting, ...lane });
      expect(waiting, `callers wait in the morning (speed ${speed})`).toBeGreaterThan(0);
      if (lane.count !== null) {
        expect(lane.count).toBe(String(waiting));
        expect(lane.countPx).toBeGreaterThanOrEqual(18);
      } else {
        expect(lane.callers).toBe(Math.min(waiting, lane.capacity));
        if (waiting > lane.capacity) {
          expect(lane.more).toBe(`+${waiting - lane.capacity}`);
          expect(lane.morePx).toBeGreaterThanOrEqual(MIN_TEXT_PX);
        }
      }
    }
    report('queue at every speed', readings);
    await page.close();
  }, 60_000);
});
