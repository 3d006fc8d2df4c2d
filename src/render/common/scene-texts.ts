/**
 * Every label a scene shows now, for the legibility tests: its text, its size on screen in CSS px
 * and its box in canvas coordinates. Hidden and fully transparent branches are left out.
 */
import { BitmapText, Text, type Container } from 'pixi.js';

export interface SceneText {
  readonly text: string;
  readonly px: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function sceneTexts(root: Container): SceneText[] {
  const texts: SceneText[] = [];
  const visit = (node: Container, scale: number) => {
    if (!node.visible || node.alpha === 0) return;
    const s = scale * Math.abs(node.scale.y);
    if (node instanceof Text || node instanceof BitmapText) {
      if (node.text.trim() === '') return;
      const box = node.getBounds();
      texts.push({ text: node.text, px: Number(node.style.fontSize) * s, x: box.x, y: box.y, width: box.width, height: box.height });
      return;
    }
    for (const child of node.children) visit(child as Container, s);
  };
  visit(root, 1);
  return texts;
}
