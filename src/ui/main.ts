/**
 * The page: composes the scenario catalogue, the voice session (model + wallboard bookkeeping),
 * the pixi scene, the DOM wallboards, charts, controls and what-if panel, and runs the frame
 * loop with the display clock. See docs/app.md for how the pieces fit.
 *
 * Each frame: the display clock moves by speed × elapsed (capped), the model runs to it within a
 * share of wall time (holding the clock and saying "running behind" when it runs out), the
 * scene is updated from the model, and a few times a second the wallboards re-read the KPIs.
 * The time spent in Kituo's own code per frame (model advance + scene update) is measured with
 * performance.now() and kept for the render benchmark.
 */
import './styles.css';
import { Application } from 'pixi.js';
import { bundledScenarios, entryFromFile, entryFromText, startingEntry, type CatalogEntry } from '../app/scenario-catalog';
import { parseSeed } from '../app/seed';
import { DisplayClock, SPEEDS, advanceWithin } from '../app/display-clock';
import { applyWhatIf, defaultWhatIf, sameWhatIf } from '../app/what-if';
import { openingTimeSec } from '../app/opening-time';
import { startPageRun } from '../app/page-run';
import { loadArt, artUrl } from '../render/art';
import { BuildingScene, type SceneLabels } from '../render/building-scene';
import { SCENE_COLOURS } from '../render/palette';
import type { ScenarioProblem } from '../model/parse-scenario';
import { byId, h, setText } from './dom';
import { formatClock, formatDayClock, formatInteger, language, onLanguageChange, setLanguage, t, type Language } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import { BackOfficeWallboard, VoiceWallboard } from './wallboards';
import { BackOfficeChart, OutboundChart, VoiceCharts, setChartHeight } from './charts';
import { costSoFar } from '../app/cost-so-far';
import { WhatIfPanel, legendItems } from './what-if-panel';
import { AgentTooltip } from './agent-tooltip';
import { FrameStats } from './frame-stats';
import { installTestHooks } from './test-hooks';
import { PageNotice } from './page-notice';
import type { AppState } from './app-state';

/** At or below this speed every caller is drawn; above it the scene draws counts. */
export const DETAIL_MAX_SPEED = 30;
/** Problems listed on the page at most; the rest are counted ("… and 49,990 more"). */
const PROBLEMS_SHOWN = 50;
/** How often the DOM wallboards re-read the KPIs, in wall milliseconds. */
const WALLBOARD_PERIOD_MS = 250;


