/**
 * Which two configurations twin floors compare, from what the page stands on:
 * - "the power of one": the run on the floor (A) against the same with one agent fewer (B), taken
 *   from the largest inbound group or the one the user picks;
 * - "these settings vs the scenario": the scenario as loaded (A) against the what-if settings on
 *   the panel (B).
 * A side that is the configuration already on the floor is the floor's own run, so the twin
 * starts one run, not two. A floor changed live (the what-if controls or the facilitator's events
 * during the run) is that configuration only with its changes: one agent fewer keeps them, at
 * their times, with the group's head-counts one lower; the scenario and the settings are
 * configurations from midnight, as Reset starts them, so such a floor is neither.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import type { PageRun } from './page-run';
import { oneAgentFewer, powerOfOneGroup } from './power-of-one';
import { defaultWhatIf, isDefaultWhatIf, sameWhatIf, startScenario, type WhatIfSettings } from './what-if';
import { scenarioWithEvents } from '../model/site/site-knobs';
import type { Intervention } from '../model/scenario/events-schema';
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
    if (!fewer.ok) return { ok: false, why: 'invalid', problems: fewer.problems };
    const live = floor.run.site.knobs.applied.map((change) => oneFewerIn(change, group));
    return { ok: true, a: { floor: floor.run }, b: { scenario: scenarioWithEvents(fewer.scenario, live) } };
  }
  if (isDefaultWhatIf(floor.loaded, floor.whatIf)) return { ok: false, why: 'noSettingsChanged', problems: [] };
  const unchanged = floor.run.site.knobs.applied.length === 0;
  const side = (settings: WhatIfSettings): TwinSide | ScenarioProblem[] => {
    if (unchanged && sameWhatIf(settings, floor.runWhatIf)) return { floor: floor.run };
    const changed = startScenario(floor.loaded, settings);
    return changed.ok ? { scenario: changed.scenario } : changed.problems;
  };
  const a = side(defaultWhatIf(floor.loaded));
  const b = side(floor.whatIf);
  if (Array.isArray(a)) return { ok: false, why: 'invalid', problems: a };
  if (Array.isArray(b)) return { ok: false, why: 'invalid', problems: b };
  return { ok: true, a, b };
}

/** A live change as it applies with one agent fewer in `groupId`: a new head-count there is one lower. */
function oneFewerIn(change: Intervention, groupId: string): Intervention {
  return change.kind === 'agents' && change.groupId === groupId ? { ...change, agents: Math.max(0, change.agents - 1) } : change;
}
