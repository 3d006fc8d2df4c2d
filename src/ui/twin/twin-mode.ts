/**
 * Twin floors on the page: while open, the stage shows floor A | floor B (each drawn from its own
 * run by the twin scene, on the page's one pixi application) over twin wallboards and the strip
 * of differences, instead of phones | back office. The top bar stays in charge: the controller's
 * run is floor A or B or the clock both follow, and every time the controller says the clock
 * moved (each frame while playing, after a step or skip, at each wallboard refresh) the twin's
 * own run is brought to the same simulated time. A reset or another scenario plans the twin
 * again, and closes it when the comparison no longer applies there.
 */
import './twin.css';
import { byId, h, setText } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { DETAIL_MAX_SPEED, sceneLabels, type Stage } from '../stage';
import type { FrameLoop } from '../frame-loop';
import { VoiceWallboard, type VoiceTileKey } from '../wallboards';
import { TwinScene } from '../../render/twin-scene';
import { shownNames } from '../display-names';
import { TwinRun } from '../../app/twin-run';
import { planTwin, type TwinKind, type TwinPlan } from '../../app/twin-plan';
import type { QueueSelection } from '../../app/voice-session';
import { TwinStrip } from './twin-strip';

/**
 * The twin wallboards' tiles, one row each so the floors keep their height: what the room watches
 * move apart (the agents' states show on the floors). The cost so far, of both rooms, is in the strip.
 */
const TWIN_TILES: readonly VoiceTileKey[] = ['waiting', 'slToday', 'abandon', 'dials', 'nuisance'];

type Side = 'a' | 'b';

export class TwinMode {
  private twin: TwinRun | null = null;
  private kindOpen: TwinKind | null = null;
  private group: string | undefined;
  private readonly scene: TwinScene;
  private readonly titles: Record<Side, HTMLElement> = { a: h('h2', { id: 'twin-title-a' }), b: h('h2', { id: 'twin-title-b' }) };
  private readonly boards: Record<Side, VoiceWallboard>;
  private readonly strip: TwinStrip;
  private readonly stageSection: HTMLElement;
  private readonly captions = byId('twin-captions');
  private readonly boardsHost = byId('twin-boards');
  private readonly listeners: (() => void)[] = [];
  private selection: QueueSelection = 'all';
  private lastUpdateMs = 0;

  constructor(
    private readonly controller: PageController,
    private readonly stage: Stage,
    private readonly loop: FrameLoop,
  ) {
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.scene = new TwinScene(stage.app, stage.art, { reducedMotion }, sceneLabels().voice);
    this.stageSection = stage.host.closest('.stage') as HTMLElement;
    const back = h('button', { type: 'button', id: 'twin-back', class: 'primary' });
    back.addEventListener('click', () => this.close());
    this.strip = new TwinStrip(back);
    const boardHosts = { a: h('section', { class: 'wallboard voice', 'aria-labelledby': 'twin-a-wb-voice-title' }), b: h('section', { class: 'wallboard voice', 'aria-labelledby': 'twin-b-wb-voice-title' }) };
    const onSelection = (selection: QueueSelection) => {
      this.selection = selection;
      for (const board of Object.values(this.boards)) board.selection = selection;
      this.refresh();
    };
    this.boards = {
      a: new VoiceWallboard(boardHosts.a, onSelection, { idPrefix: 'twin-a-', tiles: TWIN_TILES, title: () => this.titles.a.textContent ?? '' }),
      b: new VoiceWallboard(boardHosts.b, onSelection, { idPrefix: 'twin-b-', tiles: TWIN_TILES, title: () => this.titles.b.textContent ?? '' }),
    };
    this.captions.replaceChildren(h('div', { class: 'caption' }, this.titles.a), h('div', { class: 'caption' }, this.titles.b));
    this.boardsHost.replaceChildren(h('div', { class: 'twin-wallboards' }, boardHosts.a, boardHosts.b), this.strip.root);
    controller.subscribe((change) => this.follow(change));
    onLanguageChange(() => {
      this.scene.setLabels(sceneLabels().voice);
      if (this.twin) this.scene.setNames(shownNames(this.twin.a.session.scenario));
      setText(back, t('twin.back'));
      this.strip.applyLanguage();
      this.showTitles();
      this.refresh();
    });
    setText(back, t('twin.back'));
    new ResizeObserver(() => requestAnimationFrame(() => this.fit())).observe(stage.host);
  }

  get open(): TwinKind | null {
    return this.kindOpen;
  }

