/**
 * The transport in the top bar: play/pause, step, reset, speed, seed, the simulated clock and
 * its status (finished, running behind), and the offer to skip the quiet night to the opening.
 * The clock names the day above the time: weekday and date in the page's language, or the
 * weekday and "Day N" when the scenario gives no start date.
 */
import { runDayAt, SPEEDS, type RunDay } from '../../app/display-clock';
import { byId, setText } from '../dom';
import { formatClock, formatInteger, locale, onLanguageChange, t } from '../i18n/i18n';
import type { Scenario } from '../../model/scenario/scenario-schema';
import type { PageChange, PageController } from '../page-controller';

/** The changes after which the buttons, speed and status are drawn again. */
const SYNCED: ReadonlySet<PageChange> = new Set(['run', 'transport', 'problems', 'refresh']);

export function connectTransport(controller: PageController): void {
  const play = byId<HTMLButtonElement>('play');
  const steps = [byId<HTMLButtonElement>('step-event'), byId<HTMLButtonElement>('step-minute')];
  const skip = byId<HTMLButtonElement>('skip-opening');
  const speed = byId<HTMLInputElement>('speed');
  const speedValue = byId<HTMLOutputElement>('speed-value');
  const seed = byId<HTMLInputElement>('seed');
  const clockBox = byId('clock');
  const dayBox = byId('clock-day');
  const statusBox = byId('status');
  const clock = controller.clock;

  const sync = () => {
    const session = controller.run?.session ?? null;
    const canRun = controller.canRun;
    setText(play, clock.playing ? t('controls.pause') : t('controls.play'));
    // The button keeps the width of its wider label (styles.css, #play::after), so the top bar
    // does not re-wrap, and the page jump, when Play turns into Pause.
    play.dataset.other = clock.playing ? t('controls.play') : t('controls.pause');
    play.setAttribute('aria-pressed', String(clock.playing));
    play.disabled = !canRun;
    for (const button of steps) button.disabled = !canRun;
    const canSkip = canRun && session!.now < controller.openingSec;
    skip.hidden = !canSkip;
    if (canSkip) setText(skip, t('controls.skipTo', { time: formatClock(controller.openingSec, false) }));
    speed.value = String(SPEEDS.indexOf(clock.speed));
    setText(speedValue, t('controls.speedValue', { speed: formatInteger(clock.speed) }));
    speed.title = t('controls.speedHint');
    showClock(session ? { scenario: session.scenario, now: session.now } : null);
    clockBox.parentElement!.title = t('controls.clock');
    setText(statusBox, !session ? '' : session.isFinished ? t('controls.finished') : clock.behind ? t('controls.behind') : '');
  };
  const showClock = (run: { scenario: Scenario; now: number } | null) => {
    setText(dayBox, run ? formatRunDay(runDayAt(run.scenario, run.now)) : '');
    setText(clockBox, run ? formatClock(run.now) : '—');
  };
  /** The seed box is marked while the notice says its last entry was refused. */
  const markSeed = () => {
    const refused = controller.notice?.kind === 'seedRefused';
    if (!refused && !seed.hasAttribute('aria-invalid')) return;
    seed.setAttribute('aria-invalid', String(refused));
    seed.classList.toggle('invalid', refused);
  };

  play.addEventListener('click', () => controller.togglePlay());
  steps[0].addEventListener('click', () => controller.step('event'));
  steps[1].addEventListener('click', () => controller.step('minute'));
  skip.addEventListener('click', () => controller.skipToOpening());
  byId('reset').addEventListener('click', () => controller.reset());
  speed.addEventListener('input', () => controller.setSpeed(SPEEDS[Number(speed.value)]));
  seed.addEventListener('change', () => {
    controller.setSeed(seed.value);
    seed.value = String(controller.seed);
  });
  controller.subscribe((change) => {
    if (SYNCED.has(change)) sync();
    else if (change === 'clock') showClock(controller.run!.session);
    else if (change === 'scenario') seed.value = String(controller.seed);
    else if (change === 'notice') markSeed();
  });
  onLanguageChange(sync);
  sync();
}

const dayFormats = new Map<string, { dated: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }>();

/** "Sat 19 Dec" / "Jumamosi, 19 Des", or "Mon · Day 3" / "Jumatatu · Siku 3" without a start date. */
function formatRunDay(day: RunDay): string {
  let formats = dayFormats.get(locale());
  if (!formats) {
    formats = {
      dated: new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
      weekday: new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }),
    };
    dayFormats.set(locale(), formats);
  }
  if (day.isoDate) return formats.dated.format(Date.parse(`${day.isoDate}T00:00:00Z`));
  // 2024-01-01 was a Monday: the weekday's name from a day of that week.
  return t('clock.runDay', { weekday: formats.weekday.format(Date.UTC(2024, 0, 1 + day.weekday)), day: formatInteger(day.dayNumber) });
}
