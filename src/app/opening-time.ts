/**
 * When a scenario's first day gets going, so the page can offer to skip the quiet night before it
 * ("Skip to 07:45"): the earliest of the agents' and clerks' first shift starts, the back office's
 * opening hour and batch times, the calling windows of campaigns, and the first reporting piece
 * in which a queue's calls reach a quarter of their daily peak; a quarter of an hour before it.
 * 0 when something is at work from midnight. Skipping runs the model to that time exactly, so
 * results are those of a run watched from the start.
 */
import type { Scenario } from '../model/scenario/scenario-schema';
import { rateProfile } from '../model/common/arrival-profile';
import { clockSec } from '../model/scenario/calendar-schema';

const LEAD_SEC = 15 * 60;

export function openingTimeSec(scenario: Scenario): number {
  const starts: number[] = [];
  for (const group of scenario.agentGroups) {
    // A group without shifts is logged in from midnight; its queues' arrival curves say when work comes.
    if (group.shifts) for (const shift of group.shifts) if (shift.agents > 0) starts.push(clockSec(shift.start));
  }
  for (const queue of scenario.queues) {
    const profile = rateProfile(queue.arrivals);
    const peak = Math.max(...profile.ratePerSec);
    const first = profile.ratePerSec.findIndex((rate) => rate >= peak / 4);
    if (first >= 0) starts.push(first * profile.pieceSec);
  }
  for (const campaign of scenario.campaigns ?? []) starts.push(campaign.window ? clockSec(campaign.window.start) : 0);
  const office = scenario.backOffice;
  if (office) {
    starts.push(clockSec(office.calendar.open));
    for (const team of office.teams) starts.push(clockSec(team.shift.start));
    for (const workType of office.workTypes) for (const batch of workType.arrivals.batches ?? []) starts.push(clockSec(batch.atTime));
  }
  if (starts.length === 0) return 0;
  const opening = Math.min(...starts) - LEAD_SEC;
  return Math.max(0, Math.floor(opening / 60) * 60);
}
