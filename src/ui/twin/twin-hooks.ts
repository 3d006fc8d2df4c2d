/** `window.__kituo.twin`: what the e2e tests read of twin floors, and the same ways in as the buttons. */
import type { TwinMode } from './twin-mode';
import type { TwinKind } from '../../app/twin-plan';
import type { TwinDifference, TwinFigures } from '../../app/twin-run';
import type { SceneText } from '../../render/common/scene-texts';

export interface TwinState {
  readonly kind: TwinKind;
  readonly titles: [string, string];
  /** Each floor's simulated time and the figures the strip compares. */
  readonly a: TwinFigures & { readonly nowSec: number };
  readonly b: TwinFigures & { readonly nowSec: number };
  readonly differences: TwinDifference[];
}

export interface TwinHooks {
  open(kind: TwinKind): { ok: boolean; why?: string };
  close(): void;
  /** Null while one floor is shown. */
  state(): TwinState | null;
  /** The twin scene's labels and figure heights, for the legibility tests. */
  sceneLegibility(): { texts: SceneText[]; callerPx: number; agentPx: number };
  /** Where each floor is drawn on the canvas (CSS px), to sample its pixels. */
  floors(): { a: { x: number; y: number; width: number; height: number }; b: { x: number; y: number; width: number; height: number } } | null;
}

export function twinHooks(mode: TwinMode): TwinHooks {
  return {
    open: (kind) => {
      const plan = mode.openTwin(kind);
      return plan.ok ? { ok: true } : { ok: false, why: plan.why };
    },
    close: () => mode.close(),
    state: () => {
      const run = mode.run;
      if (!run || !mode.open) return null;
      return {
        kind: mode.open,
        titles: mode.titleTexts,
        a: { ...run.figures('a'), nowSec: run.a.session.now },
        b: { ...run.figures('b'), nowSec: run.b.session.now },
        differences: run.differences(),
      };
    },
    sceneLegibility: () => mode.twinScene.legibility(),
    floors: () => mode.twinScene.layout,
  };
}
