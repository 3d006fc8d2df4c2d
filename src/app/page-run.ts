/**
 * One run as the page shows it: a Site (both worlds on one clock, wired once, as in batch runs),
 * the voice session that advances it and keeps the wallboard's books, and the back-office adapter
 * that turns the back office's state into the room's snapshot.
 */
import type { Scenario } from '../model/scenario-schema';
import { Site } from '../model/site/site';
import { VoiceSession } from './voice-session';
import { BackOfficeAdapter } from './backoffice-source';

export interface PageRun {
  readonly site: Site;
  readonly session: VoiceSession;
  /** Null when the scenario has no back office. */
  readonly backOffice: BackOfficeAdapter | null;
}

export function startPageRun(scenario: Scenario, seed: number): PageRun {
  // The Site takes its observers when it is built, the views need the built Site: this observer
  // forwards to views that exist from the line after, before any event can fire.
  const views: { session?: VoiceSession; backOffice?: BackOfficeAdapter } = {};
  const site = new Site(scenario, {
    seed,
    observers: [
      {
        voiceIntervalClosed: (record) => views.session?.recordInterval(record),
        ...(scenario.backOffice
          ? {
              backOfficeEvent: (event) => views.backOffice?.onEvent(event),
              backOfficeIntervalClosed: (record) => views.backOffice?.history.push(record),
              backOfficeDayClosed: (record) => views.backOffice?.history.pushDay(record),
            }
          : {}),
      },
    ],
  });
  const backOffice = site.backOffice ? new BackOfficeAdapter(site.backOffice) : null;
  const session = new VoiceSession(site, {
    onBoundary: (boundarySec) => backOffice?.atBoundary(boundarySec),
    onFinish: () => backOffice?.finish(),
  });
  views.session = session;
  if (backOffice) views.backOffice = backOffice;
  return { site, session, backOffice };
}
