/**
 * The whole picture: one BPO building on a street, the call center on the left, the back office
 * on the right, one clock on the wall between them. It lays the rooms out for the canvas size,
 * rebuilds them on resize or when a new model is loaded, and answers "what is under the pointer"
 * for tooltips. It draws the Site's snapshots (both rooms' plain data, from the model's side) and
 * never touches the models' objects.
 */
import { Container, Graphics, Sprite, type Application } from 'pixi.js';
import type { Art } from './common/art';
import { VoiceRoom, type LaneReading, type VoiceRoomLabels } from './voice/voice-room';
import type { Rect } from './common/rect';
import { BackOfficeRoom, type BackOfficeLabels } from './backoffice/backoffice-room';
import type { SiteSnapshotSource } from '../model/site/site-snapshot';
import { SCENE_COLOURS } from './common/palette';
import { PLAIN_NAMES, sceneName, type SceneNames } from './common/scene-names';
import { sceneTexts, type SceneText } from './common/scene-texts';

export type { SceneText };

export interface SceneLabels {
  readonly voice: VoiceRoomLabels;
  readonly backOffice: BackOfficeLabels;
}

export interface SceneOptions {
  readonly reducedMotion: boolean;
}

/** Share of the building's width given to the call center. */
const VOICE_SHARE = 0.6;

export interface SceneLegibility {
  readonly texts: SceneText[];
  readonly callerPx: number;
  readonly agentPx: number;
  /** Each queue's lane, as drawn now. */
  readonly lanes: LaneReading[];
}

export interface SceneLayout {
  readonly voice: Rect;
  readonly backOffice: Rect;
  readonly street: Rect;
}

export class BuildingScene {
  readonly root = new Container();
  private voice: VoiceRoom | null = null;
  private backOffice: BackOfficeRoom | null = null;
  private source: SiteSnapshotSource | null = null;
  private names: SceneNames = PLAIN_NAMES;
  private width = 0;
  private height = 0;
  private labels: SceneLabels;
  private layoutNow: SceneLayout | null = null;
  private readonly clockFace: Sprite;
  private readonly hourHand: Sprite;
  private readonly minuteHand: Sprite;
  private readonly frame = new Graphics();
  /** The latest update's time and speed, so a room rebuilt on resize is drawn at once. */
  private last: { nowSec: number; speed: number; detail: boolean } | null = null;
  /** The head-counts the rooms were laid out for. */
  private shownStaff = { agents: 0, clerks: 0 };

  constructor(
    private readonly app: Application,
    private readonly art: Art,
    private readonly options: SceneOptions,
    labels: SceneLabels,
  ) {
    this.labels = labels;
    this.app.stage.addChild(this.root);
    this.clockFace = new Sprite(art.disc);
    this.clockFace.anchor.set(0.5);
    this.clockFace.tint = 0xf7f7f2;
    this.hourHand = new Sprite(art.white);
    this.hourHand.anchor.set(0.5, 1);
    this.hourHand.tint = SCENE_COLOURS.wall;
    this.minuteHand = new Sprite(art.white);
    this.minuteHand.anchor.set(0.5, 1);
    this.minuteHand.tint = SCENE_COLOURS.wall;
  }

  /** The snapshots the scene draws (null before a run is loaded): the tooltip reads the same. */
  get snapshots(): SiteSnapshotSource | null {
    return this.source;
  }

  get layout(): SceneLayout | null {
    return this.layoutNow;
  }

  /** Builds both rooms for a freshly started run, drawn from its snapshots, under `names`. */
  load(source: SiteSnapshotSource, names: SceneNames = PLAIN_NAMES): void {
    this.source = source;
    this.names = names;
    this.rebuild();
  }

  /** Draws the queues', groups', campaigns' and work types' names anew (the page's language changed). */
  setNames(names: SceneNames): void {
    this.names = names;
    this.rebuild();
  }

