/**
 * The call-center room: incoming lines on the outer wall, a queue lane per call queue where
 * waiting callers stand with a ring that grows with their wait, and rows of workstations where
 * each agent's state shows by colour and by icon.
 *
 * It draws the model's voice snapshot (src/model/voice/voice-snapshot.ts) and never sees the
 * model's own objects: the queues' first waiting callers, each agent's state and contact, and the
 * feed of what moved since the last frame (an answered call walks from the lane to its desk, a
 * caller who hung up walks from where it stood to the door). Busy signals and abandons light the
 * pulses as rises of the snapshot's counts. Moving things are drawn from start and end times
 * (progress = (now − t0) / (t1 − t0)) with no history beyond the previous frame.
 *
 * Every sprite is created when the room is built; the frame loop only moves, tints and hides
 * them. At high speed (the "aggregate" mode) the lane shows a count instead of tokens and
 * abandons and busy signals become pulses, so the cost of a frame does not grow with the speed or
 * with the simulated time.
 */
import { BitmapText, Container, Graphics, Sprite, Text } from 'pixi.js';
import { FEED_CALL_ABANDONED, FEED_CALL_ANSWERED, type VoiceSnapshot } from '../../model/voice/voice-snapshot';
import { sprite, type Art } from '../common/art';
import { fitGrid, type GridFit } from '../common/grid-layout';
import { OutboundStrip, type OutboundLabels } from './outbound-strip';
import { CallbackList, type CallbackListLabels } from './callback-list';
import type { Rect } from '../common/rect';
import { FLIGHT_FREE, FlightPool } from '../common/flight-pool';
import { easeIn, easeInOut, easeOut } from '../common/easing';
import { SCENE_TEXT_PX, sceneLabel } from '../common/label';
import { CALLER_COLOURS, SCENE_COLOURS, STATE_COLOURS, STATE_ICONS, toDisplayState, type DisplayAgentState } from '../common/palette';
import { sceneName, type SceneNames } from '../common/scene-names';


export interface VoiceRoomLabels {
  readonly lines: string;
  readonly linesUnlimited: string;
  readonly exit: string;
  readonly aggregate: string;
  /** With a `{count}` placeholder for the number of agents. */
  readonly tooManyAgents: string;
  /** Shown over the empty room when the scenario has no call queues. */
  readonly none: string;
  readonly outbound: OutboundLabels;
  readonly callbacks: CallbackListLabels;
}

export interface LaneReading {
  readonly callers: number;
  readonly capacity: number;
  readonly count: string | null;
  readonly countPx: number;
  readonly more: string | null;
  readonly morePx: number;
}

export interface VoiceRoomOptions {
  readonly reducedMotion: boolean;
  /** Queue, group and campaign names in the page's language. */
  readonly names: SceneNames;
}

/** Above this many agents the floor shows counts per state instead of one desk per agent. */
export const MAX_DRAWN_AGENTS = 800;
/** Wall-clock seconds a caller takes to walk to a desk, the door or the wall. */
const FLIGHT_WALL_SEC = 0.8;
const FLIGHT_POOL = 96;
const MAX_TOKENS_PER_LANE = 60;
const MAX_LAMPS = 32;

const enum FlightKind {
  Answered = 1,
  Abandoned = 2,
  Blocked = 3,
}

interface Lane {
  readonly rect: Rect;
  readonly cols: number;
  readonly capacity: number;
  readonly token: number;
  readonly rings: Sprite[];
  readonly callers: Sprite[];
  /** The caller (call id) drawn in each slot last frame: one that has since abandoned flies out from there. */
  readonly slotCallId: Float64Array;
  slotsUsed: number;
  /** The queue's abandoned and blocked counts last frame, for pulses. */
  abandoned: number;
  blocked: number;
  readonly bar: Sprite;
  readonly count: BitmapText;
  readonly more: BitmapText;
  readonly lamps: Sprite[];
  readonly lampX: number;
  readonly lampTop: number;
  readonly lampStep: number;
  readonly linesPerLamp: number;
  litLamps: number;
  lastCount: number;
  lastMore: number;
}

interface Desk {
  readonly x: number;
  readonly y: number;
  readonly screen: Sprite;
  readonly badge: Sprite;
  readonly icon: Sprite;
  readonly barBack: Sprite;
  readonly bar: Sprite;
  shownState: string;
}

