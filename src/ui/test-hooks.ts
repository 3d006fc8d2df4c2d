/**
 * `window.__kituo`: hooks for the end-to-end tests and the render benchmark. They drive the page
 * through the same functions the controls use (no back doors into the model's state) and read
 * what the page shows. Harmless in production: they only do what a user could do, faster.
 */
import type { PageController } from './page-controller';
import type { FrameLoop } from './frame-loop';
import type { SharePanel } from './panels/share';
import type { FrameStats, FrameStatsReport } from './frame-stats';
import { DETAIL_MAX_SPEED } from './stage';
import type { BuildingScene, SceneLegibility } from '../render/building-scene';
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import { language, setLanguage, type Language } from './i18n/i18n';
import type { LessonsView } from './workshop/lessons-view';
import type { PlanState, PlanView } from './plan/plan-view';
import type { EditorState, ScenarioEditor } from './editor/scenario-editor';
import type { TwinMode } from './twin/twin-mode';
import { twinHooks, type TwinHooks } from './twin/twin-hooks';
import type { RoundState, RoundView } from './round/round-view';

export interface HookContext {
  readonly controller: PageController;
  readonly stats: FrameStats;
  readonly scene: BuildingScene;
  readonly loop: FrameLoop;
  readonly lessons: LessonsView;
  readonly plan: PlanView;
  readonly share: SharePanel;
  readonly editor: ScenarioEditor;
  readonly twin: TwinMode;
  readonly round: RoundView;
}

export interface KituoHooks {
  readonly ready: true;
  scenarios(): string[];
  selectScenario(file: string): void;
  loadScenarioText(text: string, name?: string): { ok: boolean; problems?: ScenarioProblem[] };
  status(): {
    scenario: string | null;
    ok: boolean;
    nowSec: number;
    horizonSec: number;
    playing: boolean;
    speed: number;
    behind: boolean;
    finished: boolean;
    failed: boolean;
    language: Language;
    waiting: number;
    events: number;
    /** Callers waiting for their callback, all queues. */
    callbacksWaiting: number;
    /** Clerks in the running back-office model (0 without one). */
    clerks: number;
    /** Dialer mode of each campaign in the running model. */
    dialerModes: string[];
  };
  /** What the run has counted so far (every queue's counters, the back office's totals, events fired), to compare with the same run elsewhere. */
  counted(): { events: number; queues: unknown[]; backOffice: unknown };
  /** What the scene draws now: sheets in flight, the batch shown, callers in the callback list. */
  sceneStats(): { sheetsInFlight: number; batch: 'mail' | 'file' | null; callbackCards: number };
  /** The scene's labels (size on screen, box) and its callers' and agents' heights, for the legibility tests. */
  sceneLegibility(): SceneLegibility;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  reset(): void;
  step(kind: 'event' | 'minute'): void;
  /** Runs the model `seconds` further at once (through the wallboard's boundary bookkeeping), then redraws. */
  advance(seconds: number): void;
  /** Advances in chunks of `chunkSec`, letting the page draw a frame between chunks. */
  advanceRendered(seconds: number, chunkSec: number): Promise<void>;
  setLanguage(language: Language): void;
  /** Page coordinates of agent `index`'s workstation (in group order), for hover tests. */
  agentPoint(index: number): { x: number; y: number } | null;
  frameStats: { reset(): void; read(): FrameStatsReport };
  /** How many frames pixi has drawn since the page loaded (the canvas holds a drawn frame once > 0). */
  framesDrawn(): number;
  /** Benchmark only: keep updating the scene every frame but skip pixi's drawing. */
  setDrawing(on: boolean): void;
  /** Opens a run link's hash as the address would (for hashes longer than a browser lets an address be). */
  openLink(hash: string): boolean;
  /** Tests only: the next frame throws an error with this message, as a model failing mid-run would. */
  injectFault(message: string): void;
  /** The lesson files the Lessons view lists, by id (null for a file that cannot be played). */
  lessons(): (string | null)[];
  /** The lesson being played: its phase, the configuration on the floor, and once revealed the seed and figures as measured. */
  lesson(): {
    id: string;
    phase: string;
    configuration: string;
    lockedKnobs: string[];
    reveal: { seed: number; holds: boolean; figures: { id: string; value: number | null }[] } | null;
  } | null;
  /** The Plan view: its progress, message and last comparison; `setPlanWorkers(null)` goes back to one worker per core. */
  plan(): PlanState;
  setPlanWorkers(workers: number | null): void;
  /** The scenario editor: whether it is open, its tab and section, its text, undo/redo and the problems found. */
  editor(): EditorState;
  /** Twin floors: open, close, and both floors' figures. */
  twin: TwinHooks;
  /** The facilitator's round: open or not, its step, teams, progress, message and standings; `setRoundWorkers(null)` goes back to one worker per core. */
  round(): RoundState;
  setRoundWorkers(workers: number | null): void;
}

