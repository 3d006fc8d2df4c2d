/**
 * The first minute (issue 12 item 7) and scenario names in both languages (issue 13 item 6), in
 * the built page: a first visit to the bare address opens on the start screen, in English and
 * Kiswahili, legible at 1280×720 and at 150% zoom; each choice does what it says; the brand
 * opens it again, Esc and Close close it; a reload, a `?scenario=` link and a `#` run link skip
 * it. A Kiswahili page shows no English scenario, queue, group, campaign, work-type or team name,
 * for every shipped scenario. Screenshots go to /tmp/shots-start/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openApp, waitForFramesDrawn, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { emulateZoom, measurePage } from './legibility-probe';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { openingTimeSec } from '../../src/app/opening-time';
import { displayNames } from '../../src/model/scenario/display-names';
import { NAMED_KINDS } from '../../src/model/scenario/translations-schema';
import type { Scenario } from '../../src/model/scenario/scenario-schema';

const LANGUAGES = ['en', 'sw'] as const;
const harness = useHarness();

function shipped(file: string): Scenario {
  const result = parseScenarioText(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not validate`);
  return result.scenario;
}

/** A first visit to the bare address (or to `query`), in `language`. */
async function firstVisit(language: 'en' | 'sw' = 'en', query = '', size = { width: 1280, height: 720 }): Promise<Page> {
  const page = await harness.newPage({ ...size, startScreen: true });
  await page.addInitScript((lang) => localStorage.setItem('kituo.language', lang), language);
  await openApp(page, harness.url, query);
  return page;
}

const screenOpen = (page: Page) => page.evaluate(() => (document.getElementById('start-screen') as HTMLDialogElement | null)?.open === true);
const status = (page: Page) => page.evaluate(() => window.__kituo!.status());

async function expectLegible(page: Page, label: string): Promise<void> {
  const measured = await measurePage(page);
  console.log(`[start] ${label}: ${JSON.stringify({ small: measured.small.length, cut: measured.cut, overlapping: measured.overlapping.length, texts: measured.visibleTexts })}`);
  expect(measured.small, label).toEqual([]);
  expect(measured.cut, label).toEqual([]);
  expect(measured.overlapping, label).toEqual([]);
}

