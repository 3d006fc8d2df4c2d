/**
 * The scenario editor in the built page (headless Chromium, 1280×720): a trainer opens it on the
 * default scenario, drags an arrival bar up, changes a group's agents, sees both in the JSON tab,
 * undoes and redoes (buttons and keys, across the tabs), types an invalid value and reads its
 * problem with its path beside the field, runs the scenario and sees it play with the new
 * figures, reloads and gets the editor back from the draft; starts from a template; a hostile
 * name shows as text. Every section is measured for legibility in English and Kiswahili, and
 * screenshots go to /tmp/shots-editor/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { emulateZoom, measurePage } from './legibility-probe';

const SECTIONS = ['general', 'queues', 'groups', 'backOffice', 'costs'] as const;
/** The default scenario's support queue at 10:00–10:30 (interval 20 of 48). */
const BAR = 20;
const CURVE = 'queues[0].arrivals.callsPerInterval';
const harness = useHarness();

const editorState = (page: Page) => page.evaluate(() => window.__kituo!.editor());
const editedScenario = async (page: Page) => JSON.parse((await editorState(page)).text!);
const field = (page: Page, path: string) => page.locator(`#editor [data-path="${path}"]`).first();
const problemsBy = (page: Page, path: string) => page.locator(`#editor [data-problem-for="${path}"]`);

/** A page on the app with its draft kept between loads, starting with none. */
async function draftPage(): Promise<Page> {
  const page = await harness.newPage({ keepDraft: true });
  await openApp(page, harness.url);
  await page.evaluate(() => localStorage.removeItem('kituo.draft'));
  await openApp(page, harness.url);
  return page;
}

async function openEditor(page: Page): Promise<void> {
  await page.locator('#tab-whatif').click();
  await page.locator('#whatif-edit').click();
  await page.locator('#editor').waitFor({ state: 'visible' });
}

/** Drags the arrival bar `index` of the chart shown from its foot to near the top of the plot, with the mouse. */
async function dragBarUp(page: Page, index: number): Promise<void> {
  const bar = await page.locator(`#editor .ed-curve rect[data-index="${index}"]`).boundingBox();
  const plot = await page.locator('#editor .ed-curve').first().boundingBox();
  const x = bar!.x + bar!.width / 2;
  await page.mouse.move(x, plot!.y + plot!.height - 2);
  await page.mouse.down();
  for (const share of [0.6, 0.3, 0.1]) await page.mouse.move(x, plot!.y + plot!.height * share);
  await page.mouse.up();
}

async function legibility(page: Page, where: string) {
  const measured = await measurePage(page);
  return { where, small: measured.small, cut: measured.cut, overlapping: measured.overlapping };
}

