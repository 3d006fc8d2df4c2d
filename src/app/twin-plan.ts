/**
 * Which two configurations twin floors compare, from what the page stands on:
 * - "the power of one": the run on the floor (A) against the same with one agent fewer (B), taken
 *   from the largest inbound group or the one the user picks;
 * - "these settings vs the scenario": the scenario as loaded (A) against the what-if settings on
 *   the panel (B).
 * A side that is the configuration already on the floor is the floor's own run, so the twin
 * starts one run, not two.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import type { PageRun } from './page-run';
import { oneAgentFewer, powerOfOneGroup } from './power-of-one';
import { applyWhatIf, defaultWhatIf, isDefaultWhatIf, sameWhatIf, type WhatIfSettings } from './what-if';
import type { TwinSide } from './twin-run';

export type TwinKind = 'powerOfOne' | 'settings';

/** What the page stands on when twin floors open. */
export interface TwinFloor {
  /** The run on the floor. */
  readonly run: PageRun;
  /** The scenario as loaded, before what-if settings. */
  readonly loaded: Scenario;
  /** The settings of the run on the floor, and those on the what-if panel. */
  readonly runWhatIf: WhatIfSettings;
  readonly whatIf: WhatIfSettings;
}

export type TwinPlan =
  | { readonly ok: true; readonly a: TwinSide; readonly b: TwinSide }
  | { readonly ok: false; readonly why: 'noInboundGroup' | 'noSettingsChanged' | 'invalid'; readonly problems: readonly ScenarioProblem[] };

export function planTwin(kind: TwinKind, floor: TwinFloor, groupId?: string): TwinPlan {
  if (kind === 'powerOfOne') {
    const scenario = floor.run.session.scenario;
    const group = groupId ?? powerOfOneGroup(scenario);
    if (group === null) return { ok: false, why: 'noInboundGroup', problems: [] };
    const fewer = oneAgentFewer(scenario, group);
    return fewer.ok ? { ok: true, a: { floor: floor.run }, b: { scenario: fewer.scenario } } : { ok: false, why: 'invalid', problems: fewer.problems };
  }
  if (isDefaultWhatIf(floor.loaded, floor.whatIf)) return { ok: false, why: 'noSettingsChanged', problems: [] };
  const side = (settings: WhatIfSettings): TwinSide | ScenarioProblem[] => {
    if (sameWhatIf(settings, floor.runWhatIf)) return { floor: floor.run };
    const changed = applyWhatIf(floor.loaded, settings);
    return changed.ok ? { scenario: changed.scenario } : changed.problems;
  };
  const a = side(defaultWhatIf(floor.loaded));
  const b = side(floor.whatIf);
  if (Array.isArray(a)) return { ok: false, why: 'invalid', problems: a };
  if (Array.isArray(b)) return { ok: false, why: 'invalid', problems: b };
  return { ok: true, a, b };
}