describe('the start screen', () => {
  it.each(LANGUAGES)('opens on a first visit to the bare address in %s, legible at 1280×720 and zoomed to 150 percent', async (language) => {
    const page = await firstVisit(language);
    const errors = watchErrors(page);
    expect(await screenOpen(page)).toBe(true);
    const titles = await page.locator('.start-tile-title').allTextContents();
    expect(titles).toEqual(
      language === 'en'
        ? ['Play a scenario', 'Run a lesson', 'The power of one', 'Run a round with teams', 'Plan staffing', 'Edit a scenario']
        : ['Cheza hali ya majaribio', 'Endesha somo', 'Nguvu ya mtu mmoja', 'Endesha duru ya timu', 'Panga wafanyakazi', 'Hariri hali'],
    );
    expect(await page.locator('#start-title').textContent()).toBe(language === 'en' ? 'Welcome to Kituo' : 'Karibu Kituo');
    // Focus is in the screen, on its first choice, so the keyboard can start at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start-play');
    // Under it, the page already runs the default scenario at the moment its day gets going.
    expect((await status(page)).nowSec).toBe(openingTimeSec(shipped('call-center-and-back-office.json')));
    await page.screenshot({ path: join(SHOTS, `start-choices-${language}-1280x720.png`) });
    await expectLegible(page, `choices ${language} 1280x720`);

    await page.locator('#start-play').click();
    await page.locator('.start-scenario').first().waitFor();
    await page.screenshot({ path: join(SHOTS, `start-scenarios-${language}-1280x720.png`) });
    await expectLegible(page, `scenarios ${language} 1280x720`);

    await emulateZoom(page, 1280, 720, 1.5);
    await waitForFramesDrawn(page, 1);
    await page.screenshot({ path: join(SHOTS, `start-scenarios-${language}-zoom150.png`) });
    await expectLegible(page, `scenarios ${language} zoom 150%`);
    await page.locator('#start-back').click();
    await page.screenshot({ path: join(SHOTS, `start-choices-${language}-zoom150.png`) });
    await expectLegible(page, `choices ${language} zoom 150%`);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it.each(LANGUAGES)('lists every scenario by its %s name, the contrast scenario first as the place to start, and opens one at its opening time', async (language) => {
    const page = await firstVisit(language);
    await page.locator('#start-play').click();
    const files = await page.locator('.start-scenario').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.file));
    const shippedFiles = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect([...files].sort()).toEqual([...shippedFiles].sort());
    expect(files[0]).toBe('contrast-same-staff.json');
    const contrast = displayNames(shipped('contrast-same-staff.json'), language);
    const first = page.locator('.start-scenario').first();
    expect(await first.textContent()).toBe(contrast.name + (language === 'en' ? 'Start here' : 'Anza hapa'));
    expect(await page.locator('.start-here').count()).toBe(1);
    // The focused scenario's description is beside the list.
    expect(await page.locator('#start-about-title').textContent()).toBe(contrast.name);
    expect(await page.locator('#start-about-text').textContent()).toBe(contrast.description);
    const other = displayNames(shipped('two-help-lines.json'), language);
    await page.locator('.start-scenario[data-file="two-help-lines.json"]').focus();
    expect(await page.locator('#start-about-text').textContent()).toBe(other.description);

    await first.click();
    expect(await screenOpen(page)).toBe(false);
    const shown = await status(page);
    expect(shown.scenario).toBe('contrast-same-staff.json');
    expect(shown.nowSec).toBe(openingTimeSec(shipped('contrast-same-staff.json')));
    expect(shown.nowSec).toBeGreaterThan(0);
    // The scenario's description card is up, in the page's language.
    expect(await page.locator('#scenario-about-title').textContent()).toBe(contrast.name);
    expect(await page.locator('#scenario-about-text').textContent()).toBe(contrast.description);
    await page.screenshot({ path: join(SHOTS, `start-opened-contrast-${language}-1280x720.png`) });
    await page.close();
  }, 120_000);

  it('opens the Lessons tab for "Run a lesson" and the Plan tab for "Plan staffing"', async () => {
    const page = await firstVisit();
    await page.locator('#start-lessons').click();
    expect(await screenOpen(page)).toBe(false);
    expect(await page.locator('#tab-lessons').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-lessons').isVisible()).toBe(true);
    await page.locator('#brand').click();
    expect(await screenOpen(page)).toBe(true);
    await page.locator('#start-plan').click();
    expect(await screenOpen(page)).toBe(false);
    expect(await page.locator('#tab-plan').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-plan').isVisible()).toBe(true);
    await page.close();
  }, 120_000);

  it('opens twin floors for "The power of one", the facilitator\'s round for "Run a round with teams" and the editor for "Edit a scenario"', async () => {
    const page = await firstVisit();
    await page.locator('#start-twin').click();
    expect(await screenOpen(page)).toBe(false);
    expect((await page.evaluate(() => window.__kituo!.twin.state()))?.kind).toBe('powerOfOne');
    await page.locator('#brand').click();
    await page.locator('#start-round').click();
    expect(await screenOpen(page)).toBe(false);
    expect((await page.evaluate(() => window.__kituo!.round())).open).toBe(true);
    await page.locator('#brand').click();
    await page.locator('#start-editor').click();
    expect(await screenOpen(page)).toBe(false);
    expect((await page.evaluate(() => window.__kituo!.editor())).open).toBe(true);
    await page.close();
  }, 120_000);

  it('opens again from the brand; Esc and Close close it and give the focus back to the brand', async () => {
    const page = await harness.newPage();
    await openApp(page, harness.url);
    expect(await screenOpen(page)).toBe(false);
    await page.locator('#brand').focus();
    await page.keyboard.press('Enter');
    expect(await screenOpen(page)).toBe(true);
    // The page's shortcuts do not reach the run behind the screen.
    const before = await status(page);
    for (const key of ['r', 'ArrowRight', 'Shift+ArrowRight', '+']) await page.keyboard.press(key);
    const after = await status(page);
    expect([after.nowSec, after.events, after.speed]).toEqual([before.nowSec, before.events, before.speed]);
    await page.keyboard.press('Escape');
    expect(await screenOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('brand');
    await page.locator('#brand').click();
    await page.locator('#start-close').click();
    expect(await screenOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('brand');
    await page.close();
  }, 120_000);

  it('is not shown again after a reload', async () => {
    const page = await firstVisit();
    expect(await screenOpen(page)).toBe(true);
    await page.reload();
    await page.waitForFunction(() => window.__kituo?.ready === true);
    expect(await screenOpen(page)).toBe(false);
    await page.close();
  }, 120_000);

  it('is skipped by a ?scenario= link and by a # run link', async () => {
    const named = await firstVisit('en', '?scenario=inbound-basic.json');
    expect(await screenOpen(named)).toBe(false);
    expect((await status(named)).scenario).toBe('inbound-basic.json');
    await named.close();

    const maker = await harness.newPage();
    await openApp(maker, harness.url, '?scenario=two-help-lines.json');
    await maker.evaluate(() => window.__kituo!.advance(9 * 3600));
    await maker.locator('#share-link').click();
    const url = await maker.locator('#share-url').inputValue();
    await maker.close();
    const linked = await firstVisit('en', url.slice(url.indexOf('#')));
    expect(await screenOpen(linked)).toBe(false);
    const shown = await status(linked);
    expect(shown.scenario).toBe('two-help-lines.json');
    expect(shown.nowSec).toBe(9 * 3600);
    await linked.close();
  }, 120_000);
});

describe('scenario descriptions', () => {
  it.each(LANGUAGES)('are shown, in %s, for every shipped scenario chosen', async (language) => {
    const page = await harness.newPage();
    await page.addInitScript((lang) => localStorage.setItem('kituo.language', lang), language);
    await openApp(page, harness.url);
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    for (const file of files) {
      await page.evaluate((f) => window.__kituo!.selectScenario(f), file);
      const names = displayNames(shipped(file), language);
      expect(await page.locator('#scenario-about').isVisible(), file).toBe(true);
      expect(await page.locator('#scenario-about-title').textContent(), file).toBe(names.name);
      expect(await page.locator('#scenario-about-text').textContent(), file).toBe(names.description);
    }
    await page.close();
  }, 120_000);
});

describe('scenario names in Kiswahili', () => {
  it('leave no English scenario, queue, group, campaign, work-type or team name on a Kiswahili page, for every shipped scenario', async () => {
    const page = await harness.newPage();
    await page.addInitScript(() => localStorage.setItem('kituo.language', 'sw'));
    await openApp(page, harness.url);
    const errors = watchErrors(page);
    await page.locator('#tab-whatif').click();
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    const leaks: string[] = [];
    let checked = 0;
    for (const file of files) {
      const scenario = shipped(file);
      const english = displayNames(scenario, 'en');
      const kiswahili = displayNames(scenario, 'sw');
      await page.evaluate((f) => window.__kituo!.selectScenario(f), file);
      await waitForFramesDrawn(page, 1);
      // What a viewer can read: the page's visible text (the picker's options included) and the scene's labels.
      const shown = await page.evaluate(() => {
        const options = [...document.querySelectorAll('select')].flatMap((s) => [...s.options].map((o) => o.text));
        const scene = window.__kituo!.sceneLegibility().texts.map((t) => t.text);
        return [document.body.innerText, ...options, ...scene].join('\n');
      });
      const names = [english.name, ...NAMED_KINDS.flatMap((kind) => [...english[kind].entries()].filter(([id, name]) => kiswahili[kind].get(id) !== name).map(([, name]) => name))];
      for (const name of names) {
        checked++;
        if (shown.includes(name)) leaks.push(`${file}: "${name}"`);
      }
      // The Kiswahili names are what is shown instead.
      expect(shown, file).toContain(kiswahili.name);
      for (const queue of kiswahili.queues.values()) expect(shown, `${file} queue`).toContain(queue);
      for (const group of kiswahili.agentGroups.values()) expect(shown, `${file} group`).toContain(group);
      if (file === 'contrast-same-staff.json') await page.screenshot({ path: join(SHOTS, 'names-sw-contrast-1280x720.png') });
      if (file === 'bpo-voice-and-backoffice.json') await page.screenshot({ path: join(SHOTS, 'names-sw-bpo-1280x720.png') });
    }
    console.log(`[start] Kiswahili names: ${files.length} scenarios, ${checked} English names looked for, ${leaks.length} shown`);
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
