/**
 * What the page's views draw from a Site: both rooms' snapshots (site-snapshot.ts), filled in
 * place by pure reads of the two models plus the feeds of what moved, kept from the models'
 * events. Render and ui import only the snapshot types, so the models may recycle their objects
 * and could run in a worker behind the page.
 */
import type { VoiceModel } from '../voice/voice-model';
import type { BackOfficeModel } from '../backoffice/backoffice-model';
import type { VoiceSnapshot } from '../voice/voice-snapshot';
import type { BackOfficeSnapshot } from '../backoffice/backoffice-snapshot';
import type { SiteSnapshot, SiteSnapshotSource } from './site-snapshot';
import type { DomainEvent } from '../voice/domain-events';
import type { BackOfficeEvent } from '../backoffice/backoffice-events';
import { VoiceViewBuilder } from './voice-view';
import { BackOfficeViewBuilder } from '../backoffice/backoffice-view';

export class SiteViews implements SiteSnapshotSource {
  private readonly voiceView: VoiceViewBuilder;
  private readonly backOfficeView: BackOfficeViewBuilder | null;
  private readonly snap: { voice: VoiceSnapshot; backOffice: BackOfficeSnapshot | null };

  constructor(
    private readonly voice: VoiceModel,
    backOffice: BackOfficeModel | null,
  ) {
    this.voiceView = new VoiceViewBuilder(voice);
    this.backOfficeView = backOffice ? new BackOfficeViewBuilder(backOffice) : null;
    this.snap = { voice: this.voiceView.snapshot(), backOffice: null };
  }

  /** Both rooms now, in the same objects every call. */
  snapshot(): SiteSnapshot {
    this.snap.voice = this.voiceView.snapshot();
    this.snap.backOffice = this.backOfficeView ? this.backOfficeView.snapshot(this.voice.now) : null;
    return this.snap;
  }

  /** The clock stands exactly at midnight: the back office's "done today" counts from here. */
  startDay(): void {
    this.backOfficeView?.startDay();
  }

  voiceEvent(event: DomainEvent): void {
    this.voiceView.onEvent(event);
  }

  backOfficeEvent(event: BackOfficeEvent): void {
    this.backOfficeView?.onEvent(event);
  }
}
