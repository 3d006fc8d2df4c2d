/**
 * What the page holds between frames: the scenario catalogue and selection, the running session
 * (voice model and back-office adapter on one clock), and the what-if settings pending and applied.
 */
import type { CatalogEntry } from '../app/scenario-catalog';
import type { VoiceSession } from '../app/voice-session';
import type { BackOfficeAdapter } from '../app/backoffice-source';
import type { WhatIfSettings } from '../app/what-if';
import type { Scenario } from '../model/scenario-schema';
import type { ScenarioProblem } from '../model/parse-scenario';

export interface AppState {
  entries: CatalogEntry[];
  selected: number;
  scenario: Scenario | null;
  problems: readonly ScenarioProblem[] | null;
  session: VoiceSession | null;
  backOffice: BackOfficeAdapter | null;
  whatIf: WhatIfSettings | null;
  appliedWhatIf: WhatIfSettings | null;
  seed: number;
  appliedSeed: number;
}