  get run(): TwinRun | null {
    return this.twin;
  }

  /** Floor titles, A then B, as shown. */
  get titleTexts(): [string, string] {
    return [this.titles.a.textContent ?? '', this.titles.b.textContent ?? ''];
  }

  /** The twin scene, for the legibility tests. */
  get twinScene(): TwinScene {
    return this.scene;
  }

  /** Told whenever twin floors open or close. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Opens twin floors of this kind on the run on the floor; says why not when it cannot. */
  openTwin(kind: TwinKind, groupId?: string): TwinPlan {
    const plan = this.plan(kind, groupId);
    if (!plan.ok) return plan;
    this.kindOpen = kind;
    this.group = groupId;
    this.build(plan);
    this.stageSection.scrollIntoView?.({ block: 'nearest' });
    return plan;
  }

  close(): void {
    if (!this.kindOpen) return;
    this.kindOpen = null;
    this.twin = null;
    this.scene.unload();
    this.show(false);
    this.controller.refresh();
    this.emit();
  }

  private plan(kind: TwinKind, groupId?: string): TwinPlan {
    const { run, scenario, runWhatIf, whatIf } = this.controller;
    // Nothing runs (the page lists the scenario's problems instead): nothing to compare.
    if (!run || !scenario || !runWhatIf || !whatIf) return { ok: false, why: 'invalid', problems: [] };
    return planTwin(kind, { run, loaded: scenario, runWhatIf, whatIf }, groupId);
  }

  private build(plan: TwinPlan & { ok: true }): void {
    const floor = this.controller.run!;
    this.twin = new TwinRun(floor, this.controller.runSeed, plan.a, plan.b);
    this.selection = this.controller.queueSelection;
    this.boards.a.attach(this.twin.a.session, this.selection);
    this.boards.b.attach(this.twin.b.session, this.selection);
    this.showTitles();
    this.show(true);
    this.scene.load(this.twin.a.views, this.twin.b.views, shownNames(this.twin.a.session.scenario));
    this.fit();
    this.updateScene();
    this.refresh();
    this.emit();
  }

  /** The controller moved: keep in lockstep, or plan again for a new run. */
  private follow(change: string): void {
    if (!this.kindOpen) return;
    if (change === 'run') {
      const plan = this.controller.run ? this.plan(this.kindOpen, this.group) : null;
      if (plan?.ok) this.build(plan);
      else this.close();
      return;
    }
    if (!this.twin || (change !== 'clock' && change !== 'jump' && change !== 'refresh')) return;
    this.twin.follow();
    this.updateScene();
    if (change === 'refresh') this.refresh();
  }

  private updateScene(): void {
    const now = performance.now();
    const wallMs = this.lastUpdateMs === 0 ? 0 : Math.min(250, now - this.lastUpdateMs);
    this.lastUpdateMs = now;
    const speed = this.controller.clock.speed;
    this.scene.update(this.twin!.a.session.now, wallMs, speed, speed <= DETAIL_MAX_SPEED);
  }

  private refresh(): void {
    const twin = this.twin;
    if (!twin) return;
    for (const board of Object.values(this.boards)) board.refresh();
    this.strip.show(twin.differences(), twin.figures('a').currency);
  }

  private showTitles(): void {
    const twin = this.twin;
    if (!twin || !this.kindOpen) return;
    const agents = { a: twin.figures('a').agents, b: twin.figures('b').agents };
    const keys = this.kindOpen === 'powerOfOne' ? (['twin.asPlanned', 'twin.oneFewer'] as const) : (['twin.asLoaded', 'twin.withSettings'] as const);
    setText(this.titles.a, t(keys[0], { agents: agents.a }));
    setText(this.titles.b, t(keys[1], { agents: agents.b }));
    for (const board of Object.values(this.boards)) board.applyLanguage();
  }

  /** Switches the stage between one floor (phones | back office) and twin floors. */
  private show(on: boolean): void {
    this.stageSection.classList.toggle('twin', on);
    this.captions.hidden = !on;
    this.boardsHost.hidden = !on;
    this.stage.scene.root.visible = !on;
    this.scene.root.visible = on;
    this.loop.drawNow();
  }

  private fit(): void {
    if (!this.kindOpen) return;
    const { host } = this.stage;
    this.scene.resize(Math.max(100, Math.floor(host.clientWidth)), Math.max(100, Math.floor(host.clientHeight)));
    const layout = this.scene.layout;
    if (layout) this.captions.style.setProperty('--twin-street', `${layout.a.x}px`);
    this.loop.drawNow();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