async function start(): Promise<void> {
  document.documentElement.lang = language();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const logo = byId<HTMLImageElement>('logo');
  logo.src = artUrl('logo') ?? '';

  /** Set when the scene changed while paused, so the next frame draws it. */
  let renderRequested = true;
  /** False only for the render benchmark's second pass: the scene is updated but not drawn. */
  let drawing = true;
  /** Frames pixi has drawn so far (read by the e2e tests through the test hooks). */
  let framesDrawn = 0;
  /** Set when a frame threw: the loop stops until a scenario is built afresh (reset or another scenario). */
  let failed = false;
  /** Test hooks only: the next frame throws this, to check the page recovers from a run-time error. */
  let injectedFault: string | null = null;

  // ── Static text (data-i18n) ─────────────────────────────────────────────────────────────
  const applyStaticText = () => {
    document.title = t('app.title');
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) setText(element, t(element.dataset.i18n as MessageKey));
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
      element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as MessageKey));
    }
  };
  applyStaticText();

  // ── Pixi ────────────────────────────────────────────────────────────────────────────────
  const sceneHost = byId('scene');
  const app = new Application();
  await app.init({
    background: SCENE_COLOURS.background,
    antialias: false,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    autoDensity: true,
    width: Math.max(100, sceneHost.clientWidth),
    height: Math.max(100, sceneHost.clientHeight),
    preference: 'webgl',
    // The page runs its own frame loop (below) and draws only when something changed.
    autoStart: false,
  });
  app.canvas.setAttribute('aria-hidden', 'true');
  sceneHost.prepend(app.canvas);
  const art = await loadArt();
  const scene = new BuildingScene(app, art, { reducedMotion }, sceneLabels());

  // ── DOM views ───────────────────────────────────────────────────────────────────────────
  const charts = new VoiceCharts(byId('chart-sl'), byId('chart-queue'), byId('chart-note'));
  const backOfficeChart = new BackOfficeChart(byId('chart-bo'));
  const outboundChart = new OutboundChart(byId('chart-out'), byId('chart-out-title'));
  const chartsPanel = byId('panel-charts');
  const whatIfTabPanel = byId('panel-whatif');
  const tabs = [byId<HTMLButtonElement>('tab-charts'), byId<HTMLButtonElement>('tab-whatif')];
  let plotHeight = 0;
  /**
   * Sizes the plots so that every chart shown fits the charts panel, which takes what the side
   * column has left: the side panel never scrolls, at 1280×720 or 1920×1080.
   */
  const fitCharts = () => {
    if (chartsPanel.hidden) return;
    const hosts = ['chart-sl', 'chart-queue', 'chart-out', 'chart-bo'].map((id) => byId(id)).filter((e) => !e.hidden);
    if (hosts.length === 0) return;
    const style = getComputedStyle(chartsPanel);
    const inner = chartsPanel.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    let plots = 0;
    for (const host of hosts) plots += host.getBoundingClientRect().height;
    // Height of the content now, whether it over- or underfills the panel.
    const top = chartsPanel.getBoundingClientRect().top + chartsPanel.clientTop + parseFloat(style.paddingTop);
    let bottom = top;
    for (const child of chartsPanel.children) {
      if ((child as HTMLElement).hidden) continue;
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom + parseFloat(getComputedStyle(child).marginBottom));
    }
    const content = bottom - top;
    const other = content - plots;
    const per = Math.floor((inner - other) / hosts.length) - 1;
    if (Math.abs(per - plotHeight) < 2) return;
    plotHeight = per;
    setChartHeight(per);
    charts.resize();
    backOfficeChart.resize();
    outboundChart.resize();
  };
  const selectTab = (index: number) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    chartsPanel.hidden = index !== 0;
    whatIfTabPanel.hidden = index !== 1;
    if (index === 0) {
      plotHeight = 0;
      charts.resize();
      backOfficeChart.resize();
      outboundChart.resize();
      fitCharts();
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(i));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      event.stopPropagation();
      const next = (i + 1) % tabs.length;
      selectTab(next);
      tabs[next].focus();
    });
  });
  new ResizeObserver(() => fitCharts()).observe(chartsPanel);
  const voiceBoard = new VoiceWallboard(byId('wallboard-voice'), () => charts.select(voiceBoard.selection));
  const backOfficeBoard = new BackOfficeWallboard(byId('wallboard-backoffice'));
  const tooltip = new AgentTooltip(byId('tooltip'));
  const problemsBox = byId('problems');
  const notice = new PageNotice(document.body);
  const statusBox = byId('status');
  const clockBox = byId('clock');
  const playButton = byId<HTMLButtonElement>('play');
  const speedInput = byId<HTMLInputElement>('speed');
  const speedValue = byId<HTMLOutputElement>('speed-value');
  const seedInput = byId<HTMLInputElement>('seed');
  const picker = byId<HTMLSelectElement>('scenario-picker');
  const pendingNote = byId('whatif-pending');
  const languagePicker = byId<HTMLSelectElement>('language');
  const stepButtons = [byId<HTMLButtonElement>('step-event'), byId<HTMLButtonElement>('step-minute')];
  const skipButton = byId<HTMLButtonElement>('skip-opening');
  /** When the loaded scenario's first day gets going: the page offers to skip the quiet night to it. */
  let openingSec = 0;

  const clock = new DisplayClock(10);
  const stats = new FrameStats();
  const state: AppState = {
    entries: bundledScenarios(),
    selected: -1,
    scenario: null,
    problems: null,
    session: null,
    backOffice: null,
    whatIf: null,
    appliedWhatIf: null,
    seed: 1,
    appliedSeed: 1,
  };
  const whatIfPanel = new WhatIfPanel(byId('whatif'), (settings) => {
    state.whatIf = settings;
    updatePending();
  });

  // ── Legend ──────────────────────────────────────────────────────────────────────────────
  const renderLegend = () => {
    const items = legendItems(state.session?.scenario ?? null).map((item) => {
      let mark: HTMLElement;
      if (item.shape === 'badge') {
        mark = h('span', { class: 'badge token', style: `background:${item.colour}` }, h('img', { src: artUrl(item.icon!) ?? '', alt: '' }));
      } else if (item.shape === 'ring') {
        mark = h('span', { class: 'token', style: `border:3px solid ${item.colour};border-radius:50%;display:inline-block` });
      } else {
        mark = h('span', { class: 'token', style: `background:${item.colour};border-radius:3px;display:inline-block` });
      }
      return h('li', {}, mark, h('span', { text: t(item.key) }));
    });
    byId('legend').replaceChildren(...items);
  };
  renderLegend();

  // ── Scenario picker ─────────────────────────────────────────────────────────────────────
  const fillPicker = () => {
    const options = state.entries.map((entry, i) => {
      const name = entry.result.ok ? entry.result.scenario.name : entry.file;
      const label = entry.result.ok ? name : t('controls.scenarioInvalid', { name });
      const custom = entry.file.startsWith('custom:');
      const shown = entry.result.ok ? label : t('controls.scenarioInvalid', { name: custom ? entry.file.slice('custom:'.length) : entry.file });
      return h('option', { value: String(i), text: custom ? t('controls.scenarioCustom', { name: shown }) : shown });
    });
    if (options.length === 0) options.push(h('option', { value: '-1', text: t('problems.noScenarios') }));
    picker.replaceChildren(...options);
    picker.value = String(state.selected);
  };

  /** What the problem list is headed with: the scenario's own problems, or the what-if changes'. */
  let problemsTitle: MessageKey = 'problems.title';
  const showProblems = (problems: readonly ScenarioProblem[] | null, title: MessageKey = 'problems.title') => {
    state.problems = problems;
    problemsTitle = title;
    if (problems) {
      // Nothing runs: clear every view rather than leave the previous scenario's figures up.
      state.session = null;
      state.backOffice = null;
      voiceBoard.detach();
      backOfficeBoard.detach();
      charts.attach(null, 0);
      backOfficeChart.attach(null);
      outboundChart.attach(null);
      byId('chart-bo-title').hidden = true;
      setText(byId('chart-note'), '');
    }
    if (!problems) {
      problemsBox.hidden = true;
      problemsBox.replaceChildren();
      return;
    }
    const list = h('ul', { id: 'problem-list' });
    for (const problem of problems.slice(0, PROBLEMS_SHOWN)) {
      list.append(h('li', {}, h('code', { text: problem.path === '' ? t('problems.document') : problem.path }), ': ', problem.message));
    }
    if (problems.length > PROBLEMS_SHOWN) list.append(h('li', { class: 'more', text: t('problems.more', { count: formatInteger(problems.length - PROBLEMS_SHOWN) }) }));
    problemsBox.replaceChildren(h('h2', { text: t(problemsTitle) }), list);
    problemsBox.hidden = false;
  };

  /** Builds a fresh model from the selected scenario with the pending what-if settings and seed. */
  const rebuild = () => {
    // A fresh model: whatever failed in the last one is gone with it.
    failed = false;
    clearError();
    clock.playing = false;
    clock.behind = false;
    clock.timeSec = 0;
    tooltip.hide(true);
    const scenario = state.scenario;
    if (!scenario || !state.whatIf) return;
    const changed = applyWhatIf(scenario, state.whatIf);
    if (!changed.ok) {
      // The scenario itself is fine: say that the changes are what cannot run, and leave no
      // pending note up (they were applied, and failed).
      showProblems(changed.problems, 'problems.whatIfTitle');
      updatePending();
      syncControls();
      return;
    }
    showProblems(null);
    openingSec = openingTimeSec(changed.scenario);
    const run = startPageRun(changed.scenario, state.seed);
    state.session = run.session;
    state.backOffice = run.backOffice;
    state.appliedWhatIf = state.whatIf;
    state.appliedSeed = state.seed;
    scene.load(run.views);
    voiceBoard.attach(state.session);
    charts.attach(state.session, voiceBoard.selection);
    backOfficeChart.attach(state.backOffice);
    outboundChart.attach(state.session);
    byId('chart-bo-title').hidden = !state.backOffice;
    byId('chart-hint').hidden = changed.scenario.queues.length === 0;
    updatePending();
    renderLegend();
    refreshBoards();
    syncControls();
    plotHeight = 0;
    fitCharts();
  };

  const selectEntry = (index: number) => {
    // Whatever the notice said was about the scenario (or seed) being left.
    notice.hide();
    state.selected = index;
    const entry = state.entries[index];
    picker.value = String(index);
    if (!entry) return;
    if (!entry.result.ok) {
      state.scenario = null;
      state.session = null;
      state.whatIf = null;
      showProblems(entry.result.problems);
      syncControls();
      return;
    }
    state.scenario = entry.result.scenario;
    state.seed = entry.result.scenario.seed ?? 1;
    seedInput.value = String(state.seed);
    state.whatIf = defaultWhatIf(entry.result.scenario);
    whatIfPanel.show(entry.result.scenario, state.whatIf);
    rebuild();
  };

  const loadScenarioText = (text: string, name = 'scenario.json') => addEntry(entryFromText(`custom:${name}`, text));
  const addEntry = (entry: CatalogEntry) => {
    state.entries = [...state.entries.filter((e) => e.file !== entry.file), entry];
    fillPicker();
    selectEntry(state.entries.length - 1);
    return entry.result.ok ? { ok: true as const } : { ok: false as const, problems: entry.result.problems };
  };

  // ── Controls ────────────────────────────────────────────────────────────────────────────
  const updatePending = () => {
    const pending =
      state.session !== null &&
      ((state.whatIf !== null && state.appliedWhatIf !== null && !sameWhatIf(state.whatIf, state.appliedWhatIf)) || state.seed !== state.appliedSeed);
    pendingNote.hidden = !pending;
  };

  const syncControls = () => {
    const session = state.session;
    const canRun = session !== null && !session.isFinished;
    setText(playButton, clock.playing ? t('controls.pause') : t('controls.play'));
    playButton.setAttribute('aria-pressed', String(clock.playing));
    playButton.disabled = !canRun;
    for (const button of stepButtons) button.disabled = !canRun;
    const canSkip = canRun && session.now < openingSec;
    skipButton.hidden = !canSkip;
    if (canSkip) setText(skipButton, t('controls.skipTo', { time: formatClock(openingSec, false) }));
    speedInput.value = String(SPEEDS.indexOf(clock.speed));
    setText(speedValue, t('controls.speedValue', { speed: formatInteger(clock.speed) }));
    speedInput.title = t('controls.speedHint');
    setText(clockBox, session ? formatDayClock(session.now) : '—');
    const status = !session ? '' : session.isFinished ? t('controls.finished') : clock.behind ? t('controls.behind') : '';
    setText(statusBox, status);
  };

  const refreshBoards = () => {
    renderRequested = true;
    const session = state.session;
    voiceBoard.refresh();
    charts.refresh();
    if (session) backOfficeChart.refresh(session.now);
    outboundChart.refresh();
    if (session) backOfficeBoard.show(state.backOffice ? state.backOffice.kpis(session.now) : null);
    else backOfficeBoard.detach();
    // Cost so far through the model's cost formulas, on both wallboards (only with costs).
    const cost = session ? costSoFar(session.model, state.backOffice?.model ?? null) : null;
    voiceBoard.showCost(cost);
    backOfficeBoard.showCost(cost);
    if (session) {
      tooltip.refresh(session.now);
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
      sceneHost.setAttribute(
        'aria-label',
        t('scene.canvasLabel', {
          waiting: formatInteger(session.waiting('all')),
          talking: formatInteger(talking),
          agents: formatInteger(agents),
          acw: formatInteger(acw),
          backoffice: state.backOffice ? t('wb.backlog') + ' ' + formatInteger(state.backOffice.kpis(session.now).backlog) : t('wb.noBackOffice'),
        }),
      );
    }
    syncControls();
  };

  const togglePlay = () => {
    if (!state.session || state.session.isFinished) return;
    clock.playing = !clock.playing;
    syncControls();
  };

  const step = (kind: 'event' | 'minute') => {
    const session = state.session;
    if (!session || session.isFinished) return;
    clock.playing = false;
    if (kind === 'event') session.stepEvent();
    else session.advanceTo(Math.floor(session.now / 60) * 60 + 60, Infinity);
    showJump();
  };

  /** Skips the quiet night: the model runs to the opening time exactly, playing or not. */
  const skipToOpening = () => {
    const session = state.session;
    if (!session || session.isFinished || session.now >= openingSec) return;
    session.advanceTo(openingSec, Infinity);
    showJump();
    syncControls();
  };

  /** After the model jumped ahead outside the frame loop: the display clock, scene and boards follow. */
  const showJump = () => {
    const session = state.session!;
    clock.timeSec = session.now;
    clock.behind = false;
    scene.update(session.now, 0, clock.speed, clock.speed <= DETAIL_MAX_SPEED);
    refreshBoards();
  };

  playButton.addEventListener('click', togglePlay);
  stepButtons[0].addEventListener('click', () => step('event'));
  stepButtons[1].addEventListener('click', () => step('minute'));
  skipButton.addEventListener('click', skipToOpening);
  byId('reset').addEventListener('click', () => rebuild());
  speedInput.addEventListener('input', () => {
    clock.speed = SPEEDS[Number(speedInput.value)];
    syncControls();
  });
  seedInput.addEventListener('change', () => {
    // An empty or non-numeric box is refused where it was typed, and the last good seed kept.
    const seed = parseSeed(seedInput.value);
    seedInput.setAttribute('aria-invalid', String(seed === null));
    seedInput.classList.toggle('invalid', seed === null);
    if (seed === null) notice.show(t('controls.seedRefused', { seed: String(state.seed) }), seedInput);
    else {
      state.seed = seed;
      notice.hide();
    }
    seedInput.value = String(state.seed);
    updatePending();
  });
  picker.addEventListener('change', () => selectEntry(Number(picker.value)));
  byId<HTMLInputElement>('scenario-file').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied at once, so choosing the same file again (after fixing it) is a change again.
    input.value = '';
    if (!file) return;
    addEntry(await entryFromFile(`custom:${file.name}`, file));
  });
  languagePicker.value = language();
  languagePicker.addEventListener('change', () => setLanguage(languagePicker.value as Language));

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement ? target.type !== 'range' && target.type !== 'button' : target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === ' ' || event.code === 'Space') {
      // A focused button or disclosure keeps its own Space (the play button's is play/pause).
      if (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY') return;
      event.preventDefault();
      togglePlay();
    } else if (event.key === 'ArrowRight' && target.tagName !== 'INPUT') {
      event.preventDefault();
      step(event.shiftKey ? 'minute' : 'event');
    } else if (event.key === '+' || event.key === '=') {
      clock.faster();
      syncControls();
    } else if (event.key === '-' || event.key === '_') {
      clock.slower();
      syncControls();
    } else if (event.key === 'r' || event.key === 'R') {
      rebuild();
    } else if (event.key === 'Escape') {
      tooltip.hide(true);
    }
  });

  // ── Inspect ─────────────────────────────────────────────────────────────────────────────
  const pointer = (event: PointerEvent) => {
    const rect = app.canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  /** Shows the agent or clerk under (x, y); false when there is none. */
  const inspect = (x: number, y: number, pin: boolean): boolean => {
    const session = state.session;
    if (!session) return false;
    const snapshots = scene.snapshots;
    if (!snapshots) return false;
    const agent = scene.agentAt(x, y);
    if (agent >= 0) {
      tooltip.show(snapshots, agent, x, y, session.now, pin);
      return true;
    }
    const clerk = scene.clerkAt(x, y);
    if (clerk >= 0) {
      tooltip.showClerk(snapshots, clerk, x, y, session.now, pin);
      return true;
    }
    return false;
  };
  sceneHost.addEventListener('pointermove', (event) => {
    const { x, y } = pointer(event);
    if (!inspect(x, y, false)) tooltip.hide();
  });
  sceneHost.addEventListener('pointerleave', () => tooltip.hide());
  sceneHost.addEventListener('click', (event) => {
    const { x, y } = pointer(event as PointerEvent);
    if (!inspect(x, y, true)) tooltip.hide(true);
  });

  // ── Language ────────────────────────────────────────────────────────────────────────────
  onLanguageChange(() => {
    applyStaticText();
    languagePicker.value = language();
    renderLegend();
    fillPicker();
    whatIfPanel.applyLanguage();
    voiceBoard.applyLanguage();
    backOfficeBoard.applyLanguage();
    charts.applyLanguage();
    backOfficeChart.applyLanguage();
    outboundChart.applyLanguage();
    scene.setLabels(sceneLabels());
    if (state.problems) showProblems(state.problems, problemsTitle);
    refreshBoards();
    plotHeight = 0;
    fitCharts();
  });

  // ── Layout ──────────────────────────────────────────────────────────────────────────────
  const applySize = () => {
    const width = Math.max(100, Math.floor(sceneHost.clientWidth));
    const height = Math.max(100, Math.floor(sceneHost.clientHeight));
    app.renderer.resize(width, height);
    scene.resize(width, height);
    // Resizing clears the canvas: draw again now, not a frame later (this runs after the frame
    // loop's own callback) nor only at the next wallboard refresh.
    renderRequested = true;
    const layout = scene.layout;
    if (layout) {
      const root = document.documentElement.style;
      root.setProperty('--street', `${layout.street.width}px`);
      root.setProperty('--voice-share', `${layout.voice.width}fr`);
      root.setProperty('--bo-share', `${layout.backOffice.width}fr`);
    }
    charts.resize();
    backOfficeChart.resize();
    outboundChart.resize();
    fitCharts();
  };
  let resizeQueued = false;
  new ResizeObserver(() => {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(() => {
      resizeQueued = false;
      applySize();
      if (drawing) {
        renderRequested = false;
        app.render();
        framesDrawn++;
      }
    });
  }).observe(sceneHost);

  // ── Frame loop ──────────────────────────────────────────────────────────────────────────
  let sinceBoards = 0;
  // While playing every frame is drawn; while paused, only after a change (a step, a reset, a
  // resize, a language switch, a wallboard refresh) or while a pulse is still fading, so an idle
  // page costs next to nothing.
  let lastFrameMs = performance.now();
  const loop = (timeMs: number) => {
    requestAnimationFrame(loop);
    const elapsedMs = Math.max(0, timeMs - lastFrameMs);
    lastFrameMs = timeMs;
    frame(elapsedMs);
  };
  requestAnimationFrame(loop);

  function frame(elapsedMs: number): void {
    if (failed) return;
    const session = state.session;
    try {
      if (injectedFault !== null) {
        const message = injectedFault;
        injectedFault = null;
        throw new Error(message);
      }
      const t0 = performance.now();
      if (session && clock.playing) {
        const target = clock.target(elapsedMs);
        const result = advanceWithin(session, target, () => performance.now());
        clock.behind = !result.reached && !session.isFinished;
        clock.timeSec = session.now;
        if (session.isFinished) clock.playing = false;
      }
      const t1 = performance.now();
      const animating = session ? scene.update(session.now, elapsedMs, clock.speed, clock.speed <= DETAIL_MAX_SPEED) : false;
      const t2 = performance.now();
      sinceBoards += elapsedMs;
      let uiMs = 0;
      if (sinceBoards >= WALLBOARD_PERIOD_MS) {
        sinceBoards = 0;
        refreshBoards();
        // Once the run has reached the opening time by itself there is nothing left to skip.
        if (!skipButton.hidden && session && session.now >= openingSec) skipButton.hidden = true;
        uiMs = performance.now() - t2;
      } else if (session && clock.playing) {
        setText(clockBox, formatDayClock(session.now));
      }
      stats.record(t1 - t0, t2 - t1, uiMs, clock.speed);
      if (drawing && (clock.playing || animating || renderRequested)) {
        renderRequested = false;
        app.render();
        framesDrawn++;
      }
    } catch (error) {
      failed = true;
      clock.playing = false;
      reportError(error);
    }
  }

  // ── Start ───────────────────────────────────────────────────────────────────────────────
  const first = startingEntry(state.entries, new URLSearchParams(location.search).get('scenario'));
  state.selected = first.index;
  fillPicker();
  if (state.entries.length > 0) selectEntry(state.selected);
  else showProblems([{ path: '', message: t('problems.noScenarios') }]);
  const shown = state.entries[state.selected];
  if (first.unknown !== null && shown) {
    notice.show(t('controls.scenarioUnknown', { name: first.unknown, shown: shown.result.ok ? shown.result.scenario.name : shown.file }));
  }
  applySize();
  syncControls();

  installTestHooks({
    state,
    clock,
    stats,
    scene,
    refresh: refreshBoards,
    loadScenarioText,
    selectFile: (file) => {
      const index = state.entries.findIndex((e) => e.file === file);
      if (index < 0) throw new Error(`no scenario file ${file}`);
      selectEntry(index);
    },
    reset: rebuild,
    togglePlay,
    step,
    syncControls,
    isFailed: () => failed,
    injectFault: (message) => {
      injectedFault = message;
    },
    framesDrawn: () => framesDrawn,
    setDrawing: (on) => {
      drawing = on;
      renderRequested = true;
    },
  });
}

function sceneLabels(): SceneLabels {
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

const pageErrors: string[] = [];

/** Takes the "Something went wrong" banner down: the page runs again. */
function clearError(): void {
  document.querySelector('.error-banner')?.remove();
}

function reportError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  pageErrors.push(message);
  console.error(error);
  let banner = document.querySelector<HTMLElement>('.error-banner');
  if (!banner) {
    banner = h('div', { class: 'error-banner', role: 'alert' });
    document.body.append(banner);
  }
  banner.textContent = t('error.unexpected', { message });
}

export function errorsSoFar(): readonly string[] {
  return pageErrors;
}

start().catch(reportError);
