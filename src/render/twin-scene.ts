/**
 * Twin floors: two call-center rooms side by side, each drawn from its own run's snapshots by the
 * same VoiceRoom the building scene uses, each with a strip of street on its left where callers
 * who hang up walk out. It shares the page's pixi application (one WebGL context): the page shows
 * either this scene or the building scene.
 */
import { PLAIN_NAMES, type SceneNames } from './common/scene-names';
import { Container, Graphics, type Application } from 'pixi.js';
import type { Art } from './common/art';
import type { Rect } from './common/rect';
import { VoiceRoom, type VoiceRoomLabels } from './voice/voice-room';
import type { SiteSnapshotSource } from '../model/site/site-snapshot';
import { SCENE_COLOURS } from './common/palette';
import { sceneTexts, type SceneText } from './common/scene-texts';

export interface TwinLayout {
  readonly a: Rect;
  readonly b: Rect;
}

export class TwinScene {
  readonly root = new Container();
  private sources: readonly [SiteSnapshotSource, SiteSnapshotSource] | null = null;
  private rooms: VoiceRoom[] = [];
  private width = 0;
  private height = 0;
  private layoutNow: TwinLayout | null = null;
  private names: SceneNames = PLAIN_NAMES;
  private last: { nowSec: number; speed: number; detail: boolean } | null = null;

  constructor(
    app: Application,
    private readonly art: Art,
    private readonly options: { readonly reducedMotion: boolean },
    private labels: VoiceRoomLabels,
  ) {
    this.root.visible = false;
    app.stage.addChild(this.root);
  }

  /** Where each floor is drawn, in canvas coordinates (null before a load). */
  get layout(): TwinLayout | null {
    return this.layoutNow;
  }

  /** Builds both floors for two runs, A on the left, with queues, groups and campaigns under `names`. */
  load(a: SiteSnapshotSource, b: SiteSnapshotSource, names: SceneNames = PLAIN_NAMES): void {
    this.sources = [a, b];
    this.names = names;
    this.rebuild();
  }

  /** Draws the names anew (the page's language changed). */
  setNames(names: SceneNames): void {
    this.names = names;
    this.rebuild();
  }

  /** Drops both floors (twin mode closed): nothing of the runs is kept. */
  unload(): void {
    this.sources = null;
    this.last = null;
    this.clear();
  }

  resize(width: number, height: number): void {
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.rebuild();
  }

  setLabels(labels: VoiceRoomLabels): void {
    this.labels = labels;
    for (const room of this.rooms) room.setLabels(labels);
  }

  /** Updates both floors to the same time; true while something still moves on its own. */
  update(nowSec: number, wallMs: number, speed: number, detail: boolean): boolean {
    this.last = { nowSec, speed, detail };
    if (!this.sources) return false;
    let animating = false;
    this.rooms.forEach((room, i) => {
      if (room.update(this.sources![i].snapshot().voice, nowSec, wallMs, speed, detail)) animating = true;
    });
    return animating;
  }

  /** For the legibility tests: every label both floors show now, and callers' and agents' heights on floor A. */
  legibility(): { texts: SceneText[]; callerPx: number; agentPx: number } {
    return { texts: sceneTexts(this.root), ...(this.rooms[0]?.figureHeights() ?? { callerPx: 0, agentPx: 0 }) };
  }

  private clear(): void {
    for (const room of this.rooms) room.destroy();
    this.rooms = [];
    this.root.removeChildren().forEach((child) => child.destroy());
  }

  private rebuild(): void {
    this.clear();
    if (!this.sources || this.width < 100 || this.height < 50) return;
    const street = Math.max(30, Math.min(56, this.width * 0.04));
    const margin = 6;
    const half = this.width / 2;
    const ground = new Graphics();
    const rects: Rect[] = [];
    for (const x0 of [0, half]) {
      ground.rect(x0, 0, street, this.height).fill(SCENE_COLOURS.street);
      for (let y = 8; y < this.height; y += 28) ground.rect(x0 + street * 0.45 - 1.5, y, 3, 14).fill(SCENE_COLOURS.streetLine);
      rects.push({ x: x0 + street, y: margin, width: half - street - margin, height: this.height - 2 * margin });
    }
    this.root.addChild(ground);
    this.rooms = this.sources.map((source, i) => {
      const room = new VoiceRoom(this.art, source.snapshot().voice, rects[i], { x: rects[i].x - street, y: 0, width: street, height: this.height }, { ...this.options, names: this.names }, this.labels);
      this.root.addChild(room.container);
      return room;
    });
    // Each floor's outline, with the gap of its door on the street side.
    const walls = new Graphics();
    this.rooms.forEach(({ rect, doorY }) => {
      walls.rect(rect.x, rect.y, rect.width, rect.height).stroke({ width: 6, color: SCENE_COLOURS.wall });
      walls.rect(rect.x - 4, doorY - 18, 8, 36).fill(SCENE_COLOURS.door);
    });
    this.root.addChild(walls);
    this.layoutNow = { a: rects[0], b: rects[1] };
    if (this.last) this.update(this.last.nowSec, 0, this.last.speed, this.last.detail);
  }
}
