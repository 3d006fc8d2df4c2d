/**
 * The wallboards, one per room, as DOM text (large digits for a projector, readable by screen
 * readers). Every figure comes from the model's KPI code through VoiceSession.kpis (which calls
 * deriveQueueKpis) or from a back-office source's own KPIs; the wallboard only formats.
 */
import { h, setText } from './dom';
import { shownName } from './display-names';
import { formatClock, formatDuration, formatInteger, formatMoney, formatPercent, t } from './i18n/i18n';
import type { CostSoFar } from '../app/cost-so-far';
import type { MessageKey } from './i18n/en';
import type { QueueSelection, VoiceSession } from '../app/voice-session';
import type { BackOfficeWallboardFigures } from '../model/backoffice/backoffice-snapshot';
import { artUrl } from '../render/common/art';
import { DISPLAY_STATES, STATE_COLOURS, STATE_ICONS, cssHex, toDisplayState, type DisplayAgentState } from '../render/common/palette';

interface Tile {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly value: HTMLElement;
  readonly sub: HTMLElement;
  readonly labelKey: MessageKey;
}

function tile(labelKey: MessageKey, id: string): Tile {
  const label = h('div', { class: 'label' });
  const value = h('div', { class: 'value', id });
  const sub = h('div', { class: 'sub' });
  const root = h('div', { class: 'tile' }, label, value, sub);
  return { root, label, value, sub, labelKey };
}

/** Sets a tile's big value; long texts (durations) get a smaller size so they fit the tile. */
function setValue(element: HTMLElement, text: string): void {
  setText(element, text);
  element.classList.toggle('long', text.length > 6);
}

function setTone(element: HTMLElement, tone: 'good' | 'warn' | 'bad' | null): void {
  element.classList.toggle('good', tone === 'good');
  element.classList.toggle('warn', tone === 'warn');
  element.classList.toggle('bad', tone === 'bad');
}

export type VoiceTileKey = 'waiting' | 'longest' | 'slToday' | 'slInterval' | 'asa' | 'abandon' | 'occupancy' | 'agents' | 'dials' | 'nuisance' | 'cost';

/** A second board on the page (twin floors): its own element ids, a title of its own, fewer tiles. */
export interface VoiceWallboardOptions {
  readonly idPrefix?: string;
  /** The tiles shown, in the board's order; all of them by default. */
  readonly tiles?: readonly VoiceTileKey[];
  readonly title?: () => string;
}

/** States always shown on the wallboard; the others appear while some agent is in them. */
const ALWAYS_SHOWN: ReadonlySet<DisplayAgentState> = new Set(['idle', 'talking', 'acw']);

export class VoiceWallboard {
  private readonly title: HTMLElement;
  private readonly queueLabel = h('span');
  private readonly queuePicker: HTMLSelectElement;
  private readonly tiles: Record<VoiceTileKey, Tile>;
  /** The tiles on this board (the others are kept up to date but never shown). */
  private readonly shownTiles: Tile[];
  private readonly grid: HTMLElement;
  private readonly stateCounts = new Map<string, HTMLElement>();
  private readonly stateBadges = new Map<string, HTMLElement>();
  private readonly note = h('p', { class: 'note' });
  private readonly noQueues = h('span', { class: 'arriving' });
  private session: VoiceSession | null = null;
  selection: QueueSelection = 0;
  private readonly counts = new Array<number>(DISPLAY_STATES.length).fill(0);

