/**
 * Undo and redo over the editor's text: every edit, from the form or the JSON tab, is a new
 * state of one text, so undoing works the same after switching between them. Bounded (the
 * oldest steps go first), and an edit made in one gesture (a drag, a burst of typing in one
 * field) is one step: edits with the same coalescing key replace the step they continue until
 * the gesture is sealed.
 */
export const MAX_UNDO_STEPS = 200;

interface Step {
  readonly text: string;
  /** Edits with this key continue this step until `seal()`; null starts a step of its own. */
  readonly key: string | null;
}

export class EditHistory {
  private steps: Step[];
  private at = 0;
  private open = false;

  constructor(
    text: string,
    private readonly limit = MAX_UNDO_STEPS,
  ) {
    this.steps = [{ text, key: null }];
  }

  get text(): string {
    return this.steps[this.at].text;
  }
  get canUndo(): boolean {
    return this.at > 0;
  }
  get canRedo(): boolean {
    return this.at < this.steps.length - 1;
  }

  /** Records `text` as the next state; with the key of the open gesture it replaces that gesture's step. */
  record(text: string, key: string | null = null): void {
    if (text === this.text) return;
    const current = this.steps[this.at];
    this.steps = this.steps.slice(0, this.at + 1);
    if (this.open && key !== null && current.key === key && this.at > 0) {
      this.steps[this.at] = { text, key };
      return;
    }
    this.steps.push({ text, key });
    this.open = key !== null;
    if (this.steps.length > this.limit + 1) this.steps.shift();
    this.at = this.steps.length - 1;
  }

  /** Ends the gesture: the next edit is a step of its own even with the same key. */
  seal(): void {
    this.open = false;
  }

  undo(): string {
    this.seal();
    if (this.canUndo) this.at--;
    return this.text;
  }

  redo(): string {
    this.seal();
    if (this.canRedo) this.at++;
    return this.text;
  }
}
