/**
 * Share links, saved files and the autosaved draft in the built page (headless Chromium): a link
 * opened in a fresh page shows the same figures at the same simulated time as the page that
 * made it; a hostile link is listed as text and the page runs on; a draft comes back after a
 * reload when restored and is gone when discarded; a saved file opens as the same run.
 * Screenshots of the share box and the restore banner, in English and Kiswahili, go to
 * screenshots/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openApp, slide, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';

/** The default scenario's opening time (07:45), where the bare address starts it. */
const OPENING_SEC = 7 * 3600 + 45 * 60;

const DRAFT_KEY = 'kituo.draft';
const harness = useHarness();

const status = (page: Page) => page.evaluate(() => window.__kituo!.status());

/** A page that keeps its draft between loads, starting from none (the tests share one browser profile). */
async function draftPage(query = ''): Promise<Page> {
  const page = await harness.newPage({ keepDraft: true });
  await openApp(page, harness.url, query);
  await page.evaluate((key) => localStorage.removeItem(key), DRAFT_KEY);
  await openApp(page, harness.url, query);
  return page;
}

/** A page opened on the app, without any earlier draft. */
async function appPage(query = ''): Promise<Page> {
  const page = await harness.newPage();
  await openApp(page, harness.url, query);
  return page;
}

/** What the page shows of the run: the model's counters, the clock and both wallboards' text, read afresh. */
async function figures(page: Page) {
  await page.evaluate(() => window.__kituo!.advance(0));
  const { nowSec, events, waiting, callbacksWaiting, clerks, scenario, ok, finished } = await status(page);
  return {
    run: { nowSec, events, waiting, callbacksWaiting, clerks, scenario, ok, finished },
    clock: await page.locator('#clock').textContent(),
    seed: await page.locator('#seed').inputValue(),
    voice: await page.locator('#wallboard-voice').textContent(),
    backOffice: await page.locator('#wallboard-backoffice').textContent(),
  };
}

