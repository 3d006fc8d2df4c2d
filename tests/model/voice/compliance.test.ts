/**
 * Reading a campaign's compliance changes nothing; closing the trailing 24-hour window is a
 * separate, named step that the dialer and the interval books take.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/engine/random-streams';
import { buildCampaign } from '../../../src/model/voice/build-campaign';
import { closeComplianceWindow, complianceOf } from '../../../src/model/voice/dialer/compliance';
import { loadScenario } from '../voice-helpers';

const DAY = 86_400;

/** A campaign with connects at the given times and abandons at the given times (both ascending). */
function campaignWith(connects: number[], abandons: number[]) {
  const config = loadScenario('scenarios/telemarketing-predictive.json').campaigns![0];
  const campaign = buildCampaign(config, 0, new RandomStreams('1/0'));
  for (const t of connects) campaign.recentConnects.push(t);
  for (const t of abandons) campaign.recentAbandons.push(t);
  campaign.runConnects = connects.length;
  campaign.runAbandoned = abandons.length;
  return campaign;
}

describe('campaign compliance', () => {
  it('reads the trailing 24 hours without dropping what has left them', () => {
    const campaign = campaignWith([100, 200, DAY + 300, DAY + 400, DAY + 500, DAY + 600], [150, DAY + 450]);
    const now = DAY + 250;
    const read = complianceOf(campaign, now);
    expect(read.trailing24hAbandonRate).toBe(1 / 4);
    expect(read.runAbandonRate).toBe(2 / 6);
    expect(campaign.recentConnects.length).toBe(6);
    expect(campaign.recentAbandons.length).toBe(2);
    expect(complianceOf(campaign, now)).toEqual(read);
  });

  it('closing the window drops connects and abandons older than 24 hours, leaving the same rate', () => {
    const campaign = campaignWith([100, 200, DAY + 300, DAY + 400, DAY + 500, DAY + 600], [150, DAY + 450]);
    const now = DAY + 250;
    const before = complianceOf(campaign, now);
    closeComplianceWindow(campaign, now);
    expect(campaign.recentConnects.length).toBe(4);
    expect(campaign.recentAbandons.length).toBe(1);
    expect(complianceOf(campaign, now)).toEqual(before);
  });

  it('has no trailing rate when no connect is inside the last 24 hours', () => {
    expect(complianceOf(campaignWith([100], [100]), 2 * DAY).trailing24hAbandonRate).toBeNull();
  });
});
