/**
 * The facilitator's round (issue 12, item 5): a full view over the page, in steps. Setup (what
 * the round plays on, seed, replications, budget, locks, the score's weights) → Teams (each team
 * enters its staffing in turn; locked decisions show but cannot change) → Run (every team on the
 * same seed in the Plan view's Web Workers, with progress and Cancel, the animation going on
 * behind) → Leaderboard (ranked; weights re-rank without running again) → Debrief (each team's
 * service level per interval, same axes). The round saves to a file and loads from one, and is
 * kept between visits (app/round/round-store.ts). The logic is in src/app/round/; this is the DOM.
 */
import { shownNames } from '../display-names';
import './round.css';
import PlanWorkerScript from '../plan/plan-worker?worker&inline';
import type { LessonEntry, ReadyLesson } from '../../app/lesson-catalog';
import type { DraftStore } from '../../app/autosave';
import { planWorkerCount, runJobsOnWorkers, type PlanWorker } from '../../app/plan-pool';
import { changeRound, MIN_TEAMS_TO_RUN, MAX_TEAMS, newRound, scenarioDecisions, type Round, type RoundSource } from '../../app/round/round';
import { roundProblems, roundScenario, teamScenario } from '../../app/round/round-config';
import { runRound } from '../../app/round/round-results';
import { rankTeams, type Standing } from '../../app/round/round-score';
import { parseRoundText, roundText, validateRound } from '../../app/round/round-schema';
import { keepRound, type RoundStep } from '../../app/round/round-store';
import type { ScenarioProblem } from '../../model/scenario/parse-scenario';
import { scenarioCosts, type Scenario } from '../../model/scenario/scenario-schema';
import { Cancelled } from '../../runner/cancelled';
import { h, setText } from '../dom';
import { download } from '../download';
import { onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { problemList } from '../panels/problems';
import { say } from '../workshop/lesson-text';
import { debriefStep, leaderboardStep } from './round-board';
import { setupStep, teamsStep } from './round-steps';
import type { RoundHost } from './round-host';

/** What the test hooks read. */
export interface RoundState {
  open: boolean;
  step: RoundStep;
  teams: string[];
  running: boolean;
  done: number;
  total: number;
  message: string;
  standings: { team: string; rank: number; score: number; overBudget: boolean }[];
  charts: number;
  round: Round | null;
}

const STEP_KEYS = { setup: 'round.stepSetup', teams: 'round.stepTeams', leaderboard: 'round.stepLeaderboard', debrief: 'round.stepDebrief' } as const;

export class RoundView implements RoundHost {
  private readonly root: HTMLElement;
  private readonly body = h('div', { class: 'round-body' });
  private readonly message = h('div', { id: 'round-message', class: 'round-message', role: 'status' });
  private readonly fileInput = h('input', { id: 'round-file', type: 'file', accept: '.json,application/json' });
  private round: Round | null = null;
  private scenario: Scenario | null = null;
  private step: RoundStep = 'setup';
  private abort: AbortController | null = null;
  private progress = { done: 0, total: 0 };
  private rendering = false;
  /** Tests only: this many workers instead of one per core. */
  workersOverride: number | null = null;

  constructor(
    host: HTMLElement,
    private readonly controller: PageController,
    readonly lessons: readonly LessonEntry[],
    private readonly store: DraftStore,
  ) {
    this.root = host;
    this.root.hidden = true;
    this.fileInput.addEventListener('change', () => void this.loadFile());
    onLanguageChange(() => this.render());
  }

  /** Opens the view: on `round` at `step` when given, else on the round already open, else a new round on the page's scenario. */
  open(round?: Round, step?: RoundStep): void {
    if (round) this.round = round;
    if (!this.round) this.round = this.fresh({ kind: 'scenario', file: this.controller.entries[this.controller.selected]?.file ?? '' });
    this.resolve();
    this.step = step ?? (this.round.results ? 'leaderboard' : this.step);
    this.root.hidden = false;
    document.documentElement.classList.add('round-open');
    this.render();
    this.root.scrollIntoView({ block: 'start' });
  }

  close(): void {
    this.abort?.abort();
    this.root.hidden = true;
    document.documentElement.classList.remove('round-open');
  }

  read(): RoundState {
    const standings = this.standings();
    return {
      open: !this.root.hidden,
      step: this.step,
      teams: this.round?.teams.map((team) => team.name) ?? [],
      running: this.abort !== null,
      ...this.progress,
      message: this.message.textContent ?? '',
      standings: standings.map((s) => ({ team: this.round!.teams[s.team].name, rank: s.rank, score: s.score, overBudget: s.overBudget })),
      charts: this.root.querySelectorAll('.round-chart canvas').length,
      round: this.round,
    };
  }

  // ── what the steps call ───────────────────────────────────────────────────────────────────────

  /** Applies a change to the round when the round file's schema accepts it, else shows why and keeps the round. */
  change(change: Parameters<typeof changeRound>[1]): void {
    const next = changeRound(this.round!, change);
    const checked = validateRound(next);
    if (!checked.ok) {
      this.setMessage(null, checked.problems);
      this.render();
      return;
    }
    this.round = next;
    this.setMessage(null);
    this.keep();
    this.render();
  }

  /** A new round on another scenario or lesson: its seed, no locks, the teams' names kept with the new scenario's staffing. */
  changeSource(source: RoundSource): void {
    const names = this.round?.teams.map((team) => team.name) ?? [];
    this.round = this.fresh(source);
    this.resolve();
    if (this.scenario) {
      const decisions = scenarioDecisions(this.scenario);
      this.round = { ...this.round, teams: names.map((name) => ({ name, decisions })) };
    }
    this.keep();
    this.render();
  }

  addTeam(): void {
    const round = this.round!;
    if (!this.scenario || round.teams.length >= MAX_TEAMS) return;
    const taken = new Set(round.teams.map((team) => team.name.toLocaleLowerCase()));
    let number = round.teams.length + 1;
    while (taken.has(t('round.defaultTeam', { number }).toLocaleLowerCase())) number++;
    this.change({ teams: [...round.teams, { name: t('round.defaultTeam', { number }), decisions: scenarioDecisions(this.scenario) }] });
  }

  goTo(step: RoundStep): void {
    this.step = step;
    this.setMessage(null);
    this.keep();
    this.render();
  }

  get current(): { round: Round; scenario: Scenario | null; lessons: readonly ReadyLesson[]; entries: PageController['entries'] } {
    return { round: this.round!, scenario: this.scenario, lessons: this.lessons.filter((l): l is ReadyLesson => l.ok), entries: this.controller.entries };
  }

  get currency(): string | null {
    return this.scenario ? (scenarioCosts(this.scenario)?.currency ?? null) : null;
  }

  get running(): boolean {
    return this.abort !== null;
  }

  sourceLabel(source: RoundSource): string {
    if (source.kind === 'scenario') {
      const entry = this.controller.entries.find((e) => e.file === source.file);
      return entry?.result.ok ? shownNames(entry.result.scenario).name : source.file;
    }
    const lesson = this.current.lessons.find((l) => l.lesson.id === source.lesson);
    return lesson ? say(lesson.lesson.title) : source.lesson;
  }

  async run(): Promise<void> {
    const round = this.round!;
    const scenario = this.scenario;
    if (this.abort || !scenario) return;
    if (round.teams.length < MIN_TEAMS_TO_RUN) return this.setMessage(t('round.needTeams', { min: MIN_TEAMS_TO_RUN }));
    const problems = roundProblems(round, scenario);
    const scenarios: Scenario[] = [];
    round.teams.forEach((team, i) => {
      const built = teamScenario(round, scenario, team.decisions, `teams[${i}].decisions`);
      if (built.ok) scenarios.push(built.scenario);
      else problems.push(...built.problems.filter((p) => !problems.some((q) => q.path === p.path)));
    });
    if (problems.length > 0) return this.setMessage(t('round.problems'), problems);
    const jobs = scenarios.length * round.replications;
    this.abort = new AbortController();
    this.progress = { done: 0, total: round.replications };
    this.setMessage(null);
    this.render();
    // A Vite worker is a real Worker; PlanWorker is the part of it the pool uses.
    const runJobs = runJobsOnWorkers(() => new PlanWorkerScript() as unknown as PlanWorker, {
      workers: this.workersOverride ?? planWorkerCount(navigator.hardwareConcurrency, jobs),
      signal: this.abort.signal,
      // A replication is done when every team has run it (the runs come in that order).
      onProgress: (done) => {
        this.progress.done = Math.floor(done / scenarios.length);
        this.showProgress();
      },
    });
    try {
      const results = await runRound(runJobs, scenarios, round.seed, round.replications);
      this.abort = null;
      this.round = { ...round, results };
      this.step = 'leaderboard';
      this.keep();
      this.render();
    } catch (error) {
      this.abort = null;
      this.render();
      this.setMessage(error instanceof Cancelled ? t('round.cancelled', this.progress) : t('round.failed', { message: (error as Error).message }));
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  standings(): Standing[] {
    const results = this.round?.results;
    return results ? rankTeams(results.teams, this.round!) : [];
  }

  // ── the shell ─────────────────────────────────────────────────────────────────────────────────

  private fresh(source: RoundSource): Round {
    const found = roundScenario(source, this.controller.entries, this.lessons);
    return newRound(source, found.ok ? found.seed : 1);
  }

  /** The round's scenario, or the reason there is none (shown in place of the steps); any earlier message goes. */
  private resolve(): void {
    const found = roundScenario(this.round!.source, this.controller.entries, this.lessons);
    this.scenario = found.ok ? found.scenario : null;
    if (found.ok) this.setMessage(null);
    else this.setMessage(t('round.sourceProblems'), found.problems);
  }

  private keep(): void {
    if (this.round) keepRound(this.store, this.round, this.step, Date.now());
  }

  private setMessage(text: string | null, problems: readonly ScenarioProblem[] = []): void {
    this.message.replaceChildren(...(text ? [h('p', { text })] : []), ...(problems.length > 0 ? [problemList(problems, 'round-problems')] : []));
    this.message.hidden = this.message.childNodes.length === 0;
  }

  showProgress(): void {
    const bar = this.root.querySelector<HTMLProgressElement>('#round-progress');
    const text = this.root.querySelector<HTMLElement>('#round-progress-text');
    if (bar) bar.value = this.progress.total > 0 ? this.progress.done / this.progress.total : 0;
    if (text) setText(text, t('round.progress', this.progress));
  }

  private async loadFile(): Promise<void> {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return this.setMessage(t('round.loadProblems'), [{ path: '', message: `could not be read: ${(error as Error).message}` }]);
    }
    const read = parseRoundText(text);
    if (!read.ok) return this.setMessage(t('round.loadProblems'), read.problems);
    this.abort?.abort();
    this.round = read.round;
    this.step = read.round.results ? 'leaderboard' : 'teams';
    this.resolve();
    this.keep();
    this.render();
  }

  private render(): void {
    if (this.root.hidden || !this.round || this.rendering) return;
    // Removing a focused box whose value was typed makes the browser commit it (a `change`) at
    // once, in the middle of this render: that change is the one being rendered, so it is let go.
    this.rendering = true;
    try {
      this.draw(this.round);
    } finally {
      this.rendering = false;
    }
  }

  private draw(round: Round): void {
    const stepButton = (step: RoundStep) => {
      const button = h('button', { type: 'button', class: 'round-step', 'data-step': step, 'aria-current': this.step === step ? 'step' : undefined, text: t(STEP_KEYS[step]) });
      button.disabled = this.running || (step !== 'setup' && !this.scenario) || ((step === 'leaderboard' || step === 'debrief') && !round.results);
      button.addEventListener('click', () => this.goTo(step));
      return button;
    };
    const action = (id: string, key: Parameters<typeof t>[0], onClick: () => void) => {
      const button = h('button', { type: 'button', id, text: t(key) });
      button.addEventListener('click', onClick);
      return button;
    };
    const load = h('label', { class: 'button file-button', for: 'round-file' }, h('span', { text: t('round.load') }), this.fileInput);
    this.root.replaceChildren(
      h(
        'header',
        { class: 'round-head' },
        h('h2', { id: 'round-title', text: t('round.title') }),
        h('nav', { class: 'round-steps', 'aria-label': t('round.title') }, ...(['setup', 'teams', 'leaderboard', 'debrief'] as const).map(stepButton)),
        h('div', { class: 'round-files' }, action('round-save', 'round.save', () => download('kituo-round.json', roundText(round))), load, action('round-close', 'round.close', () => this.close())),
      ),
      this.message,
      this.body,
    );
    const parts = !this.scenario && this.step !== 'setup' ? [] : this.stepContent();
    this.body.replaceChildren(...parts);
    this.showProgress();
  }

  private stepContent(): Node[] {
    switch (this.step) {
      case 'setup':
        return setupStep(this);
      case 'teams':
        return teamsStep(this, this.progress);
      case 'leaderboard':
        return leaderboardStep(this);
      case 'debrief':
        return debriefStep(this, this.body);
    }
  }
}