export class VoiceRoom {
  readonly container = new Container();
  /**
   * Everything that does not change between frames (floor, walls, figures, desks, labels), drawn
   * once into a cached texture: in software rendering one textured quad costs far less than the
   * hundreds of overlapping sprites it replaces.
   */
  private readonly staticLayer = new Container();
  private readonly agentCount: number;
  private readonly desks: Desk[] = [];
  private readonly lanes: Lane[] = [];
  private readonly fit: GridFit | null;
  private readonly floorRect: Rect;
  private readonly aggregateFloor: Graphics | null = null;
  private readonly aggregateTexts: BitmapText[] = [];
  private readonly labels: Text[] = [];
  private readonly aggregateNote: Text;
  private readonly tooManyNote: Text | null = null;
  private readonly linesLabel: Text;
  private readonly exitLabel: Text;
  private readonly noneBanner: Text | null = null;
  private readonly outbound: OutboundStrip | null = null;
  private readonly callbacks: CallbackList | null = null;
  private readonly thresholdSec: number;
  private readonly linesLimited: boolean;

  // Flights: typed arrays, filled by events, read by the frame; no allocation per event.
  private readonly flights = new FlightPool(FLIGHT_POOL);
  private readonly flightSprites: Sprite[] = [];
  private readonly flightIcons: Sprite[] = [];
  /** Feed entries drawn so far. */
  private feedRead = 0;

  private readonly doorGlow: Sprite;
  private readonly wallGlow: Sprite;
  private abandonPulse = 0;
  private blockedPulse = 0;
  private detail = true;
  private speed = 1;
  private readonly doorX: number;
  /** Where the door to the street is, so the building draws its gap in the wall there. */
  readonly doorY: number;
  private readonly streetX: number;
  private readonly wallX: number;

  constructor(
    private readonly art: Art,
    snapshot: VoiceSnapshot,
    readonly rect: Rect,
    street: Rect,
    private readonly options: VoiceRoomOptions,
    labels: VoiceRoomLabels,
  ) {
    this.thresholdSec = snapshot.thresholdSec;
    this.agentCount = snapshot.agents.length;
    this.feedRead = snapshot.feed.written;
    const queues = snapshot.queues;
    const groups = snapshot.groups;
    this.wallX = rect.x;
    this.streetX = street.x + street.width * 0.45;
    this.doorX = rect.x;
    // 60 px above the floor's bottom: the exit label under the door, and under it the high-speed
    // note along the bottom, both stay clear of each other and of the wall on a short floor too.
    this.doorY = rect.y + rect.height - 60;

    const floor = new Graphics();
    this.container.addChild(this.staticLayer);
    this.staticLayer.addChild(floor);

    // Column widths: lamps on the wall, then the queue lanes, then the floor.
    const lampPanel = 14 + Math.min(queues.length, 4) * 9;
    const laneWidth = Math.max(60, Math.min(160, rect.width * 0.18));
    const laneX = rect.x + lampPanel + 8;
    const top = rect.y + 26;
    const laneBottom = this.doorY - 26;
    // Outbound campaigns get a strip of customers along the bottom of the floor.
    const stripHeight = snapshot.campaigns.length > 0 ? Math.max(56, Math.min(130, rect.height * 0.2 * Math.min(snapshot.campaigns.length, 3))) : 0;
    // Queues that offer callbacks get a callback list under the floor, apart from the lane.
    const listHeight = queues.some((q) => q.offersCallbacks) ? Math.max(52, Math.min(76, rect.height * 0.12)) : 0;
    this.floorRect = {
      x: laneX + laneWidth + 14,
      y: rect.y + 24,
      width: rect.x + rect.width - (laneX + laneWidth + 14) - 8,
      height: rect.height - 30 - (stripHeight > 0 ? stripHeight + 6 : 0) - (listHeight > 0 ? listHeight + 6 : 0),
    };
    const listRect: Rect = { x: this.floorRect.x, y: this.floorRect.y + this.floorRect.height + 6, width: this.floorRect.width, height: listHeight };
    const stripRect: Rect = { x: this.floorRect.x, y: listRect.y + (listHeight > 0 ? listHeight + 6 : 0), width: this.floorRect.width, height: stripHeight };

    // Static drawing: floor, lane, wall with a door gap, the door.
    floor.rect(rect.x, rect.y, rect.width, rect.height).fill(SCENE_COLOURS.voiceFloor);
    const tileStep = 32;
    for (let x = this.floorRect.x; x < rect.x + rect.width; x += tileStep) floor.moveTo(x, rect.y).lineTo(x, rect.y + rect.height);
    for (let y = rect.y; y < rect.y + rect.height; y += tileStep) floor.moveTo(this.floorRect.x, y).lineTo(rect.x + rect.width, y);
    floor.stroke({ width: 1, color: SCENE_COLOURS.voiceFloorTile });

    const laneHeightEach = (laneBottom - top) / queues.length;
    const token = Math.max(14, Math.min(44, laneWidth / 3));
    // A caller is drawn at least half as tall as an agent: the floor's tiles are capped to match.
    const callerSize = token * 0.82;
    const tokenLayer = new Container();
    const lampLayer = new Container();
    const overlay = new Container();
    queues.forEach((queue, q) => {
      const laneRect: Rect = { x: laneX, y: top + q * laneHeightEach + (q > 0 ? 6 : 0), width: laneWidth, height: laneHeightEach - (q > 0 ? 6 : 0) - 18 };
      floor.roundRect(laneRect.x, laneRect.y, laneRect.width, laneRect.height, 8).fill(SCENE_COLOURS.lane).stroke({ width: 2, color: SCENE_COLOURS.laneEdge });
      const label = this.text(sceneName(this.options.names.queues, queue), laneRect.x + 2, laneRect.y + laneRect.height + 2, SCENE_TEXT_PX, laneRect.width + 8);
      label.style.wordWrap = true;
      this.labels.push(label);
      const cols = Math.max(1, Math.floor((laneRect.width - 6) / token));
      const rows = Math.max(1, Math.floor((laneRect.height - 22) / token));
      const capacity = Math.min(MAX_TOKENS_PER_LANE, cols * rows);
      const rings: Sprite[] = [];
      const callers: Sprite[] = [];
      for (let i = 0; i < capacity; i++) {
        const ring = sprite(art.ring, token, token);
        ring.visible = false;
        const caller = sprite(art.svg('caller'), callerSize, callerSize);
        caller.visible = false;
        rings.push(ring);
        callers.push(caller);
        tokenLayer.addChild(ring, caller);
      }
      const bar = new Sprite(art.white);
      bar.visible = false;
      bar.alpha = 0.85;
      tokenLayer.addChild(bar);
      const count = new BitmapText({ text: '0', style: { fontFamily: 'Arial', fontSize: Math.max(18, Math.min(40, laneRect.width * 0.32)), fill: 0x1f2a37, fontWeight: 'bold' } });
      count.anchor.set(0.5);
      count.position.set(laneRect.x + laneRect.width / 2, laneRect.y + laneRect.height / 2);
      count.visible = false;
      const more = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: SCENE_TEXT_PX, fill: 0x1f2a37, fontWeight: 'bold' } });
      more.anchor.set(0.5, 1);
      more.position.set(laneRect.x + laneRect.width / 2, laneRect.y + laneRect.height - 3);
      overlay.addChild(count, more);

