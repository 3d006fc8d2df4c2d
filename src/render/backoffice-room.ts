/**
 * The back-office room: backlog shelves per work type (stack height is the count, colour is the
 * age against the due time), clerks at desks with in-trays, a quality-check desk, the done tray
 * and the door where batches arrive. Out of hours the room dims and the backlog stays on the
 * shelves.
 *
 * It draws a BackOfficeSnapshot from whatever adapter the page wires in. With no source (the
 * back-office model has not landed yet) it draws the empty room under a veil that says so: no
 * invented work.
 */
import { BitmapText, Container, Graphics, Sprite, Text, type Texture } from 'pixi.js';
import { sprite, type Art } from './art';
import type { Rect } from './rect';
import type { BackOfficeSnapshot, ClerkState } from './backoffice-view';
import { AGE_COLOURS, SCENE_COLOURS, STATE_COLOURS } from './palette';

export interface BackOfficeLabels {
  readonly shelves: string;
  readonly qc: string;
  readonly done: string;
  /** Shown over the empty room when the scenario has no back-office work. */
  readonly none: string;
  readonly sheetScale: string;
  readonly closed: string;
}

const ITEMS_PER_SHELF = 24;
const PLACEHOLDER_CLERKS = 8;
const PLACEHOLDER_SHELVES = 3;

interface Shelf {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly items: Sprite[];
  readonly count: BitmapText;
  readonly label: Text;
  lastCount: number;
}

interface ClerkDesk {
  /** Top-left of the workstation and its size, for "what is under the pointer". */
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly tray: Sprite;
  readonly badge: Sprite;
  readonly icon: Sprite;
  readonly bar: Sprite;
  readonly barWidth: number;
  lastState: string;
}

const CLERK_ICONS: Record<ClerkState, string> = {
  idle: 'icon-idle',
  working: 'icon-backoffice',
  checking: 'icon-preview',
  off: 'icon-offline',
};

const CLERK_COLOURS: Record<ClerkState, number> = {
  idle: STATE_COLOURS.idle,
  working: STATE_COLOURS.backoffice,
  checking: STATE_COLOURS.talking,
  off: STATE_COLOURS.offline,
};

export class BackOfficeRoom {
  readonly container = new Container();
  /** Floor, shelves, desks, figures and fixed labels, drawn once into a cached texture. */
  private readonly staticLayer = new Container();
  private readonly shelves: Shelf[] = [];
  private readonly clerks: ClerkDesk[] = [];
  private readonly dim: Sprite;
  private readonly veil: Sprite;
  private readonly banner: Text;
  private readonly closedNote: Text;
  private readonly qcLabel: Text;
  private readonly doneLabel: Text;
  private readonly shelvesLabel: Text;
  private readonly cart: Sprite;
  private readonly hasSource: boolean;
  private perSheet = 1;
  private sheetLabel = '';
  private shelvesText = '';

