/**
 * Outbound dialing, drawn along the bottom of the call-center floor: per campaign a dialer on the
 * left and a row of customers at home; each ringing dial is a line from the dialer to a customer,
 * and when it stops ringing the customer shows the outcome for a moment (no answer, busy,
 * machine, connect) and a predictive dialer's abandoned connects flash red.
 *
 * Drawn from the voice snapshot, like the rest of the room: a dial that starts ringing (the
 * snapshot's feed) takes a free customer and keeps it until the feed says how it ended. At high
 * speed only the count of ringing dials and a red pulse for abandons are shown. Sprites are made
 * once.
 */
import { BitmapText, Container, Graphics, Sprite, type Text } from 'pixi.js';
import { DIAL_ABANDONED, DIAL_BUSY, DIAL_CONNECT, DIAL_MACHINE, DIAL_NO_ANSWER, FEED_DIAL_ENDED, FEED_DIAL_STARTED, type VoiceSnapshot } from '../../model/voice/voice-snapshot';
import { sprite, type Art } from '../common/art';
import { SCENE_TEXT_PX, sceneLabel } from '../common/label';
import type { Rect } from '../common/rect';
import { OKABE_ITO } from '../common/palette';
import { sceneName } from '../common/scene-names';

export interface OutboundLabels {
  readonly customers: string;
  readonly noAnswer: string;
  readonly busy: string;
  readonly machine: string;
  readonly connect: string;
  readonly abandoned: string;
  readonly ringing: string;
  /** Each dialer mode's name, by the model's mode id. */
  readonly modes: Readonly<Record<string, string>>;
}

const SLOTS = 14;
/** Wall milliseconds an outcome stays shown. */
const OUTCOME_MS = 900;

type Outcome = 'noAnswer' | 'busy' | 'machine' | 'connect' | 'abandoned';

const OUTCOME_COLOURS: Record<Outcome, number> = {
  noAnswer: 0x9aa3ad,
  busy: 0x9aa3ad,
  machine: 0x9aa3ad,
  connect: OKABE_ITO.bluishGreen,
  abandoned: OKABE_ITO.vermillion,
};

/** The outcome drawn for each DIAL_* code of the feed. */
const OUTCOMES: Record<number, Outcome> = {
  [DIAL_NO_ANSWER]: 'noAnswer',
  [DIAL_BUSY]: 'busy',
  [DIAL_MACHINE]: 'machine',
  [DIAL_CONNECT]: 'connect',
  [DIAL_ABANDONED]: 'abandoned',
};

interface Row {
  /** The campaign's name, and its dialer mode's id (named in the labels' language). */
  readonly title: string;
  readonly mode: string;
  readonly dialerX: number;
  readonly dialerY: number;
  readonly customers: Sprite[];
  readonly marks: Sprite[];
  readonly outcomes: BitmapText[];
  /** The dial (id) ringing at each customer, -1 for none. */
  readonly slotDial: Float64Array;
  readonly outcomeMs: Float64Array;
  readonly count: BitmapText;
  readonly glow: Sprite;
  abandoned: number;
  pulse: number;
  lastCount: number;
}

export class OutboundStrip {
  readonly container = new Container();
  private readonly rows: Row[] = [];
  private readonly lines = new Graphics();
  private readonly titles: Text[] = [];
  private labels: OutboundLabels;
  /** Feed entries drawn so far. */
  private feedRead: number;

