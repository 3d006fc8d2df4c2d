/**
 * Every lesson played in the built page from the list to the reveal, in English and Kiswahili:
 * the question comes before the run, the locked what-if knobs are disabled, the run plays once
 * the room has answered and stops by itself at the lesson's stop time, and the reveal shows the
 * very figures the lesson check measures for the page's seed, with the rule and the prompts in
 * the page's language. Screenshots of reveals at 1280×720 go to screenshots/ for a person to
 * look at. Time is moved on with the test hooks, not waited for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from './browser-harness';
import { SHOTS, useHarness } from './use-harness';
import { LESSON_FILES, loadLesson } from '../lessons/shipped-lessons';
import { checkLesson } from '../../src/runner/lesson-check';
import { momentSec } from '../../src/model/lesson/lesson-schema';

/** Lessons whose reveal is photographed in each language. */
const PHOTOGRAPHED = ['power-of-one', 'person-waits-document-waits', 'backlog-edf-vs-fifo', 'predictive-dialing-cap'];
/** The what-if controls (by element id prefix) that each knob locks. */
const KNOB_CONTROLS: Record<string, string> = {
  agentsByGroup: 'whatif-agents-',
  arrivalPercent: 'whatif-arrivals',
  ahtPercent: 'whatif-aht',
  patiencePercent: 'whatif-patience',
  clerksByTeam: 'whatif-clerks-',
  backOfficeArrivalPercent: 'whatif-bo-arrivals',
  dialerByCampaign: 'whatif-mode-',
};

const harness = useHarness();

/**
 * The page's figure is the one Node computes for the same seed, up to the last bits: Chromium's
 * and Node's V8 may round Math.log or Math.exp differently in the last place (seen: an ASA of
 * 3286.1453678584635 s in Node, …464 in Chromium). Another seed or run differs in the first digits.
 */
function sameNumber(page: number | null, node: number | null): boolean {
  if (page === null || node === null) return page === node;
  return Math.abs(page - node) <= 1e-12 * Math.max(1, Math.abs(node));
}

const hooks = <T>(page: Page, read: () => T) => page.evaluate(read);
const lessonNow = (page: Page) => page.evaluate(() => window.__kituo!.lesson());
const status = (page: Page) => page.evaluate(() => window.__kituo!.status());
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** Each what-if control of the page, disabled or not, by element id. */
async function controls(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('#whatif input, #whatif select')].map((input) => [input.id, input.disabled])));
}

for (const language of ['en', 'sw'] as const) {
  describe(`every lesson from the list to the reveal, in ${language === 'en' ? 'English' : 'Kiswahili'}`, () => {
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      page = await harness.newPage({ width: 1280, height: 720 });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await openApp(page, harness.url);
      await page.evaluate((lang) => window.__kituo!.setLanguage(lang), language);
      await page.click('#tab-lessons');
    }, 60_000);

    afterAll(async () => {
      await page?.close();
    });

    it('lists every lesson by its title in the page’s language', async () => {
      expect(await hooks(page, () => window.__kituo!.lessons())).toEqual(LESSON_FILES.map((f) => f.replace(/\.json$/, '')));
      const titles = LESSON_FILES.map((file) => loadLesson(file).lesson.title[language]);
      const shown = await texts(page, '.lesson-choose');
      expect(shown.map((text) => text.replace(/^\d+/, ''))).toEqual(titles);
    });

    for (const file of LESSON_FILES) {
      const { lesson, configurations } = loadLesson(file);
      it(`${lesson.id}: asks before it runs, stops by itself at ${lesson.stopAt.time} and reveals what the lesson check measures`, async () => {
        // Whatever an earlier lesson left open, start from the list.
        if (await page.locator('.lesson-back').count()) await page.click('.lesson-back');
        await page.click(`.lesson-choose[data-lesson="${lesson.id}"]`);
        // The question, before anything runs: the run waits at the lesson's start, paused.
        expect(await lessonNow(page)).toMatchObject({ id: lesson.id, phase: 'predict', configuration: configurations[0].configuration.id, reveal: null });
        const before = await status(page);
        expect(before).toMatchObject({ scenario: lesson.scenario, playing: false, nowSec: momentSec(lesson.startAt), speed: lesson.speed });
        expect(await page.locator('.lesson-goal').textContent()).toContain(lesson.goal[language]);
        expect(await page.locator('.lesson-question-text').textContent()).toBe(lesson.prediction.question[language]);
        expect(await page.locator('.lesson-lock').isDisabled()).toBe(true);
        // The locked knobs are disabled in the what-if panel, the others are not.
        const shownControls = await controls(page);
        for (const [knob, prefix] of Object.entries(KNOB_CONTROLS)) {
          const ids = Object.keys(shownControls).filter((id) => id.startsWith(prefix));
          if (lesson.lockedKnobs.includes(knob as never)) for (const id of ids) expect({ id, disabled: shownControls[id] }).toEqual({ id, disabled: true });
        }
        if (!lesson.lockedKnobs.includes('arrivalPercent') && 'whatif-arrivals' in shownControls) expect(shownControls['whatif-arrivals']).toBe(false);

        // The room answers: the run plays.
        await page.locator('.lesson-choice').first().click();
        await page.click('.lesson-lock');
        expect(await lessonNow(page)).toMatchObject({ phase: 'play' });
        expect((await status(page)).playing).toBe(true);
        expect(await page.locator('.lesson-playing').textContent()).toContain(configurations[0].configuration.label[language]);

        // Fast-forward far beyond the stop: the run stops at it by itself, and the reveal shows.
        await page.evaluate(() => window.__kituo!.advance(30 * 86400));
        await page.waitForFunction(() => window.__kituo!.lesson()?.phase === 'reveal', undefined, { timeout: 60_000 });
        const after = await status(page);
        expect(after).toMatchObject({ playing: false, nowSec: momentSec(lesson.stopAt) });
        const shown = (await lessonNow(page))!;
        const outcome = checkLesson(lesson, configurations, shown.reveal!.seed);
        expect(shown.reveal!.seed).toBe(loadLesson(file).seed);
        expect(shown.reveal!.figures.map((f) => f.id)).toEqual(outcome.figures.map((f) => f.id));
        const compared = outcome.figures.map((figure, i) => ({ id: figure.id, node: figure.value, page: shown.reveal!.figures[i].value }));
        expect(compared.filter((figure) => !sameNumber(figure.page, figure.node))).toEqual([]);
        expect(shown.reveal!.holds).toBe(true);

        // Every figure is a row with its label in the page's language and a value; the rule and prompts follow.
        const rows = await texts(page, '.lesson-figures tbody th');
        expect(rows).toEqual(lesson.reveal.figures.map((f) => f.label[language]));
        const values = await texts(page, '.lesson-figures tbody td');
        expect(values.every((value) => value.trim().length > 0)).toBe(true);
        expect(await page.locator('.lesson-rule p').textContent()).toBe(lesson.rule[language]);
        expect(await texts(page, '.lesson-discussion li')).toEqual(lesson.discussion.map((d) => d[language]));
        expect(await page.locator('.lesson-play').count()).toBe(lesson.configurations.length);
        if (PHOTOGRAPHED.includes(lesson.id)) await page.screenshot({ path: join(SHOTS, `lesson-${lesson.id}-${language}-1280x720.png`) });

        await page.click('.lesson-back');
        expect(await lessonNow(page)).toBeNull();
        expect(await page.locator('.lesson-choose').count()).toBe(LESSON_FILES.length);
      }, 120_000);
    }

    it('no errors were logged', () => {
      expect(errors).toEqual([]);
    });
  });
}