      // Lamps: one per line (or per few lines), a column per queue on the outer wall.
      const lineLimit = queue.lineLimit;
      const lampCount = Number.isFinite(lineLimit) ? Math.min(MAX_LAMPS, lineLimit) : 0;
      const linesPerLamp = lampCount > 0 ? lineLimit / lampCount : 1;
      const lampX = rect.x + 10 + Math.min(q, 3) * 9;
      const lampTop = rect.y + 40;
      const lampStep = lampCount > 0 ? Math.min(10, (this.doorY - 70 - lampTop) / lampCount) : 0;
      const lamps: Sprite[] = [];
      for (let i = 0; i < lampCount; i++) {
        const lamp = sprite(art.disc, Math.max(4, lampStep * 0.75), Math.max(4, lampStep * 0.75));
        lamp.position.set(lampX, lampTop + i * lampStep);
        lamp.tint = SCENE_COLOURS.lampOff;
        lampLayer.addChild(lamp);
        lamps.push(lamp);
      }
      this.lanes.push({
        rect: laneRect,
        cols,
        capacity,
        token,
        rings,
        callers,
        slotCallId: new Float64Array(capacity),
        slotsUsed: 0,
        abandoned: 0,
        blocked: 0,
        bar,
        count,
        more,
        lamps,
        lampX,
        lampTop,
        lampStep,
        linesPerLamp,
        litLamps: -1,
        lastCount: -1,
        lastMore: -1,
      });
    });

    // The outer wall with its door gap, and the door itself.
    floor
      .moveTo(rect.x, rect.y)
      .lineTo(rect.x, this.doorY - 18)
      .moveTo(rect.x, this.doorY + 18)
      .lineTo(rect.x, rect.y + rect.height)
      .stroke({ width: 8, color: SCENE_COLOURS.wall });
    floor.rect(rect.x - 3, this.doorY - 18, 6, 36).fill(SCENE_COLOURS.door);
    const phone = sprite(art.svg('phone'), 22, 22);
    phone.position.set(rect.x + 12, rect.y + 16);
    this.linesLabel = this.text('', rect.x + 28, rect.y + 6, SCENE_TEXT_PX, laneWidth + lampPanel);
    // The exit label keeps to the lane's column and the high-speed note to the floor's, each
    // wrapping when a narrow room (twin floors) or a long translation needs it, so they never meet.
    this.exitLabel = this.text('', rect.x + 8, this.doorY + 20, SCENE_TEXT_PX, this.floorRect.x - rect.x - 12);
    this.exitLabel.style.wordWrap = true;
    this.aggregateNote = this.text('', this.floorRect.x, 0, SCENE_TEXT_PX, rect.x + rect.width - 8 - this.floorRect.x);
    this.aggregateNote.style.wordWrap = true;
    this.aggregateNote.visible = false;

    // Glows for abandons (at the door) and busy signals (on the wall), used at every speed.
    this.doorGlow = sprite(art.glow, 90, 90);
    this.doorGlow.position.set(this.doorX, this.doorY);
    this.doorGlow.tint = CALLER_COLOURS.abandoned;
    this.doorGlow.alpha = 0;
    this.wallGlow = sprite(art.glow, 70, 140);
    this.wallGlow.position.set(rect.x - 6, rect.y + 40 + Math.min(160, rect.height * 0.25));
    this.wallGlow.tint = CALLER_COLOURS.blocked;
    this.wallGlow.alpha = 0;

    this.staticLayer.addChild(phone);
    this.container.addChild(this.doorGlow, this.wallGlow, lampLayer);

    // Workstations.
    const groupSizes = groups.map((g) => g.agents);
    const totalAgents = this.agentCount;
    if (totalAgents <= MAX_DRAWN_AGENTS) {
      this.fit = fitGrid(groupSizes, this.floorRect.width, this.floorRect.height - 4, 1.2, groups.length > 1 ? 0.3 : 0, 2 * callerSize);
      this.buildDesks(this.fit, snapshot);
    } else {
      this.fit = null;
      this.aggregateFloor = new Graphics();
      this.container.addChild(this.aggregateFloor);
      this.tooManyNote = this.text('', this.floorRect.x, this.floorRect.y, SCENE_TEXT_PX, this.floorRect.width);
      groups.forEach(() => {
        const text = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: SCENE_TEXT_PX, fill: 0x1f2a37 } });
        this.aggregateTexts.push(text);
        this.container.addChild(text);
      });
    }

    if (stripHeight > 0) {
      this.outbound = new OutboundStrip(art, snapshot, stripRect, labels.outbound, options.names.campaigns);
      this.container.addChild(this.outbound.container);
    }
    if (listHeight > 0) {
      this.callbacks = new CallbackList(art, listRect, labels.callbacks);
      this.container.addChild(this.callbacks.container);
    }
    this.container.addChild(tokenLayer);
    for (let i = 0; i < FLIGHT_POOL; i++) {
      const caller = sprite(art.svg('caller'), callerSize, callerSize);
      caller.visible = false;
      const icon = sprite(art.svg('icon-abandon'), token * 0.6, token * 0.6);
      icon.visible = false;
      this.flightSprites.push(caller);
      this.flightIcons.push(icon);
    }
    this.container.addChild(...this.flightSprites, ...this.flightIcons, overlay);
    for (const label of this.labels) this.staticLayer.addChild(label);
    this.staticLayer.addChild(this.linesLabel, this.exitLabel);
    this.container.addChild(this.aggregateNote);
    if (this.tooManyNote) this.container.addChild(this.tooManyNote);
    if (queues.length === 0 && snapshot.campaigns.length === 0) {
      // A back-office-only scenario: say so over an empty, veiled room instead of leaving it blank.
      const veil = sprite(art.white, rect.width, rect.height, 0);
      veil.position.set(rect.x, rect.y);
      veil.tint = 0xf7f7f2;
      veil.alpha = 0.55;
      this.noneBanner = new Text({
        text: '',
        style: { fontFamily: 'system-ui, Segoe UI, Arial, sans-serif', fontSize: Math.max(SCENE_TEXT_PX, Math.min(20, rect.width / 30)), fill: SCENE_COLOURS.text, fontWeight: '700', align: 'center', wordWrap: true, wordWrapWidth: rect.width * 0.7 },
        resolution: 2,
      });
      this.noneBanner.anchor.set(0.5);
      this.noneBanner.position.set(rect.x + rect.width / 2, rect.y + rect.height / 2);
      this.container.addChild(veil, this.noneBanner);
    }
    this.linesLimited = queues.some((q) => Number.isFinite(q.lineLimit));
    this.setLabels(labels);
  }

  setLabels(labels: VoiceRoomLabels): void {
    const limited = this.linesLimited;
    this.linesLabel.text = limited ? labels.lines : labels.linesUnlimited;
    this.exitLabel.text = labels.exit;
    this.aggregateNote.text = labels.aggregate;
    // Along the floor's bottom, however many lines the note takes.
    this.aggregateNote.y = this.rect.y + this.rect.height - 5 - this.aggregateNote.height;
    if (this.tooManyNote) this.tooManyNote.text = labels.tooManyAgents.replace('{count}', String(this.agentCount));
    if (this.noneBanner) this.noneBanner.text = labels.none;
    this.outbound?.setLabels(labels.outbound);
    this.callbacks?.setLabels(labels.callbacks);
    this.staticLayer.cacheAsTexture(true);
    this.staticLayer.updateCacheTexture();
  }

  /**
   * Draws the room at simulated time `now`. `wallMs` is the wall time since the last frame (for
   * pulses to fade), `detail` says whether individual callers are drawn.
   */
  update(snapshot: VoiceSnapshot, now: number, wallMs: number, speed: number, detail: boolean): boolean {
    this.speed = speed;
    if (detail !== this.detail) {
      this.detail = detail;
      if (!detail) this.flights.clear();
      this.aggregateNote.visible = !detail;
    }
    this.readCounters(snapshot, now, detail);
    this.readFeed(snapshot, now, detail);
    this.updateLanes(snapshot, now, detail);
    if (this.fit) this.updateDesks(snapshot, now);
    else this.updateAggregateFloor(snapshot);
    this.updateFlights(now);
    this.callbacks?.update(snapshot, now, detail);
    const fade = Math.exp(-wallMs / 450);
    this.abandonPulse *= fade;
    this.blockedPulse *= fade;
    this.doorGlow.alpha = this.abandonPulse;
    this.wallGlow.alpha = this.blockedPulse;
    this.doorGlow.visible = this.abandonPulse > 0.02;
    this.wallGlow.visible = this.blockedPulse > 0.02;
    const outboundMoving = this.outbound ? this.outbound.update(snapshot, wallMs, detail) : false;
    return this.doorGlow.visible || this.wallGlow.visible || outboundMoving;
  }

  /** For tests: the drawn height of a waiting caller and of an agent's figure (0 when none is drawn). */
  figureHeights(): { callerPx: number; agentPx: number } {
    const caller = this.lanes[0]?.callers[0];
    return { callerPx: caller ? caller.height : 0, agentPx: this.fit ? this.fit.tile : 0 };
  }

  /** For tests: what each queue's lane shows now: callers drawn, slots, and its count and overflow texts. */
  laneReadings(): LaneReading[] {
    return this.lanes.map((lane) => ({
      callers: lane.callers.filter((caller) => caller.visible).length,
      capacity: lane.capacity,
      count: lane.count.visible ? lane.count.text : null,
      countPx: Number(lane.count.style.fontSize),
      more: lane.more.text === '' ? null : lane.more.text,
      morePx: Number(lane.more.style.fontSize),
    }));
  }

  /** For tests: callers drawn in the callback list (-1 when the room has none). */
  callbackCards(): number {
    return this.callbacks ? this.callbacks.shownCards : -1;
  }

  /** Index (in the snapshot's agents) of the agent whose workstation is under (x, y) in scene coordinates, or -1. */
  agentAt(x: number, y: number): number {
    if (!this.fit) return -1;
    const tile = this.fit.tile;
    for (let i = 0; i < this.desks.length; i++) {
      const desk = this.desks[i];
      if (x >= desk.x && x < desk.x + tile && y >= desk.y && y < desk.y + tile * 1.2) return i;
    }
    return -1;
  }

  /** Centre of an agent's workstation, for tooltips. */
  deskCentre(index: number): { x: number; y: number } | null {
    if (!this.fit || index < 0 || index >= this.desks.length) return null;
    const desk = this.desks[index];
    return { x: desk.x + this.fit.tile / 2, y: desk.y };
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }

  // ── Building ──────────────────────────────────────────────────────────────────────────────

  private buildDesks(fit: GridFit, snapshot: VoiceSnapshot): void {
    const groups = snapshot.groups;
    const s = fit.tile;
    const u = s / 96;
    const figures = new Container();
    const desks = new Container();
    const marks = new Container();
    const variants = ['agent-headset', 'agent-headset-2', 'agent-headset-3'];
    const ox = this.floorRect.x;
    const oy = this.floorRect.y;
    groups.forEach((group, g) => {
      if (groups.length > 1) {
        const at = fit.labels[g];
        this.labels.push(this.text(sceneName(this.options.names.agentGroups, group), ox + at.x + 2, oy + at.y, Math.max(SCENE_TEXT_PX, Math.min(18, fit.labelHeight * 0.75)), this.floorRect.width));
      }
    });
    snapshot.agents.forEach((agent, i) => {
      const at = fit.positions[i];
      const x = ox + at.x;
      const y = oy + at.y;
      const top = y + 0.2 * s;
      const figure = sprite(this.art.svg(variants[hash(agent.id) % 3]), s, s, 0);
      figure.position.set(x, top - s / 6);
      const desk = sprite(this.art.svg('desk'), s, s, 0);
      desk.position.set(x, top);
      const screen = sprite(this.art.white, 20 * u, 13 * u, 0);
      screen.position.set(x + 67.5 * u, top + 35.5 * u);
      const barBack = sprite(this.art.white, 44 * u, 6 * u, 0);
      barBack.position.set(x + 40 * u, top + 79 * u);
      barBack.tint = 0x4b5563;
      const bar = sprite(this.art.white, 44 * u, 6 * u, 0);
      bar.position.set(x + 40 * u, top + 79 * u);
      const badge = sprite(this.art.disc, 27 * u, 27 * u);
      badge.position.set(x + 82 * u, y + 0.2 * s - 3 * u);
      const icon = sprite(this.art.svg('icon-idle'), 20 * u, 20 * u);
      icon.position.set(badge.x, badge.y);
      figures.addChild(figure);
      desks.addChild(desk);
      marks.addChild(screen, barBack, bar, badge, icon);
      this.desks.push({ x, y, screen, badge, icon, barBack, bar, shownState: '' });
    });
    this.staticLayer.addChild(figures, desks);
    this.container.addChild(marks);
  }

  private text(value: string, x: number, y: number, size: number, maxWidth: number): Text {
    return sceneLabel(value, x, y, size, { wrapWidth: maxWidth });
  }

  // ── Per frame ─────────────────────────────────────────────────────────────────────────────

  private updateLanes(snapshot: VoiceSnapshot, now: number, detail: boolean): void {
    const queues = snapshot.queues;
    const threshold = this.thresholdSec;
    const slideSec = this.options.reducedMotion ? 0 : FLIGHT_WALL_SEC * this.speed * 0.75;
    for (let q = 0; q < this.lanes.length; q++) {
      const lane = this.lanes[q];
      const queue = queues[q];
      const waiting = queue.waiting;

      // Lamps: lines in use.
      if (lane.lamps.length > 0) {
        const lit = Math.min(lane.lamps.length, Math.ceil(queue.linesInUse / lane.linesPerLamp));
        if (lit !== lane.litLamps) {
          for (let i = 0; i < lane.lamps.length; i++) lane.lamps[i].tint = i < lit ? SCENE_COLOURS.lampOn : SCENE_COLOURS.lampOff;
          lane.litLamps = lit;
        }
      }

      if (!detail) {
        for (let i = 0; i < lane.capacity; i++) {
          lane.rings[i].visible = false;
          lane.callers[i].visible = false;
        }
        lane.slotsUsed = 0;
        const r = lane.rect;
        const share = Math.min(1, waiting / Math.max(lane.capacity, 1));
        lane.bar.visible = waiting > 0;
        lane.bar.position.set(r.x + 3, r.y + 3);
        lane.bar.width = r.width - 6;
        lane.bar.height = Math.max(2, (r.height - 6) * share);
        lane.bar.tint = this.waitColour(queue.callersShown > 0 ? now - queue.callerArrivalSec[0] : 0, threshold);
        lane.count.visible = true;
        if (waiting !== lane.lastCount) {
          lane.count.text = String(waiting);
          lane.lastCount = waiting;
        }
        if (lane.lastMore !== 0) {
          lane.more.text = '';
          lane.lastMore = 0;
        }
        continue;
      }

      lane.bar.visible = false;
      lane.count.visible = false;
      // Callers on the line, head first. Callback callers (they left a number) are in the
      // callback list.
      const shown = Math.min(queue.callersShown, lane.capacity);
      let slot = 0;
      for (; slot < shown; slot++) {
        const sx = this.slotX(lane, slot);
        const sy = this.slotY(lane, slot);
        const wait = now - queue.callerArrivalSec[slot];
        const ring = lane.rings[slot];
        const caller = lane.callers[slot];
        let x = sx;
        let y = sy;
        if (slideSec > 0 && wait < slideSec) {
          const p = easeOut(wait / slideSec);
          x = lane.lampX + (sx - lane.lampX) * p;
          y = (lane.lampTop + 30) + (sy - lane.lampTop - 30) * p;
        }
        const grow = Math.min(1, wait / Math.max(1, threshold * 6));
        const size = lane.token * (0.6 + 0.55 * grow);
        ring.visible = true;
        ring.position.set(x, y);
        ring.width = size;
        ring.height = size;
        ring.tint = this.waitColour(wait, threshold);
        caller.visible = true;
        caller.alpha = 1;
        caller.position.set(x, y);
        lane.slotCallId[slot] = queue.callerId[slot];
      }
      lane.slotsUsed = slot;
      for (let i = slot; i < lane.capacity; i++) {
        if (!lane.rings[i].visible) continue;
        lane.rings[i].visible = false;
        lane.callers[i].visible = false;
      }
      const more = Math.max(0, waiting - lane.capacity);
      if (more !== lane.lastMore) {
        lane.more.text = more > 0 ? `+${more}` : '';
        lane.lastMore = more;
      }
    }
  }

  private updateDesks(snapshot: VoiceSnapshot, now: number): void {
    const agents = snapshot.agents;
    for (let i = 0; i < this.desks.length; i++) {
      const desk = this.desks[i];
      const agent = agents[i];
      const modelState = agent.state as string;
      if (modelState !== desk.shownState) {
        const state = toDisplayState(modelState);
        const colour = STATE_COLOURS[state];
        desk.badge.tint = colour;
        desk.screen.tint = colour;
        desk.bar.tint = colour;
        desk.icon.texture = this.art.svg(STATE_ICONS[state]);
        desk.shownState = modelState;
      }
      // Progress through the current talk or wrap-up, from its start and end times.
      let progress = 0;
      if (agent.endSec > agent.sinceSec) progress = Math.min(1, Math.max(0, (now - agent.sinceSec) / (agent.endSec - agent.sinceSec)));
      desk.bar.visible = progress > 0;
      desk.barBack.visible = progress > 0;
      if (progress > 0) desk.bar.scale.x = progress * (desk.barBack.scale.x);
    }
  }

  private updateAggregateFloor(snapshot: VoiceSnapshot): void {
    const g = this.aggregateFloor!;
    g.clear();
    const r = this.floorRect;
    const groups = snapshot.groups;
    const rowHeight = Math.min(60, (r.height - 30) / Math.max(1, groups.length));
    const order: DisplayAgentState[] = ['talking', 'acw', 'idle'];
    groups.forEach((group, gi) => {
      const { talking, acw } = group;
      const counts = [talking, acw, group.agents - talking - acw];
      const y = r.y + 30 + gi * rowHeight;
      let x = r.x;
      const total = Math.max(1, group.agents);
      counts.forEach((n, k) => {
        const w = (r.width * n) / total;
        if (w > 0) g.rect(x, y + 16, w, rowHeight - 24).fill(STATE_COLOURS[order[k]]);
        x += w;
      });
      const text = this.aggregateTexts[gi];
      const label = `${sceneName(this.options.names.agentGroups, group)}: ${talking} / ${acw} / ${counts[2]}`;
      if (text.text !== label) text.text = label;
      text.position.set(r.x, y);
    });
  }

  private updateFlights(now: number): void {
    const flights = this.flights;
    for (let i = 0; i < FLIGHT_POOL; i++) {
      const kind = flights.kind[i];
      const sprite = this.flightSprites[i];
      const icon = this.flightIcons[i];
      if (kind === FLIGHT_FREE) {
        if (sprite.visible) {
          sprite.visible = false;
          icon.visible = false;
        }
        continue;
      }
      const p = flights.progress(i, now);
      if (p >= 1 || p < 0) {
        flights.kind[i] = FLIGHT_FREE;
        sprite.visible = false;
        icon.visible = false;
        continue;
      }
      const fx = flights.path[4 * i];
      const fy = flights.path[4 * i + 1];
      const tx = flights.path[4 * i + 2];
      const ty = flights.path[4 * i + 3];
      let x: number;
      let y: number;
      let alpha = 1;
      if (kind === FlightKind.Blocked) {
        // Towards the wall, bounce, back to the street.
        const there = p < 0.5 ? easeIn(p * 2) : 1 - easeOut((p - 0.5) * 2);
        x = fx + (tx - fx) * there;
        y = fy + (ty - fy) * there;
        alpha = p < 0.5 ? 1 : 1 - (p - 0.5) * 2;
      } else if (kind === FlightKind.Abandoned) {
        // To the door, then out into the street, fading.
        const e = easeInOut(p);
        if (e < 0.7) {
          const k = e / 0.7;
          x = fx + (this.doorX - fx) * k;
          y = fy + (this.doorY - fy) * k;
        } else {
          const k = (e - 0.7) / 0.3;
          x = this.doorX + (tx - this.doorX) * k;
          y = this.doorY + (ty - this.doorY) * k;
        }
        alpha = p < 0.7 ? 1 : 1 - (p - 0.7) / 0.3;
      } else {
        const e = easeInOut(p);
        x = fx + (tx - fx) * e;
        y = fy + (ty - fy) * e;
        alpha = p < 0.85 ? 1 : 1 - (p - 0.85) / 0.15;
      }
      sprite.visible = true;
      sprite.position.set(x, y);
      sprite.alpha = alpha;
      sprite.tint = kind === FlightKind.Answered ? 0xffffff : CALLER_COLOURS.abandoned;
      icon.visible = kind !== FlightKind.Answered;
      if (icon.visible) {
        icon.position.set(x + sprite.width * 0.45, y - sprite.height * 0.45);
        icon.alpha = alpha;
      }
    }
  }

  // ── Flights from events ───────────────────────────────────────────────────────────────────

  private flightDuration(factor: number): number {
    return FLIGHT_WALL_SEC * this.speed * factor;
  }

  private spawnAnswered(queue: number, desk: Desk | undefined, t0: number, arrivalSec: number, now: number): void {
    if (this.options.reducedMotion || !this.fit || !desk) return;
    const duration = this.flightDuration(1);
    if (now - t0 >= duration) return;
    const lane = this.lanes[queue];
    if (!lane) return;
    const waited = t0 > arrivalSec;
    const hx = waited ? this.slotX(lane, 0) : lane.lampX + 6;
    const hy = waited ? this.slotY(lane, 0) : lane.lampTop + 30;
    this.launch(FlightKind.Answered, t0, duration, hx, hy, desk.x + this.fit.tile * 0.5, desk.y + this.fit.tile * 0.75, 'icon-talking');
  }

  private spawnAbandon(lane: Lane, slot: number, t0: number, now: number): void {
    if (this.options.reducedMotion) return;
    const duration = this.flightDuration(1.6);
    if (now - t0 >= duration) return;
    this.launch(FlightKind.Abandoned, t0, duration, this.slotX(lane, slot), this.slotY(lane, slot), this.streetX, this.doorY + 30, 'icon-abandon');
  }

  private spawnBlocked(lane: Lane, t0: number, salt: number): void {
    if (this.options.reducedMotion) return;
    const y = lane.lampTop + 20 + ((salt * 37) % Math.max(20, lane.lampStep * lane.lamps.length));
    this.launch(FlightKind.Blocked, t0, this.flightDuration(1.4), this.streetX - 10, y, this.wallX - 12, y, 'icon-blocked');
  }

  /**
   * Abandons and busy signals since last frame, read as rises of the snapshot's counts: they
   * light the pulses at every speed, and busy signals also bounce off the wall in detail mode.
   */
  private readCounters(snapshot: VoiceSnapshot, now: number, detail: boolean): void {
    for (let q = 0; q < this.lanes.length; q++) {
      const lane = this.lanes[q];
      const queue = snapshot.queues[q];
      const abandoned = queue.abandoned - lane.abandoned;
      const blocked = queue.blocked - lane.blocked;
      lane.abandoned = queue.abandoned;
      lane.blocked = queue.blocked;
      if (abandoned > 0) this.abandonPulse = Math.min(1, this.abandonPulse + 0.4 * Math.min(abandoned, 3));
      if (blocked > 0) {
        this.blockedPulse = Math.min(1, this.blockedPulse + 0.4 * Math.min(blocked, 3));
        if (detail) for (let k = 0; k < Math.min(blocked, 3); k++) this.spawnBlocked(lane, now, lane.blocked + k);
      }
    }
  }

  /**
   * What moved since last frame, from the snapshot's feed: answered calls walk from the lane to
   * their desk, callers drawn last frame who hung up walk from where they stood to the door.
   */
  private readFeed(snapshot: VoiceSnapshot, now: number, detail: boolean): void {
    const feed = snapshot.feed;
    const from = Math.max(this.feedRead, feed.written - feed.capacity);
    this.feedRead = feed.written;
    if (!detail) return;
    for (let n = from; n < feed.written; n++) {
      const i = n % feed.capacity;
      const kind = feed.kind[i];
      if (kind === FEED_CALL_ANSWERED) {
        this.spawnAnswered(feed.place[i], this.desks[feed.agent[i]], feed.timeSec[i], feed.fromSec[i], now);
      } else if (kind === FEED_CALL_ABANDONED) {
        const lane = this.lanes[feed.place[i]];
        if (!lane) continue;
        for (let slot = 0; slot < lane.slotsUsed; slot++) {
          if (lane.slotCallId[slot] !== feed.id[i]) continue;
          this.spawnAbandon(lane, slot, feed.timeSec[i], now);
          break;
        }
      }
    }
  }

  private launch(kind: FlightKind, t0: number, duration: number, fx: number, fy: number, tx: number, ty: number, icon: string): void {
    const i = this.flights.launch(kind, t0, duration, fx, fy, tx, ty);
    this.flightIcons[i].texture = this.art.svg(icon);
  }

  // ── Helpers ───────────────────────────────────────────────────────────────────────────────

  /** Centre of a slot in a lane; the head of the line is at the top right, next to the floor. */
  private slotX(lane: Lane, slot: number): number {
    const col = slot % lane.cols;
    const left = lane.rect.x + (lane.rect.width - lane.cols * lane.token) / 2;
    return left + (lane.cols - 1 - col + 0.5) * lane.token;
  }

  private slotY(lane: Lane, slot: number): number {
    return lane.rect.y + 4 + (Math.floor(slot / lane.cols) + 0.5) * lane.token;
  }

  private waitColour(wait: number, threshold: number): number {
    if (wait <= threshold) return CALLER_COLOURS.waitShort;
    if (wait <= threshold * 6) return CALLER_COLOURS.waitLong;
    return CALLER_COLOURS.waitVeryLong;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}
