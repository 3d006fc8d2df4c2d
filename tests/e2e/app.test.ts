/**
 * The built app in headless Chromium (Debian's, through playwright-core): it loads without
 * console errors, draws a canvas that is not blank, plays, runs every scenario, switches
 * language, lists a bad scenario's problems, and keeps its heap flat over 30 simulated days.
 * Screenshots of both rooms go to screenshots/ (gitignored) for a person to look at.
 *
 * No timing assertions: the machine is shared and renders in software.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, openApp, pixelStats, slide, waitForFramesDrawn, watchErrors } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';

const harness = useHarness();

const status = (page: Page) => page.evaluate(() => window.__kituo!.status());

describe('the app in a browser', () => {
  it('loads with no console errors and draws a canvas that is not blank', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    // A frame drawn after the hooks were installed (and after any resize that follows the load).
    await waitForFramesDrawn(page, 2);
    const canvas = page.locator('#scene canvas');
    expect(await canvas.count()).toBe(1);
    const stats = await pixelStats(page, await canvas.screenshot());
    expect(stats.distinctColours).toBeGreaterThan(50);
    expect(stats.stdDev).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to skip the quiet night to the opening time, and runs the model exactly there', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    const skip = page.locator('#skip-opening');
    expect(await skip.isVisible()).toBe(true);
    expect(await skip.textContent()).toContain('07:45');
    await skip.click();
    expect((await status(page)).nowSec).toBe(7 * 3600 + 45 * 60);
    expect(await page.locator('#clock').textContent()).toContain('07:45');
    expect(await skip.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays: the clock advances and the wallboard changes', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=inbound-basic.json');
    // Start at 09:00, when calls are coming in.
    await page.evaluate(() => window.__kituo!.advance(9 * 3600));
    const clockBefore = await page.locator('#clock').textContent();
    const offeredBefore = await page.locator('#kpi-waiting + .sub').textContent();
    await page.evaluate(() => window.__kituo!.setSpeed(120));
    await page.locator('#play').click();
    await page.waitForFunction((start) => window.__kituo!.status().nowSec > start + 60, 9 * 3600, { timeout: 30_000 });
    await page.waitForTimeout(400);
    await page.locator('#play').click();
    expect((await status(page)).playing).toBe(false);
    expect(await page.locator('#clock').textContent()).not.toBe(clockBefore);
    expect(await page.locator('#kpi-waiting + .sub').textContent()).not.toBe(offeredBefore);

    // Stepping by keyboard: → fires one event, shift+→ one simulated minute.
    const eventsBefore = (await status(page)).events;
    await page.locator('body').press('ArrowRight');
    expect((await status(page)).events).toBe(eventsBefore + 1);
    const t0 = (await status(page)).nowSec;
    await page.locator('body').press('Shift+ArrowRight');
    expect((await status(page)).nowSec).toBe(Math.floor(t0 / 60) * 60 + 60);
    // Space plays and pauses; + and − change the speed.
    const speed = (await status(page)).speed;
    await page.locator('body').press('+');
    expect((await status(page)).speed).toBeGreaterThan(speed);
    await page.locator('body').press('-');
    expect((await status(page)).speed).toBe(speed);
    await page.locator('body').press('Space');
    expect((await status(page)).playing).toBe(true);
    await page.locator('body').press('Space');
    expect((await status(page)).playing).toBe(false);

    // Inspect: hovering a workstation shows the agent's state and call.
    const point = await page.evaluate(() => window.__kituo!.agentPoint(0));
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const tooltip = page.locator('#tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tooltip.textContent()).toContain('Agent');
    expect(await tooltip.textContent()).toContain('State');
    await page.mouse.move(2, 2);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('respects prefers-reduced-motion and still plays without errors', async () => {
    const page = await harness.newPage({ reducedMotion: true });
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    await page.evaluate(() => {
      window.__kituo!.advance(9 * 3600);
      window.__kituo!.setSpeed(10);
      window.__kituo!.play();
    });
    await page.waitForTimeout(800);
    expect((await status(page)).failed).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every scenario file and runs each for one simulated hour without an error', async () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    const listed = await page.evaluate(() => window.__kituo!.scenarios());
    expect([...listed].sort()).toEqual([...files].sort());
    for (const file of files) {
      await page.evaluate((f) => window.__kituo!.selectScenario(f), file);
      const before = await status(page);
      expect(before.ok, `${file} should validate`).toBe(true);
      await page.evaluate(() => window.__kituo!.advance(3600));
      const after = await status(page);
      expect(after.nowSec, file).toBe(3600);
      expect(after.failed, file).toBe(false);
      expect(await page.locator('#problems').isHidden(), file).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('switches language at any time, changes the visible labels and remembers the choice', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=inbound-basic.json');
    await page.evaluate(() => window.__kituo!.advance(10 * 3600));
    const title = page.locator('#voice-title');
    const waitingLabel = page.locator('#wallboard-voice .tile .label').first();
    expect(await title.textContent()).toContain('Call center');
    expect(await page.locator('#play').textContent()).toBe('Play');
    await page.locator('#language').selectOption('sw');
    expect(await title.textContent()).toBe('Kituo cha simu');
    expect(await waitingLabel.textContent()).toBe('Simu zinazosubiri sasa');
    expect(await page.locator('#play').textContent()).toBe('Cheza');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sw');
    await page.screenshot({ path: join(SHOTS, 'kiswahili-1280x720.png') });
    await page.reload();
    await page.waitForFunction(() => window.__kituo?.ready === true && window.__kituo.framesDrawn() > 0);
    expect(await page.locator('#voice-title').textContent()).toBe('Kituo cha simu');
    await page.locator('#language').selectOption('en');
    expect(await page.locator('#voice-title').textContent()).toContain('Call center');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an invalid scenario’s problems as a list instead of a blank page', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    const bad = { name: 'Broken <b>on purpose</b>', days: -1, reportIntervalMin: 7, serviceLevel: { thresholdSec: 20 }, queues: [], agentGroups: [] };
    const result = await page.evaluate((text) => window.__kituo!.loadScenarioText(text, 'broken.json'), JSON.stringify(bad));
    expect(result.ok).toBe(false);
    const items = page.locator('#problem-list li');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    const text = (await page.locator('#problem-list').textContent()) ?? '';
    expect(text).toContain('days');
    expect(text).toContain('reportIntervalMin');
    expect(await page.locator('#problems').isVisible()).toBe(true);
    expect(await page.locator('#play').isDisabled()).toBe(true);
    // Scenario text is shown as text, never parsed as markup.
    expect(await page.locator('#problems b').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'invalid-scenario.png') });

    const notJson = await page.evaluate(() => window.__kituo!.loadScenarioText('{ not json', 'garbage.json'));
    expect(notJson.ok).toBe(false);
    expect(await page.locator('#problem-list').textContent()).toContain('not valid JSON');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws both rooms at 1280×720 and 1920×1080, resizing without a reload (screenshots)', async () => {
    const page = await harness.newPage({ width: 1280, height: 720 });
    const errors = watchErrors(page);
    const combined = readdirSync(join(ROOT, 'scenarios')).find((f) => {
      if (!f.endsWith('.json') || f === 'schema.json') return false;
      const s = JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
      return s.queues?.length > 0 && s.backOffice;
    });
    await openApp(page, harness.url, combined ? `?scenario=${combined}` : '');
    // A busy morning: the call queue's peak and the back office working through the morning post.
    await page.evaluate(() => window.__kituo!.advance(9 * 3600 + 40 * 60));
    await page.evaluate(() => {
      window.__kituo!.setSpeed(5);
      window.__kituo!.play();
    });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'rooms-1280x720.png') });
    const small = await page.locator('#scene canvas').boundingBox();

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction((width) => document.querySelector('#scene canvas')!.getBoundingClientRect().width > width, small!.width, { timeout: 30_000 });
    await waitForFramesDrawn(page, 2);
    await page.screenshot({ path: join(SHOTS, 'rooms-1920x1080.png') });
    const large = await page.locator('#scene canvas').boundingBox();
    expect(large!.width).toBeGreaterThan(small!.width);
    expect(large!.height).toBeGreaterThan(small!.height);
    const stats = await pixelStats(page, await page.locator('#scene canvas').screenshot());
    expect(stats.stdDev).toBeGreaterThan(10);

    // Top speed: counts instead of tokens.
    await page.evaluate(() => window.__kituo!.setSpeed(3600));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'rooms-top-speed-1920x1080.png') });
    // Night: the back office is dark, its backlog stays.
    await page.evaluate(() => window.__kituo!.pause());
    const now = (await status(page)).nowSec;
    await page.evaluate((s) => window.__kituo!.advance(s), 86400 + 20 * 3600 - now);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'rooms-night-1920x1080.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('fits the side panel without scrolling at 1280×720, on both tabs, for every kind of scenario', async () => {
    const page = await harness.newPage({ width: 1280, height: 720 });
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    const overflow = () =>
      page.evaluate(() => {
        const side = document.querySelector('.side') as HTMLElement;
        return { side: side.scrollHeight - side.clientHeight, page: document.documentElement.scrollHeight - innerHeight };
      });
    for (const file of ['call-center-and-back-office.json', 'backoffice-month-end-payroll.json', 'telemarketing-predictive.json', 'support-multiskill.json']) {
      await page.evaluate((f) => window.__kituo!.selectScenario(f), file);
      await page.evaluate(() => window.__kituo!.advance(10 * 3600));
      await page.locator('#tab-charts').click();
      await page.waitForTimeout(150);
      expect(await overflow(), `${file}, charts`).toEqual({ side: 0, page: 0 });
      await page.locator('#tab-whatif').click();
      await page.waitForTimeout(150);
      expect(await overflow(), `${file}, what-if`).toEqual({ side: 0, page: 0 });
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a cost-so-far tile only when the scenario has costs, priced by the model', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=backoffice-month-end-payroll.json');
    await page.evaluate(() => window.__kituo!.advance(2 * 86400 + 12 * 3600));
    const tile = page.locator('#kpi-bo-cost');
    expect(await tile.isVisible()).toBe(true);
    const text = (await tile.textContent()) ?? '';
    expect(text).toMatch(/\d/);
    expect(text).toMatch(/\$|USD/);
    // Later, more paid hours: the cost so far has grown.
    const amount = (s: string) => Number(s.replace(/[^0-9.]/g, ''));
    await page.evaluate(() => window.__kituo!.advance(86400));
    expect(amount((await tile.textContent()) ?? '')).toBeGreaterThan(amount(text));
    // No costs in the scenario: no cost tile on either wallboard.
    await page.evaluate(() => window.__kituo!.selectScenario('telemarketing-predictive.json'));
    await page.evaluate(() => window.__kituo!.advance(3600));
    expect(await page.locator('#kpi-bo-cost').isVisible()).toBe(false);
    expect(await page.locator('#kpi-cost-voice').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws the outbound chart for a scenario with campaigns, and not without', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=telemarketing-predictive.json');
    await page.evaluate(() => window.__kituo!.advance(13 * 3600));
    expect(await page.locator('#chart-out').isVisible()).toBe(true);
    expect(await page.locator('#chart-out-title').isVisible()).toBe(true);
    expect(await page.locator('#chart-out canvas').count()).toBe(1);
    const legend = (await page.locator('#chart-out').evaluate((e) => e.previousElementSibling?.textContent)) ?? '';
    expect(legend).toContain('Dials per hour');
    expect(legend).toContain('Cap');
    await page.evaluate(() => window.__kituo!.selectScenario('inbound-basic.json'));
    expect(await page.locator('#chart-out').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists callers waiting for their callback apart from the queue lane', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=support-multiskill.json');
    await page.evaluate(() => window.__kituo!.setSpeed(5));
    // Through the morning peak, ten minutes at a time, until some caller has left a number.
    await page.evaluate(() => window.__kituo!.advance(9 * 3600));
    let waiting = 0;
    for (let step = 0; step < 36 && waiting === 0; step++) {
      await page.evaluate(() => window.__kituo!.advance(600));
      waiting = (await status(page)).callbacksWaiting;
    }
    expect(waiting).toBeGreaterThan(0);
    const cards = (await page.evaluate(() => window.__kituo!.sceneStats())).callbackCards;
    expect(cards).toBeGreaterThan(0);
    expect(cards).toBeLessThanOrEqual(waiting);
    await page.screenshot({ path: join(SHOTS, 'callback-list-1280x720.png') });
    // A scenario without callbacks has no list.
    await page.evaluate(() => window.__kituo!.selectScenario('inbound-basic.json'));
    expect((await page.evaluate(() => window.__kituo!.sceneStats())).callbackCards).toBe(-1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('moves items desk → quality check → done, and shows the mail cart and the file drop', async () => {
    const page = await harness.newPage({ width: 1920, height: 1080 });
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    // The morning post (delivery "mail") lands at 08:00 on the mail cart.
    await page.evaluate(() => window.__kituo!.advance(8 * 3600 + 60));
    await page.waitForTimeout(200);
    expect((await page.evaluate(() => window.__kituo!.sceneStats())).batch).toBe('mail');
    await page.evaluate(() => window.__kituo!.advance(2 * 3600));
    await page.evaluate(() => {
      window.__kituo!.setSpeed(30);
      window.__kituo!.play();
    });
    await page.waitForFunction(() => window.__kituo!.sceneStats().sheetsInFlight > 0, undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'items-moving-1920x1080.png') });
    // At top speed: counts and glows, no single sheets.
    await page.evaluate(() => window.__kituo!.setSpeed(3600));
    await page.waitForTimeout(600);
    expect((await page.evaluate(() => window.__kituo!.sceneStats())).sheetsInFlight).toBe(0);
    await page.evaluate(() => window.__kituo!.pause());
    // Month-end payroll: the variable-pay file (delivery "file") lands at 07:00 on day 11.
    await page.evaluate(() => window.__kituo!.selectScenario('backoffice-month-end-payroll.json'));
    await page.evaluate(() => window.__kituo!.advance(10 * 86400 + 7 * 3600 + 5 * 60));
    expect((await page.evaluate(() => window.__kituo!.sceneStats())).batch).toBe('file');
    await page.screenshot({ path: join(SHOTS, 'file-drop-1920x1080.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('applies back-office and dialer what-if changes at once, keeps them as the start on reset, and says so', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    const clerksBefore = (await status(page)).clerks;
    await page.locator('#tab-whatif').click();
    expect(await page.locator('#whatif-when').textContent()).toContain('applies at once');
    expect(await page.locator('#whatif-backoffice .chip').textContent()).toBe('applies now');
    const slider = page.locator('#whatif-backoffice input[type=range]').first();
    await slide(page, `#${await slider.getAttribute('id')}`, clerksBefore + 6);
    await slide(page, '#whatif-bo-arrivals', 150);
    expect(await page.locator('#whatif-pending').isVisible()).toBe(false);
    expect((await status(page)).clerks).toBe(clerksBefore + 6);
    expect(await page.locator('#changes-list').textContent()).toContain('+6 clerks');
    await page.locator('#reset').click();
    expect((await status(page)).clerks).toBe(clerksBefore + 6);
    expect(await page.locator('#whatif-bo-arrivals').inputValue()).toBe('150');
    expect(await page.locator('#changes-list li').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'whatif-1280x720.png') });

    // The dialer: mode and lines per agent (the ratio applies to the predictive dialer only).
    await page.evaluate(() => window.__kituo!.selectScenario('telemarketing-predictive.json'));
    expect((await status(page)).dialerModes).toEqual(['predictive']);
    const ratio = page.locator('input[id^=whatif-ratio-]');
    expect(await ratio.isDisabled()).toBe(false);
    await page.locator('select[id^=whatif-mode-]').selectOption('progressive');
    expect(await ratio.isDisabled()).toBe(true);
    expect((await status(page)).dialerModes).toEqual(['progressive']);
    await page.locator('#reset').click();
    expect((await status(page)).dialerModes).toEqual(['progressive']);
    await page.evaluate(() => window.__kituo!.advance(10 * 3600));
    expect((await status(page)).failed).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps the JS heap within twice its day-1 size over 30 simulated days at top speed', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'inbound-basic.json'), 'utf8'));
    scenario.days = 30;
    scenario.name = 'Inbound, 30 days';
    const loaded = await page.evaluate((text) => window.__kituo!.loadScenarioText(text, 'thirty-days.json'), JSON.stringify(scenario));
    expect(loaded.ok).toBe(true);
    await page.evaluate(() => {
      window.__kituo!.setSpeed(3600);
      window.__kituo!.play();
    });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usage.usedSize;
    };
    // Day 1 through the page's own loop at top speed, then the rest in rendered chunks.
    await page.evaluate(() => window.__kituo!.advanceRendered(86400, 3 * 3600));
    const afterDay1 = await heap();
    await page.evaluate(() => window.__kituo!.advanceRendered(29 * 86400, 6 * 3600));
    const st = await status(page);
    expect(st.finished).toBe(true);
    expect(st.nowSec).toBe(30 * 86400);
    const afterDay30 = await heap();
    console.info(`JS heap after day 1: ${(afterDay1 / 1e6).toFixed(1)} MB, after day 30: ${(afterDay30 / 1e6).toFixed(1)} MB`);
    expect(afterDay30).toBeLessThan(2 * afterDay1);
    expect(errors).toEqual([]);
    await cdp.detach();
    await page.close();
  }, 150_000);

  // ── Issue 9: the page tells the truth and recovers ────────────────────────────────────────


  it('opens the default scenario, whose agents slider (a group with shifts) applies live and resets into a run', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    expect((await status(page)).scenario).toBe('call-center-and-back-office.json');
    await page.locator('#tab-whatif').click();
    await slide(page, '#whatif-agents-support-team', 30);
    expect(await page.locator('#whatif-pending').isVisible()).toBe(false);
    expect(await page.locator('#whatif-refused').isVisible()).toBe(false);
    await page.locator('#reset').click();
    expect(await page.locator('#problems').isVisible()).toBe(false);
    expect(await page.locator('#whatif-pending').isVisible()).toBe(false);
    await page.evaluate(() => window.__kituo!.advance(10 * 3600));
    const after = await status(page);
    expect(after.ok).toBe(true);
    expect(after.failed).toBe(false);
    // 30 agents on the floor at 10:00, the back office still there.
    const agents = await page.locator('#kpi-agents b').allTextContents();
    expect(agents.map(Number).reduce((a, b) => a + b, 0)).toBe(30);
    expect(await page.locator('#kpi-bo-backlog').textContent()).not.toBe('—');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why the run refuses a what-if change, keeps the run going and the control at the run’s value', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    // A group so large that twice its agents passes the schema's limit of 20,000.
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'call-center-and-back-office.json'), 'utf8'));
    scenario.agentGroups[0].agents = 12000;
    scenario.agentGroups[0].shifts[0].agents = 12000;
    expect((await page.evaluate((text) => window.__kituo!.loadScenarioText(text, 'big-floor.json'), JSON.stringify(scenario))).ok).toBe(true);
    await page.locator('#tab-whatif').click();
    await slide(page, '#whatif-agents-support-team', 24000);
    expect(await page.locator('#whatif-refused').textContent()).toContain('Not applied: agents: must be at most 20000');
    expect(await page.locator('#whatif-agents-support-team').inputValue()).toBe('12000');
    expect(await page.locator('#changes-list li').count()).toBe(0);
    expect(await page.locator('#problems').isVisible()).toBe(false);
    // A change the run can take clears the message; Reset runs it from midnight.
    await slide(page, '#whatif-agents-support-team', 12010);
    expect(await page.locator('#whatif-refused').isVisible()).toBe(false);
    await page.locator('#reset').click();
    expect(await page.locator('#problems').isVisible()).toBe(false);
    expect((await status(page)).ok).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('takes the error banner down and runs again once a good scenario is chosen after a run-time error', async () => {
    const page = await harness.newPage();
    await openApp(page, harness.url);
    await page.evaluate(() => window.__kituo!.injectFault('a model failed mid-run'));
    await page.waitForFunction(() => window.__kituo!.status().failed);
    expect(await page.locator('.error-banner').textContent()).toContain('a model failed mid-run');
    await page.evaluate(() => window.__kituo!.selectScenario('inbound-basic.json'));
    expect(await page.locator('.error-banner').count()).toBe(0);
    expect((await status(page)).failed).toBe(false);
    await page.evaluate(() => window.__kituo!.setSpeed(600));
    await page.locator('#play').click();
    await page.waitForFunction(() => window.__kituo!.status().nowSec > 600, undefined, { timeout: 30_000 });
    await page.close();
  });

  it('lists a huge bad file’s problems (the first 10, then a count), empties the file box, and loads the same file again', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url);
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'inbound-basic.json'), 'utf8'));
    scenario.queues = Array.from({ length: 2000 }, () => ({ bad: true }));
    const file = { name: 'many-queues.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) };
    const input = page.locator('#scenario-file');
    await input.setInputFiles(file);
    await page.locator('#problem-list').waitFor({ state: 'visible' });
    expect(await page.locator('#problem-list li').count()).toBe(11);
    expect(await page.locator('#problem-list li').last().textContent()).toMatch(/^… and [\d,]+ more$/);
    expect(await input.inputValue()).toBe('');
    await page.evaluate(() => window.__kituo!.selectScenario('inbound-basic.json'));
    expect(await page.locator('#problems').isVisible()).toBe(false);
    await input.setInputFiles(file);
    await page.locator('#problem-list').waitFor({ state: 'visible' });
    expect((await status(page)).scenario).toBe('custom:many-queues.json');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so when ?scenario= names no bundled file, and refuses an empty seed box instead of making it seed 0', async () => {
    const page = await harness.newPage();
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=no-such-scenario.json');
    expect((await status(page)).scenario).toBe('call-center-and-back-office.json');
    const notice = page.locator('#page-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('no-such-scenario.json');
    await notice.locator('button').click();
    expect(await notice.isVisible()).toBe(false);

    const seed = page.locator('#seed');
    const before = await seed.inputValue();
    await seed.fill('');
    await seed.dispatchEvent('change');
    expect(await seed.inputValue()).toBe(before);
    expect(await seed.getAttribute('aria-invalid')).toBe('true');
    expect(await notice.textContent()).toContain(`kept seed ${before}`);
    // The seed did not change, so nothing is pending.
    expect(await page.locator('#whatif-pending').isVisible()).toBe(false);
    // The notice is about this scenario's seed box: it goes with the scenario.
    await page.evaluate(() => window.__kituo!.selectScenario('inbound-basic.json'));
    expect(await notice.isVisible()).toBe(false);
    expect(await seed.getAttribute('aria-invalid')).toBe('false');
    await seed.fill('');
    await seed.dispatchEvent('change');
    expect(await notice.isVisible()).toBe(true);
    await seed.fill('7');
    await seed.dispatchEvent('change');
    expect(await seed.getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator('#whatif-pending').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows wallboard figures that say what they cover, in full, in both languages at 1280×720 (screenshots)', async () => {
    const page = await harness.newPage({ width: 1280, height: 720 });
    const errors = watchErrors(page);
    await openApp(page, harness.url, '?scenario=call-center-and-back-office.json');
    /** Tile labels and notes that are cut off (an ellipsis or clipped text). */
    const clipped = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.wallboard .tile .label, .wallboard .tile .sub')]
          .filter((e) => e.offsetParent !== null && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
          .map((e) => e.textContent),
      );
    // 20:00: everybody has gone home.
    await page.evaluate(() => window.__kituo!.advance(20 * 3600 + 10 * 60));
    expect(await page.locator('#kpi-occupancy').textContent()).toBe('—');
    expect(await page.locator('#kpi-occupancy + .sub').textContent()).toContain('nobody logged in');
    // The team works shifts: the Erlang prediction follows the schedule, with no note to give.
    expect(await page.locator('#chart-note').textContent()).toBe('');
    expect(await page.locator('#kpi-bo-utilization').evaluate((e) => e.previousElementSibling!.textContent)).toBe('Occupancy today');
    expect(await page.locator('#kpi-bo-backlog + .sub').textContent()).toMatch(/in hand .* with the customer/);
    expect(await clipped()).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'wallboards-evening-1280x720.png') });
    await page.evaluate(() => window.__kituo!.setLanguage('sw'));
    expect(await clipped()).toEqual([]);
    await page.evaluate(() => window.__kituo!.setLanguage('en'));

    // 10:15 in the contrast scenario: the phone team has no shifts, and its board says what that does to "today".
    await page.evaluate(() => window.__kituo!.selectScenario('contrast-same-staff.json'));
    await page.evaluate(() => window.__kituo!.advance(10 * 3600 + 15 * 60));
    expect(await page.locator('#kpi-occupancy + .sub').textContent()).toContain('no shifts, so logged in 24 h');
    expect(await page.locator('#kpi-sl-interval + .sub').textContent()).toBe('calls answered or abandoned since 10:00');
    expect(await clipped()).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'wallboards-contrast-1280x720.png') });
    await page.evaluate(() => window.__kituo!.setLanguage('sw'));
    expect(await clipped()).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'wallboards-contrast-sw-1280x720.png') });
    await page.evaluate(() => window.__kituo!.setLanguage('en'));
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