  constructor(
    art: Art,
    snapshot: VoiceSnapshot,
    rect: Rect,
    labels: OutboundLabels,
    campaignNames: ReadonlyMap<string, string>,
  ) {
    this.labels = labels;
    this.feedRead = snapshot.feed.written;
    const campaigns = snapshot.campaigns.slice(0, 3);
    const rowHeight = rect.height / Math.max(1, campaigns.length);
    const background = new Graphics().roundRect(rect.x, rect.y, rect.width, rect.height, 6).fill({ color: 0xc9d3dc, alpha: 0.6 });
    this.container.addChild(background, this.lines);
    campaigns.forEach((campaign, r) => {
      const y = rect.y + r * rowHeight;
      const size = Math.max(14, Math.min(40, rowHeight - 26, (rect.width - 60) / SLOTS - 4));
      const title = sceneLabel('', rect.x + 6, y + 2, SCENE_TEXT_PX);
      this.titles.push(title);
      const dialer = sprite(art.svg('phone'), size * 0.9, size * 0.9);
      const dialerX = rect.x + 8 + size * 0.45;
      const dialerY = y + 16 + size / 2;
      dialer.position.set(dialerX, dialerY);
      const glow = sprite(art.glow, size * 3, size * 2);
      glow.position.set(dialerX, dialerY);
      glow.tint = OKABE_ITO.vermillion;
      glow.visible = false;
      const customers: Sprite[] = [];
      const marks: Sprite[] = [];
      const outcomes: BitmapText[] = [];
      const step = (rect.width - (dialerX - rect.x) - size) / SLOTS;
      for (let i = 0; i < SLOTS; i++) {
        const x = dialerX + size + (i + 0.5) * step;
        const customer = sprite(art.svg('customer'), size, size);
        customer.position.set(x, dialerY);
        customer.alpha = 0.3;
        const mark = sprite(art.disc, size * 0.45, size * 0.45);
        mark.position.set(x + size * 0.35, dialerY - size * 0.35);
        mark.visible = false;
        const outcome = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: SCENE_TEXT_PX, fill: 0x1f2a37, fontWeight: 'bold' } });
        outcome.anchor.set(0.5, 0);
        outcome.position.set(x, dialerY + size * 0.5);
        outcome.visible = false;
        customers.push(customer);
        marks.push(mark);
        outcomes.push(outcome);
      }
      const count = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: 16, fill: 0x1f2a37, fontWeight: 'bold' } });
      count.position.set(dialerX + size, dialerY - 9);
      count.visible = false;
      this.container.addChild(glow, title, dialer, ...customers, ...marks, ...outcomes, count);
      this.rows.push({
        title: sceneName(campaignNames, campaign),
        mode: campaign.mode,
        dialerX,
        dialerY,
        customers,
        marks,
        outcomes,
        slotDial: new Float64Array(SLOTS).fill(-1),
        outcomeMs: new Float64Array(SLOTS),
        count,
        glow,
        abandoned: 0,
        pulse: 0,
        lastCount: -1,
      });
    });
    this.setLabels(labels);
  }

  setLabels(labels: OutboundLabels): void {
    this.labels = labels;
    this.rows.forEach((row, r) => {
      this.titles[r].text = `${labels.customers}: ${row.title} (${labels.modes[row.mode] ?? row.mode})`;
    });
  }

  /** Returns true while an outcome or pulse is still fading. */
  update(snapshot: VoiceSnapshot, wallMs: number, detail: boolean): boolean {
    this.lines.clear();
    if (detail) this.readFeed(snapshot);
    else this.feedRead = snapshot.feed.written;
    let animating = false;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      const campaign = snapshot.campaigns[r];
      // Abandoned connects (nuisance calls): a red pulse.
      if (campaign.abandoned > row.abandoned) row.pulse = 1;
      row.abandoned = campaign.abandoned;
      row.pulse *= Math.exp(-wallMs / 500);
      row.glow.visible = row.pulse > 0.03;
      row.glow.alpha = row.pulse;
      animating ||= row.glow.visible;

      if (!detail) {
        for (let i = 0; i < SLOTS; i++) {
          row.slotDial[i] = -1;
          row.customers[i].alpha = 0.3;
          row.marks[i].visible = false;
          row.outcomes[i].visible = false;
        }
        row.count.visible = true;
        const n = campaign.ringing;
        if (n !== row.lastCount) {
          row.count.text = `${this.labels.ringing}: ${n}`;
          row.lastCount = n;
        }
        continue;
      }
      row.count.visible = false;
      row.lastCount = -1;
      for (let i = 0; i < SLOTS; i++) {
        const ringing = row.slotDial[i] >= 0;
        const customer = row.customers[i];
        customer.alpha = ringing ? 1 : 0.3;
        if (ringing) {
          this.lines.moveTo(row.dialerX, row.dialerY).lineTo(customer.x, customer.y);
        }
        const left = row.outcomeMs[i];
        if (left > 0) {
          row.outcomeMs[i] = Math.max(0, left - wallMs);
          const alpha = Math.min(1, left / (OUTCOME_MS * 0.5));
          row.marks[i].visible = true;
          row.marks[i].alpha = alpha;
          row.outcomes[i].visible = true;
          row.outcomes[i].alpha = alpha;
          animating = true;
        } else {
          row.marks[i].visible = false;
          row.outcomes[i].visible = false;
        }
      }
    }
    this.lines.stroke({ width: 2, color: OKABE_ITO.orange, alpha: 0.9 });
    return animating;
  }

  /**
   * Dials that started ringing take a free customer (the rest are not drawn); dials that ended
   * show how, on their customer. Entries overwritten before they were drawn leave customers whose
   * end was lost: those are cleared.
   */
  private readFeed(snapshot: VoiceSnapshot): void {
    const feed = snapshot.feed;
    const oldest = feed.written - feed.capacity;
    if (this.feedRead < oldest) for (const row of this.rows) row.slotDial.fill(-1);
    for (let n = Math.max(this.feedRead, oldest); n < feed.written; n++) {
      const i = n % feed.capacity;
      const kind = feed.kind[i];
      if (kind !== FEED_DIAL_STARTED && kind !== FEED_DIAL_ENDED) continue;
      const row = this.rows[feed.place[i]];
      if (!row) continue;
      if (kind === FEED_DIAL_STARTED) {
        const free = row.slotDial.indexOf(-1);
        if (free < 0) continue;
        row.slotDial[free] = feed.id[i];
        row.outcomeMs[free] = 0;
      } else {
        const slot = row.slotDial.indexOf(feed.id[i]);
        if (slot < 0) continue;
        const outcome = OUTCOMES[feed.agent[i]];
        row.slotDial[slot] = -1;
        row.outcomeMs[slot] = OUTCOME_MS;
        row.marks[slot].tint = OUTCOME_COLOURS[outcome];
        row.outcomes[slot].text = this.labels[outcome];
      }
    }
    this.feedRead = feed.written;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}