/** A run off the scenario's defaults: arrivals and back-office arrivals moved, another seed, played to an odd time. */
async function changedRun(page: Page): Promise<void> {
  await page.locator('#tab-whatif').click();
  await slide(page, '#whatif-arrivals', 130);
  await slide(page, '#whatif-bo-arrivals', 80);
  await page.locator('#seed').fill('4711');
  await page.locator('#seed').press('Enter');
  await page.locator('#reset').click();
  await page.evaluate(() => window.__kituo!.advance(9.5 * 3600));
  // Played, not jumped, to a time no hook chose: the link must carry it exactly.
  await page.evaluate(() => window.__kituo!.setSpeed(300));
  await page.locator('#play').click();
  await page.waitForFunction(() => window.__kituo!.status().nowSec > 9.5 * 3600 + 300, undefined, { timeout: 30_000 });
  await page.locator('#play').click();
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('share links', () => {
  it('open in a fresh page as the same run: the same figures at the same simulated time', async () => {
    const maker = await appPage('?scenario=call-center-and-back-office.json');
    const errors = watchErrors(maker);
    await changedRun(maker);
    const made = await figures(maker);
    expect(made.run.nowSec).toBeGreaterThan(9.5 * 3600 + 300);
    expect(made.seed).toBe('4711');

    await maker.locator('#share-link').click();
    const box = maker.locator('#share-box');
    await box.waitFor({ state: 'visible' });
    const url = await maker.locator('#share-url').inputValue();
    expect(url.startsWith(`${harness.url}?scenario=call-center-and-back-office.json#run=1.`)).toBe(true);
    expect(url.length).toBeLessThan(1000);
    // Copied when the browser allows it; otherwise the link is there, selected, to copy by hand.
    expect(await maker.locator('#share-message').textContent()).toMatch(/^(Link copied|Copy this link)/);
    expect(await maker.locator('#share-url').evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe(url.length);
    await maker.screenshot({ path: join(SHOTS, 'share-link-en-1280x720.png') });
    await maker.locator('#language').selectOption('sw');
    expect(await maker.locator('#share-link').textContent()).toBe('Shiriki');
    expect(await maker.locator('#share-message').textContent()).toMatch(/^(Kiungo kimenakiliwa|Nakili kiungo hiki)/);
    await maker.screenshot({ path: join(SHOTS, 'share-link-sw-1280x720.png') });
    await maker.locator('#language').selectOption('en');

    const colleague = await harness.newPage();
    const colleagueErrors = watchErrors(colleague);
    await openApp(colleague, url);
    expect(await figures(colleague)).toEqual(made);
    await colleague.locator('#tab-whatif').click();
    expect(await colleague.locator('#whatif-arrivals').inputValue()).toBe('130');
    // The link is opened: the address is the page's own again.
    expect(await colleague.evaluate(() => location.hash)).toBe('');
    expect(errors).toEqual([]);
    expect(colleagueErrors).toEqual([]);
    await maker.close();
    await colleague.close();
  }, 120_000);

  it('that are hostile (markup, 50 MB, not base64) list their problems as text, and the usual scenario runs', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    const markup = '<img src=x onerror="window.__pwned=1">';
    const hostile = base64url(JSON.stringify({ base: markup, baseHash: '00000000', patch: {}, seed: 1, timeSec: 0 }));
    await openApp(page, `${harness.url}#run=1.${hostile}`);
    const problems = page.locator('#link-problems');
    expect(await problems.isVisible()).toBe(true);
    expect(await problems.textContent()).toContain(`names no scenario shipped with this Kituo (got ${JSON.stringify(markup)})`);
    expect(await page.locator('#link-problems img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // The usual start: the bare address opens the default at its opening time, 07:45.
    expect(await status(page)).toMatchObject({ scenario: 'call-center-and-back-office.json', ok: true, nowSec: OPENING_SEC });
    await page.locator('#link-problems .close').click();
    expect(await problems.isVisible()).toBe(false);

    // Not base64, pasted into the address bar of the open page.
    await page.evaluate(() => (location.hash = '#run=1.<b>not*base64</b>'));
    await page.waitForFunction(() => window.document.querySelector('#link-problems')?.textContent?.includes('is damaged'));
    expect(await page.locator('#link-problems b').count()).toBe(0);
    // Longer than any address a browser keeps (Chromium stops at 2 MB), so through the same function as the address.
    const huge = await page.evaluate(() => window.__kituo!.openLink(`#run=1.${'A'.repeat(50_000_000)}`));
    expect(huge).toBe(false);
    expect(await problems.textContent()).toContain('is 50,000,007 characters long; a Kituo link is at most 8,000');
    // A scenario whose own text is markup opens, and the markup shows as the characters typed.
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'inbound-basic.json'), 'utf8'));
    const document = base64url(JSON.stringify({ document: { ...scenario, name: markup }, seed: 3, timeSec: 60 }));
    await page.evaluate((hash) => (location.hash = hash), `#run=1.${document}`);
    await page.waitForFunction(() => window.__kituo!.status().nowSec === 60);
    expect(await problems.isVisible()).toBe(false);
    expect(await page.locator('#scenario-picker option:checked').textContent()).toBe(`Loaded file: ${markup}`);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // The page keeps working.
    await page.evaluate(() => window.__kituo!.selectScenario('inbound-basic.json'));
    await page.evaluate(() => window.__kituo!.advance(9 * 3600));
    expect(await status(page)).toMatchObject({ ok: true, failed: false, nowSec: 9 * 3600 });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('too long for a link say so and offer the scenario as a file instead', async () => {
    const page = await appPage();
    // The largest shipped scenario, loaded as a file of the user's (so it travels whole), with the longest description allowed.
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'bpo-voice-and-backoffice.json'), 'utf8'));
    const long = { ...scenario, description: 'A long description. '.repeat(200) };
    expect((await page.evaluate((text) => window.__kituo!.loadScenarioText(text, 'long.json'), JSON.stringify(long))).ok).toBe(true);
    await page.locator('#share-link').click();
    const message = page.locator('#share-message');
    await message.waitFor({ state: 'visible' });
    expect(await message.textContent()).toMatch(/^This run would need a link of \d{1,3},\d{3} characters; links stop at 8,000/);
    expect(await page.locator('#share-url').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'share-too-long-en-1280x720.png') });
    await page.locator('#language').selectOption('sw');
    expect(await message.textContent()).toContain('viungo vinaishia herufi 8,000');
    await page.screenshot({ path: join(SHOTS, 'share-too-long-sw-1280x720.png') });
    await page.locator('#language').selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#share-save').click()]);
    expect(download.suggestedFilename()).toBe('long.json');
    await page.close();
  });
});

