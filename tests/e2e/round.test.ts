/**
 * A facilitator's round in the built page (issue 12, item 5), in English and Kiswahili at
 * 1280×720: setup (seed, budget, a lock), two teams enter different staffing, the round runs in
 * Web Workers, the leaderboard ranks them, a weight re-ranks them without running again, the
 * debrief shows a chart per team; the round saves to a file, comes back after a reload through
 * the restore offer, and loads from its file (a bad file shows its problems as text); a longer
 * run is cancelled mid-way. Every step passes the legibility probe, also at 150% zoom, and is
 * photographed to /tmp/shots-rounds/. Then a lesson in progress survives a reload (issue 13,
 * item 3).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { emulateZoom, measurePage } from './legibility-probe';

const harness = useHarness();

const round = (page: Page) => page.evaluate(() => window.__kituo!.round());

/** Types a value into a number or text box and commits it, as leaving the box does. */
async function enter(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value);
  await page.locator(selector).dispatchEvent('change');
}

/**
 * Nothing under 14 px, cut or overlapping, at 150% zoom and at 1280×720, the page scrolled to
 * its top (the probe counts text above the window as cut); the round's title in the window, so
 * the probe measured the round and not an empty page (`shown` names another element that need
 * only be on the page). Then a screenshot at 1280×720.
 */
