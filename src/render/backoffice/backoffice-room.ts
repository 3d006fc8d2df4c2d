/**
 * The back-office room: backlog shelves per work type (stack height is the count, colour is the
 * age against the due time), clerks at desks with in-trays, a quality-check desk, the done tray
 * and the door where batches arrive. Out of hours the room dims and the backlog stays on the
 * shelves.
 *
 * Items move: a sheet flies from a clerk's desk to the quality-check desk when its processing
 * ends and it joins the check backlog, from there to the done tray when its check passes (or
 * straight from the desk when it needs no check), and back to the shelf in red when a check
 * fails. The moves come from the model's domain events (`item.processed`, `item.checked`) through
 * the snapshot's ItemMoveLog, each drawn from its start time with progress = (now − t0) / (t1 − t0),
 * as callers walk in the call center. Batches arrive visibly, as the model says they were
 * delivered: by mail the cart rolls in through the door and sheets go from it to the shelf; as a
 * file (an overnight online file) a folder drops onto the work type's shelf. At high speed the
 * room draws counts and glows instead of single sheets, so a frame's cost does not grow with
 * the speed.
 *
 * It draws a BackOfficeSnapshot from whatever adapter the page wires in. With no source (the
 * back-office model has not landed yet) it draws the empty room under a veil that says so: no
 * invented work.
 */
import { BitmapText, Container, Graphics, Sprite, Text } from 'pixi.js';
import { sprite, type Art } from '../common/art';
import type { Rect } from '../common/rect';
import { FLIGHT_FREE, FlightPool } from '../common/flight-pool';
import { easeInOut } from '../common/easing';
import { SCENE_TEXT_PX, sceneLabel } from '../common/label';
import {
  MOVE_CHECK_TO_DONE,
  MOVE_CHECK_TO_SHELF,
  MOVE_DESK_TO_CHECK,
  MOVE_DESK_TO_DONE,
  type BackOfficeSnapshot,
} from '../../model/backoffice/backoffice-snapshot';
import type { BatchDelivery, ClerkState } from '../../model/backoffice/backoffice-events';
import { AGE_COLOURS, OKABE_ITO, SCENE_COLOURS, STATE_COLOURS } from '../common/palette';

export interface BackOfficeLabels {
  readonly shelves: string;
  readonly qc: string;
  readonly done: string;
  /** Shown over the empty room when the scenario has no back-office work. */
  readonly none: string;
  readonly sheetScale: string;
  readonly closed: string;
  /** With a `{count}` placeholder: the batch that just landed. */
  readonly mailBatch: string;
  readonly fileBatch: string;
}

export interface BackOfficeRoomOptions {
  readonly reducedMotion: boolean;
}

/** Wall-clock seconds a sheet takes from desk to desk, the cart to roll in, the folder to drop. */
const MOVE_WALL_SEC = 0.8;
const CART_WALL_SEC = 1.2;
const DROP_WALL_SEC = 0.9;
/** Simulated seconds a batch stays shown (the cart lit, the folder on the shelf). */
const BATCH_SHOWN_SEC = 45 * 60;
const FLIGHT_POOL = 40;
/** Sheets carried from the cart to the shelf when a mail batch lands. */
const CART_SHEETS = 4;

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
  offline: 'icon-offline',
};

const CLERK_COLOURS: Record<ClerkState, number> = {
  idle: STATE_COLOURS.idle,
  working: STATE_COLOURS.backoffice,
  checking: STATE_COLOURS.talking,
  offline: STATE_COLOURS.offline,
};

const FLIGHT_SHEET = 1;
const FLIGHT_REWORK = 2;

