/**
 * A Site: one building's call center and back office on one clock. It builds, from a parsed
 * scenario, the voice model and the back office on a single Simulation, wires the two worlds
 * together (late items make customers call: failure demand; blending agents work in both rooms),
 * and keeps what pricing needs (team usage at the end of the warm-up). The runner, the page and
 * workers construct a Site and nothing else, so the two worlds are wired in exactly one place and
 * a run gives the same numbers wherever it runs.
 *
 * Views and reports listen through observers given at construction: the models build event
 * objects only when someone listens, so a batch run with no observer pays nothing for them.
 */
import { Simulation, type RunResult } from '../../engine/simulation';
import type { Scenario } from '../scenario/scenario-schema';
import type { DomainEvent } from '../voice/domain-events';
import { VoiceModel, type IntervalRecord } from '../voice/voice-model';
import { BackOfficeModel } from '../backoffice/backoffice-model';
import type { BackOfficeEvent } from '../backoffice/backoffice-events';
import type { BackOfficeDayRecord, BackOfficePeriodRecord, TeamUsage } from '../backoffice/backoffice-records';
import { connectBlending } from './blending';
import { SiteViews } from './site-views';
import { SiteKnobs } from './site-knobs';

/** What a view or a report hears from a run. Every hook is optional. */
export interface SiteObserver {
  voiceEvent?(event: DomainEvent): void;
  /** A voice reporting interval, once it has ended and every call that arrived in it is done. */
  voiceIntervalClosed?(record: IntervalRecord): void;
  backOfficeEvent?(event: BackOfficeEvent): void;
  backOfficeIntervalClosed?(record: BackOfficePeriodRecord): void;
  backOfficeDayClosed?(record: BackOfficeDayRecord): void;
}

export interface SiteOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Replication number: replications of one seed draw from independent streams. */
  readonly replication?: number;
  /**
   * Reuse the Call object of a finished plain call for a later caller. Safe whenever nothing
   * outside the model keeps Call objects between events (views read snapshots, not calls).
   */
  readonly recycleCalls?: boolean;
  readonly observers?: readonly SiteObserver[];
  /** Keep both rooms' snapshots and feeds for the page's views (`site.views`). */
  readonly views?: boolean;
}

export class Site {
  readonly sim = new Simulation();
  readonly voice: VoiceModel;
  /** Null when the scenario has no back office. */
  readonly backOffice: BackOfficeModel | null;
  /** The views' snapshots and feeds; null unless asked for (`views`), so batch runs pay nothing. */
  readonly views: SiteViews | null;
  /** The one port for changes during the run, live or the scenario's `events` (site-knobs.ts). */
  readonly knobs: SiteKnobs;
  private teamsAtWarmupEnd: TeamUsage[] | null = null;
  private finished = false;

  constructor(
    readonly scenario: Scenario,
    options: SiteOptions = {},
  ) {
    // The views' builders need the built models and the models take their observers when they
    // are built: this observer forwards to the builders made below, before any event can fire.
    let views: SiteViews | null = null;
    const viewFeed: SiteObserver = { voiceEvent: (event) => views!.voiceEvent(event), backOfficeEvent: (event) => views!.backOfficeEvent(event) };
    const observers = options.views ? [...(options.observers ?? []), viewFeed] : (options.observers ?? []);
    const { seed, replication } = options;
    const common = { sim: this.sim, ...(seed !== undefined ? { seed } : {}), ...(replication !== undefined ? { replication } : {}) };
    // The back office is built first: each model schedules its first events as it is built, and
    // events at one instant fire in the order they were scheduled, so this order is part of
    // every result (the golden files hold it).
    this.backOffice = scenario.backOffice
      ? new BackOfficeModel(scenario, {
          ...common,
          ...hook(observers, 'backOfficeEvent', 'listener'),
          ...hook(observers, 'backOfficeIntervalClosed', 'onIntervalClosed'),
          ...hook(observers, 'backOfficeDayClosed', 'onDayClosed'),
          onFailureDemand: (call) => this.voice.receiveFailureDemandCall(call.queueId),
        })
      : null;
    this.voice = new VoiceModel(scenario, {
      ...common,
      ...(options.recycleCalls ? { recycleCalls: true } : {}),
      ...hook(observers, 'voiceEvent', 'listener'),
      ...hook(observers, 'voiceIntervalClosed', 'onIntervalClosed'),
    });
    connectBlending(this.voice, this.backOffice);
    views = options.views ? new SiteViews(this.voice, this.backOffice) : null;
    this.views = views;
    this.knobs = new SiteKnobs(this, scenario.events ?? [], () => this.runUntil(this.now));
  }

  get now(): number {
    return this.sim.now;
  }

  get horizonSec(): number {
    return this.voice.horizonSec;
  }

  get warmupSec(): number {
    return this.voice.warmupSec;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /**
   * Fires every event with time ≤ `untilSec` (at most the horizon), at most `maxEvents` of them,
   * and stops the clock exactly there. The run pauses at the end of the warm-up on the way, to
   * note the back-office teams' usage for pricing, and at each of the scenario's `events` to apply
   * it (site-knobs.ts); stopping exactly and resuming changes nothing.
   */
  runUntil(untilSec: number, maxEvents = Infinity): RunResult {
    return this.knobs.runWithEvents(Math.min(untilSec, this.horizonSec), maxEvents, this.advance);
  }

  private readonly advance = (target: number, maxEvents: number): RunResult => {
    if (this.backOffice && this.teamsAtWarmupEnd === null && this.warmupSec > 0 && target >= this.warmupSec) {
      const toWarmupEnd = this.voice.runUntil(this.warmupSec, maxEvents);
      if (!toWarmupEnd.reachedUntil) return toWarmupEnd;
      this.teamsAtWarmupEnd = this.backOffice.teamUsage();
      const rest = this.voice.runUntil(target, maxEvents - toWarmupEnd.events);
      return { events: toWarmupEnd.events + rest.events, reachedUntil: rest.reachedUntil };
    }
    return this.voice.runUntil(target, maxEvents);
  };

  /** Runs to the horizon and closes both worlds' books. */
  runToEnd(): void {
    this.runUntil(this.horizonSec);
    this.voice.runToEnd();
    this.backOffice?.runToEnd();
    this.finished = true;
  }

  /** Each back-office team's paid and productive hours over the measured period (after the warm-up). */
  measuredTeamUsage(): TeamUsage[] {
    if (!this.backOffice) return [];
    const atEnd = this.backOffice.teamUsage();
    const atWarmupEnd = this.teamsAtWarmupEnd;
    if (!atWarmupEnd) return atEnd;
    return atEnd.map((team, t) => ({
      ...team,
      paidHours: team.paidHours - atWarmupEnd[t].paidHours,
      productiveHours: team.productiveHours - atWarmupEnd[t].productiveHours,
    }));
  }
}

type ModelHook = 'listener' | 'onIntervalClosed' | 'onDayClosed';

/**
 * The option a model takes for one observer hook: absent when no observer has it (so the model
 * builds no event objects), the observer's own method when one has it, a fan-out otherwise.
 */
function hook<K extends keyof SiteObserver, O extends ModelHook>(observers: readonly SiteObserver[], key: K, option: O): { [P in O]?: NonNullable<SiteObserver[K]> } {
  const fns = observers.filter((o) => o[key]).map((o) => (o[key] as (x: unknown) => void).bind(o));
  if (fns.length === 0) return {};
  const fn = fns.length === 1 ? fns[0] : (x: unknown) => fns.forEach((f) => f(x));
  return { [option]: fn } as { [P in O]?: NonNullable<SiteObserver[K]> };
}
