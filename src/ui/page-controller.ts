/**
 * The page's state and the only way to change it. The panels (controls, picker, what-if,
 * wallboards, charts, …) call these methods and re-render when told what changed; they never
 * reach into each other, so a new panel or view only needs this interface. The DOM, pixi and the
 * frame loop live outside: this object holds the catalogue and selection, the what-if controls'
 * values (applied to the run at once, `applyChange`) and the run's start settings, the seed, the
 * current run (src/app/page-run.ts), the display clock and whether the page has failed.
 */
import type { CatalogEntry } from '../app/scenario-catalog';
import { entryFromText, startingEntry } from '../app/scenario-catalog';
import { parseSeed } from '../app/seed';
import { DisplayClock, advanceWithin } from '../app/display-clock';
import { changesBetween, defaultWhatIf, settingsAfter, startScenario, type WhatIfSettings } from '../app/what-if';
import { scenarioWithEvents, type InterventionChange } from '../model/site/site-knobs';
import type { Intervention } from '../model/scenario/events-schema';
import { openingTimeSec } from '../app/opening-time';
import { startPageRun, type PageRun } from '../app/page-run';
import type { LessonRunPlan } from '../app/lesson-play';
import type { QueueSelection } from '../app/voice-session';
import type { Scenario } from '../model/scenario/scenario-schema';
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import { stampFormatVersion } from '../model/scenario/scenario-migrations';
import type { RunSnapshot } from '../app/run-snapshot';
import { sameJson, type Json } from '../app/json-merge-patch';
import type { MessageKey } from './i18n/en';
import { t } from './i18n/i18n';

/**
 * What changed, so each panel redraws only what it shows:
 * - `catalog`: the list of scenarios or the selection;
 * - `scenario`: a valid scenario was selected: its own what-if settings and seed are pending;
 * - `run`: a run was built, or cleared (problems, no scenario); the clock was reset;
 * - `transport`: playing, speed, behind or finished;
 * - `queue`: the queue the wallboard and charts show;
 * - `pending`: the seed edited but not yet applied (or, with nothing running, the what-if settings);
 * - `changes`: a change was applied to the run (or refused, `changeRefused` says why);
 * - `problems`: the problem list was set or cleared;
 * - `notice`: the notice over the scene was shown or taken down;
 * - `jump`: the model ran ahead outside the frame loop (a step, a skip): the scene catches up;
 * - `clock`: the display clock moved while playing (every frame between refreshes);
 * - `refresh`: figures moved: wallboards and charts re-read them;
 * - `failure`: a frame threw (nothing runs until a run is built afresh), or a fresh build cleared it;
 * - `lesson`: a lesson's configuration was loaded, or the page left the lesson (another scenario).
 */
export type PageChange = 'catalog' | 'scenario' | 'run' | 'queue' | 'transport' | 'pending' | 'changes' | 'problems' | 'notice' | 'jump' | 'clock' | 'refresh' | 'failure' | 'lesson';

/** What the page did instead of what was asked, said over the scene until closed or no longer true. */
export type PageNoticeMessage = { readonly kind: 'seedRefused'; readonly seed: number } | { readonly kind: 'scenarioUnknown'; readonly name: string; readonly shown: string };

export interface PageProblems {
  readonly list: readonly ScenarioProblem[];
  /** The scenario's own problems, or the what-if changes'. */
  readonly title: MessageKey;
}

export type LoadResult = { ok: true } | { ok: false; problems: ScenarioProblem[] };

export type PageListener = (change: PageChange) => void;

/** The what-if settings and seed a scenario is selected with, instead of its own. */
export interface RunSettings {
  readonly whatIf: WhatIfSettings;
  readonly seed: number;
}

export class PageController {
  readonly clock = new DisplayClock(10);
  private entryList: CatalogEntry[];
  private selectedIndex = -1;
  private scenarioShown: Scenario | null = null;
  private problemList: PageProblems | null = null;
  private current: PageRun | null = null;
  /** What the what-if controls show: the run's start settings with every change since. */
  private controls: WhatIfSettings | null = null;
  /** What the next Reset starts from: the run's start settings with the changes made by hand (not the scenario's events, which replay). */
  private nextStart: WhatIfSettings | null = null;
  private appliedWhatIf: WhatIfSettings | null = null;
  private pendingSeed = 1;
  private appliedSeed = 1;
  private opening = 0;
  private queue: QueueSelection = 'all';
  private hasFailed = false;
  private error: string | null = null;
  private noticeShown: PageNoticeMessage | null = null;
  private refusal: string | null = null;
  private lessonShown: LessonRunPlan | null = null;
  private readonly listeners: PageListener[] = [];