async function checkStep(page: Page, name: string, shown?: string): Promise<void> {
  for (const zoom of [1.5, 1]) {
    await emulateZoom(page, 1280, 720, zoom);
    await page.evaluate(() => {
      document.scrollingElement?.scrollTo(0, 0);
      document.body.scrollTo(0, 0);
    });
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    if (shown) expect(await page.locator(shown).isVisible()).toBe(true);
    else {
      const box = (await page.locator('#round-title').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(Math.floor(720 / zoom));
    }
    const seen = await measurePage(page);
    expect(seen.visibleTexts).toBeGreaterThan(20);
    expect({ step: name, zoom, small: seen.small, cut: seen.cut, overlapping: seen.overlapping }).toEqual({ step: name, zoom, small: [], cut: [], overlapping: [] });
  }
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.each(['en', 'sw'] as const)('a round with two teams (%s)', (language) => {
  const words = {
    en: { open: 'Run a round with teams', over: 'over budget', title: 'A round with teams', bad: 'This file is not a round Kituo can load', cancelled: 'Cancelled after' },
    sw: { open: 'Endesha raundi ya timu', over: 'imezidi bajeti', title: 'Raundi ya timu', bad: 'Faili hii si raundi ambayo Kituo kinaweza kufungua', cancelled: 'Imeghairiwa baada ya' },
  }[language];

  it('runs from setup to debrief, saves, comes back after a reload and loads from its file', async () => {
    const page = await harness.newPage({ keepDraft: true });
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    await page.evaluate(() => localStorage.removeItem('kituo.round'));
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    await page.evaluate((next) => window.__kituo!.setLanguage(next), language);

    // Setup: from the Lessons tab, on the page's scenario.
    await page.locator('#tab-lessons').click();
    expect(await page.locator('#open-round').textContent()).toBe(words.open);
    await checkStep(page, `round-button-${language}`, '#open-round');
    await page.locator('#open-round').click();
    expect(await round(page)).toMatchObject({ open: true, step: 'setup', teams: [] });
    expect(await page.locator('#round-title').textContent()).toBe(words.title);
    await enter(page, '#round-seed', '7');
    await enter(page, '#round-budget', '15000');
    await enter(page, '#round-penalty', '10');
    await page.locator('#round-lock-clerks-claims-team').check();
    // A weight out of bounds is refused with its path, and the round keeps its weight.
    await enter(page, '#round-weight-serviceLevel', '11');
    expect(await page.locator('#round-message').textContent()).toContain('weights.serviceLevel');
    expect((await round(page)).round!.weights.serviceLevel).toBe(4);
    await enter(page, '#round-weight-serviceLevel', '4');
    expect(await page.locator('#round-message').isVisible()).toBe(false);
    expect((await round(page)).round).toMatchObject({ seed: 7, budgetPerDay: 15000, overBudgetPenalty: 10, locked: { clerks: ['claims-team'] } });
    await checkStep(page, `round-setup-${language}`);

    // Teams: two teams, different staffing; the locked clerks show but cannot change.
    await page.locator('#round-to-teams').click();
    await page.locator('#round-add-team').click();
    await page.locator('#round-add-team').click();
    await enter(page, '#round-team-0-name', 'Simba <b>bold</b>');
    await enter(page, '#round-team-1-name', 'Twiga');
    await enter(page, '#round-team-0-knob-0', '18');
    await enter(page, '#round-team-1-knob-0', '26');
    expect(await page.locator('#round-team-0-knob-1').isDisabled()).toBe(true);
    expect(await page.locator('#round-team-1-knob-1').inputValue()).toBe('22');
    expect((await round(page)).teams).toEqual(['Simba <b>bold</b>', 'Twiga']);
    await checkStep(page, `round-teams-${language}`);

    // Run: in workers, with progress, while the floor's clock goes on.
    await page.evaluate(() => window.__kituo!.setSpeed(60));
    await page.evaluate(() => window.__kituo!.play());
    const before = await page.evaluate(() => window.__kituo!.status().nowSec);
    await page.locator('#round-run').click();
    await page.waitForFunction(() => window.__kituo!.round().step === 'leaderboard', undefined, { timeout: 120_000 });
    const ran = await round(page);
    expect(ran).toMatchObject({ running: false, done: 5, total: 5 });
    expect(await page.evaluate(() => window.__kituo!.status().nowSec)).toBeGreaterThan(before);
    await page.evaluate(() => window.__kituo!.pause());

    // Leaderboard: Twiga answers better but is over budget; with the penalty it still leads.
    const [simba, twiga] = ran.round!.results!.teams;
    expect(twiga.serviceLevel!).toBeGreaterThan(simba.serviceLevel!);
    expect(twiga.costPerDay!).toBeGreaterThan(15000);
    expect(simba.costPerDay!).toBeLessThan(15000);
    expect(ran.standings.map((s) => [s.team, s.overBudget])).toEqual([
      ['Twiga', true],
      ['Simba <b>bold</b>', false],
    ]);
    const rows = page.locator('#round-leaderboard tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('th').textContent()).toBe('Twiga');
    expect(await rows.first().textContent()).toContain(words.over);
    // A team's name is text, never markup.
    expect(await rows.nth(1).locator('th').textContent()).toBe('Simba <b>bold</b>');
    expect(await page.locator('#round-leaderboard b').count()).toBe(0);
    await checkStep(page, `round-leaderboard-${language}`);

    // A weight changes the ranking at once, without running again.
    const scoresBefore = ran.standings.map((s) => s.score);
    await enter(page, '#round-weight-cost', '10');
    const reranked = await round(page);
    expect(reranked.standings.map((s) => s.team)).toEqual(['Simba <b>bold</b>', 'Twiga']);
    expect(reranked.standings.map((s) => s.score)).not.toEqual(scoresBefore);
    expect(reranked.round!.results).toEqual(ran.round!.results);
    expect(await rows.first().locator('th').textContent()).toBe('Simba <b>bold</b>');

    // Debrief: one chart per team, same axes.
    await page.locator('#round-to-debrief').click();
    await page.waitForFunction(() => window.__kituo!.round().charts === 2);
    expect(await page.locator('.round-multiple figcaption').allTextContents()).toEqual([expect.stringMatching(/^1\. Simba <b>bold<\/b>/), expect.stringMatching(/^2\. Twiga/)]);
    await checkStep(page, `round-debrief-${language}`);

    // Save the round as a file.
    const download = page.waitForEvent('download');
    await page.locator('#round-save').click();
    const saved = readFileSync(await (await download).path(), 'utf8');
    const file = JSON.parse(saved);
    expect(file).toMatchObject({ formatVersion: 1, seed: 7, budgetPerDay: 15000, teams: [{ name: 'Simba <b>bold</b>' }, { name: 'Twiga' }] });
    expect(file.results.teams).toHaveLength(2);

    // Reload: the restore offer brings the round back at the step it was on.
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    await page.evaluate((next) => window.__kituo!.setLanguage(next), language);
    expect(await round(page)).toMatchObject({ open: false });
    await page.locator('#round-restore-button').click();
    const restored = await round(page);
    expect(restored).toMatchObject({ open: true, step: 'debrief', teams: ['Simba <b>bold</b>', 'Twiga'] });
    expect(restored.round).toEqual(reranked.round);
    await page.waitForFunction(() => window.__kituo!.round().charts === 2);

    // A bad file: its problems as text, the round as it was.
    await page.locator('#round-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, seed: -1, teams: [{ name: '<img src=x>', decisions: {} }] })) });
    await page.waitForFunction(() => window.__kituo!.round().message !== '');
    const message = await page.locator('#round-message').textContent();
    expect(message).toContain(words.bad);
    expect(message).toContain('seed');
    expect(message).toContain('teams[0].decisions');
    expect(await page.locator('#round-message img').count()).toBe(0);
    expect((await round(page)).teams).toEqual(['Simba <b>bold</b>', 'Twiga']);

    // Start afresh, then load the saved file: the round and its leaderboard come back.
    await page.locator('[data-step="setup"]').click();
    await page.locator('#round-source').selectOption('scenario:inbound-basic.json');
    expect((await round(page)).round!.results).toBeUndefined();
    await page.locator('#round-file').setInputFiles({ name: 'kituo-round.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
    await page.waitForFunction(() => window.__kituo!.round().step === 'leaderboard');
    expect((await round(page)).round).toEqual(file);
    expect(await page.locator('#round-leaderboard tbody tr').count()).toBe(2);

    // A longer run is cancelled mid-way: nothing is scored, the page keeps working.
    await page.locator('[data-step="setup"]').click();
    await enter(page, '#round-replications', '50');
    await page.locator('#round-to-teams').click();
    await page.locator('#round-run').click();
    await page.waitForFunction(() => window.__kituo!.round().running);
    expect(await page.locator('#round-progress').isVisible()).toBe(true);
    await page.locator('#round-cancel').click();
    await page.waitForFunction(() => !window.__kituo!.round().running);
    const cancelled = await round(page);
    expect(cancelled.message).toContain(words.cancelled);
    expect(cancelled).toMatchObject({ step: 'teams', total: 50 });
    expect(cancelled.round!.results).toBeUndefined();

    await page.locator('#round-close').click();
    expect(await page.locator('#round').isVisible()).toBe(false);
    expect(await page.locator('#scene canvas').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('a lesson in progress', () => {
  it('comes back after a reload at the same stage with the room’s prediction', async () => {
    const page = await harness.newPage({ keepDraft: true });
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    await page.evaluate(() => {
      localStorage.removeItem('kituo.draft');
      localStorage.removeItem('kituo.round');
    });
    await openApp(page, harness.url);
    await page.evaluate(() => window.__kituo!.setLanguage('en'));
    await page.locator('#tab-lessons').click();
    await page.locator('.lesson-choose[data-lesson="power-of-one"]').click();
    await page.locator('.lesson-choice input[value="8-or-more"]').check();
    await page.locator('.lesson-lock').click();
    await page.evaluate(() => window.__kituo!.pause());
    expect(await page.evaluate(() => window.__kituo!.lesson())).toMatchObject({ id: 'power-of-one', phase: 'play' });

    await openApp(page, harness.url);
    expect(await page.evaluate(() => window.__kituo!.lesson())).toBeNull();
    await page.locator('#draft-restore').click();
    expect(await page.evaluate(() => window.__kituo!.lesson())).toMatchObject({ id: 'power-of-one', phase: 'play', configuration: 'ten', lockedKnobs: expect.arrayContaining(['agentsByGroup']) });
    expect(await page.locator('#tab-lessons').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.lesson-predicted').textContent()).toContain('8 points or more');
    await page.screenshot({ path: join(SHOTS, 'lesson-restored-en.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