  resize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.rebuild();
  }

  setLabels(labels: SceneLabels): void {
    this.labels = labels;
    this.voice?.setLabels(labels.voice);
    this.backOffice?.setLabels(labels.backOffice);
  }

  /** Updates both rooms; true while something still moves on its own (a fading pulse, a flight). */
  update(nowSec: number, wallMs: number, speed: number, detail: boolean): boolean {
    this.last = { nowSec, speed, detail };
    if (!this.source) return false;
    const snapshot = this.source.snapshot();
    // Agents or clerks joined during the run (a live change): the rooms are laid out again with their desks.
    if (this.voice && (snapshot.voice.agents.length !== this.shownStaff.agents || (snapshot.backOffice?.clerks.length ?? 0) !== this.shownStaff.clerks)) {
      this.rebuild();
      return true;
    }
    let animating = this.voice?.update(snapshot.voice, nowSec, wallMs, speed, detail) ?? false;
    if (this.backOffice && snapshot.backOffice) {
      if (this.backOffice.update(snapshot.backOffice, nowSec, wallMs, speed, detail)) animating = true;
    }
    const dayFraction = (nowSec % 86400) / 86400;
    this.hourHand.rotation = dayFraction * 2 * 2 * Math.PI;
    this.minuteHand.rotation = dayFraction * 24 * 2 * Math.PI;
    return animating;
  }

  /** For tests and the benchmark: what the scene draws now, as counts. */
  stats(): { sheetsInFlight: number; batch: 'mail' | 'file' | null; callbackCards: number } {
    const office = this.backOffice?.stats() ?? { sheetsInFlight: 0, batch: null };
    return { ...office, callbackCards: this.voice?.callbackCards() ?? -1 };
  }

  /**
   * For the legibility tests: every label the scene shows now (its text, its size on screen in
   * CSS px and its box in canvas coordinates), and the height of a waiting caller against an
   * agent's figure (0 when the room draws none).
   */
  legibility(): SceneLegibility {
    const texts = sceneTexts(this.root);
    return { texts, ...(this.voice?.figureHeights() ?? { callerPx: 0, agentPx: 0 }), lanes: this.voice?.laneReadings() ?? [] };
  }

  /** Index (in the voice snapshot's agents) of the agent under (x, y), or -1. */
  agentAt(x: number, y: number): number {
    return this.voice?.agentAt(x, y) ?? -1;
  }

  /** Index (in the back-office model's clerk list) of the clerk under (x, y), or -1. */
  clerkAt(x: number, y: number): number {
    return this.backOffice?.clerkAt(x, y) ?? -1;
  }

  deskCentre(agentIndex: number): { x: number; y: number } | null {
    return this.voice?.deskCentre(agentIndex) ?? null;
  }

  private rebuild(): void {
    if (!this.source || this.width < 50 || this.height < 50) return;
    this.voice?.destroy();
    this.backOffice?.destroy();
    this.root.removeChildren();

    const streetWidth = Math.max(36, Math.min(70, this.width * 0.05));
    const margin = 6;
    const building: Rect = { x: streetWidth, y: margin, width: this.width - streetWidth - margin, height: this.height - 2 * margin };
    const voiceWidth = Math.round(building.width * VOICE_SHARE);
    const layout: SceneLayout = {
      street: { x: 0, y: 0, width: streetWidth, height: this.height },
      voice: { x: building.x, y: building.y, width: voiceWidth - 4, height: building.height },
      backOffice: { x: building.x + voiceWidth + 4, y: building.y, width: building.width - voiceWidth - 4, height: building.height },
    };
    this.layoutNow = layout;

    const ground = new Graphics();
    ground.rect(0, 0, streetWidth, this.height).fill(SCENE_COLOURS.street);
    for (let y = 8; y < this.height; y += 28) ground.rect(streetWidth * 0.45 - 1.5, y, 3, 14).fill(SCENE_COLOURS.streetLine);
    this.root.addChild(ground);

    const snapshot = this.source.snapshot();
    this.shownStaff = { agents: snapshot.voice.agents.length, clerks: snapshot.backOffice?.clerks.length ?? 0 };
    this.voice = new VoiceRoom(this.art, snapshot.voice, layout.voice, layout.street, { reducedMotion: this.options.reducedMotion, names: this.names }, this.labels.voice);
    const office = snapshot.backOffice;
    const shape = office ? { workTypes: office.workTypes.map((w) => ({ name: sceneName(this.names.workTypes, w), art: w.art })), clerks: office.clerks.length, lent: office.clerks.map((c) => c.lent) } : null;
    this.backOffice = new BackOfficeRoom(this.art, layout.backOffice, shape, this.labels.backOffice, { reducedMotion: this.options.reducedMotion });
    this.root.addChild(this.backOffice.container, this.voice.container);

    // Outline of the building and the wall between the rooms.
    this.frame.clear();
    this.frame
      .rect(building.x, building.y, building.width, building.height)
      .stroke({ width: 6, color: SCENE_COLOURS.wall })
      .moveTo(building.x + voiceWidth, building.y)
      .lineTo(building.x + voiceWidth, building.y + building.height)
      .stroke({ width: 8, color: SCENE_COLOURS.wall });
    // Re-draw the voice room's door gap over the outline.
    this.root.addChild(this.frame);
    const doorGap = new Graphics();
    doorGap.rect(building.x - 4, this.voice.doorY - 18, 8, 36).fill(SCENE_COLOURS.door);
    this.root.addChild(doorGap);

    // One clock, on the wall between the rooms.
    const radius = Math.max(10, Math.min(18, this.height * 0.03));
    const cx = building.x + voiceWidth;
    const cy = building.y + radius + 4;
    const rim = new Graphics().circle(cx, cy, radius + 2).fill(SCENE_COLOURS.wall);
    this.clockFace.position.set(cx, cy);
    this.clockFace.width = this.clockFace.height = radius * 2;
    this.hourHand.position.set(cx, cy);
    this.hourHand.width = 3;
    this.hourHand.height = radius * 0.55;
    this.minuteHand.position.set(cx, cy);
    this.minuteHand.width = 2;
    this.minuteHand.height = radius * 0.85;
    this.root.addChild(rim, this.clockFace, this.hourHand, this.minuteHand);
    if (this.last) this.update(snapshot.voice.nowSec, 0, this.last.speed, this.last.detail);
  }
}
