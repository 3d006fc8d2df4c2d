/**
 * The changes made to a run while it plays, as the page lists and marks them: each intervention
 * at its time, with the room it changed and what it did in figures the room can read ("+3
 * agents", "calls 120%"). Head-counts are shown as the difference from the count just before,
 * which is known only from the changes in order, so this reads the whole list at once.
 */
import type { Intervention } from '../model/scenario/events-schema';
import type { DisplayNames } from '../model/scenario/display-names';
import { settingsAfter, type WhatIfSettings } from './what-if';

export type ChangeRoom = 'voice' | 'backOffice';

export interface LiveChange {
  readonly atSec: number;
  readonly kind: Intervention['kind'];
  readonly room: ChangeRoom;
  /** What moved, by how much or to what: a signed head-count, a percentage, minutes, items, a mode or rule. */
  readonly value: number | string;
  /** The group, team, queue, campaign or work type it names, by its shown name; '' for the whole room. */
  readonly where: string;
}

const BACK_OFFICE_KINDS: ReadonlySet<Intervention['kind']> = new Set(['clerks', 'item-volume', 'file-drop', 'allocation']);

/** `events` (in time order, as applied) described against the run's start settings, naming things as `names` shows them. */
export function describeChanges(names: DisplayNames, start: WhatIfSettings, events: readonly Intervention[]): LiveChange[] {
  const name = (kind: ReadonlyMap<string, string>, id: string) => kind.get(id) ?? id;
  return events.map((event, i) => {
    const before = settingsAfter(start, events.slice(0, i));
    const room: ChangeRoom = BACK_OFFICE_KINDS.has(event.kind) ? 'backOffice' : 'voice';
    const described = (value: number | string, where = '') => ({ atSec: event.atSec, kind: event.kind, room, value, where });
    switch (event.kind) {
      case 'agents':
        return described(event.agents - (before.agentsByGroup[event.groupId] ?? 0), name(names.agentGroups, event.groupId));
      case 'clerks':
        return described(event.clerks - (before.clerksByTeam[event.teamId] ?? 0), name(names.teams, event.teamId));
      case 'sick':
        return described(event.agents, name(names.agentGroups, event.groupId));
      case 'call-volume':
      case 'aht':
      case 'patience':
      case 'item-volume':
        return described(event.percent);
      case 'dialer':
        return described(event.mode, name(names.campaigns, event.campaignId));
      case 'tv-advert':
        return described(event.callsPerMinute, name(names.queues, event.queueId));
      case 'outage':
        return described(event.minutes);
      case 'file-drop':
        return described(event.items, name(names.workTypes, event.workTypeId));
      case 'allocation':
        return described(event.rule);
    }
  });
}
