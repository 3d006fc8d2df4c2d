/**
 * The Lessons view: the list of lessons, then one lesson played as the room plays it (goal and
 * question, the run to its stop, the reveal). It keeps the lesson's state (src/app/lesson-play.ts)
 * and talks to the page only through the controller: `startLesson` loads a configuration, play
 * and the stop go through the transport. Every text from a lesson file goes in as text, never
 * as markup (h() and setText() use textContent).
 */
import './workshop.css';
import type { LessonEntry, ReadyLesson } from '../../app/lesson-catalog';
import { answerPrediction, answerProblem, chooseLesson, playConfiguration, reachStop, runPlan, type LessonAnswer, type LessonState } from '../../app/lesson-play';
import { enteredAsFigure, measureReveal, type LessonReveal } from '../../app/lesson-reveal';
import { isDefaultWhatIf } from '../../app/what-if';
import type { LessonProgress } from '../../app/autosave';
import { lessonProgress, resumeLesson } from '../../app/lesson-progress';
import { momentSec } from '../../model/lesson/lesson-schema';
import { h } from '../dom';
import { formatInteger, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { LessonHandout } from './lesson-handout';
import { openRound } from '../round/connect-round';
import { dayAndTime, formatFigure, say } from './lesson-text';

export class LessonsView {
  private state: LessonState | null = null;
  private reveal: LessonReveal | null = null;
  /** The choice or number the room has picked, before it is locked in. */
  private draft: LessonAnswer | null = null;
  private readonly handout = new LessonHandout();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly controller: PageController,
    readonly lessons: readonly LessonEntry[],
  ) {
    controller.subscribe((change) => {
      if (change === 'lesson' && controller.lesson === null && this.state) this.leave();
      else if ((change === 'transport' || change === 'refresh') && this.state?.phase === 'play' && controller.atLessonStop) this.revealNow();
      else if (change === 'run' && this.state?.phase === 'reveal' && controller.run && !controller.atLessonStop) this.update(playConfiguration(this.state, this.state.configuration));
    });
    onLanguageChange(() => this.render());
    this.render();
  }

  /** What the test hooks read: the lesson, its phase and configuration, and the figures once revealed. */
  get current(): { state: LessonState; reveal: LessonReveal | null } | null {
    return this.state ? { state: this.state, reveal: this.reveal } : null;
  }

  /** The lesson in progress as the page's draft keeps it; null when no lesson is being played. */
  progress(): LessonProgress | null {
    return this.state ? lessonProgress(this.state) : null;
  }

  /** Called whenever the lesson, its stage or the prediction changes (the draft is written then). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Takes the lesson up where a draft left it: its first configuration at the lesson's start, the
   * prediction locked in (a revealed lesson runs to its stop again, which reveals it). False when
   * the draft's lesson cannot be resumed.
   */
  resume(progress: LessonProgress): boolean {
    const state = resumeLesson(this.lessons, progress);
    if (!state) return false;
    this.reveal = null;
    this.draft = null;
    this.state = state;
    this.controller.startLesson(runPlan(state));
    this.render();
    document.getElementById('tab-lessons')?.click();
    if (progress.stage === 'revealed') {
      this.controller.advanceBy(this.stopSec(state) - this.startSec(state));
      this.controller.refresh();
    }
    return true;
  }

  choose(entry: ReadyLesson): void {
    this.reveal = null;
    this.draft = null;
    this.state = chooseLesson(entry);
    this.controller.startLesson(runPlan(this.state));
    this.render();
  }

  /** The room's answer is locked in: the run plays towards the stop. */
  lockIn(answer: LessonAnswer): void {
    if (!this.state) return;
    const next = answerPrediction(this.state, answer);
    if (next === this.state) return;
    this.update(next);
    if (!this.controller.clock.playing) this.controller.togglePlay();
  }

  /** Plays another configuration (or the same again) from the lesson's start to its stop. */
  play(configuration: string): void {
    if (!this.state) return;
    const next = playConfiguration(this.state, configuration);
    if (next === this.state) return;
    this.state = next;
    this.controller.startLesson(runPlan(next, this.controller.runSeed));
    this.render();
    this.controller.togglePlay();
  }

  private leave(): void {
    this.state = null;
    this.reveal = null;
    this.draft = null;
    this.render();
  }

  private revealNow(): void {
    const state = reachStop(this.state!);
    const seed = this.controller.runSeed;
    if (this.reveal?.seed !== seed) this.reveal = measureReveal(state.entry, seed, state.answer!);
    this.update(state);
  }

  private update(state: LessonState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const state = this.state;
    for (const listener of this.listeners) listener();
    this.handout.show(state?.entry ?? null);
    if (!state) {
      this.host.replaceChildren(this.list());
      return;
    }
    const { lesson } = state.entry;
    const parts: Node[] = [
      h('button', { type: 'button', class: 'lesson-back', text: t('lesson.all') }),
      h('h3', { class: 'lesson-title', text: say(lesson.title) }),
      h('p', { class: 'lesson-goal' }, h('strong', { text: `${t('lesson.goal')}: ` }), say(lesson.goal)),
      h('p', { class: 'lesson-setup', text: this.setupLine(state) }),
    ];
    if (state.phase === 'predict') parts.push(this.question(state));
    else parts.push(h('p', { class: 'lesson-predicted', text: t('lesson.predicted', { answer: this.answerText(state) }) }));
    if (state.phase === 'play') parts.push(h('p', { class: 'lesson-playing', role: 'status', text: t('lesson.playing', { configuration: this.configurationLabel(state, state.configuration), stop: dayAndTime(this.stopSec(state)) }) }));
    if (state.phase === 'reveal' && this.reveal) parts.push(...this.revealParts(state, this.reveal));
    parts.push(h('button', { type: 'button', class: 'lesson-print', text: t('lesson.print') }));
    this.host.replaceChildren(...parts);
    // The reveal is what the room waits for: bring it into view in the side panel.
    this.host.querySelector('.lesson-reveal')?.scrollIntoView({ block: 'start' });
    this.host.querySelector('.lesson-back')!.addEventListener('click', () => this.controller.selectFile(lesson.scenario));
    this.host.querySelector('.lesson-print')!.addEventListener('click', () => window.print());
  }

  private list(): HTMLElement {
    const items = this.lessons.map((entry, i) => {
      if (!entry.ok) {
        const problem = entry.problems[0];
        return h('li', { class: 'lesson-broken' }, h('span', { text: entry.file }), h('span', { class: 'note', text: t('lesson.cannotPlay', { problem: `${problem.path}: ${problem.message}` }) }));
      }
      const button = h('button', { type: 'button', class: 'lesson-choose', 'data-lesson': entry.lesson.id }, h('span', { class: 'lesson-number', text: formatInteger(i + 1) }), h('span', { text: say(entry.lesson.title) }));
      button.addEventListener('click', () => this.choose(entry));
      return h('li', {}, button);
    });
    const round = h('button', { type: 'button', id: 'open-round', class: 'primary lesson-round', text: t('round.open') });
    round.addEventListener('click', () => openRound());
    return h('div', { class: 'lesson-list' }, round, h('p', { class: 'note', text: t('lesson.intro') }), h('ol', {}, ...items));
  }

  private setupLine(state: LessonState): string {
    const { lesson } = state.entry;
    return t('lesson.setup', {
      configuration: this.configurationLabel(state, state.configuration),
      start: dayAndTime(this.startSec(state)),
      stop: dayAndTime(this.stopSec(state)),
      speed: formatInteger(lesson.speed),
    });
  }

  /** The question, its choices (or a number box) and the button that locks the answer in. */
  private question(state: LessonState): HTMLElement {
    const prediction = state.entry.lesson.prediction;
    const lockIn = h('button', { type: 'button', class: 'primary lesson-lock', text: t('lesson.lockIn') });
    const refresh = () => (lockIn.disabled = this.draft === null || answerProblem(state, this.draft) !== null);
    let answers: HTMLElement;
    if (prediction.kind === 'choice') {
      answers = h(
        'div',
        { class: 'lesson-choices', role: 'radiogroup' },
        ...prediction.choices.map((choice) => {
          const input = h('input', { type: 'radio', name: 'lesson-choice', value: choice.id, checked: this.draft?.kind === 'choice' && this.draft.choice === choice.id });
          input.addEventListener('change', () => {
            this.draft = { kind: 'choice', choice: choice.id };
            refresh();
          });
          return h('label', { class: 'lesson-choice' }, input, h('span', { text: say(choice.label) }));
        }),
      );
    } else {
      const range = { min: formatInteger(prediction.min), max: formatInteger(prediction.max) };
      const input = h('input', { type: 'number', class: 'lesson-number-input', min: prediction.min, max: prediction.max, step: 'any', value: this.draft?.kind === 'number' ? this.draft.value : undefined });
      const problem = h('span', { class: 'note lesson-number-problem', role: 'status' });
      input.addEventListener('input', () => {
        this.draft = input.value.trim() === '' ? null : { kind: 'number', value: Number(input.value) };
        const bad = this.draft !== null && answerProblem(state, this.draft) !== null;
        problem.textContent = bad ? t('lesson.numberProblem', range) : '';
        refresh();
      });
      answers = h('label', { class: 'lesson-number-answer' }, h('span', { text: t('lesson.numberRange', range) }), input, problem);
    }
    lockIn.addEventListener('click', () => this.draft && this.lockIn(this.draft));
    refresh();
    return h('section', { class: 'lesson-question' }, h('h4', { text: t('lesson.predict') }), h('p', { class: 'lesson-question-text', text: say(prediction.question) }), answers, lockIn);
  }

  private revealParts(state: LessonState, reveal: LessonReveal): Node[] {
    const { lesson } = state.entry;
    const verdict = reveal.verdict;
    const verdictText =
      verdict.kind === 'choice'
        ? t(verdict.right ? 'lesson.right' : 'lesson.wrong', { answer: say(verdict.answer) })
        : t('lesson.numberVerdict', { entered: formatFigure({ format: verdict.figure.format, value: verdict.enteredValue }, reveal.currency), measured: formatFigure(verdict.figure, reveal.currency) });
    const rows = reveal.figures.map((figure) =>
      h(
        'tr',
        { class: figure.configuration === state.configuration ? 'on-floor' : undefined, 'data-figure': figure.id },
        h('th', { scope: 'row', text: say(figure.label) }),
        h('td', { text: formatFigure(figure, reveal.currency) }),
      ),
    );
    const runWhatIf = this.controller.runWhatIf;
    // Changed at the start (Reset with other settings) or live (a control moved, an event injected).
    const changed = this.controller.changedLive || (runWhatIf !== null && this.controller.scenario !== null && !isDefaultWhatIf(this.controller.scenario, runWhatIf));
    const others = lesson.configurations.map((configuration) => {
      const onFloor = configuration.id === state.configuration;
      const button = h('button', { type: 'button', class: 'lesson-play', 'data-configuration': configuration.id, text: t('lesson.playConfiguration', { configuration: say(configuration.label) }) });
      if (onFloor) button.append(h('span', { class: 'chip', text: t('lesson.onFloor') }));
      button.addEventListener('click', () => this.play(configuration.id));
      return button;
    });
    return [
      h(
        'section',
        { class: 'lesson-reveal', 'aria-live': 'polite' },
        h('h4', { text: t('lesson.reveal', { stop: dayAndTime(this.stopSec(state)), seed: String(reveal.seed) }) }),
        h('p', { class: `lesson-verdict ${verdict.kind === 'choice' && verdict.right ? 'right' : ''}`, text: verdictText }),
        h('table', { class: 'lesson-figures' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('lesson.figure') }), h('th', { scope: 'col', text: t('lesson.value') }))), h('tbody', {}, ...rows)),
        h('p', { class: 'note lesson-claim', text: reveal.holds ? t('lesson.claimHolds') : t('lesson.claimFails', { seed: String(state.entry.seed) }) }),
        changed ? h('p', { class: 'note lesson-changed', text: t('lesson.changed') }) : null,
      ),
      h('section', { class: 'lesson-rule' }, h('h4', { text: t('lesson.rule') }), h('p', { text: say(lesson.rule) })),
      h('section', { class: 'lesson-discussion' }, h('h4', { text: t('lesson.discuss') }), h('ul', {}, ...lesson.discussion.map((prompt) => h('li', { text: say(prompt) })))),
      h('div', { class: 'lesson-configurations' }, ...others),
    ];
  }

  private answerText(state: LessonState): string {
    const answer = state.answer!;
    const { prediction, reveal } = state.entry.lesson;
    if (prediction.kind === 'choice') return say(prediction.choices.find((c) => c.id === (answer as { choice: string }).choice)!.label);
    const format = reveal.figures.find((f) => f.id === prediction.figure)!.format;
    return formatFigure({ format, value: enteredAsFigure(format, (answer as { value: number }).value) }, null);
  }

  private configurationLabel(state: LessonState, id: string): string {
    return say(state.entry.lesson.configurations.find((c) => c.id === id)!.label);
  }

  private startSec(state: LessonState): number {
    return momentSec(state.entry.lesson.startAt);
  }

  private stopSec(state: LessonState): number {
    return momentSec(state.entry.lesson.stopAt);
  }
}