describe('after the reveal', () => {
  it('plays the other configuration to the same stop, switches language in place and prints only the handout', async () => {
    const page = await harness.newPage({ width: 1280, height: 720 });
    await openApp(page, harness.url);
    await page.evaluate(() => window.__kituo!.setLanguage('en'));
    await page.click('#tab-lessons');
    await page.click('.lesson-choose[data-lesson="power-of-one"]');
    await page.locator('.lesson-choice').last().click();
    await page.click('.lesson-lock');
    await page.evaluate(() => window.__kituo!.advance(86400));
    await page.waitForFunction(() => window.__kituo!.lesson()?.phase === 'reveal');
    const { lesson } = loadLesson('power-of-one.json');
    expect(await page.locator('.lesson-verdict').textContent()).toContain('Right');
    // The wallboard shows the Nairobi line the figures measure, not both lines summed.
    expect(await page.locator('#wb-queue').inputValue()).toBe('0');

    // The other configuration: 9 agents, loaded at the start and playing; the what-if panel shows 9, locked.
    await page.click('.lesson-play[data-configuration="nine"]');
    expect(await lessonNow(page)).toMatchObject({ phase: 'play', configuration: 'nine' });
    expect(await status(page)).toMatchObject({ playing: true, nowSec: expect.any(Number) });
    const agents = page.locator('#whatif-agents-nairobi-team');
    expect(await agents.inputValue()).toBe('9');
    expect(await agents.isDisabled()).toBe(true);
    await page.evaluate(() => window.__kituo!.advance(86400));
    await page.waitForFunction(() => window.__kituo!.lesson()?.phase === 'reveal');
    expect(await page.locator('.lesson-figures tr.on-floor th').first().textContent()).toBe(lesson.reveal.figures.find((f) => f.configuration === 'nine')!.label.en);

    // Kiswahili, in place: the reveal's texts follow.
    await page.evaluate(() => window.__kituo!.setLanguage('sw'));
    expect(await page.locator('.lesson-rule p').textContent()).toBe(lesson.rule.sw);
    expect(await page.locator('.lesson-title').textContent()).toBe(lesson.title.sw);
    await page.screenshot({ path: join(SHOTS, 'lesson-power-of-one-nine-sw-1280x720.png') });

    // Print: the handout alone, with the goal, question, rule and prompts.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      handout: getComputedStyle(document.getElementById('lesson-handout')!).display,
      main: getComputedStyle(document.querySelector('main')!).display,
      text: document.getElementById('lesson-handout')!.textContent,
    }));
    expect(printed.handout).toBe('block');
    expect(printed.main).toBe('none');
    for (const text of [lesson.goal.sw, lesson.prediction.question.sw, lesson.rule.sw, ...lesson.discussion.map((d) => d.sw)]) expect(printed.text).toContain(text);
    await page.screenshot({ path: join(SHOTS, 'lesson-handout-print-sw.png') });
    await page.close();
  }, 120_000);
});
