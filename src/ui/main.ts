/**
 * The page, composed: the controller (the page's state and its one interface), the pixi stage,
 * the panels that render from the controller and call it, the side views, and the frame loop.
 * See docs/app.md for how the pieces fit.
 */
import './styles.css';
import { bundledScenarios } from '../app/scenario-catalog';
import { artUrl } from '../render/common/art';
import { byId } from './dom';
import { onLanguageChange } from './i18n/i18n';
import { PageController } from './page-controller';
import { connectStage, createStage, fitStage, type Stage } from './stage';
import { FrameLoop } from './frame-loop';
import { FrameStats } from './frame-stats';
import { connectViews } from './views';
import { connectLanguage } from './panels/language';
import { connectLegend } from './panels/legend';
import { connectScenarioPicker } from './panels/scenario-picker';
import { connectTransport } from './panels/transport';
import { connectKeyboard } from './panels/keyboard';
import { connectProblems } from './panels/problems';
import { connectErrorBanner, showErrorBanner } from './panels/error-banner';
import { connectWallboards } from './panels/wallboards-panel';
import { ChartsPanel } from './charts/charts-panel';
import { PlanView } from './plan/plan-view';
import { connectInspect } from './panels/inspect';
import { connectWhatIf } from './what-if-panel';
import { connectNotice } from './page-notice';
import { connectScenarioAbout } from './panels/scenario-about';
import { installTestHooks } from './test-hooks';
import { connectLessons } from './workshop/connect-lessons';
import { connectShare } from './panels/share';
import { browserDraftStore, connectAutosave } from './panels/autosave';
import { shippedScenarios } from '../app/run-snapshot';
import { connectBrand, StartScreen } from './start/start-screen';
import { actionChoice, playScenarioChoice, tabChoice } from './start/scenario-choice';
import { startScreenSeen } from './start/start-seen';
import { connectEditor } from './editor/scenario-editor';
import { connectTwin } from './twin/twin-entry';
import { connectRound } from './round/connect-round';

async function start(): Promise<void> {
  connectLanguage();
  byId<HTMLImageElement>('logo').src = artUrl('logo') ?? '';
  const stage = await createStage(byId('scene'));
  const controller = new PageController(bundledScenarios());
  const stats = new FrameStats();
  const loop = new FrameLoop(controller, stage, stats);

  // Panels subscribe in this order, so the scene has a new run loaded before the boards read it.
  connectStage(controller, stage);
  const charts = new ChartsPanel(controller);
  const lessons = connectLessons(controller);
  const plan = new PlanView(controller);
  connectViews([
    { tab: 'tab-charts', panel: 'panel-charts', shown: () => charts.shown() },
    { tab: 'tab-whatif', panel: 'panel-whatif' },
    lessons.view,
    { tab: 'tab-plan', panel: 'panel-plan', shown: () => plan.shown() },
  ]);
  connectWallboards(controller);
  connectLegend(controller);
  connectScenarioPicker(controller);
  connectWhatIf(controller);
  connectProblems(controller);
  connectNotice(controller);
  connectErrorBanner(controller);
  connectInspect(controller, stage);
  connectTransport(controller);
  connectScenarioAbout(controller);
  const editor = connectEditor(controller);
  connectKeyboard(controller);
  const twin = connectTwin(controller, stage, loop);
  // After every view has its new text: figures and plot sizes follow the new labels.
  onLanguageChange(() => controller.refresh());
  watchSize(stage, loop, charts);

  const shipped = shippedScenarios(controller.entries);
  const share = connectShare(controller, shipped);
  const store = browserDraftStore();
  connectAutosave(controller, shipped, store, { editor, lessons: lessons.panel });
  const round = connectRound(controller, lessons.panel.lessons, store);
  // The ways in, each a tile of the start screen.
  const startScreen = new StartScreen(byId('start-host'), [
    playScenarioChoice(controller),
    tabChoice('lessons', 'tab-lessons', 'start.lessons.title', 'start.lessons.text'),
    // When the floor has no inbound group, the What-if tab's twin section says why.
    actionChoice('twin', 'start.twin.title', 'start.twin.text', () => {
      if (!twin.openTwin('powerOfOne').ok) byId('tab-whatif').click();
    }),
    actionChoice('round', 'start.round.title', 'start.round.text', () => round.open()),
    tabChoice('plan', 'tab-plan', 'start.plan.title', 'start.plan.text'),
    actionChoice('editor', 'start.editor.title', 'start.editor.text', () => editor.open()),
  ]);
  connectBrand(startScreen);
  // A run link in the address opens that run; otherwise (or when the link is bad) the usual start.
  if (!share.openLink(location.hash)) {
    const requested = new URLSearchParams(location.search).get('scenario');
    controller.start(requested);
    // A first-time viewer (the bare address) starts when the day gets going, not in an empty night;
    // a link that names a scenario starts at midnight, with the offer to skip.
    if (requested === null) controller.skipToOpening();
    // The bare address, on a first visit, opens on the start screen over that running page.
    if (requested === null && !startScreenSeen()) startScreen.open();
  }
  fitStage(stage);
  charts.resize();
  installTestHooks({ controller, stats, scene: stage.scene, loop, lessons: lessons.panel, plan, share, editor, twin, round });
  loop.start();
}

/** Resizes the stage and the charts with the window, once per frame at most, and draws at once. */
function watchSize(stage: Stage, loop: FrameLoop, charts: ChartsPanel): void {
  let queued = false;
  new ResizeObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fitStage(stage);
      charts.resize();
      // Resizing clears the canvas: draw again now, not a frame later (this runs after the frame
      // loop's own callback) nor only at the next wallboard refresh.
      loop.drawNow();
    });
  }).observe(stage.host);
}

start().catch((error: unknown) => {
  console.error(error);
  showErrorBanner(error instanceof Error ? error.message : String(error));
});
