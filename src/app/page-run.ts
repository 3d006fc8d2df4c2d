/**
 * One run as the page shows it: the voice model and the back-office model on one shared clock
 * (a single Simulation that the voice session advances for both), with late back-office items
 * calling the call center and blending agents working in both rooms.
 */
import { Simulation } from '../engine/simulation';
import type { Scenario } from '../model/scenario-schema';
import { VoiceSession } from './voice-session';
import { connectBackOffice, type BackOfficeAdapter } from './backoffice-source';

export interface PageRun {
  readonly session: VoiceSession;
  /** Null when the scenario has no back office. */
  readonly backOffice: BackOfficeAdapter | null;
}

export function startPageRun(scenario: Scenario, seed: number): PageRun {
  let backOffice: BackOfficeAdapter | null = null;
  const session = new VoiceSession(scenario, {
    seed,
    sim: new Simulation(),
    onBoundary: (boundarySec) => backOffice?.atBoundary(boundarySec),
    onFinish: () => backOffice?.finish(),
  });
  backOffice = connectBackOffice(scenario, session.model, seed);
  return { session, backOffice };
}