describe('the scenario editor', () => {
  it('edits the curve and a group, undoes and redoes across tabs, shows problems by their fields, runs, and comes back after a reload', async () => {
    const page = await draftPage();
    const errors = watchErrors(page);
    await openEditor(page);
    expect((await editorState(page)).open).toBe(true);
    const original = await editedScenario(page);
    const before = original.queues[0].arrivals.callsPerInterval[BAR];

    await page.locator('#editor-nav-queues').click();
    await dragBarUp(page, BAR);
    const dragged = (await editedScenario(page)).queues[0].arrivals.callsPerInterval;
    expect(dragged[BAR]).toBeGreaterThan(before);
    expect(dragged.filter((v: number, i: number) => v !== original.queues[0].arrivals.callsPerInterval[i])).toHaveLength(1);
    expect(await page.locator('#editor .ed-readout').textContent()).toContain('10:00–10:30');
    // The whole drag is one step: one undo takes the bar back to where it was.
    await page.locator('#editor-undo').click();
    expect((await editedScenario(page)).queues[0].arrivals.callsPerInterval[BAR]).toBe(before);
    await page.locator('#editor-redo').click();
    expect((await editedScenario(page)).queues[0].arrivals.callsPerInterval[BAR]).toBe(dragged[BAR]);

    await page.locator('#editor-nav-groups').click();
    await field(page, 'agentGroups[0].agents').fill('30');
    // The shifts must carry the group's agents: the problem shows by the shift, with its path, until they do.
    await expect.poll(() => problemsBy(page, 'agentGroups[0].shifts').textContent()).toContain('agentGroups[0].shifts: agents of the shifts must add up');
    await field(page, 'agentGroups[0].shifts[0].agents').fill('30');
    await expect.poll(() => problemsBy(page, 'agentGroups[0].shifts').textContent()).toBe('');
    expect((await editorState(page)).problems).toEqual([]);

    await page.locator('#editor-tab-json').click();
    const json = await page.locator('#editor-json').inputValue();
    expect(json).toContain('"agents": 30');
    expect(JSON.parse(json).queues[0].arrivals.callsPerInterval[BAR]).toBe(dragged[BAR]);
    await page.screenshot({ path: `${SHOTS}/editor-json-en-1280x720.png` });

    // Undo and redo by the keys, in the JSON tab, then back in the form.
    await page.locator('#editor-json').focus();
    await page.keyboard.press('Control+z');
    expect((await editedScenario(page)).agentGroups[0].shifts[0].agents).toBe(22);
    expect(await page.locator('#editor-json').inputValue()).toBe((await editorState(page)).text);
    await page.keyboard.press('Control+z');
    expect((await editedScenario(page)).agentGroups[0].agents).toBe(22);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+y');
    expect((await editedScenario(page)).agentGroups[0]).toMatchObject({ agents: 30, shifts: [{ agents: 30 }] });
    await page.locator('#editor-tab-form').click();
    expect(await field(page, 'agentGroups[0].agents').inputValue()).toBe('30');

    // An invalid value: its problem, with its JSON path, next to the field; nothing can run.
    await field(page, 'agentGroups[0].agents').fill('-5');
    await expect.poll(() => problemsBy(page, 'agentGroups[0].agents').textContent()).toContain('agentGroups[0].agents: must be >= 0 (got -5)');
    expect(await page.locator('#editor-run').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/editor-problem-en-1280x720.png` });
    await page.keyboard.press('Control+z');
    expect(await field(page, 'agentGroups[0].agents').inputValue()).toBe('30');
    expect(await page.locator('#editor-run').isDisabled()).toBe(false);

    // Run: the page plays the edited scenario, remembering the shipped file it came from.
    await page.locator('#editor-run').click();
    await page.locator('#editor').waitFor({ state: 'hidden' });
    const status = await page.evaluate(() => window.__kituo!.status());
    expect(status).toMatchObject({ scenario: 'custom:call-center-and-back-office.json', ok: true, playing: true });
    await page.waitForFunction(() => window.__kituo!.status().nowSec > 0);
    expect(await page.locator('#whatif-agents-support-team').inputValue()).toBe('30');
    expect(await page.evaluate(() => window.__kituo!.editor().text)).toBeNull();
    // The run remembers its shipped file: a share link carries the difference, not the whole scenario.
    await page.locator('#share-link').click();
    const link = await page.locator('#share-url').inputValue();
    const carried = JSON.parse(Buffer.from(link.slice(link.indexOf('#run=1.') + '#run=1.'.length), 'base64url').toString('utf8'));
    expect(carried).toMatchObject({ base: 'call-center-and-back-office.json' });
    expect(carried).not.toHaveProperty('document');
    expect(link.length).toBeLessThan(1500);
    await page.locator('#share-box button.close').click();

    // Work in the editor, even invalid, survives a reload: restoring brings the editor back with it.
    await page.evaluate(() => window.__kituo!.pause());
    await openEditor(page);
    await page.locator('#editor-nav-general').click();
    await field(page, 'name').fill('');
    const unsaved = (await editorState(page)).text;
    await expect.poll(() => problemsBy(page, 'name').textContent()).toContain('name: must not be empty');
    await page.reload();
    await page.waitForFunction(() => window.__kituo?.ready === true);
    await page.locator('#draft-restore').click();
    await page.locator('#editor').waitFor({ state: 'visible' });
    expect((await editorState(page)).text).toBe(unsaved);
    expect(await page.evaluate(() => window.__kituo!.status().scenario)).toBe('custom:call-center-and-back-office.json');
    await page.locator('#editor-nav-general').click();
    expect(await problemsBy(page, 'name').textContent()).toContain('name: must not be empty');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('adjusts a bar with the arrow keys and moves and stretches a shift on the timeline, in whole reporting intervals', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    await openEditor(page);
    await page.locator('#editor-nav-queues').click();
    const before = (await editedScenario(page)).queues[0].arrivals.callsPerInterval;
    const events = (await page.evaluate(() => window.__kituo!.status())).events;
    await page.locator('#editor .ed-curve rect[data-index="0"]').focus();
    for (let i = 0; i < BAR; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    expect((await editedScenario(page)).queues[0].arrivals.callsPerInterval[BAR]).toBe(before[BAR] + 11);
    // The arrows stayed in the chart: the page's own → (next event) did not run the model.
    expect((await page.evaluate(() => window.__kituo!.status())).events).toBe(events);

    await page.locator('#editor-nav-groups').click();
    const bar = (await page.locator('#editor .ed-timeline .ed-shift rect').first().boundingBox())!;
    const plot = (await page.locator('#editor .ed-timeline').first().boundingBox())!;
    const perHour = plot.width / 24;
    const y = bar.y + bar.height / 2;
    // Grab the middle and drag two hours and a bit right: the shift moves two hours (30-minute steps).
    await page.mouse.move(bar.x + bar.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2 + perHour, y);
    await page.mouse.move(bar.x + bar.width / 2 + perHour * 2.1, y);
    await page.mouse.up();
    expect((await editedScenario(page)).agentGroups[0].shifts[0]).toMatchObject({ start: '10:00', end: '19:00' });
    expect(await field(page, 'agentGroups[0].shifts[0].start').inputValue()).toBe('10:00');
    await page.locator('#editor-undo').click();
    expect((await editedScenario(page)).agentGroups[0].shifts[0]).toMatchObject({ start: '08:00', end: '17:00' });
    // Grab the right end and drag it an hour left: the shift ends at 16:00.
    await page.mouse.move(bar.x + bar.width - 2, y);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width - 2 - perHour, y);
    await page.mouse.up();
    expect((await editedScenario(page)).agentGroups[0].shifts[0]).toMatchObject({ start: '08:00', end: '16:00' });
    await page.locator('#editor .ed-timeline .ed-shift').first().focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowRight');
    expect((await editedScenario(page)).agentGroups[0].shifts[0]).toMatchObject({ start: '07:30', end: '16:00' });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps no draft for an editor merely opened and closed', async () => {
    const page = await draftPage();
    await openEditor(page);
    await page.locator('#editor-close').click();
    await page.reload();
    await page.waitForFunction(() => window.__kituo?.ready === true);
    expect(await page.locator('#draft-banner').isVisible()).toBe(false);
    await page.close();
  }, 120_000);

  it('starts from a template and runs it', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    await openEditor(page);
    await page.locator('#editor-template').selectOption('outbound');
    const scenario = await editedScenario(page);
    expect(scenario.campaigns.length).toBeGreaterThan(0);
    // Loading a template is one step: undo returns to the scenario on the page.
    expect((await editorState(page)).canUndo).toBe(true);
    await page.locator('#editor-run').click();
    await page.locator('#editor').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.__kituo!.status())).toMatchObject({ scenario: 'custom:telemarketing-predictive.json', ok: true, dialerModes: ['predictive'] });
    await page.evaluate(() => window.__kituo!.pause());
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a hostile name as text, and a text too large to be a scenario with a clear message', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    await openEditor(page);
    const hostile = '<img src=x onerror="window.__pwned=1">Help';
    await page.locator('#editor-tab-json').click();
    const text = JSON.parse(await page.locator('#editor-json').inputValue());
    text.queues[0].name = hostile;
    await page.locator('#editor-json').fill(JSON.stringify(text, null, 2));
    await page.locator('#editor-tab-form').click();
    await page.locator('#editor-nav-queues').click();
    expect(await page.locator('#editor .ed-entry h4').first().textContent()).toBe(hostile);
    expect(await page.locator('#editor img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.locator('#editor-tab-json').click();
    await page.locator('#editor-json').evaluate((area: HTMLTextAreaElement) => {
      area.value = `{"name": "${'x'.repeat(11_000_000)}"}`;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.locator('#editor-summary').textContent()).toContain('(whole file): is 11 MB long; a scenario may be at most 10 MB');
    expect(await page.locator('#editor-run').isDisabled()).toBe(true);
    // The oversized text is not an undo step: undo goes back to the hostile name's edit.
    expect((await editorState(page)).text!.length).toBeLessThan(100_000);
    expect(errors).toEqual([]);
    // The 11 MB text would slow the next tests' pages down.
    await page.close();
  }, 180_000);

  it('is legible in English and Kiswahili on every section and the JSON tab, at 1280×720 and at 150% zoom', async () => {
    const page = await harness.newPage();
    await openApp(page, harness.url);
    await openEditor(page);
    const findings = [];
    for (const zoom of [1, 1.5]) {
      await emulateZoom(page, 1280, 720, zoom);
      for (const language of ['en', 'sw'] as const) {
        await page.locator('#language').selectOption(language);
        await page.locator('#editor-tab-form').click();
        const shot = zoom === 1 ? '1280x720' : '150pc';
        for (const section of SECTIONS) {
          await page.locator(`#editor-nav-${section}`).click();
          findings.push(await legibility(page, `${language} ${section} ×${zoom}`));
          await page.screenshot({ path: `${SHOTS}/editor-${section}-${language}-${shot}.png` });
        }
        await page.locator('#editor-tab-json').click();
        findings.push(await legibility(page, `${language} json ×${zoom}`));
        await page.screenshot({ path: `${SHOTS}/editor-json-${language}-${shot}.png` });
      }
    }
    expect(findings.filter((f) => f.small.length + f.cut.length + f.overlapping.length > 0)).toEqual([]);
    expect(await page.locator('#editor-run').textContent()).toBe('Endesha hali hii');
    await page.close();
  }, 180_000);
});
