/**
 * Both rooms as the page's views see them: the voice snapshot and the back office's, plain data
 * declared by the models (voice-snapshot.ts, backoffice-snapshot.ts). Render and ui import these
 * types and never the models' objects (the dependency-cruiser rules hold them to it).
 */
import type { VoiceSnapshot } from '../voice/voice-snapshot';
import type { BackOfficeSnapshot } from '../backoffice/backoffice-snapshot';

export interface SiteSnapshot {
  readonly voice: VoiceSnapshot;
  /** Null when the scenario has no back office. */
  readonly backOffice: BackOfficeSnapshot | null;
}

/** Where views get their snapshots: a Site's views (site-views.ts) today, a worker's latest message later. */
export interface SiteSnapshotSource {
  snapshot(): SiteSnapshot;
}
