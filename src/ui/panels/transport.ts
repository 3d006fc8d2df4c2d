/**
 * The transport in the top bar: play/pause, step, reset, speed, seed, the simulated clock and
 * its status (finished, running behind), and the offer to skip the quiet night to the opening.
 */
import { SPEEDS } from '../../app/display-clock';
import { byId, setText } from '../dom';
import { formatClock, formatDayClock, formatInteger, onLanguageChange, t } from '../i18n/i18n';
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
    setText(clockBox, session ? formatDayClock(session.now) : '—');
    setText(statusBox, !session ? '' : session.isFinished ? t('controls.finished') : clock.behind ? t('controls.behind') : '');
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
    else if (change === 'clock') setText(clockBox, formatDayClock(controller.run!.session.now));
    else if (change === 'scenario') seed.value = String(controller.seed);
    else if (change === 'notice') markSeed();
  });
  onLanguageChange(sync);
  sync();
}