  constructor(
    private readonly art: Art,
    readonly rect: Rect,
    shape: { workTypes: readonly { name: string; art: string }[]; clerks: number } | null,
    labels: BackOfficeLabels,
  ) {
    this.hasSource = shape !== null;
    const floor = new Graphics();
    floor.rect(rect.x, rect.y, rect.width, rect.height).fill(SCENE_COLOURS.backOfficeFloor);
    for (let x = rect.x + 24; x < rect.x + rect.width; x += 48) floor.moveTo(x, rect.y).lineTo(x, rect.y + rect.height);
    floor.stroke({ width: 1, color: SCENE_COLOURS.backOfficeFloorTile });
    this.container.addChild(this.staticLayer);
    this.staticLayer.addChild(floor);

    const workTypes = shape?.workTypes ?? Array.from({ length: PLACEHOLDER_SHELVES }, () => ({ name: '', art: 'document' }));
    const clerkCount = shape?.clerks ?? PLACEHOLDER_CLERKS;

    // Columns: shelves and desks on the left (72%), quality check, done tray and the door on the right.
    const mainWidth = rect.width * 0.72 - 12;
    const side = rect.x + rect.width * 0.74;
    const sideWidth = rect.x + rect.width - side - 10;

    // Shelves along the top wall: a section label, then per shelf its count above and its name below.
    const band = rect.height * 0.36;
    this.shelvesLabel = this.text('', rect.x + 30, rect.y + 6, 12);
    const countHeight = 16;
    const nameHeight = 13;
    const shelfTop = rect.y + 24 + countHeight;
    const shelfSize = Math.max(24, Math.min(band - 24 - countHeight - nameHeight, (mainWidth - 10 * (workTypes.length - 1)) / Math.max(1, workTypes.length)));
    const shelvesWidth = workTypes.length * shelfSize + (workTypes.length - 1) * 10;
    const shelfLeft = rect.x + 12 + Math.max(0, (mainWidth - shelvesWidth) / 2);
    workTypes.forEach((type, i) => {
      const x = shelfLeft + i * (shelfSize + 10);
      const y = shelfTop;
      const shelfSprite = sprite(art.svg('shelf'), shelfSize, shelfSize, 0);
      shelfSprite.position.set(x, y);
      this.staticLayer.addChild(shelfSprite);
      const items: Sprite[] = [];
      const perLevel = ITEMS_PER_SHELF / 3;
      const itemSize = (shelfSize * 0.7) / perLevel;
      for (let k = 0; k < ITEMS_PER_SHELF; k++) {
        const level = Math.floor(k / perLevel);
        const item = sprite(art.svg(type.art), itemSize * 1.6, itemSize * 1.6, 0.5);
        // Levels from the bottom board up: boards at y = 82, 56, 30 of the 96 grid.
        const boardY = [82, 56, 30][level] / 96;
        item.position.set(x + shelfSize * (0.16 + (0.7 * ((k % perLevel) + 0.5)) / perLevel), y + shelfSize * boardY - itemSize * 0.8);
        item.visible = false;
        this.container.addChild(item);
        items.push(item);
      }
      const count = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: 14, fill: 0x1f2a37, fontWeight: 'bold' } });
      count.position.set(x + shelfSize / 2, y - 1);
      count.anchor.set(0.5, 1);
      const label = this.text(type.name, x, y + shelfSize + 1, 10);
      label.style.wordWrap = true;
      label.style.wordWrapWidth = shelfSize + 6;
      this.container.addChild(count);
      this.staticLayer.addChild(label);
      this.shelves.push({ x, y, size: shelfSize, items, count, label, lastCount: -1 });
    });

    // Clerks at desks, each with an in-tray and a state badge (colour and icon).
    const deskTop = rect.y + band + 12;
    const deskArea = { x: rect.x + 12, y: deskTop, width: mainWidth, height: rect.y + rect.height - deskTop - 26 };
    let cols = 1;
    let tile = 0;
    for (let c = 1; c <= Math.max(1, clerkCount); c++) {
      const r = Math.ceil(clerkCount / c);
      const size = Math.min(deskArea.width / c / 1.3, deskArea.height / r / 1.25);
      if (size > tile) {
        tile = size;
        cols = c;
      }
    }
    tile = Math.min(tile, 110);
    for (let i = 0; i < clerkCount; i++) {
      const x = deskArea.x + (i % cols) * tile * 1.3;
      const y = deskArea.y + Math.floor(i / cols) * tile * 1.25 + tile * 0.2;
      const figure = sprite(art.svg('agent-clerk'), tile, tile, 0);
      figure.position.set(x, y - tile / 6);
      const desk = sprite(art.svg('desk'), tile, tile, 0);
      desk.position.set(x, y);
      const tray = sprite(art.svg('tray'), tile * 0.42, tile * 0.42, 0);
      tray.position.set(x + tile * 0.9, y + tile * 0.4);
      const badge = sprite(art.disc, tile * 0.3, tile * 0.3, 0.5);
      badge.position.set(x + tile * 0.86, y + tile * 0.0);
      badge.tint = CLERK_COLOURS.idle;
      badge.visible = this.hasSource;
      const icon = sprite(art.svg(CLERK_ICONS.idle), tile * 0.22, tile * 0.22, 0.5);
      icon.position.set(badge.x, badge.y);
      icon.visible = this.hasSource;
      const bar = sprite(art.white, tile * 0.45, tile * 0.06, 0);
      bar.position.set(x + tile * 0.42, y + tile * 0.82);
      bar.visible = false;
      this.staticLayer.addChild(figure, desk);
      this.container.addChild(tray, badge, icon, bar);
      this.clerks.push({ x, y: y - tile * 0.2, size: tile, tray, badge, icon, bar, barWidth: tile * 0.45, lastState: '' });
    }

    // Right column, top to bottom: quality check, done tray, and the mail cart by the door.
    const cartSize = Math.min(sideWidth, 76, rect.height * 0.2);
    const cartY = rect.y + rect.height - cartSize - 10;
    const stampSize = Math.max(20, Math.min(sideWidth * 0.55, 60, (cartY - (rect.y + band) - 50) / 2.6));
    const qcY = rect.y + band * 0.55;
    const qcDesk = sprite(art.svg('desk'), stampSize * 1.4, stampSize * 1.4, 0);
    qcDesk.position.set(side, qcY);
    const stamp = sprite(art.svg('check-stamp'), stampSize, stampSize, 0);
    stamp.position.set(side + stampSize * 0.2, qcY - stampSize * 0.55);
    this.qcLabel = this.text('', side, qcY + stampSize * 1.4 + 2, 11);
    this.qcLabel.style.wordWrap = true;
    this.qcLabel.style.wordWrapWidth = sideWidth;
    const doneY = qcY + stampSize * 1.4 + 22;
    const doneTray = sprite(art.svg('tray-full'), stampSize, stampSize, 0);
    doneTray.position.set(side + stampSize * 0.2, doneY);
    this.doneLabel = this.text('', side, doneY + stampSize + 2, 11);
    this.doneLabel.style.wordWrap = true;
    this.doneLabel.style.wordWrapWidth = sideWidth;
    this.cart = sprite(art.svg('mail-cart'), cartSize, cartSize, 0);
    this.cart.position.set(rect.x + rect.width - cartSize - 14, cartY);
    this.cart.alpha = 0.35;
    floor.rect(rect.x + rect.width - 4, rect.y + rect.height - 70, 8, 56).fill(SCENE_COLOURS.door);
    this.staticLayer.addChild(qcDesk, stamp, doneTray);
    this.container.addChild(this.cart);

    this.dim = sprite(art.white, rect.width, rect.height, 0);
    this.dim.position.set(rect.x, rect.y);
    this.dim.tint = SCENE_COLOURS.dim;
    this.dim.alpha = 0.55;
    this.dim.visible = false;
    this.closedNote = this.text('', rect.x + 12, rect.y + rect.height - 22, 12, SCENE_COLOURS.textLight);
    this.closedNote.visible = false;

    this.veil = sprite(art.white, rect.width, rect.height, 0);
    this.veil.position.set(rect.x, rect.y);
    this.veil.tint = 0xf7f7f2;
    this.veil.alpha = 0.55;
    this.veil.visible = !this.hasSource;
    this.banner = new Text({
      text: '',
      style: {
        fontFamily: 'system-ui, Segoe UI, Arial, sans-serif',
        fontSize: Math.max(13, Math.min(20, rect.width / 26)),
        fill: SCENE_COLOURS.text,
        fontWeight: '700',
        align: 'center',
        wordWrap: true,
        wordWrapWidth: rect.width * 0.8,
      },
      resolution: 2,
    });
    this.banner.anchor.set(0.5);
    this.banner.position.set(rect.x + rect.width / 2, rect.y + rect.height * 0.55);
    this.banner.visible = !this.hasSource;
    this.staticLayer.addChild(this.qcLabel, this.doneLabel);
    this.container.addChild(this.shelvesLabel, this.dim, this.closedNote, this.veil, this.banner);
    this.setLabels(labels);
  }

  setLabels(labels: BackOfficeLabels): void {
    this.shelvesText = labels.shelves;
    this.qcLabel.text = labels.qc;
    this.doneLabel.text = labels.done;
    this.banner.text = labels.none;
    this.sheetLabel = labels.sheetScale;
    this.updateShelvesLabel();
    this.closedNote.text = labels.closed;
    this.staticLayer.cacheAsTexture(true);
    this.staticLayer.updateCacheTexture();
  }

  update(snapshot: BackOfficeSnapshot | null): void {
    if (!snapshot) return;
    this.dim.visible = !snapshot.open;
    this.closedNote.visible = !snapshot.open;
    this.cart.alpha = snapshot.batchArriving ? 1 : 0.35;
    // One scale for every shelf, so their heights compare: each sheet drawn stands for
    // `perSheet` items (1, 2, 5, 10, 20, 50 …), and the number above the shelf is exact.
    let largest = 0;
    for (const type of snapshot.workTypes) largest = Math.max(largest, type.onTime + type.atRisk + type.late);
    const perSheet = niceStep(largest / ITEMS_PER_SHELF);
    const rescaled = perSheet !== this.perSheet;
    if (rescaled) {
      this.perSheet = perSheet;
      this.updateShelvesLabel();
    }
    snapshot.workTypes.forEach((type, i) => {
      const shelf = this.shelves[i];
      if (!shelf) return;
      const total = type.onTime + type.atRisk + type.late;
      if (total === shelf.lastCount && !rescaled) return;
      shelf.lastCount = total;
      // Fill from the bottom: late items first (they are the oldest), then at risk, then on time.
      const shown = Math.min(ITEMS_PER_SHELF, Math.ceil(total / perSheet));
      for (let k = 0; k < ITEMS_PER_SHELF; k++) {
        const item = shelf.items[k];
        item.visible = k < shown;
        if (!item.visible) continue;
        const represented = k * perSheet;
        item.tint = represented < type.late ? AGE_COLOURS.late : represented < type.late + type.atRisk ? AGE_COLOURS.atRisk : AGE_COLOURS.onTime;
      }
      shelf.count.text = String(total);
    });
    snapshot.clerks.forEach((clerk, i) => {
      const desk = this.clerks[i];
      if (!desk) return;
      if (clerk.state !== desk.lastState) {
        desk.badge.tint = CLERK_COLOURS[clerk.state];
        desk.icon.texture = this.art.svg(CLERK_ICONS[clerk.state]);
        desk.lastState = clerk.state;
      }
      desk.tray.texture = this.art.svg(clerk.trayCount > 0 ? 'tray-full' : 'tray');
      desk.bar.visible = clerk.progress > 0;
      desk.bar.tint = CLERK_COLOURS[clerk.state];
      desk.bar.width = desk.barWidth * clerk.progress;
    });
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }

  /** Index of the clerk whose desk is under (x, y), or -1. Only when a back-office model runs. */
  clerkAt(x: number, y: number): number {
    if (!this.hasSource) return -1;
    for (let i = 0; i < this.clerks.length; i++) {
      const c = this.clerks[i];
      if (x >= c.x && x < c.x + c.size * 1.3 && y >= c.y && y < c.y + c.size * 1.2) return i;
    }
    return -1;
  }

  private updateShelvesLabel(): void {
    this.shelvesLabel.text = this.perSheet > 1 ? `${this.shelvesText} (${this.sheetLabel.replace('{count}', String(this.perSheet))})` : this.shelvesText;
  }

  private text(value: string, x: number, y: number, size: number, fill: number = SCENE_COLOURS.text): Text {
    const text = new Text({ text: value, style: { fontFamily: 'system-ui, Segoe UI, Arial, sans-serif', fontSize: size, fill, fontWeight: '600' }, resolution: 2 });
    text.position.set(x, y);
    text.eventMode = 'none';
    return text;
  }
}

/** The smallest of 1, 2, 5, 10, 20, 50 … that is at least `value`. */
function niceStep(value: number): number {
  if (value <= 1) return 1;
  let magnitude = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * magnitude >= value) return m * magnitude;
    magnitude *= 10;
  }
}