  constructor(entries: CatalogEntry[]) {
    this.entryList = entries;
  }

  get entries(): readonly CatalogEntry[] {
    return this.entryList;
  }
  get selected(): number {
    return this.selectedIndex;
  }
  /** The selected scenario as parsed (before what-if changes); null when it is invalid. */
  get scenario(): Scenario | null {
    return this.scenarioShown;
  }
  get problems(): PageProblems | null {
    return this.problemList;
  }
  /** The running model and its views' bookkeeping; null while nothing can run. */
  get run(): PageRun | null {
    return this.current;
  }
  /** The what-if controls' values: the run's start settings with every change applied since. */
  get whatIf(): WhatIfSettings | null {
    return this.controls;
  }
  get seed(): number {
    return this.pendingSeed;
  }
  /** When the loaded scenario's first day gets going: the page offers to skip the quiet night to it. */
  get openingSec(): number {
    return this.opening;
  }
  /** The queue the wallboard and charts show: one of the scenario's, or all together. */
  get queueSelection(): QueueSelection {
    return this.queue;
  }
  get failed(): boolean {
    return this.hasFailed;
  }
  /** The message of the error that stopped the page, while it is stopped. */
  get failure(): string | null {
    return this.error;
  }
  get notice(): PageNoticeMessage | null {
    return this.noticeShown;
  }
  /** A new seed that the next reset applies (what-if changes apply at once). */
  get pending(): boolean {
    return this.current !== null && this.pendingSeed !== this.appliedSeed;
  }
  /** Why the last change asked for was refused (the knobs' message), until the next change or run. */
  get changeRefused(): string | null {
    return this.refusal;
  }
  /**
   * The changes the run on the floor has had so far, in the order applied: the scenario's own
   * events that are due (an opened export's earlier live changes among them), then those made here.
   */
  get changes(): readonly Intervention[] {
    const run = this.current;
    if (!run || !this.scenarioShown) return [];
    const now = run.session.now;
    const due = (this.scenarioShown.events ?? []).filter((e) => e.atSec <= now);
    return [...due, ...run.site.knobs.applied].sort((a, b) => a.atSec - b.atSec);
  }
  /** The run on the floor was changed by hand since it started (a control moved, an event injected). */
  get changedLive(): boolean {
    return (this.current?.site.knobs.applied.length ?? 0) > 0;
  }
  get canRun(): boolean {
    return this.current !== null && !this.current.session.isFinished && !this.atLessonStop;
  }
  /** The lesson configuration being played (its locked knobs, start and stop), or null. */
  get lesson(): LessonRunPlan | null {
    return this.lessonShown;
  }
  /** The seed of the run on the floor (the pending seed applies on reset). */
  get runSeed(): number {
    return this.appliedSeed;
  }
  /** The what-if settings the run on the floor started from. */
  get runWhatIf(): WhatIfSettings | null {
    return this.current ? this.appliedWhatIf : null;
  }
  /** The run stands at the lesson's stop time: it goes no further while the lesson lasts. */
  get atLessonStop(): boolean {
    return this.lessonShown !== null && this.current !== null && this.current.session.now >= this.lessonShown.stopSec;
  }

  subscribe(listener: PageListener): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  /** Selects the scenario the address asks for (or the first), saying so when it names none. */
  start(requested: string | null): void {
    const first = startingEntry(this.entryList, requested);
    this.selectedIndex = first.index;
    this.emit('catalog');
    if (this.entryList.length > 0) this.selectScenario(first.index);
    else this.showProblems([{ path: '', message: t('problems.noScenarios') }], 'problems.title');
    const shown = this.entryList[this.selectedIndex];
    if (first.unknown !== null && shown) {
      this.setNotice({ kind: 'scenarioUnknown', name: first.unknown, shown: shown.result.ok ? shown.result.scenario.name : shown.file });
    }
  }

