/**
 * The top bar's clock names the day (issue 11, item 6): weekday and date in the page's language
 * for a dated scenario, weekday and "Day N" without a start date; the top bar keeps its rows and
 * nothing in it is small, cut or overlapping, in English and Kiswahili. And the chart's note names
 * what makes an Erlang prediction an approximation (item 7).
 * Screenshots go to screenshots/clock-day-*.png and erlang-approximation-*.png for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, waitForFramesDrawn, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { measurePage } from './legibility-probe';

const harness = useHarness();

async function openIn(language: 'en' | 'sw', scenario: string, size = { width: 1280, height: 720 }): Promise<Page> {
  const page = await harness.newPage(size);
  await openApp(page, harness.url, `?scenario=${scenario}`);
  await page.evaluate((lang) => window.__kituo!.setLanguage(lang), language);
  await waitForFramesDrawn(page, 2);
  return page;
}

/** No small, cut or overlapping text on the page, no console error; then the page is closed. */
async function expectLegibleAndClose(page: Page, errors: string[]): Promise<void> {
  const measured = await measurePage(page);
  expect(measured.small).toEqual([]);
  expect(measured.cut).toEqual([]);
  expect(measured.overlapping).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}

const dayText = (page: Page) => page.locator('#clock-day').textContent();
const topBarHeight = (page: Page) => page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);

describe('the clock’s day', () => {
  it.each([
    ['en', 'Tue 20 Oct'],
    ['sw', 'Jumanne, 20 Okt'],
  ] as const)('in %s names the weekday and date of a dated scenario, and the top bar stays as high and legible', async (language, tuesday) => {
    const undated = await openIn(language, 'inbound-basic.json');
    const undatedHeight = await topBarHeight(undated);
    expect(await dayText(undated)).toBe(language === 'en' ? 'Mon · Day 1' : 'Jumatatu · Siku 1');
    await undated.close();

    const page = await openIn(language, 'week-with-holiday.json');
    const errors = watchErrors(page);
    expect(await dayText(page)).toBe(language === 'en' ? 'Mon 19 Oct' : 'Jumatatu, 19 Okt');
    await page.evaluate(() => window.__kituo!.advance(86_400 + 10 * 3600 - window.__kituo!.status().nowSec));
    await waitForFramesDrawn(page, 1);
    expect(await dayText(page)).toBe(tuesday);
    expect(await page.locator('#clock').textContent()).toBe('10:00:00');
    await page.screenshot({ path: join(SHOTS, `clock-day-${language}.png`) });
    expect(await topBarHeight(page)).toBe(undatedHeight);
    await expectLegibleAndClose(page, errors);
  }, 120_000);
});

describe('the chart’s note on an approximate Erlang prediction', () => {
  it.each([
    ['en', 'Erlang approximation: overflow, retrials, callbacks, hold, spikes.'],
    ['sw', 'Erlang kwa makadirio: kufurika, kupiga tena, kupigiwa tena, kusubirishwa, mawimbi ya simu.'],
  ] as const)('in %s names the reasons, legibly (at 1920×1080: on a 720-line projector the notes give way to the figures)', async (language, note) => {
    const page = await openIn(language, 'order-taking-promotion.json', { width: 1920, height: 1080 });
    const errors = watchErrors(page);
    // The wallboard's queue picker chooses the queue the charts show: the orders line.
    await page.locator('#wb-queue').selectOption('0');
    expect(await page.locator('#chart-note').textContent()).toBe(note);
    await page.screenshot({ path: join(SHOTS, `erlang-approximation-${language}.png`) });
    await expectLegibleAndClose(page, errors);
  }, 120_000);
});
