/**
 * One run as the page shows it: a Site (both worlds on one clock, wired once, as in batch runs)
 * with its views' snapshots, the voice session that advances it and keeps the wallboard's books,
 * and the back office's wallboard books.
 *
 * The views read the Site's snapshots only, never the models' objects, so the voice model
 * recycles its finished calls here as in batch runs (the figures are the same either way).
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { Site } from '../model/site/site';
import type { SiteViews } from '../model/site/site-views';
import { DAY_SEC } from '../model/scenario/calendar-schema';
import { VoiceSession } from './voice-session';
import { BackOfficeAdapter } from './backoffice-source';

export interface PageRun {
  readonly site: Site;
  /** Both rooms' snapshots and feeds, for the scene and the tooltip. */
  readonly views: SiteViews;
  readonly session: VoiceSession;
  /** Null when the scenario has no back office. */
  readonly backOffice: BackOfficeAdapter | null;
}

export interface PageRunOptions {
  /** On by default; off only to show, in a test, that recycling changes nothing the page shows. */
  readonly recycleCalls?: boolean;
}

export function startPageRun(scenario: Scenario, seed: number, options: PageRunOptions = {}): PageRun {
  // The Site takes its observers when it is built, the books need the built Site: this observer
  // forwards to books that exist from the line after, before any event can fire.
  const books: { session?: VoiceSession; backOffice?: BackOfficeAdapter } = {};
  const site = new Site(scenario, {
    seed,
    recycleCalls: options.recycleCalls ?? true,
    views: true,
    observers: [
      {
        voiceIntervalClosed: (record) => books.session?.recordInterval(record),
        ...(scenario.backOffice
          ? {
              backOfficeIntervalClosed: (record) => books.backOffice?.history.push(record),
              backOfficeDayClosed: (record) => books.backOffice?.history.pushDay(record),
            }
          : {}),
      },
    ],
  });
  const views = site.views!;
  const backOffice = site.backOffice ? new BackOfficeAdapter(site.backOffice) : null;
  const session = new VoiceSession(site, views, {
    onBoundary: (boundarySec) => {
      backOffice?.atBoundary(boundarySec);
      if (boundarySec % DAY_SEC === 0) views.startDay();
    },
    onFinish: () => backOffice?.finish(),
  });
  books.session = session;
  if (backOffice) books.backOffice = backOffice;
  return { site, views, session, backOffice };
}