describe('saved files', () => {
  it('download the run as a scenario file that Open loads back as the same run', async () => {
    const page = await appPage('?scenario=call-center-and-back-office.json');
    const errors = watchErrors(page);
    await changedRun(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
    expect(download.suggestedFilename()).toBe('call-center-and-back-office.json');
    const text = readFileSync(await download.path(), 'utf8');
    const saved = JSON.parse(text);
    expect(Object.keys(saved).slice(0, 2)).toEqual(['$schema', 'formatVersion']);
    expect(saved).toMatchObject({ formatVersion: 1, seed: 4711 });
    const made = await figures(page);

    const other = await harness.newPage();
    await openApp(other, harness.url);
    await other.locator('#scenario-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await other.waitForFunction(() => window.__kituo!.status().scenario === 'custom:call-center-and-back-office.json');
    await other.evaluate((to) => window.__kituo!.advance(to), made.run.nowSec);
    expect(await figures(other)).toEqual({ ...made, run: { ...made.run, scenario: 'custom:call-center-and-back-office.json' } });

    // A file from a newer Kituo is refused, saying so.
    await other.locator('#scenario-file').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...saved, formatVersion: 2 })) });
    await other.locator('#problem-list').waitFor({ state: 'visible' });
    expect(await other.locator('#problem-list').textContent()).toContain('formatVersion: is 2, but this Kituo reads scenario format versions up to 1');
    expect(errors).toEqual([]);
    await page.close();
    await other.close();
  }, 120_000);
});

describe('the autosaved draft', () => {
  it('is offered after a reload, left alone until answered, restored on Restore and gone on Discard', async () => {
    const page = await draftPage('?scenario=inbound-basic.json');
    const errors = watchErrors(page);
    await page.locator('#seed').fill('777');
    await page.locator('#seed').press('Enter');
    await page.locator('#reset').click();
    await page.evaluate(() => window.__kituo!.advance(3 * 3600));
    await page.locator('#step-minute').click();
    const draft = () => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
    expect(JSON.parse((await draft())!)).toMatchObject({ run: { base: 'inbound-basic.json', seed: 777, timeSec: 3 * 3600 + 60 } });

    // Reloaded without the query: the page opens the default, and offers the draft.
    await openApp(page, harness.url);
    const kept = await draft();
    const banner = page.locator('#draft-banner');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain('seed 777. Restore it?');
    await page.screenshot({ path: join(SHOTS, 'restore-banner-en-1280x720.png') });
    await page.locator('#language').selectOption('sw');
    expect(await page.locator('#draft-restore').textContent()).toBe('Rejesha');
    expect(await banner.textContent()).toContain('mbegu 777. Uirejeshe?');
    await page.screenshot({ path: join(SHOTS, 'restore-banner-sw-1280x720.png') });
    await page.locator('#language').selectOption('en');
    // The page changed (another language, a step): the draft waits, untouched, for an answer.
    await page.locator('#step-minute').click();
    expect(await draft()).toBe(kept);

    await page.locator('#draft-restore').click();
    expect(await banner.isVisible()).toBe(false);
    expect(await status(page)).toMatchObject({ scenario: 'inbound-basic.json', nowSec: 3 * 3600 + 60 });
    expect(await page.locator('#seed').inputValue()).toBe('777');

    // A restored draft is kept (autosave carries on from it); Discard removes it.
    await openApp(page, harness.url);
    await page.locator('#draft-discard').click();
    expect(await draft()).toBeNull();
    await openApp(page, harness.url);
    expect(await banner.isVisible()).toBe(false);
    expect(await status(page)).toMatchObject({ scenario: 'call-center-and-back-office.json', nowSec: OPENING_SEC });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('that cannot be read offers its text as a download, shown as text', async () => {
    const page = await draftPage();
    const damaged = '{"draftVersion": 1, "savedAtMs": 0, "run": {"base": "<b>gone</b>", "baseHash": "00000000", "patch": {}, "seed": 1, "timeSec": 0}}';
    // Planted before the next load's scripts run (the page going away saves its own draft first), once.
    await page.addInitScript(
      ([key, text]) => {
        if (sessionStorage.getItem('planted') !== null) return;
        sessionStorage.setItem('planted', 'yes');
        localStorage.setItem(key, text);
      },
      [DRAFT_KEY, damaged],
    );
    await openApp(page, harness.url);
    const banner = page.locator('#draft-banner');
    expect(await banner.textContent()).toContain('cannot be restored');
    expect(await banner.textContent()).toContain('"<b>gone</b>"');
    expect(await page.locator('#draft-banner b').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#draft-download').click()]);
    expect(readFileSync(await download.path(), 'utf8')).toBe(damaged);
    await page.locator('#draft-discard').click();
    expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();
    await page.close();
  });
});
