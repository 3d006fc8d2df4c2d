/**
 * What the run has cost so far, for the wallboards: the model's own cost formulas
 * (src/model/backoffice/cost.ts) fed with the hours the models have used up to now. Nothing is
 * priced here: the voice agent groups' live agent counters become usage through
 * `voiceGroupUsage`, the back-office teams' hours come from `teamUsage()`, `locationUsage`
 * groups both by location and `costReport` prices them and splits the total between calls and
 * items. Null when the scenario gives no costs.
 */
import type { VoiceModel } from '../model/voice/voice-model';
import type { BackOfficeModel } from '../model/backoffice/backoffice-model';
import { scenarioCosts } from '../model/scenario/scenario-schema';
import { costReport, locationUsage, voiceGroupUsage } from '../model/site/cost';

export interface CostSoFar {
  readonly currency: string;
  readonly total: number;
  /** The part of the total attributed to calls, and to back-office items. */
  readonly voiceCost: number;
  readonly backOfficeCost: number;
  readonly perCallHandled: number | null;
  readonly perItemCompleted: number | null;
}

export function costSoFar(voice: VoiceModel, backOffice: BackOfficeModel | null): CostSoFar | null {
  const costs = scenarioCosts(voice.scenario);
  if (!costs) return null;
  const groups = voice.groups.map((group, g) => voiceGroupUsage(group.id, group.config.locationId, voice.liveGroupCounters(g)));
  const teams = backOffice ? backOffice.teamUsage() : [];
  let callsHandled = 0;
  for (const group of groups) callsHandled += group.callsHandled;
  const report = costReport(locationUsage(costs.locations, teams, groups), {
    callsHandled,
    itemsCompleted: backOffice ? backOffice.liveTotalCounters().completed : 0,
  });
  return {
    currency: costs.currency,
    total: report.total,
    voiceCost: report.voiceCost,
    backOfficeCost: report.backOfficeCost,
    perCallHandled: report.costPerCallHandled,
    perItemCompleted: report.costPerItemCompleted,
  };
}