  selectScenario(index: number, settings?: RunSettings): void {
    // Whatever the notice said was about the scenario (or seed) being left; so was the lesson.
    this.setNotice(null);
    if (this.lessonShown !== null) {
      this.lessonShown = null;
      this.emit('lesson');
    }
    this.selectedIndex = index;
    this.emit('catalog');
    const entry = this.entryList[index];
    if (!entry) return;
    if (!entry.result.ok) {
      this.scenarioShown = null;
      this.controls = null;
      this.nextStart = null;
      this.showProblems(entry.result.problems, 'problems.title');
      this.emit('transport');
      return;
    }
    this.scenarioShown = entry.result.scenario;
    this.pendingSeed = settings?.seed ?? entry.result.scenario.seed ?? 1;
    this.nextStart = settings?.whatIf ?? defaultWhatIf(entry.result.scenario);
    this.controls = this.nextStart;
    this.emit('scenario');
    this.reset();
  }

  /**
   * Loads one configuration of a lesson: its scenario (as the lesson sets it), seed and speed;
   * the run is simulated up to the lesson's start time and will stop by itself at its stop time.
   * The picker shows the lesson's scenario file; its what-if settings start at the configuration's.
   */
  startLesson(plan: LessonRunPlan): void {
    const index = this.entryList.findIndex((e) => e.file === plan.file);
    if (index < 0) throw new Error(`no scenario file ${plan.file}`);
    this.setNotice(null);
    this.lessonShown = plan;
    this.selectedIndex = index;
    this.emit('catalog');
    this.scenarioShown = plan.scenario;
    this.pendingSeed = plan.seed;
    this.nextStart = defaultWhatIf(plan.scenario);
    this.controls = this.nextStart;
    this.clock.speed = plan.speed;
    this.emit('lesson');
    this.emit('scenario');
    this.reset();
    this.emit('transport');
  }

  selectFile(file: string): void {
    const index = this.entryList.findIndex((e) => e.file === file);
    if (index < 0) throw new Error(`no scenario file ${file}`);
    this.selectScenario(index);
  }

  /** Adds (or replaces, by file name) a scenario the user brought and selects it. */
  addEntry(entry: CatalogEntry, settings?: RunSettings): LoadResult {
    this.entryList = [...this.entryList.filter((e) => e.file !== entry.file), entry];
    this.selectScenario(this.entryList.length - 1, settings);
    return entry.result.ok ? { ok: true } : { ok: false, problems: entry.result.problems };
  }

  loadScenarioText(text: string, name = 'scenario.json'): LoadResult {
    return this.addEntry(entryFromText(`custom:${name}`, text));
  }

  /**
   * The run as a snapshot (for a share link, a saved file, the autosaved draft): `applied` is the
   * run on screen at the clock's time, its live changes written into the scenario as `events`
   * (scenarioWithEvents), so opening it replays them; `pending` is what the next reset would
   * run (the controls' values from midnight, the new seed) while a new seed waits, else the same.
   * Null while nothing runs.
   */
  snapshot(which: 'applied' | 'pending'): RunSnapshot | null {
    const entry = this.entryList[this.selectedIndex];
    const run = this.current;
    if (!entry || !run || !this.scenarioShown || !this.appliedWhatIf || !this.nextStart) return null;
    const settings =
      which === 'applied' || !this.pending
        ? { scenario: this.liveScenario(run), whatIf: this.appliedWhatIf, seed: this.appliedSeed, timeSec: run.session.now }
        : { scenario: this.scenarioShown, whatIf: this.nextStart, seed: this.pendingSeed, timeSec: 0 };
    const baseFile = entry.file.startsWith('custom:') ? (entry.base ?? null) : entry.file;
    return { baseFile, ...settings };
  }

  /** The scenario with the run's live changes as events; itself untouched without any (so a shipped file stays recognisable). */
  private liveScenario(run: PageRun): Scenario {
    const applied = run.site.knobs.applied;
    return applied.length === 0 ? this.scenarioShown! : scenarioWithEvents(this.scenarioShown!, applied);
  }