  constructor(
    root: HTMLElement,
    onSelection: (selection: QueueSelection) => void,
    private readonly options: VoiceWallboardOptions = {},
  ) {
    const id = (name: string) => (options.idPrefix ?? '') + name;
    this.title = h('h3', { id: id('wb-voice-title') });
    this.queuePicker = h('select', { id: id('wb-queue') });
    this.tiles = {
      waiting: tile('wb.waiting', id('kpi-waiting')),
      longest: tile('wb.longestWait', id('kpi-longest-wait')),
      slToday: tile('wb.slToday', id('kpi-sl-today')),
      slInterval: tile('wb.slInterval', id('kpi-sl-interval')),
      asa: tile('wb.asa', id('kpi-asa')),
      abandon: tile('wb.abandon', id('kpi-abandon')),
      occupancy: tile('wb.occupancy', id('kpi-occupancy')),
      agents: tile('wb.agents', id('kpi-agents')),
      dials: tile('wb.dialsPerHour', id('kpi-dials')),
      nuisance: tile('wb.nuisance', id('kpi-nuisance')),
      cost: tile('wb.cost', id('kpi-cost-voice')),
    };
    this.shownTiles = options.tiles ? options.tiles.map((key) => this.tiles[key]) : Object.values(this.tiles);
    this.tiles.cost.root.hidden = true;
    const states = h('div', { class: 'agent-states', id: id('kpi-agents') });
    for (const state of DISPLAY_STATES) {
      const count = h('b', { text: '0' });
      const badge = h('span', { class: 'badge', style: `background:${cssHex(STATE_COLOURS[state])}` }, h('img', { src: artUrl(STATE_ICONS[state]) ?? '', alt: '' }));
      this.stateCounts.set(state, count);
      this.stateBadges.set(state, badge);
      const item = h('span', {}, badge, count);
      item.hidden = !ALWAYS_SHOWN.has(state);
      states.append(item);
    }
    this.tiles.agents.value.replaceWith(states);
    this.tiles.agents.root.classList.add('agents');
    const picker = h('label', { class: 'queue-picker' }, this.queueLabel, ' ', this.queuePicker);
    this.queuePicker.addEventListener('change', () => {
      const value = this.queuePicker.value;
      this.selection = value === 'all' ? 'all' : Number(value);
      onSelection(this.selection);
    });
    this.grid = h('div', { class: 'tiles', role: 'group' }, ...this.shownTiles.map((x) => x.root));
    root.replaceChildren(h('header', {}, this.title, this.noQueues, picker), this.grid, this.note);
    this.applyLanguage();
  }

  /** Shows dashes: no scenario is running (it failed validation). */
  detach(): void {
    this.session = null;
    for (const x of Object.values(this.tiles)) {
      setValue(x.value, t('value.none'));
      setText(x.sub, '');
    }
    for (const count of this.stateCounts.values()) setText(count, t('value.none'));
  }

  attach(session: VoiceSession, selection: QueueSelection): void {
    this.session = session;
    const queues = session.scenario.queues;
    this.selection = selection;
    this.fillQueuePicker();
    (this.queuePicker.parentElement as HTMLElement).hidden = queues.length <= 1;
    const inbound = queues.length > 0;
    const outbound = session.model.campaigns.length > 0;
    this.noQueues.hidden = inbound;
    for (const key of ['waiting', 'longest', 'slToday', 'slInterval', 'asa', 'abandon', 'occupancy'] as const) this.tiles[key].root.hidden = !inbound && outbound;
    this.layoutTiles();
    this.tiles.dials.root.hidden = !outbound;
    this.tiles.nuisance.root.hidden = !outbound;
    this.showCost(null);
  }

  /**
   * Cost so far of the calls (the model's cost formulas, through app/cost-so-far.ts): shown only
   * when the scenario gives costs and the room has calls to price.
   */
  showCost(cost: CostSoFar | null): void {
    const tile = this.tiles.cost;
    const shown = cost !== null && this.session !== null && this.session.model.groups.length > 0 && (this.session.scenario.queues.length > 0 || this.session.model.campaigns.length > 0);
    if (tile.root.hidden === shown) {
      tile.root.hidden = !shown;
      this.layoutTiles();
    }
    if (!shown || !cost) return;
    setValue(tile.value, formatMoney(cost.voiceCost, cost.currency));
    setText(tile.sub, t('wb.costPerCall', { value: formatMoney(cost.perCallHandled, cost.currency), total: formatMoney(cost.total, cost.currency) }));
  }

  /** Five columns instead of four when there are more than eight tiles, so the board keeps two rows. */
  private layoutTiles(): void {
    let visible = 0;
    for (const x of this.shownTiles) if (!x.root.hidden) visible++;
    this.grid.classList.toggle('wide', visible > 8);
  }

  applyLanguage(): void {
    setText(this.title, this.options.title?.() ?? t('wb.voice.title'));
    setText(this.queueLabel, t('wb.queue'));
    for (const x of Object.values(this.tiles)) setText(x.label, t(x.labelKey));
    for (const state of DISPLAY_STATES) {
      const badge = this.stateBadges.get(state)!;
      badge.title = t(`state.${state}` as MessageKey);
      badge.setAttribute('aria-label', t(`state.${state}` as MessageKey));
      badge.setAttribute('role', 'img');
    }
    setText(this.note, t('wb.kpiSource'));
    setText(this.noQueues, t('wb.noQueues'));
    this.fillQueuePicker();
    this.refresh();
  }

