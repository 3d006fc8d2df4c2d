/**
 * The callback list, drawn along the bottom of the call-center floor: callers who chose a
 * callback (they left a number instead of holding on the line) and are waiting for an agent to
 * call them back, in the order they will be called, each with how long ago they called. It is a
 * list apart from the queue lane, where only callers on the line stand.
 *
 * Drawn from the voice snapshot like the rest of the room (each queue's count of callback
 * callers and the arrival times of the first of them). At high speed only the count is shown.
 * Sprites are made once.
 */
import { BitmapText, Container, Graphics, Sprite, Text } from 'pixi.js';
import type { VoiceSnapshot } from '../../model/voice/voice-snapshot';
import { sprite, type Art } from '../common/art';
import type { Rect } from '../common/rect';
import { SCENE_TEXT_PX, sceneLabel } from '../common/label';
import { CALLER_COLOURS } from '../common/palette';

export interface CallbackListLabels {
  readonly title: string;
  /** With a `{min}` placeholder: minutes since the caller called. */
  readonly minutes: string;
}

const MAX_CARDS = 18;

interface Card {
  readonly ring: Sprite;
  readonly caller: Sprite;
  readonly wait: BitmapText;
  shownMin: number;
}

export class CallbackList {
  readonly container = new Container();
  private readonly cards: Card[] = [];
  private readonly title: Text;
  private readonly count: BitmapText;
  private readonly more: BitmapText;
  private lastCount = -1;
  private lastMore = -1;
  private minutes = '{min} min';

  constructor(
    art: Art,
    rect: Rect,
    labels: CallbackListLabels,
  ) {
    const background = new Graphics()
      .roundRect(rect.x, rect.y, rect.width, rect.height, 6)
      .fill({ color: 0xf3e6ee, alpha: 0.9 })
      .stroke({ width: 2, color: CALLER_COLOURS.callback });
    // The title keeps clear of the count and the overflow at the right end.
    this.title = sceneLabel('', rect.x + 8, rect.y + 3, SCENE_TEXT_PX, { weight: '700', wrapWidth: rect.width - 90 });
    this.title.style.wordWrap = true;
    this.count = new BitmapText({ text: '0', style: { fontFamily: 'Arial', fontSize: Math.max(16, Math.min(26, rect.height * 0.42)), fill: 0x1f2a37, fontWeight: 'bold' } });
    this.count.anchor.set(1, 0.5);
    this.count.position.set(rect.x + rect.width - 10, rect.y + rect.height / 2 + 4);
    this.more = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: SCENE_TEXT_PX, fill: 0x1f2a37, fontWeight: 'bold' } });
    this.more.anchor.set(1, 0);
    this.more.position.set(rect.x + rect.width - 10, rect.y + 3);
    this.container.addChild(background, this.title, this.count, this.more);
    const token = Math.max(16, Math.min(34, rect.height - 34));
    const cardWidth = Math.max(token + 8, 40);
    const slots = Math.max(0, Math.min(MAX_CARDS, Math.floor((rect.width - 70) / cardWidth)));
    for (let i = 0; i < slots; i++) {
      const x = rect.x + 10 + cardWidth * (i + 0.5);
      const y = rect.y + 18 + token / 2;
      const ring = sprite(art.ring, token, token);
      ring.tint = CALLER_COLOURS.callback;
      ring.position.set(x, y);
      const caller = sprite(art.svg('caller'), token * 0.8, token * 0.8);
      caller.position.set(x, y);
      caller.alpha = 0.85;
      const wait = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: SCENE_TEXT_PX, fill: 0x1f2a37, fontWeight: 'bold' } });
      wait.anchor.set(0.5, 0);
      wait.position.set(x, y + token / 2);
      ring.visible = caller.visible = wait.visible = false;
      this.container.addChild(ring, caller, wait);
      this.cards.push({ ring, caller, wait, shownMin: -1 });
    }
    this.setLabels(labels);
  }

  /** For tests: callers drawn in the list now. */
  get shownCards(): number {
    let n = 0;
    for (const card of this.cards) if (card.ring.visible) n++;
    return n;
  }

  setLabels(labels: CallbackListLabels): void {
    this.title.text = labels.title;
    this.minutes = labels.minutes;
    for (const card of this.cards) card.shownMin = -1;
  }

  update(snapshot: VoiceSnapshot, now: number, detail: boolean): void {
    const queues = snapshot.queues;
    let total = 0;
    for (const queue of queues) total += queue.callbacksWaiting;
    if (total !== this.lastCount) {
      this.count.text = String(total);
      this.lastCount = total;
    }
    let slot = 0;
    if (detail && total > 0) {
      for (const queue of queues) {
        for (let k = 0; k < queue.callbacksShown && slot < this.cards.length; k++) {
          const card = this.cards[slot++];
          card.ring.visible = card.caller.visible = card.wait.visible = true;
          const min = Math.floor((now - queue.callbackArrivalSec[k]) / 60);
          if (min !== card.shownMin) {
            card.shownMin = min;
            card.wait.text = this.minutes.replace('{min}', String(min));
          }
        }
      }
    }
    for (let i = slot; i < this.cards.length; i++) {
      const card = this.cards[i];
      if (!card.ring.visible) continue;
      card.ring.visible = card.caller.visible = card.wait.visible = false;
    }
    const more = detail ? Math.max(0, total - slot) : 0;
    if (more !== this.lastMore) {
      this.more.text = more > 0 ? `+${more}` : '';
      this.lastMore = more;
    }
  }
}
