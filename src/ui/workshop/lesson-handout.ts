/**
 * The printable handout of the lesson being played: goal, question (with its choices), rule and
 * discussion prompts, in the page's language. It is hidden on screen; the print style shows it
 * alone (workshop.css), so "Print the handout" gives one clean page per lesson.
 */
import type { ReadyLesson } from '../../app/lesson-catalog';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { say } from './lesson-text';

export class LessonHandout {
  private readonly root = h('article', { class: 'lesson-handout', id: 'lesson-handout' });

  constructor() {
    document.body.append(this.root);
  }

  show(entry: ReadyLesson | null): void {
    if (!entry) {
      this.root.replaceChildren();
      return;
    }
    const { lesson } = entry;
    const prediction = lesson.prediction;
    this.root.replaceChildren(
      h('h1', { text: say(lesson.title) }),
      h('h2', { text: t('lesson.goal') }),
      h('p', { text: say(lesson.goal) }),
      h('h2', { text: t('lesson.handoutQuestion') }),
      h('p', { text: say(prediction.question) }),
      prediction.kind === 'choice'
        ? h('ul', { class: 'handout-choices' }, ...prediction.choices.map((choice) => h('li', { text: say(choice.label) })))
        : h('p', { text: t('lesson.numberRange', { min: String(prediction.min), max: String(prediction.max) }) }),
      h('h2', { text: t('lesson.rule') }),
      h('p', { text: say(lesson.rule) }),
      h('h2', { text: t('lesson.discuss') }),
      h('ul', {}, ...lesson.discussion.map((prompt) => h('li', { text: say(prompt) }))),
    );
  }
}