  /** Re-reads the figures; called a few times a second and after every step. */
  refresh(): void {
    const session = this.session;
    if (!session) return;
    const sel = this.selection;
    const { today, interval } = session.kpis(sel);
    const serviceLevel = session.scenario.serviceLevel;
    const target = serviceLevel.targetPercent !== undefined ? serviceLevel.targetPercent / 100 : null;
    const tiles = this.tiles;

    const waiting = session.waiting(sel);
    setValue(tiles.waiting.value, formatInteger(waiting));
    setText(tiles.waiting.sub, today.offered > 0 ? t('wb.offeredToday', { offered: formatInteger(today.offered) }) : t('wb.noCalls'));

    const longest = session.longestWaitNow(sel);
    setValue(tiles.longest.value, formatDuration(longest));
    setTone(tiles.longest.root, longest > serviceLevel.thresholdSec ? 'bad' : null);

    const thresholdText = formatDuration(serviceLevel.thresholdSec);
    const slSub = target !== null ? t('wb.slTarget', { target: formatPercent(target), threshold: thresholdText }) : t('wb.slNoTarget', { threshold: thresholdText });
    setValue(tiles.slToday.value, formatPercent(today.serviceLevel));
    setText(tiles.slToday.sub, slSub);
    setTone(tiles.slToday.root, tone(today.serviceLevel, target));
    setValue(tiles.slInterval.value, formatPercent(interval.serviceLevel));
    setText(tiles.slInterval.sub, t('wb.slIntervalSince', { time: formatClock(session.currentIntervalStartSec, false) }));
    setTone(tiles.slInterval.root, tone(interval.serviceLevel, target));

    setValue(tiles.asa.value, formatDuration(today.asa));
    setValue(tiles.abandon.value, formatPercent(today.abandonRate, 1));
    const blockedText = today.blocked > 0 ? ` · ${t('wb.blocked')} ${formatPercent(today.blockingRate, 1)}` : '';
    setText(tiles.abandon.sub, `${formatInteger(today.abandoned)}${blockedText}`);
    setTone(tiles.abandon.root, today.abandonRate !== null && today.abandonRate > 0.05 ? 'bad' : null);

    if (sel === 'all' && session.hasSharedAgents) {
      setValue(tiles.occupancy.value, t('value.none'));
      setText(tiles.occupancy.sub, t('wb.occupancyMultiSkill'));
    } else if (session.loggedInNow(sel) === 0) {
      // A share of nobody's time: what is left of the interval's figure is agents finishing
      // their last call after their shift ended, not a busy floor.
      setValue(tiles.occupancy.value, t('value.none'));
      setText(tiles.occupancy.sub, t('wb.nobodyLoggedIn', { value: formatPercent(today.occupancy) }));
    } else {
      // Today covers logged-in time only, like the back office's on-shift time; agents of groups
      // without shifts are logged in around the clock, and the board says so.
      setValue(tiles.occupancy.value, formatPercent(interval.occupancy));
      setText(tiles.occupancy.sub, t(session.loggedInAroundTheClock(sel) ? 'wb.occupancyTodayAllDay' : 'wb.occupancyToday', { value: formatPercent(today.occupancy) }));
    }

    const out = session.outbound();
    if (out) {
      setValue(tiles.dials.value, out.today.dialsPerHour === null ? t('value.none') : formatInteger(out.today.dialsPerHour));
      setText(tiles.dials.sub, t('wb.connectRate', { rate: formatPercent(out.today.connectRate) }));
      setValue(tiles.nuisance.value, formatPercent(out.trailing24hAbandonRate, 1));
      setText(tiles.nuisance.sub, t('wb.nuisanceCap', { cap: formatPercent(out.cap, 1), today: formatPercent(out.today.abandonRate, 1) }));
      setTone(tiles.nuisance.root, out.trailing24hAbandonRate === null ? null : out.trailing24hAbandonRate > out.cap ? 'bad' : out.trailing24hAbandonRate > out.cap * 0.8 ? 'warn' : 'good');
    }

    // Agents by state: a head count, read from the model's agents (not a KPI).
    const counts = this.counts;
    counts.fill(0);
    for (const group of session.model.groups) {
      if (sel !== 'all' && !group.queues.some((q) => q.index === sel)) continue;
      for (const agent of group.agents) counts[DISPLAY_STATES.indexOf(toDisplayState(agent.state))]++;
    }
    const shown: string[] = [];
    DISPLAY_STATES.forEach((state, i) => {
      const element = this.stateCounts.get(state)!;
      setText(element, formatInteger(counts[i]));
      const visible = ALWAYS_SHOWN.has(state) || counts[i] > 0;
      (element.parentElement as HTMLElement).hidden = !visible;
      if (visible) shown.push(t(`state.${state}` as MessageKey));
    });
    setText(tiles.agents.sub, shown.join(' · '));
  }

