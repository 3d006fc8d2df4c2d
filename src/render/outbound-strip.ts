/**
 * Outbound dialing, drawn along the bottom of the call-center floor: per campaign a dialer on the
 * left and a row of customers at home; each ringing dial is a line from the dialer to a customer,
 * and when it stops ringing the customer shows the outcome for a moment (no answer, busy,
 * machine, connect) and a predictive dialer's abandoned connects flash red.
 *
 * Read from the model each frame, like the rest of the room: the campaign's list of ringing dials
 * now, and the dials drawn last frame (a dial that is no longer ringing has its outcome). At high
 * speed only the count of ringing dials and a red pulse for abandons are shown. Sprites are made
 * once; a Map keeps each ringing dial on the same customer while it rings.
 */
import { BitmapText, Container, Graphics, Sprite, Text, type Texture } from 'pixi.js';
import type { Campaign, Dial, VoiceModel } from '../model/voice/voice-model';
import type { Art } from './art';
import type { Rect } from './rect';
import { OKABE_ITO, SCENE_COLOURS } from './palette';

export interface OutboundLabels {
  readonly customers: string;
  readonly noAnswer: string;
  readonly busy: string;
  readonly machine: string;
  readonly connect: string;
  readonly abandoned: string;
  readonly ringing: string;
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

interface Row {
  readonly campaign: Campaign;
  readonly dialerX: number;
  readonly dialerY: number;
  readonly customers: Sprite[];
  readonly marks: Sprite[];
  readonly outcomes: BitmapText[];
  readonly slotDial: (Dial | null)[];
  readonly slotOf: Map<Dial, number>;
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

  constructor(
    art: Art,
    private readonly model: VoiceModel,
    rect: Rect,
    labels: OutboundLabels,
  ) {
    this.labels = labels;
    const campaigns = model.campaigns.slice(0, 3);
    const rowHeight = rect.height / Math.max(1, campaigns.length);
    const background = new Graphics().roundRect(rect.x, rect.y, rect.width, rect.height, 6).fill({ color: 0xc9d3dc, alpha: 0.6 });
    this.container.addChild(background, this.lines);
    campaigns.forEach((campaign, r) => {
      const y = rect.y + r * rowHeight;
      const size = Math.max(14, Math.min(40, rowHeight - 26, (rect.width - 60) / SLOTS - 4));
      const title = new Text({
        text: '',
        style: { fontFamily: 'system-ui, Segoe UI, Arial, sans-serif', fontSize: 11, fill: SCENE_COLOURS.text, fontWeight: '600' },
        resolution: 2,
      });
      title.position.set(rect.x + 6, y + 2);
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
        const outcome = new BitmapText({ text: '', style: { fontFamily: 'Arial', fontSize: 10, fill: 0x1f2a37, fontWeight: 'bold' } });
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
        campaign,
        dialerX,
        dialerY,
        customers,
        marks,
        outcomes,
        slotDial: new Array<Dial | null>(SLOTS).fill(null),
        slotOf: new Map(),
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
      this.titles[r].text = `${labels.customers}: ${row.campaign.name} (${row.campaign.mode})`;
    });
  }

  /** Returns true while an outcome or pulse is still fading. */
  update(wallMs: number, detail: boolean): boolean {
    this.lines.clear();
    let animating = false;
    for (const row of this.rows) {
      const campaign = row.campaign;
      // Abandoned connects (nuisance calls) from the model's own counters: a red pulse.
      const abandoned = this.model.liveCampaignCounters(campaign.index).abandoned;
      if (abandoned > row.abandoned) row.pulse = 1;
      row.abandoned = abandoned;
      row.pulse *= Math.exp(-wallMs / 500);
      row.glow.visible = row.pulse > 0.03;
      row.glow.alpha = row.pulse;
      animating ||= row.glow.visible;

      if (!detail) {
        for (let i = 0; i < SLOTS; i++) {
          row.slotDial[i] = null;
          row.customers[i].alpha = 0.3;
          row.marks[i].visible = false;
          row.outcomes[i].visible = false;
        }
        row.slotOf.clear();
        row.count.visible = true;
        const n = campaign.ringing.length;
        if (n !== row.lastCount) {
          row.count.text = `${this.labels.ringing}: ${n}`;
          row.lastCount = n;
        }
        continue;
      }
      row.count.visible = false;
      row.lastCount = -1;

      // Dials drawn last frame that stopped ringing: show how they ended.
      for (let i = 0; i < SLOTS; i++) {
        const dial = row.slotDial[i];
        // Still in progress: ringing, or answered and waiting (briefly) for a free agent.
        if (dial === null || dial.state === 'ringing' || dial.state === 'waiting-agent') continue;
        row.slotDial[i] = null;
        row.slotOf.delete(dial);
        const outcome = outcomeOf(dial);
        row.outcomeMs[i] = OUTCOME_MS;
        row.marks[i].tint = OUTCOME_COLOURS[outcome];
        row.outcomes[i].text = this.labels[outcome];
      }
      // Ringing dials keep their customer; new ones take a free one (the rest are not drawn).
      for (let k = 0; k < campaign.ringing.length; k++) {
        const dial = campaign.ringing[k];
        if (row.slotOf.has(dial)) continue;
        const free = row.slotDial.indexOf(null);
        if (free < 0) break;
        row.slotDial[free] = dial;
        row.slotOf.set(dial, free);
        row.outcomeMs[free] = 0;
      }
      for (let i = 0; i < SLOTS; i++) {
        const ringing = row.slotDial[i] !== null;
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

  destroy(): void {
    this.container.destroy({ children: true });
  }
}

function outcomeOf(dial: Dial): Outcome {
  if (dial.state === 'abandoned') return 'abandoned';
  switch (dial.result) {
    case 'no-answer':
      return 'noAnswer';
    case 'busy':
      return 'busy';
    case 'machine-detected':
    case 'machine-missed':
      return 'machine';
    default:
      return 'connect';
  }
}

function sprite(texture: Texture, width: number, height: number): Sprite {
  const s = new Sprite(texture);
  s.anchor.set(0.5);
  s.width = width;
  s.height = height;
  s.eventMode = 'none';
  return s;
}
