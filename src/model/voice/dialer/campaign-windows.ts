/**
 * Calling windows: a campaign with a window dials only between its start and end on its days;
 * one without is open all day and starts dialling at time 0.
 */
import { clockSec, DAY_SEC, weekdaySet } from '../../scenario/calendar-schema';
import { nextOccurrence } from '../schedules';
import type { VoiceState } from '../voice-state';
import type { Campaign } from '../voice-objects';
import type { Dialer } from './dialer';

export class CampaignWindows {
  constructor(
    private readonly state: VoiceState,
    private readonly dialer: Dialer,
  ) {}

  /** Schedules the first opening of every window. */
  startWindows(): void {
    for (const campaign of this.state.campaigns) if (campaign.config.window) this.scheduleWindow(campaign, 0);
  }

  /** Campaigns open all day start dialling at time 0. */
  startOpenCampaigns(): void {
    for (const campaign of this.state.campaigns) if (campaign.windowOpen) this.state.sim.scheduleAt(0, this.onCampaignKick, campaign);
  }

  private scheduleWindow(campaign: Campaign, fromDay: number): void {
    const { sim, horizonSec } = this.state;
    const window = campaign.config.window!;
    const lastDay = Math.ceil(horizonSec / DAY_SEC);
    const day = nextOccurrence(weekdaySet(window.days, this.state.calendar.firstWeekday), fromDay, lastDay);
    if (day < 0) return;
    const at = day * DAY_SEC + clockSec(window.start);
    if (at >= horizonSec) return;
    sim.scheduleAt(at, this.onWindowOpened, { campaign, day });
  }

  private readonly onWindowOpened = (payload: { campaign: Campaign; day: number }): void => {
    const { sim, horizonSec } = this.state;
    const { campaign, day } = payload;
    const window = campaign.config.window!;
    campaign.windowOpen = true;
    const closeAt = day * DAY_SEC + clockSec(window.end);
    sim.scheduleAt(Math.min(closeAt, horizonSec), this.onWindowClosed, campaign);
    this.scheduleWindow(campaign, day + 1);
    // Kick after everything else due at this instant (a break starting at the window's opening goes first).
    sim.schedule(0, this.onCampaignKick, campaign);
  };

  private readonly onWindowClosed = (campaign: Campaign): void => {
    campaign.windowOpen = false;
  };

  private readonly onCampaignKick = (campaign: Campaign): void => {
    this.dialer.kick(campaign);
  };
}
