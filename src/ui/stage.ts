/**
 * The pixi stage: the application (drawn only when the frame loop says so), the building scene,
 * and the scene's size, labels and screen-reader summary. It follows the controller: a new run is
 * loaded into the scene, a jump (step, skip) is shown at once, and a refresh re-reads the summary.
 */
import { Application } from 'pixi.js';
import { loadArt, type Art } from '../render/common/art';
import { BuildingScene, type SceneLabels } from '../render/building-scene';
import { SCENE_COLOURS } from '../render/common/palette';
import { formatInteger, onLanguageChange, t } from './i18n/i18n';
import type { PageController } from './page-controller';
import { shownNames } from './display-names';

/** At or below this speed every caller is drawn; above it the scene draws counts. */
export const DETAIL_MAX_SPEED = 30;

export interface Stage {
  readonly app: Application;
  readonly scene: BuildingScene;
  readonly host: HTMLElement;
  /** The textures the scene draws with (twin floors draw with the same). */
  readonly art: Art;
}

export async function createStage(host: HTMLElement): Promise<Stage> {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const app = new Application();
  await app.init({
    background: SCENE_COLOURS.background,
    antialias: false,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    autoDensity: true,
    width: Math.max(100, host.clientWidth),
    height: Math.max(100, host.clientHeight),
    preference: 'webgl',
    // The page runs its own frame loop (frame-loop.ts) and draws only when something changed.
    autoStart: false,
  });
  app.canvas.setAttribute('aria-hidden', 'true');
  host.prepend(app.canvas);
  const art = await loadArt();
  const scene = new BuildingScene(app, art, { reducedMotion }, sceneLabels());
  onLanguageChange(() => scene.setLabels(sceneLabels()));
  return { app, scene, host, art };
}

/** Keeps the scene on the controller's run. */
export function connectStage(controller: PageController, { scene, host }: Stage): void {
  onLanguageChange(() => {
    if (controller.run) scene.setNames(shownNames(controller.run.session.scenario));
  });
  controller.subscribe((change) => {
    const run = controller.run;
    if (change === 'run' && run) scene.load(run.views, shownNames(run.session.scenario));
    else if (change === 'jump' && run) {
      const speed = controller.clock.speed;
      scene.update(run.session.now, 0, speed, speed <= DETAIL_MAX_SPEED);
    } else if (change === 'refresh' && run) describeScene(controller, host);
  });
}

/**
 * Resizes the renderer and the scene to the host, and hands the room widths to the CSS so the
 * captions and wallboards line up with the rooms below them.
 */
export function fitStage({ app, scene, host }: Stage): void {
  const width = Math.max(100, Math.floor(host.clientWidth));
  const height = Math.max(100, Math.floor(host.clientHeight));
  app.renderer.resize(width, height);
  scene.resize(width, height);
  const layout = scene.layout;
  if (layout) {
    const root = document.documentElement.style;
    root.setProperty('--street', `${layout.street.width}px`);
    root.setProperty('--voice-share', `${layout.voice.width}fr`);
    root.setProperty('--bo-share', `${layout.backOffice.width}fr`);
  }
}

/** What the canvas shows, in words, for a screen reader. */
function describeScene(controller: PageController, host: HTMLElement): void {
  const { session, backOffice } = controller.run!;
  let talking = 0;
  let acw = 0;
  let agents = 0;
  for (const group of session.model.groups) {
    for (const agent of group.agents) {
      agents++;
      if (agent.state === 'talking') talking++;
      else if (agent.state === 'acw') acw++;
    }
  }
  host.setAttribute(
    'aria-label',
    t('scene.canvasLabel', {
      waiting: formatInteger(session.waiting('all')),
      talking: formatInteger(talking),
      agents: formatInteger(agents),
      acw: formatInteger(acw),
      backoffice: backOffice ? t('wb.backlog') + ' ' + formatInteger(backOffice.kpis(session.now).backlog) : t('wb.noBackOffice'),
    }),
  );
}

/** The scene's words in the page's language. */
export function sceneLabels(): SceneLabels {
  return {
    voice: {
      lines: t('scene.lines'),
      linesUnlimited: t('scene.linesUnlimited'),
      exit: t('scene.exit'),
      aggregate: t('scene.aggregate'),
      tooManyAgents: t('scene.tooManyAgents', { count: '{count}' }),
      none: t('room.voice.none'),
      outbound: {
        customers: t('scene.out.customers'),
        noAnswer: t('scene.out.noAnswer'),
        busy: t('scene.out.busy'),
        machine: t('scene.out.machine'),
        connect: t('scene.out.connect'),
        abandoned: t('scene.out.abandoned'),
        ringing: t('scene.out.ringing'),
        modes: { preview: t('whatif.mode.preview'), progressive: t('whatif.mode.progressive'), predictive: t('whatif.mode.predictive') },
      },
      callbacks: {
        title: t('scene.callbacks.title'),
        minutes: t('scene.callbacks.minutes', { min: '{min}' }),
      },
    },
    backOffice: {
      shelves: t('scene.shelves'),
      qc: t('scene.qc'),
      done: t('scene.done'),
      none: t('room.backoffice.none'),
      sheetScale: t('scene.sheetScale'),
      closed: t('room.backoffice.closed'),
      mailBatch: t('scene.mailBatch', { count: '{count}' }),
      fileBatch: t('scene.fileBatch', { count: '{count}' }),
    },
  };
}
