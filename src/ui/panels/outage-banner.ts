/**
 * A phone outage is seen on the floor: while one is in force (injected, or a scenario event), a
 * banner over the scene says the lines are down and until when.
 */
import { h, setText } from '../dom';
import { formatClock, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';

/** When the phone lines come back, or null while they are up: outages overlap, the lines return when the last ends. */
export function linesDownUntil(changes: readonly { kind: string; atSec: number; minutes?: number }[], nowSec: number): number | null {
  let until: number | null = null;
  for (const change of changes) {
    if (change.kind !== 'outage' || change.minutes === undefined) continue;
    const end = change.atSec + change.minutes * 60;
    if (change.atSec <= nowSec && nowSec < end) until = Math.max(until ?? 0, end);
  }
  return until;
}

export function connectOutageBanner(controller: PageController, host: HTMLElement): void {
  const banner = h('p', { id: 'outage-banner', class: 'outage-banner', role: 'status', hidden: true });
  host.append(banner);
  const render = () => {
    const now = controller.run?.session.now ?? 0;
    const until = linesDownUntil(controller.changes, now);
    banner.hidden = until === null;
    setText(banner, until === null ? '' : t('outage.banner', { time: formatClock(until, false) }));
  };
  controller.subscribe((change) => {
    if (change === 'changes' || change === 'run' || change === 'jump' || change === 'refresh') render();
  });
  onLanguageChange(render);
}
