/**
 * What a room sees from the back, measured in the page: text smaller than the projector minimum,
 * labels cut or ellipsised, text that overlaps other text, the charts' plot boxes, and the
 * scene's labels and figures (through window.__kituo). Shared by the legibility tests and the
 * before/after measurements in their report.
 */
import type { Page } from 'playwright-core';
import type { SceneText } from '../../src/render/building-scene';

export interface TextElement {
  readonly text: string;
  readonly px: number;
  readonly why?: string;
}

export interface PageLegibility {
  /** Visible DOM text (controls included) and its font size. */
  readonly small: TextElement[];
  /** Visible labels whose text does not all show (scrolled, ellipsised, clipped or off the page). */
  readonly cut: TextElement[];
  /** Pairs of visible DOM texts whose boxes overlap. */
  readonly overlapping: string[];
  /** Plot area of each chart shown. */
  readonly charts: { id: string; width: number; height: number }[];
  readonly visibleTexts: number;
}

export const MIN_TEXT_PX = 14;

export function measurePage(page: Page, minPx = MIN_TEXT_PX): Promise<PageLegibility> {
  return page.evaluate((min) => {
    // The part of an element's box not scrolled out of sight: text in a scrolling box (a long
    // panel) is read by scrolling it, so what lies beyond the box's edge does not overlap what
    // follows the box. (Its size is still measured, and boxes clipping without scrolling are not
    // subtracted: text they hide is cut, and the clipping check below reports it.)
    const inSight = (el: Element): DOMRect => {
      let { left, top, right, bottom } = el.getBoundingClientRect();
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (!/auto|scroll/.test(s.overflowX + s.overflowY)) continue;
        const r = a.getBoundingClientRect();
        left = Math.max(left, r.left);
        top = Math.max(top, r.top);
        right = Math.min(right, r.right);
        bottom = Math.min(bottom, r.bottom);
      }
      return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    };
    // Behind a modal dialog (the start screen) the page is inert and covered: only the dialog is read.
    const modal = document.querySelector('dialog:modal');
    const shown = (el: Element): boolean => {
      if (modal && !modal.contains(el)) return false;
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) return false;
      return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    const ownText = (el: Element): string =>
      [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    const control = (el: Element) => el.matches('select, button, output, input:not([type=range]):not([type=file]):not([type=checkbox]):not([type=radio])');
    const label = (el: Element): string => {
      if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent?.trim() ?? '';
      if (el instanceof HTMLInputElement) return el.value;
      return ownText(el);
    };
    const elements = [...document.body.querySelectorAll('*')].filter((el) => !el.closest('svg') && (ownText(el) !== '' || control(el)) && shown(el));
    const small = elements
      .map((el) => ({ text: label(el).slice(0, 60) || el.tagName, px: parseFloat(getComputedStyle(el).fontSize) }))
      .filter((e) => e.px < min - 0.01);

    const brokenWord = (el: Element): string => {
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const content = node.textContent ?? '';
        for (const word of content.matchAll(/[^\s\-‐–—\/]{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) return `broken mid-word: ${word[0]}`;
        }
      }
      return '';
    };
    const measure = document.createElement('canvas').getContext('2d')!;
    const cut: { text: string; px: number; why: string }[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const rootStyle = getComputedStyle(document.documentElement);
    const bodyStyle = getComputedStyle(document.body);
    const scrollsX = rootStyle.overflowX !== 'hidden' && bodyStyle.overflowX !== 'hidden';
    const scrollsY = rootStyle.overflowY !== 'hidden' && bodyStyle.overflowY !== 'hidden';
    for (const el of elements) {
      const style = getComputedStyle(el);
      const text = label(el);
      if (text === '') continue;
      const px = parseFloat(style.fontSize);
      const box = el.getBoundingClientRect();
      let why = '';
      if (el instanceof HTMLSelectElement) {
        measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        if (measure.measureText(text).width > room + 0.5) why = 'select too narrow';
      } else if (el instanceof HTMLInputElement) {
        if (el.scrollWidth > el.clientWidth + 1) why = 'input scrolls';
      } else if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
        why = style.textOverflow === 'ellipsis' ? 'ellipsis' : 'scrolls';
      }
      // Text in a scrolling box is reached by scrolling it, not cut: then the box itself must be on the page.
      let within: DOMRect = box;
      if (!why) {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
          if (/auto|scroll/.test(s.overflowX + s.overflowY)) {
            // Reached by scrolling this box and any that scroll it in turn: the outermost must be on the page.
            for (let b: Element | null = a; b && b !== document.body; b = b.parentElement) {
              const o = getComputedStyle(b);
              if (/auto|scroll/.test(o.overflowX + o.overflowY)) within = b.getBoundingClientRect();
            }
            break;
          }
          const r = a.getBoundingClientRect();
          if (box.right > r.right + 1 || box.left < r.left - 1 || box.bottom > r.bottom + 1 || box.top < r.top - 1) {
            why = `clipped by ${a.id || a.className || a.tagName}`;
            break;
          }
        }
      }
      // Past the viewport is cut only where the page does not scroll that way.
      if (!why && (within.left < -0.5 || within.top < -0.5 || (within.right > vw + 0.5 && !scrollsX) || (within.bottom > vh + 0.5 && !scrollsY))) why = 'off the page';
      // A word split over two lines (narrow boxes that let the browser break anywhere) reads as two.
      if (!why) why = brokenWord(el);
      if (why) cut.push({ text: text.slice(0, 60), px, why });
    }

    // Text boxes that overlap (a text inside another's box, like a label in its tile, is fine).
    const boxes = elements.map((el) => ({ el, box: inSight(el), text: label(el).slice(0, 30) }));
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 2 && h > 2) overlapping.push(`"${a.text}" × "${b.text}"`);
      }
    }

    const charts = ['chart-sl', 'chart-queue', 'chart-out', 'chart-bo']
      .map((id) => ({ id, plot: document.querySelector(`#${id} .u-over`) }))
      .filter((c) => c.plot && shown(c.plot))
      .map((c) => {
        const r = c.plot!.getBoundingClientRect();
        return { id: c.id, width: Math.round(r.width), height: Math.round(r.height) };
      });
    return { small, cut, overlapping, charts, visibleTexts: elements.length };
  }, minPx);
}

/** Scene labels whose boxes overlap one another. */
export function overlappingSceneTexts(texts: readonly SceneText[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) pairs.push(`"${a.text.slice(0, 30)}" × "${b.text.slice(0, 30)}"`);
    }
  }
  return pairs;
}

/**
 * Browser zoom as layout sees it: at 150% a 1280×720 window lays the page out in an 853×480 CSS
 * viewport (the media queries, vw units and boxes are those); only the pixels drawn per CSS px
 * differ, which neither cuts nor overlaps anything.
 */
export async function emulateZoom(page: Page, width: number, height: number, zoom: number): Promise<void> {
  await page.setViewportSize({ width: Math.floor(width / zoom), height: Math.floor(height / zoom) });
}