  private fillQueuePicker(): void {
    const session = this.session;
    if (!session) return;
    const options = session.scenario.queues.map((queue, q) => h('option', { value: String(q), text: shownName(session.scenario, 'queues', queue.id) }));
    options.push(h('option', { value: 'all', text: t('wb.allQueues') }));
    this.queuePicker.replaceChildren(...options);
    this.queuePicker.value = String(this.selection);
  }
}

export class BackOfficeWallboard {
  private readonly title = h('h3', { id: 'wb-bo-title' });
  private readonly none = h('span', { class: 'arriving' });
  private readonly tiles: Tile[];
  private hasSource = false;

  constructor(root: HTMLElement) {
    this.tiles = [
      tile('wb.backlog', 'kpi-bo-backlog'),
      tile('wb.oldest', 'kpi-bo-oldest'),
      tile('wb.onTime', 'kpi-bo-ontime'),
      tile('wb.completedToday', 'kpi-bo-completed'),
      tile('wb.utilization', 'kpi-bo-utilization'),
      tile('wb.cost', 'kpi-bo-cost'),
    ];
    this.tiles[5].root.hidden = true;
    root.replaceChildren(h('header', {}, this.title, this.none), h('div', { class: 'tiles' }, ...this.tiles.map((x) => x.root)));
    this.applyLanguage();
    this.show(null);
  }

  applyLanguage(): void {
    setText(this.title, t('wb.backoffice.title'));
    setText(this.none, t('wb.noBackOffice'));
    for (const x of this.tiles) setText(x.label, t(x.labelKey));
  }

  /** Shows dashes and claims nothing: no scenario is running (it or its what-if changes failed validation). */
  detach(): void {
    this.show(null);
    this.none.hidden = true;
  }

  /** Shows the back-office model's KPIs, or dashes marked "no back-office work" when the scenario has none. */
  show(kpis: BackOfficeWallboardFigures | null): void {
    this.hasSource = kpis !== null;
    this.none.hidden = this.hasSource;
    const [backlog, oldest, onTime, completed, utilization] = this.tiles;
    for (const x of this.tiles) x.root.classList.toggle('placeholder', !kpis);
    if (!kpis) {
      this.tiles[5].root.hidden = true;
      for (const x of this.tiles) {
        setValue(x.value, t('value.none'));
        setText(x.sub, '');
      }
      return;
    }
    setValue(backlog.value, formatInteger(kpis.backlog));
    // Open items not in the backlog, so an old open item beside "Backlog 0" says where it is.
    setText(backlog.sub, t('wb.backlogOthers', { inHand: formatInteger(kpis.inHand), withCustomer: formatInteger(kpis.withCustomer) }));
    setValue(oldest.value, kpis.oldestAgeSec === null ? t('value.none') : formatDuration(kpis.oldestAgeSec));
    setText(oldest.sub, kpis.oldestAgeSec === null ? t('wb.oldestNone') : '');
    setValue(onTime.value, formatPercent(kpis.onTimeRate));
    setText(onTime.sub, t('wb.onTimeRun', { rate: formatPercent(kpis.onTimeRateRun), late: formatInteger(kpis.lateInBacklog) }));
    setTone(onTime.root, kpis.onTimeRate === null ? null : kpis.onTimeRate >= 0.95 ? 'good' : kpis.onTimeRate >= 0.85 ? 'warn' : 'bad');
    setValue(completed.value, formatInteger(kpis.completedToday));
    setValue(utilization.value, formatPercent(kpis.utilization));
    setText(utilization.sub, t('wb.utilizationOf'));
  }

  /** Cost so far of the back-office work (the model's cost formulas); only when the scenario gives costs. */
  showCost(cost: CostSoFar | null): void {
    const tile = this.tiles[5];
    tile.root.hidden = !cost || !this.hasSource;
    if (tile.root.hidden || !cost) return;
    setValue(tile.value, formatMoney(cost.backOfficeCost, cost.currency));
    setText(tile.sub, t('wb.costPerItem', { value: formatMoney(cost.perItemCompleted, cost.currency), total: formatMoney(cost.total, cost.currency) }));
  }
}

function tone(value: number | null, target: number | null): 'good' | 'warn' | 'bad' | null {
  if (value === null || target === null) return null;
  if (value >= target) return 'good';
  return value >= target - 0.1 ? 'warn' : 'bad';
}