  /**
   * Opens a run someone saved (a share link, a restored draft): its scenario (the shipped entry
   * when it is that file untouched, else a loaded one that remembers its base), with its what-if
   * settings and seed, run to its time.
   */
  openSnapshot(snapshot: RunSnapshot): void {
    const settings = { whatIf: snapshot.whatIf, seed: snapshot.seed };
    const shipped = this.entryList.findIndex((e) => e.file === snapshot.baseFile);
    const entry = this.entryList[shipped];
    if (entry?.result.ok && sameJson(entry.result.scenario as unknown as Json, snapshot.scenario as unknown as Json)) this.selectScenario(shipped, settings);
    else {
      const text = JSON.stringify(stampFormatVersion(snapshot.scenario as unknown as Record<string, unknown>), null, 2);
      const base = snapshot.baseFile ?? undefined;
      this.addEntry({ file: `custom:${base ?? 'scenario.json'}`, text, result: { ok: true, scenario: snapshot.scenario }, base }, settings);
    }
    const session = this.current?.session;
    if (!session || snapshot.timeSec <= 0) return;
    session.advanceTo(snapshot.timeSec, Infinity);
    this.showRunSettings();
    this.jumped();
    this.emit('changes');
  }

  /**
   * The what-if controls moved: each control that changed applies to the run now, at the
   * current simulated time (`applyChange`). With nothing running (the last settings could not
   * run) the settings wait for Reset.
   */
  editWhatIf(settings: WhatIfSettings): void {
    if (!this.current || this.hasFailed) {
      this.controls = settings;
      this.nextStart = settings;
      this.emit('pending');
      return;
    }
    for (const change of changesBetween(this.controls!, settings)) if (!this.applyChange(change)) break;
  }

  /**
   * Applies a change to the run now, through the Site's knobs: a control moved, or an event from
   * the facilitator's palette. A change the knobs refuse (out of bounds, the run over) changes
   * nothing and its message is kept in `changeRefused`. True when it applied.
   */
  applyChange(change: InterventionChange): boolean {
    const run = this.current;
    if (!run || this.hasFailed) return false;
    try {
      run.site.knobs.apply(change);
      this.refusal = null;
      this.controls = settingsAfter(this.controls!, [change]);
      this.nextStart = settingsAfter(this.nextStart!, [change]);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // The page says "not applied" itself; the knobs' reason follows it.
      this.refusal = error.message.replace(/^change refused: /, '');
    }
    this.emit('changes');
    this.emit('refresh');
    return this.refusal === null;
  }

  /** Takes a typed seed; an empty or non-numeric one is refused and the last good seed kept. */
  setSeed(text: string): void {
    const seed = parseSeed(text);
    if (seed === null) this.setNotice({ kind: 'seedRefused', seed: this.pendingSeed });
    else {
      this.pendingSeed = seed;
      this.setNotice(null);
    }
    this.emit('pending');
  }

  dismissNotice(): void {
    this.setNotice(null);
  }

  /**
   * Builds a fresh run from midnight: the selected scenario (its own events replay at their
   * times) with the what-if controls' values as its start configuration (startScenario) and the
   * pending seed. The live changes of the run it replaces are gone with it.
   */
  reset(): void {
    // A fresh model: whatever failed in the last one is gone with it.
    this.hasFailed = false;
    this.error = null;
    Object.assign(this.clock, { playing: false, behind: false, timeSec: 0 });
    this.emit('failure');
    const scenario = this.scenarioShown;
    const start = this.nextStart;
    if (!scenario || !start) return;
    this.refusal = null;
    const changed = startScenario(scenario, start);
    if (!changed.ok) {
      // The scenario itself is fine: say that the changes are what cannot run, and leave no
      // pending note up (they were applied, and failed).
      this.showProblems(changed.problems, 'problems.whatIfTitle');
      this.emit('pending');
      this.emit('transport');
      return;
    }
    this.opening = openingTimeSec(changed.scenario);
    // In a lesson the wallboard shows the queue its figures measure, not all queues summed.
    this.queue = this.lessonShown?.queue ?? (changed.scenario.queues.length === 1 ? 0 : 'all');
    this.current = startPageRun(changed.scenario, this.pendingSeed);
    // A lesson's run is shown from its start time: the hours before it are simulated, not skipped.
    if (this.lessonShown) this.current.session.advanceTo(this.lessonShown.startSec, Infinity);
    this.clock.timeSec = this.current.session.now;
    this.appliedWhatIf = start;
    this.showRunSettings();
    this.appliedSeed = this.pendingSeed;
    this.problemList = null;
    this.emit('problems');
    this.emit('run');
    this.emit('pending');
    this.emit('changes');
    this.emit('refresh');
  }