export class BackOfficeRoom {
  readonly container = new Container();
  // Sheets in flight: typed arrays, filled from the move log, read by the frame; no allocation per move.
  private readonly flights = new FlightPool(FLIGHT_POOL);
  private readonly flightSprites: Sprite[] = [];
  private movesSeen = -1;
  private readonly qcAt: { x: number; y: number };
  private readonly doneAt: { x: number; y: number };
  private readonly cartAt: { x: number; y: number; size: number };
  private readonly qcCount: BitmapText;
  private readonly doneCount: BitmapText;
  private readonly qcGlow: Sprite;
  private readonly doneGlow: Sprite;
  private qcPulse = 0;
  private donePulse = 0;
  private readonly fileDrop: Sprite;
  private readonly batchNote: Text;
  private readonly batchTag = new Graphics();
  private batchSeq = 0;
  private batchKind: BatchDelivery = 'mail';
  private batchT0 = -Infinity;
  private batchShelf = 0;
  private batchCount = 0;
  private lastQc = -1;
  private lastDone = -1;
  private labelsNow: BackOfficeLabels;
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

  private readonly shelfArt: string[] = [];

  constructor(
    private readonly art: Art,
    readonly rect: Rect,
    shape: { workTypes: readonly { name: string; art: string }[]; clerks: number; lent: readonly boolean[] } | null,
    labels: BackOfficeLabels,
    private readonly options: BackOfficeRoomOptions = { reducedMotion: false },
  ) {
    this.hasSource = shape !== null;
    this.labelsNow = labels;
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
    this.shelvesLabel = this.text('', rect.x + 30, rect.y + 6, SCENE_TEXT_PX);
    // Inside the room: the label with its sheet scale is long in Kiswahili.
    this.shelvesLabel.style.wordWrap = true;
    this.shelvesLabel.style.wordWrapWidth = rect.width - 40;
    const countHeight = 16;
    const nameHeight = 13;
    // Room for the shelves label on two lines (with its sheet scale, in Kiswahili) above the counts.
    const shelfTop = rect.y + 24 + LINE_PX + countHeight;
    const shelfSize = Math.max(24, Math.min(band - 24 - LINE_PX - countHeight - nameHeight, (mainWidth - 10 * (workTypes.length - 1)) / Math.max(1, workTypes.length)));
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
      const label = this.text(type.name, x, y + shelfSize + 1, SCENE_TEXT_PX);
      label.style.wordWrap = true;
      // A name longer than its shelf breaks inside a word rather than run into the next shelf's.
      label.style.breakWords = true;
      label.style.wordWrapWidth = shelfSize + 6;
      this.container.addChild(count);
      this.staticLayer.addChild(label);
      this.shelves.push({ x, y, size: shelfSize, items, count, label, lastCount: -1 });
      this.shelfArt.push(type.art);
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
      // Call-center agents lent to the back office (blending) keep their headsets here too.
      const figure = sprite(art.svg(shape?.lent[i] ? 'agent-headset' : 'agent-clerk'), tile, tile, 0);
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
    this.qcLabel = this.text('', side, qcY + stampSize * 1.4 + 2, SCENE_TEXT_PX);
    this.qcLabel.style.wordWrap = true;
    this.qcLabel.style.breakWords = true;
    this.qcLabel.style.wordWrapWidth = sideWidth;
    // Room under the quality-check desk for its label on two lines (it wraps in Kiswahili).
    const doneY = qcY + stampSize * 1.4 + 6 + 2 * LINE_PX;
    const doneTray = sprite(art.svg('tray-full'), stampSize, stampSize, 0);
    doneTray.position.set(side + stampSize * 0.2, doneY);
    this.doneLabel = this.text('', side, doneY + stampSize + 2, SCENE_TEXT_PX);
    this.doneLabel.style.wordWrap = true;
    this.doneLabel.style.breakWords = true;
    this.doneLabel.style.wordWrapWidth = sideWidth;
    this.qcAt = { x: side + stampSize * 0.7, y: qcY + stampSize * 0.35 };
    this.doneAt = { x: side + stampSize * 0.7, y: doneY + stampSize * 0.45 };
    // Counts beside the stations: items waiting for their check, items done today.
    const countStyle = { fontFamily: 'Arial', fontSize: Math.max(SCENE_TEXT_PX, Math.min(18, stampSize * 0.34)), fill: 0x1f2a37, fontWeight: 'bold' as const };
    this.qcCount = new BitmapText({ text: '', style: countStyle });
    this.qcCount.anchor.set(0, 0.5);
    this.qcCount.position.set(side + stampSize * 1.45, qcY + stampSize * 0.05);
    this.doneCount = new BitmapText({ text: '', style: countStyle });
    this.doneCount.anchor.set(0, 0.5);
    this.doneCount.position.set(side + stampSize * 1.3, doneY + stampSize * 0.5);
    this.qcGlow = sprite(art.glow, stampSize * 2.2, stampSize * 2.2);
    this.qcGlow.position.set(this.qcAt.x, this.qcAt.y);
    this.qcGlow.tint = OKABE_ITO.skyBlue;
    this.qcGlow.alpha = 0;
    this.doneGlow = sprite(art.glow, stampSize * 2.2, stampSize * 2.2);
    this.doneGlow.position.set(this.doneAt.x, this.doneAt.y);
    this.doneGlow.tint = OKABE_ITO.bluishGreen;
    this.doneGlow.alpha = 0;
    // The way work flows: desks → quality check → done, as arrows on the floor.
    const flowColour = 0xb9a98f;
    const fromX = rect.x + 12 + mainWidth + 2;
    floor.moveTo(fromX, this.qcAt.y + stampSize * 0.3).lineTo(side - 6, this.qcAt.y + stampSize * 0.3).stroke({ width: 4, color: flowColour });
    floor.poly([side - 6, this.qcAt.y + stampSize * 0.3 - 7, side + 4, this.qcAt.y + stampSize * 0.3, side - 6, this.qcAt.y + stampSize * 0.3 + 7]).fill(flowColour);
    const arrowX = side - 8;
    floor.moveTo(arrowX, this.qcAt.y + stampSize * 0.55).lineTo(arrowX, this.doneAt.y - 4).stroke({ width: 4, color: flowColour });
    floor.poly([arrowX - 7, this.doneAt.y - 6, arrowX, this.doneAt.y + 4, arrowX + 7, this.doneAt.y - 6]).fill(flowColour);
    this.cart = sprite(art.svg('mail-cart'), cartSize, cartSize, 0);
    this.cartAt = { x: rect.x + rect.width - cartSize - 14, y: cartY, size: cartSize };
    this.cart.position.set(this.cartAt.x, this.cartAt.y);
    this.cart.alpha = 0.35;
    floor.rect(rect.x + rect.width - 4, rect.y + rect.height - 70, 8, 56).fill(SCENE_COLOURS.door);
    this.staticLayer.addChild(qcDesk, stamp, doneTray);
    this.container.addChild(this.qcGlow, this.doneGlow, this.cart, this.qcCount, this.doneCount);

    // An overnight file: a folder that drops onto its work type's shelf.
    const dropSize = Math.max(22, Math.min(48, (this.shelves[0]?.size ?? 60) * 0.5));
    this.fileDrop = sprite(art.svg('file-drop'), dropSize, dropSize, 0.5);
    this.fileDrop.visible = false;
    // What just landed, on a yellow tag at the bottom of the room (above the dimming at night).
    this.batchNote = this.text('', rect.x + 18, rect.y + rect.height - 21, SCENE_TEXT_PX);
    this.batchNote.visible = false;
    this.batchTag.visible = false;
    this.container.addChild(this.fileDrop);

    // Sheets in flight, drawn above the desks.
    for (let i = 0; i < FLIGHT_POOL; i++) {
      const sheet = sprite(art.svg('document'), 18, 18, 0.5);
      sheet.visible = false;
      this.flightSprites.push(sheet);
    }
    this.container.addChild(...this.flightSprites);

    this.dim = sprite(art.white, rect.width, rect.height, 0);
    this.dim.position.set(rect.x, rect.y);
    this.dim.tint = SCENE_COLOURS.dim;
    this.dim.alpha = 0.55;
    this.dim.visible = false;
    // Anchored at its foot so that, wrapped to the room's width, it grows upwards and stays inside.
    this.closedNote = this.text('', rect.x + 12, rect.y + rect.height - 6, SCENE_TEXT_PX, SCENE_COLOURS.textLight);
    this.closedNote.anchor.set(0, 1);
    this.closedNote.style.wordWrap = true;
    this.closedNote.style.wordWrapWidth = rect.width - 24;
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
        fontSize: Math.max(SCENE_TEXT_PX, Math.min(20, rect.width / 26)),
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
    this.batchNote.style.fill = SCENE_COLOURS.text;
    this.closedNote.position.y = rect.y + rect.height - 44;
    this.container.addChild(this.shelvesLabel, this.dim, this.closedNote, this.batchTag, this.batchNote, this.veil, this.banner);
    this.qcCount.visible = this.hasSource;
    this.doneCount.visible = this.hasSource;
    // The veiled room of a scenario without a back office says so in its banner, over no other words.
    this.qcLabel.visible = this.doneLabel.visible = this.shelvesLabel.visible = this.hasSource;
    this.setLabels(labels);
  }

