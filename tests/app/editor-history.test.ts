/** The editor's undo and redo: bounded, and one step per gesture. */
import { describe, expect, it } from 'vitest';
import { EditHistory } from '../../src/app/editor/edit-history';

describe('undo and redo', () => {
  it('walks back and forth through the edits', () => {
    const history = new EditHistory('a');
    history.record('b');
    history.record('c');
    expect(history.undo()).toBe('b');
    expect(history.undo()).toBe('a');
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBe('a');
    expect(history.redo()).toBe('b');
    expect(history.redo()).toBe('c');
    expect(history.canRedo).toBe(false);
  });

  it('drops the redo steps when a new edit is made after undoing', () => {
    const history = new EditHistory('a');
    history.record('b');
    history.undo();
    history.record('x');
    expect(history.canRedo).toBe(false);
    expect(history.undo()).toBe('a');
  });

  it('makes a drag one step: edits with the same key coalesce until the gesture is sealed', () => {
    const history = new EditHistory('start');
    history.record('drag 1', 'curve');
    history.record('drag 2', 'curve');
    history.record('drag 3', 'curve');
    history.seal();
    history.record('drag again', 'curve');
    expect(history.undo()).toBe('drag 3');
    expect(history.undo()).toBe('start');
  });

  it('starts a new step when the key changes', () => {
    const history = new EditHistory('0');
    history.record('1', 'field a');
    history.record('2', 'field b');
    expect(history.undo()).toBe('1');
  });

  it('keeps at most its limit of steps, forgetting the oldest', () => {
    const history = new EditHistory('0', 3);
    for (let i = 1; i <= 5; i++) history.record(String(i));
    expect([history.undo(), history.undo(), history.undo(), history.undo()]).toEqual(['4', '3', '2', '2']);
  });

  it('records nothing when the text did not change', () => {
    const history = new EditHistory('same');
    history.record('same');
    expect(history.canUndo).toBe(false);
  });
});