  selectQueue(selection: QueueSelection): void {
    this.queue = selection;
    this.emit('queue');
  }

  togglePlay(): void {
    if (!this.canRun) return;
    this.clock.playing = !this.clock.playing;
    this.emit('transport');
  }

  setSpeed(speed: number): void {
    this.clock.speed = speed;
    this.emit('transport');
  }

  faster(): void {
    this.clock.faster();
    this.emit('transport');
  }

  slower(): void {
    this.clock.slower();
    this.emit('transport');
  }

  step(kind: 'event' | 'minute'): void {
    const session = this.current?.session;
    if (!session || session.isFinished) return;
    this.clock.playing = false;
    if (kind === 'event') session.stepEvent();
    else session.advanceTo(this.withinLesson(Math.floor(session.now / 60) * 60 + 60), Infinity);
    this.jumped();
    this.pauseAtLessonStop();
  }

  /** Skips the quiet night: the model runs to the opening time exactly, playing or not. */
  skipToOpening(): void {
    const session = this.current?.session;
    if (!session || session.isFinished || session.now >= this.opening) return;
    session.advanceTo(this.opening, Infinity);
    this.jumped();
  }

  /** Runs the model `seconds` further at once (the test hooks' fast-forward), then shows it. */
  advanceBy(seconds: number): void {
    const session = this.current?.session;
    if (!session) throw new Error('no scenario is loaded');
    session.advanceTo(this.withinLesson(session.now + seconds), Infinity);
    this.clock.timeSec = session.now;
    this.pauseAtLessonStop();
  }

  /**
   * One frame's share of the run: the display clock moves by speed × elapsed and the model runs to
   * it within a slice of wall time, holding the clock ("running behind") when the slice runs out.
   */
  advanceFrame(elapsedMs: number): void {
    const session = this.current?.session;
    if (!session || !this.clock.playing) return;
    const clock = this.clock;
    const result = advanceWithin(session, this.withinLesson(clock.target(elapsedMs)), () => performance.now());
    clock.behind = !result.reached && !session.isFinished;
    clock.timeSec = session.now;
    if (session.isFinished) clock.playing = false;
    this.pauseAtLessonStop();
  }

  /** A time no later than the lesson's stop, while a lesson is played. */
  private withinLesson(targetSec: number): number {
    return this.lessonShown ? Math.min(targetSec, this.lessonShown.stopSec) : targetSec;
  }

  /** The controls show the run as it stands: its start settings with the changes it has had so far. */
  private showRunSettings(): void {
    this.controls = settingsAfter(this.appliedWhatIf!, this.changes);
  }

  /** At the lesson's stop the run pauses by itself, and the panels hear it at once. */
  private pauseAtLessonStop(): void {
    if (!this.atLessonStop) return;
    this.clock.playing = false;
    this.clock.behind = false;
    this.emit('transport');
  }

  /** The display clock moved this frame (while playing, between wallboard refreshes). */
  clockMoved(): void {
    this.emit('clock');
  }

  /** Figures moved: the wallboards and charts re-read them (a few times a second, and after changes). */
  refresh(): void {
    this.emit('refresh');
  }

  /** A frame threw: the page stops until a run is built afresh (reset or another scenario). */
  fail(error: unknown): void {
    this.hasFailed = true;
    this.error = error instanceof Error ? error.message : String(error);
    this.clock.playing = false;
    this.emit('failure');
  }

  /** After the model jumped ahead outside the frame loop: the display clock, scene and boards follow. */
  private jumped(): void {
    this.clock.timeSec = this.current!.session.now;
    this.clock.behind = false;
    this.emit('jump');
    this.emit('refresh');
  }

  private showProblems(list: readonly ScenarioProblem[], title: MessageKey): void {
    // Nothing runs: every view is cleared rather than leave the previous scenario's figures up.
    this.problemList = { list, title };
    this.current = null;
    this.emit('problems');
    this.emit('run');
  }

  private setNotice(notice: PageNoticeMessage | null): void {
    if (notice === null && this.noticeShown === null) return;
    this.noticeShown = notice;
    this.emit('notice');
  }

  private emit(change: PageChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
