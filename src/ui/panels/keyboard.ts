/**
 * The keyboard shortcuts: Space play/pause, → next event (Shift: next minute), + and − speed,
 * R reset. They never fire while the user is typing in a field.
 */
import type { PageController } from '../page-controller';

/** True when the key goes to a field the user is typing in (or comes with a modifier). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  const typing = target instanceof HTMLInputElement ? target.type !== 'range' && target.type !== 'button' : target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  return typing || event.ctrlKey || event.metaKey || event.altKey;
}

export function connectKeyboard(controller: PageController): void {
  document.addEventListener('keydown', (event) => {
    if (isTyping(event)) return;
    const target = event.target as HTMLElement;
    if (event.key === ' ' || event.code === 'Space') {
      // A focused button or disclosure keeps its own Space (the play button's is play/pause).
      if (target instanceof HTMLButtonElement || target.tagName === 'SUMMARY') return;
      event.preventDefault();
      controller.togglePlay();
    } else if (event.key === 'ArrowRight' && target.tagName !== 'INPUT') {
      event.preventDefault();
      controller.step(event.shiftKey ? 'minute' : 'event');
    } else if (event.key === '+' || event.key === '=') {
      controller.faster();
    } else if (event.key === '-' || event.key === '_') {
      controller.slower();
    } else if (event.key === 'r' || event.key === 'R') {
      controller.reset();
    }
  });
}