  setLabels(labels: BackOfficeLabels): void {
    this.labelsNow = labels;
    this.updateBatchNote();
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

  /**
   * Draws the room at simulated time `now`. `wallMs` is the wall time since the last frame (for
   * glows to fade), `speed` turns wall seconds of motion into simulated seconds, `detail` says
   * whether single sheets are drawn. True while something still moves on its own.
   */
  update(snapshot: BackOfficeSnapshot | null, now = 0, wallMs = 16, speed = 1, detail = true): boolean {
    if (!snapshot) return false;
    this.dim.visible = !snapshot.open;
    this.closedNote.visible = !snapshot.open;
    const moving = this.updateMoves(snapshot, now, speed, detail);
    const batchMoving = this.updateBatch(snapshot, now, speed, detail);
    if (snapshot.awaitingCheck !== this.lastQc) {
      this.lastQc = snapshot.awaitingCheck;
      this.qcCount.text = String(snapshot.awaitingCheck);
    }
    if (snapshot.doneToday !== this.lastDone) {
      this.lastDone = snapshot.doneToday;
      this.doneCount.text = String(snapshot.doneToday);
    }
    const fade = Math.exp(-wallMs / 450);
    this.qcPulse *= fade;
    this.donePulse *= fade;
    this.qcGlow.alpha = this.qcPulse * 0.8;
    this.doneGlow.alpha = this.donePulse * 0.8;
    this.qcGlow.visible = this.qcPulse > 0.02;
    this.doneGlow.visible = this.donePulse > 0.02;
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
    return moving || batchMoving || this.qcGlow.visible || this.doneGlow.visible;
  }

  // ── Item moves ────────────────────────────────────────────────────────────────────────────

  /** New moves since last frame become flights (or, at high speed, glows); flights advance. */
  private updateMoves(snapshot: BackOfficeSnapshot, now: number, speed: number, detail: boolean): boolean {
    const log = snapshot.moves;
    if (this.movesSeen < 0) this.movesSeen = log.written;
    const first = Math.max(this.movesSeen, log.written - log.capacity);
    const flying = detail && !this.options.reducedMotion;
    const duration = MOVE_WALL_SEC * speed;
    let toCheck = 0;
    let toDone = 0;
    for (let n = first; n < log.written; n++) {
      const i = n % log.capacity;
      const kind = log.kind[i];
      if (kind === MOVE_DESK_TO_CHECK) toCheck++;
      else if (kind === MOVE_CHECK_TO_DONE || kind === MOVE_DESK_TO_DONE) toDone++;
      if (!flying) continue;
      const t0 = log.timeSec[i];
      if (now - t0 >= duration) continue;
      const desk = this.clerks[log.clerk[i]];
      const deskX = desk ? desk.x + desk.size * 0.55 : this.rect.x + this.rect.width * 0.36;
      const deskY = desk ? desk.y + desk.size * 0.55 : this.rect.y + this.rect.height * 0.6;
      const shelf = this.shelves[log.workType[i]];
      const art = this.shelfArt[log.workType[i]] ?? 'document';
      if (kind === MOVE_DESK_TO_CHECK) this.spawn(FLIGHT_SHEET, t0, duration, deskX, deskY, this.qcAt.x, this.qcAt.y, art);
      else if (kind === MOVE_CHECK_TO_DONE) this.spawn(FLIGHT_SHEET, t0, duration, this.qcAt.x, this.qcAt.y, this.doneAt.x, this.doneAt.y, art);
      else if (kind === MOVE_DESK_TO_DONE) this.spawn(FLIGHT_SHEET, t0, duration, deskX, deskY, this.doneAt.x, this.doneAt.y, art);
      else if (kind === MOVE_CHECK_TO_SHELF && shelf) this.spawn(FLIGHT_REWORK, t0, duration * 1.4, this.qcAt.x, this.qcAt.y, shelf.x + shelf.size / 2, shelf.y + shelf.size * 0.5, art);
    }
    this.movesSeen = log.written;
    if (!flying) {
      // Aggregates: the stations glow with the flow of the last frame, whatever the speed.
      if (toCheck > 0) this.qcPulse = Math.min(1, this.qcPulse + 0.25 * Math.min(toCheck, 4));
      if (toDone > 0) this.donePulse = Math.min(1, this.donePulse + 0.25 * Math.min(toDone, 4));
      if (!detail) this.flights.clear();
    }
    return this.updateFlights(now);
  }

  private spawn(kind: number, t0: number, duration: number, fx: number, fy: number, tx: number, ty: number, art: string): void {
    const i = this.flights.launch(kind, t0, duration, fx, fy, tx, ty);
    const sheet = this.flightSprites[i];
    sheet.texture = this.art.svg(art);
    const size = Math.max(16, Math.min(28, (this.clerks[0]?.size ?? 60) * 0.34));
    sheet.width = size;
    sheet.height = size;
    sheet.tint = kind === FLIGHT_REWORK ? AGE_COLOURS.late : 0xffffff;
  }

  private updateFlights(now: number): boolean {
    let active = false;
    const flights = this.flights;
    for (let i = 0; i < FLIGHT_POOL; i++) {
      const sheet = this.flightSprites[i];
      if (flights.kind[i] === FLIGHT_FREE) {
        if (sheet.visible) sheet.visible = false;
        continue;
      }
      const p = flights.progress(i, now);
      if (p >= 1) {
        flights.kind[i] = FLIGHT_FREE;
        sheet.visible = false;
        // A sheet arriving makes its station glow.
        const tx = flights.path[4 * i + 2];
        const ty = flights.path[4 * i + 3];
        if (tx === this.doneAt.x && ty === this.doneAt.y) this.donePulse = Math.min(1, this.donePulse + 0.35);
        else if (tx === this.qcAt.x && ty === this.qcAt.y) this.qcPulse = Math.min(1, this.qcPulse + 0.35);
        continue;
      }
      active = true;
      if (p < 0) {
        // Not started yet (sheets carried off the cart one after another).
        sheet.visible = false;
        continue;
      }
      const e = easeInOut(p);
      const fx = flights.path[4 * i];
      const fy = flights.path[4 * i + 1];
      const tx = flights.path[4 * i + 2];
      const ty = flights.path[4 * i + 3];
      // A low arc, so a sheet reads as carried rather than sliding.
      const lift = Math.sin(Math.PI * e) * Math.min(40, Math.hypot(tx - fx, ty - fy) * 0.2);
      sheet.visible = true;
      sheet.position.set(fx + (tx - fx) * e, fy + (ty - fy) * e - lift);
      sheet.alpha = p > 0.9 ? 1 - (p - 0.9) * 10 : 1;
    }
    return active;
  }

  // ── Batches ───────────────────────────────────────────────────────────────────────────────

  /**
   * A new batch: by mail the cart rolls in through the door and sheets go from it to the shelf;
   * as a file a folder (e.g. the overnight file) drops onto the shelf. Either stays
   * shown, with a note of what landed, for BATCH_SHOWN_SEC of simulated time.
   */
  private updateBatch(snapshot: BackOfficeSnapshot, now: number, speed: number, detail: boolean): boolean {
    const batch = snapshot.lastBatch;
    const motion = detail && !this.options.reducedMotion;
    if (batch && batch.seq !== this.batchSeq) {
      const fresh = this.batchSeq !== 0 || now - batch.timeSec < BATCH_SHOWN_SEC;
      this.batchSeq = batch.seq;
      if (fresh) {
        this.batchKind = batch.kind;
        this.batchT0 = batch.timeSec;
        this.batchShelf = batch.workTypeIndex;
        this.batchCount = batch.count;
        this.updateBatchNote();
        const shelf = this.shelves[batch.workTypeIndex];
        if (batch.kind === 'mail' && motion && shelf) {
          const rolled = CART_WALL_SEC * speed;
          for (let k = 0; k < CART_SHEETS; k++) {
            this.spawn(FLIGHT_SHEET, batch.timeSec + rolled + k * 0.25 * speed, MOVE_WALL_SEC * speed, this.cartAt.x + this.cartAt.size * 0.5, this.cartAt.y + this.cartAt.size * 0.3, shelf.x + shelf.size / 2, shelf.y + shelf.size * 0.6, this.shelfArt[batch.workTypeIndex] ?? 'document');
          }
        }
      }
    }
    const age = now - this.batchT0;
    const shown = age >= 0 && age < BATCH_SHOWN_SEC;
    this.batchNote.visible = shown;
    this.batchTag.visible = shown;
    const cart = this.cart;
    const drop = this.fileDrop;
    if (!shown || this.batchKind !== 'mail') {
      cart.position.set(this.cartAt.x, this.cartAt.y);
      cart.alpha = 0.35;
    }
    if (!shown || this.batchKind !== 'file') drop.visible = false;
    if (!shown) return false;
    // The last tenth of the time shown the batch fades.
    const fadeOut = Math.min(1, (BATCH_SHOWN_SEC - age) / (BATCH_SHOWN_SEC * 0.1));
    this.batchNote.alpha = fadeOut;
    this.batchTag.alpha = fadeOut;
    if (this.batchKind === 'mail') {
      const p = motion ? Math.min(1, age / (CART_WALL_SEC * speed)) : 1;
      const e = 1 - (1 - p) * (1 - p);
      const startX = this.rect.x + this.rect.width + 4;
      cart.position.set(startX + (this.cartAt.x - startX) * e, this.cartAt.y);
      cart.alpha = 0.35 + 0.65 * fadeOut;
      return p < 1;
    }
    const shelf = this.shelves[this.batchShelf];
    if (!shelf) return false;
    const p = motion ? Math.min(1, age / (DROP_WALL_SEC * speed)) : 1;
    // Falls from the ceiling and lands with a small bounce on the top of the shelf.
    const e = p < 0.75 ? (p / 0.75) ** 2 : 1 - Math.sin(((p - 0.75) / 0.25) * Math.PI) * 0.08;
    const fromY = this.rect.y - drop.height;
    const toY = shelf.y + shelf.size * 0.18;
    drop.visible = true;
    drop.position.set(shelf.x + shelf.size * 0.78, fromY + (toY - fromY) * e);
    drop.alpha = fadeOut;
    return p < 1;
  }

  private updateBatchNote(): void {
    if (this.batchT0 === -Infinity) return;
    const template = this.batchKind === 'mail' ? this.labelsNow.mailBatch : this.labelsNow.fileBatch;
    this.batchNote.text = template.replace('{count}', String(this.batchCount));
    const n = this.batchNote;
    this.batchTag.clear().roundRect(n.x - 6, n.y - 2, n.width + 12, n.height + 4, 5).fill(OKABE_ITO.yellow).stroke({ width: 1.5, color: 0x1f2a37 });
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }

  /** For tests: sheets drawn in flight now, and the batch shown (its kind) if any. */
  stats(): { sheetsInFlight: number; batch: BatchDelivery | null } {
    let sheets = 0;
    for (const sheet of this.flightSprites) if (sheet.visible) sheets++;
    return { sheetsInFlight: sheets, batch: this.batchNote.visible ? this.batchKind : null };
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
    return sceneLabel(value, x, y, size, { fill });
  }
}

/** Height of one line of the scene's smallest labels. */
const LINE_PX = Math.ceil(SCENE_TEXT_PX * 1.3);

/** The smallest of 1, 2, 5, 10, 20, 50 … that is at least `value`. */
function niceStep(value: number): number {
  if (value <= 1) return 1;
  let magnitude = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * magnitude >= value) return m * magnitude;
    magnitude *= 10;
  }
}
