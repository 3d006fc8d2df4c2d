/**
 * Labels in the rooms: pixi Text in the scene's font, drawn at twice the resolution so they stay
 * sharp in the cached static layer, and never hit-tested (the tooltip finds desks, not labels).
 */
import { Text } from 'pixi.js';
import { SCENE_COLOURS } from './palette';

/** The smallest text the scene draws, in CSS px: a projector's back row reads 14 px at 1280×720. */
export const SCENE_TEXT_PX = 14;

export interface LabelStyle {
  readonly fill?: number;
  readonly weight?: '600' | '700';
  /** Width to wrap at, once a caller turns wrapping on. */
  readonly wrapWidth?: number;
}

export function sceneLabel(value: string, x: number, y: number, size: number, style: LabelStyle = {}): Text {
  const text = new Text({
    text: value,
    style: { fontFamily: 'system-ui, Segoe UI, Arial, sans-serif', fontSize: size, fill: style.fill ?? SCENE_COLOURS.text, fontWeight: style.weight ?? '600' },
    resolution: 2,
  });
  text.position.set(x, y);
  text.eventMode = 'none';
  if (style.wrapWidth !== undefined && style.wrapWidth > 0) text.style.wordWrapWidth = style.wrapWidth;
  return text;
}
