/**
 * A campaign's abandon rate against its cap: over the run, over the trailing 24 hours, and the
 * worst trailing 24 hours seen at an interval end. `closeComplianceWindow` drops connects and
 * abandons that have left the trailing window (the pacing and the interval books call it);
 * `complianceOf` only reads, so a view may call it every frame without changing the run.
 */
import type { Fifo } from '../../../engine/fifo';
import { DAY_SEC } from '../../scenario/calendar-schema';
import type { Campaign, CampaignCompliance } from '../voice-objects';

/** Drops connects and abandons older than 24 h from the trailing window. */
export function closeComplianceWindow(campaign: Campaign, nowSec: number): void {
  const since = nowSec - DAY_SEC;
  while (campaign.recentConnects.length > 0 && campaign.recentConnects.peek()! < since) campaign.recentConnects.shift();
  while (campaign.recentAbandons.length > 0 && campaign.recentAbandons.peek()! < since) campaign.recentAbandons.shift();
}

/** Brings the worst trailing-24-hour abandon rate up to `nowSec`. */
export function checkWorst24h(campaign: Campaign, nowSec: number): void {
  closeComplianceWindow(campaign, nowSec);
  if (campaign.recentConnects.length === 0) return;
  const rate = campaign.recentAbandons.length / campaign.recentConnects.length;
  if (campaign.worst24hAbandonRate === null || rate > campaign.worst24hAbandonRate) campaign.worst24hAbandonRate = rate;
}

/** Where a campaign stands against its cap at `nowSec`; changes nothing. */
export function complianceOf(campaign: Campaign, nowSec: number): CampaignCompliance {
  const since = nowSec - DAY_SEC;
  const connects = campaign.recentConnects.length - countBefore(campaign.recentConnects, since);
  const abandons = campaign.recentAbandons.length - countBefore(campaign.recentAbandons, since);
  return {
    cap: campaign.cap,
    runAbandonRate: campaign.runConnects > 0 ? campaign.runAbandoned / campaign.runConnects : null,
    trailing24hAbandonRate: connects > 0 ? abandons / connects : null,
    worst24hAbandonRate: campaign.worst24hAbandonRate,
  };
}

/** How many times at the front of `times` (ascending) are before `since`. */
function countBefore(times: Fifo<number>, since: number): number {
  let count = 0;
  for (const t of times) {
    if (t >= since) break;
    count++;
  }
  return count;
}
