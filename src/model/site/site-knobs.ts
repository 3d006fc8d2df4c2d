/**
 * The Site's knobs: the one port through which a running site is changed. A change is an
 * Intervention (src/model/events-schema.ts), plain data; the page applies one now with `apply`,
 * and a scenario's `events` are the same objects applied at their times. Both go through
 * `applyNow`, after every event of the calendar at that instant has fired, so a change made live
 * at t and the same change written as an event at t give byte-identical runs: the page exports
 * its run as `scenarioWithEvents(scenario, knobs.applied)` and the CLI reproduces it.
 *
 * The semantics of each kind are in docs/voice-operations.md and docs/back-office.md.
 */
import type { RunResult } from '../../engine/simulation';
import { eventReferenceProblems, interventionSchema, type Intervention } from '../scenario/events-schema';
import { formatPath } from '../scenario/parse-scenario';
import type { Scenario } from '../scenario/scenario-schema';
import type { VoiceModel } from '../voice/voice-model';
import type { BackOfficeModel } from '../backoffice/backoffice-model';

/** An intervention without its time: what the page asks for; the knobs stamp it with the time it applies. */
export type InterventionChange = Intervention extends infer I ? (I extends Intervention ? Omit<I, 'atSec'> : never) : never;

/** What the knobs work on: the Site's two worlds and a way to bring the clock to an instant. */
export interface KnobTarget {
  readonly scenario: Scenario;
  readonly voice: VoiceModel;
  readonly backOffice: BackOfficeModel | null;
  readonly now: number;
}

type Advance = (untilSec: number, maxEvents: number) => RunResult;

export class SiteKnobs {
  /** The changes applied live through `apply`, in order, each stamped with its time. */
  readonly applied: Intervention[] = [];
  /** The scenario's events, in time order (ties keep the file's order); `next` is the first not yet applied. */
  private readonly scheduled: readonly Intervention[];
  private next = 0;

  constructor(
    private readonly site: KnobTarget,
    events: readonly Intervention[],
    private readonly settle: () => void,
  ) {
    this.scheduled = [...events].sort((a, b) => a.atSec - b.atSec);
  }

  /**
   * Applies a change now, at the site's current time, and keeps it in `applied`. Call it between
   * runs (never from an observer): events still due at this instant fire first, as they would
   * before the same change written as a scenario event. A change the scenario format would refuse
   * (a number out of bounds, an unknown group, the run over) is refused with the same message,
   * and nothing changes.
   */
  apply(change: InterventionChange): Intervention {
    this.settle();
    const intervention = { ...change, atSec: this.site.now } as Intervention;
    const problems = interventionProblems(intervention, this.site.scenario);
    if (problems.length > 0) throw new RangeError(`change refused: ${problems.join('; ')}`);
    this.applyNow(intervention);
    this.applied.push(intervention);
    return intervention;
  }

  /**
   * Runs the site to `untilSec` with `advance`, stopping at each scheduled event's time to apply
   * it once every calendar event at that time has fired. Stopping changes nothing else.
   */
  runWithEvents(untilSec: number, maxEvents: number, advance: Advance): RunResult {
    let events = 0;
    while (this.next < this.scheduled.length && this.scheduled[this.next].atSec <= untilSec) {
      const step = advance(this.scheduled[this.next].atSec, maxEvents - events);
      events += step.events;
      if (!step.reachedUntil) return { events, reachedUntil: false };
      const now = this.site.now;
      while (this.next < this.scheduled.length && this.scheduled[this.next].atSec <= now) this.applyNow(this.scheduled[this.next++]);
    }
    const rest = advance(untilSec, maxEvents - events);
    return { events: events + rest.events, reachedUntil: rest.reachedUntil };
  }

  private applyNow(change: Intervention): void {
    const voice = this.site.voice.knobs;
    switch (change.kind) {
      case 'agents':
        return voice.setAgents(change.groupId, change.agents);
      case 'call-volume':
        return voice.setCallVolume(change.percent / 100);
      case 'aht':
        return voice.setHandleFactor(change.percent / 100);
      case 'patience':
        return voice.setPatienceFactor(change.percent / 100);
      case 'dialer':
        return voice.setDialer(change.campaignId, change.mode, change.ratio);
      case 'tv-advert':
        return voice.startAdvert(change.queueId, change.callsPerMinute, change.minutes);
      case 'sick':
        return voice.sendHomeSick(change.groupId, change.agents);
      case 'outage':
        return voice.startOutage(change.minutes);
      case 'clerks':
        return this.backOffice(change).setClerks(change.teamId, change.clerks);
      case 'item-volume':
        return this.backOffice(change).setItemVolume(change.percent / 100);
      case 'file-drop':
        return this.backOffice(change).dropFile(change.workTypeId, change.items);
      case 'allocation':
        return this.backOffice(change).setAllocation(change.rule);
    }
  }

  private backOffice(change: Intervention) {
    if (!this.site.backOffice) throw new RangeError(`a "${change.kind}" change needs a back office, and this site has none`);
    return this.site.backOffice.knobs;
  }
}

/** What the scenario format would say about this intervention as the scenario's only event. */
function interventionProblems(intervention: Intervention, scenario: Scenario): string[] {
  const parsed = interventionSchema.safeParse(intervention);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${formatPath(issue.path) || 'change'}: ${issue.message}`);
  return eventReferenceProblems([intervention], scenario).map((problem) => {
    const field = problem.path[2] as keyof Intervention;
    return `${String(field)}: ${problem.message} (got ${JSON.stringify(intervention[field])})`;
  });
}

/**
 * The scenario a run changed live exports as: its own events and the applied changes, in time
 * order (at one time, the scenario's first). Run with the same seed, it gives the same numbers.
 */
export function scenarioWithEvents(scenario: Scenario, applied: readonly Intervention[]): Scenario {
  const events = [...(scenario.events ?? []), ...applied].sort((a, b) => a.atSec - b.atSec);
  return { ...scenario, events };
}
