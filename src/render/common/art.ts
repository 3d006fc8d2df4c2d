/**
 * The scene's textures: the project's SVG art (assets/), rasterised once at load time at twice
 * its size so it stays sharp when scaled, plus a few plain shapes (disc, ring, glow) drawn on a
 * 2D canvas. Everything is loaded before the first frame; the render loop never loads or creates
 * a texture.
 */
import { Assets, Sprite, Texture } from 'pixi.js';

const artUrls = import.meta.glob('/assets/*.svg', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

export type ArtName =
  | 'agent-headset'
  | 'agent-headset-2'
  | 'agent-headset-3'
  | 'agent-clerk'
  | 'desk'
  | 'phone'
  | 'caller'
  | 'customer'
  | 'document'
  | 'invoice'
  | 'claim'
  | 'payroll'
  | 'hr-form'
  | 'email'
  | 'tray'
  | 'tray-full'
  | 'shelf'
  | 'mail-cart'
  | 'file-drop'
  | 'check-stamp'
  | 'wallboard'
  | 'logo'
  | 'icon-idle'
  | 'icon-ringing'
  | 'icon-talking'
  | 'icon-hold'
  | 'icon-acw'
  | 'icon-preview'
  | 'icon-dialing'
  | 'icon-break'
  | 'icon-offline'
  | 'icon-backoffice'
  | 'icon-abandon'
  | 'icon-blocked';

export interface Art {
  readonly svg: (name: ArtName | string) => Texture;
  /** White filled disc, 64 px: tint it for badges and tokens. */
  readonly disc: Texture;
  /** White ring, 64 px: the caller's wait ring. */
  readonly ring: Texture;
  /** Soft white glow, 128 px: pulses for abandons and busy signals at high speed. */
  readonly glow: Texture;
  /** 1×1 white: tinted rectangles (bars, screens). */
  readonly white: Texture;
}

export function artUrl(name: string): string | undefined {
  return artUrls[`/assets/${name}.svg`];
}

export async function loadArt(): Promise<Art> {
  const textures = new Map<string, Texture>();
  await Promise.all(
    Object.entries(artUrls).map(async ([path, url]) => {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.svg'.length);
      const texture = await Assets.load<Texture>({ alias: `kituo-${name}`, src: url, data: { resolution: 2 }, parser: 'svg' });
      textures.set(name, texture);
    }),
  );
  return {
    svg: (name) => textures.get(name) ?? Texture.WHITE,
    disc: shapeTexture(64, (ctx) => {
      ctx.beginPath();
      ctx.arc(32, 32, 31, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    }),
    ring: shapeTexture(64, (ctx) => {
      ctx.beginPath();
      ctx.arc(32, 32, 28, 0, Math.PI * 2);
      ctx.lineWidth = 6;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }),
    glow: shapeTexture(128, (ctx) => {
      const gradient = ctx.createRadialGradient(64, 64, 4, 64, 64, 63);
      gradient.addColorStop(0, 'rgba(255,255,255,1)');
      gradient.addColorStop(0.5, 'rgba(255,255,255,0.45)');
      gradient.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 128, 128);
    }),
    white: Texture.WHITE,
  };
}

function shapeTexture(size: number, draw: (ctx: CanvasRenderingContext2D) => void): Texture {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  draw(ctx);
  return Texture.from(canvas);
}

/** A sprite of the given size and anchor that ignores the pointer. */
export function sprite(texture: Texture, width: number, height: number, anchor = 0.5): Sprite {
  const s = new Sprite(texture);
  s.anchor.set(anchor);
  s.width = width;
  s.height = height;
  s.eventMode = 'none';
  return s;
}