declare global {
  interface Window {
    __kituo?: KituoHooks;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function installTestHooks({ controller, stats, scene, loop, lessons, plan, share, editor, twin, round }: HookContext): void {
  const clock = controller.clock;
  const advance = (seconds: number) => {
    controller.advanceBy(seconds);
    scene.update(controller.run!.session.now, 16, clock.speed, clock.speed <= DETAIL_MAX_SPEED);
    controller.refresh();
  };
  window.__kituo = {
    ready: true,
    scenarios: () => controller.entries.map((e) => e.file),
    selectScenario: (file) => controller.selectFile(file),
    loadScenarioText: (text, name) => controller.loadScenarioText(text, name),
    status: () => {
      const run = controller.run;
      const session = run?.session ?? null;
      const entry = controller.entries[controller.selected];
      return {
        scenario: entry?.file ?? null,
        ok: session !== null,
        nowSec: session?.now ?? 0,
        horizonSec: session?.horizonSec ?? 0,
        playing: clock.playing,
        speed: clock.speed,
        behind: clock.behind,
        finished: session?.isFinished ?? false,
        failed: controller.failed,
        language: language(),
        waiting: session?.waiting('all') ?? 0,
        events: session?.model.sim.eventsFired ?? 0,
        callbacksWaiting: session ? session.model.queues.reduce((sum, q) => sum + q.callbackCount, 0) : 0,
        clerks: run?.backOffice?.model.clerks.length ?? 0,
        dialerModes: session ? session.model.campaigns.map((c) => c.mode) : [],
      };
    },
    counted: () => {
      const site = controller.run?.site;
      if (!site) throw new Error('no scenario is loaded');
      return structuredClone({ events: site.sim.eventsFired, queues: site.voice.totals, backOffice: site.backOffice?.total ?? null });
    },
    sceneStats: () => scene.stats(),
    sceneLegibility: () => scene.legibility(),
    play: () => {
      if (!clock.playing) controller.togglePlay();
    },
    pause: () => {
      if (clock.playing) controller.togglePlay();
    },
    setSpeed: (speed) => controller.setSpeed(speed),
    reset: () => controller.reset(),
    step: (kind) => controller.step(kind),
    advance,
    advanceRendered: async (seconds, chunkSec) => {
      const session = controller.run?.session;
      if (!session) throw new Error('no scenario is loaded');
      const end = Math.min(session.now + seconds, session.horizonSec);
      while (controller.run?.session === session && session.now < end && !session.isFinished) {
        advance(Math.min(chunkSec, end - session.now));
        await nextFrame();
      }
    },
    setLanguage: (next) => setLanguage(next),
    agentPoint: (index) => {
      const session = controller.run?.session;
      if (!session) return null;
      const centre = scene.deskCentre(index);
      const canvas = document.querySelector('#scene canvas');
      if (!centre || !canvas) return null;
      const rect = canvas.getBoundingClientRect();
      return { x: rect.left + centre.x, y: rect.top + centre.y + 20 };
    },
    frameStats: { reset: () => stats.reset(), read: () => stats.read() },
    framesDrawn: () => loop.framesDrawn,
    setDrawing: (on) => loop.setDrawing(on),
    injectFault: (message) => loop.injectFault(message),
    lessons: () => lessons.lessons.map((entry) => (entry.ok ? entry.lesson.id : null)),
    lesson: () => {
      const current = lessons.current;
      if (!current) return null;
      const { state, reveal } = current;
      return {
        id: state.entry.lesson.id,
        phase: state.phase,
        configuration: state.configuration,
        lockedKnobs: [...(controller.lesson?.lockedKnobs ?? [])],
        reveal: reveal && state.phase === 'reveal' ? { seed: reveal.seed, holds: reveal.holds, figures: reveal.figures.map((f) => ({ id: f.id, value: f.value })) } : null,
      };
    },
    plan: () => plan.read(),
    setPlanWorkers: (workers) => (plan.workersOverride = workers),
    openLink: (hash) => share.openLink(hash),
    editor: () => editor.state(),
    twin: twinHooks(twin),
    round: () => round.read(),
    setRoundWorkers: (workers) => (round.workersOverride = workers),
  };
}
