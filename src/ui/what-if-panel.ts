/**
 * The what-if controls, in sections: call center (agents per group, call volume, handle time,
 * patience), back office (clerks per team, item volume) and outbound dialer (mode and lines per
 * agent per campaign). They edit pending settings; the page applies them by rebuilding the model
 * on reset (see app/what-if.ts for why). The panel says, at the top and on every section, which
 * changes apply at once (play, speed, language) and which on reset (all of these), and the page
 * says so again while a change is pending.
 */
import { h, setText } from './dom';
import { formatInteger, t } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import type { Scenario } from '../model/scenario-schema';
import {
  AHT_PERCENT_RANGE,
  ARRIVAL_PERCENT_RANGE,
  BACK_OFFICE_ARRIVAL_PERCENT_RANGE,
  DIALER_MODES,
  DIALER_RATIO_RANGE,
  PATIENCE_PERCENT_RANGE,
  defaultWhatIf,
  clerksRange,
  headCountRange,
  type ControlRange,
  type DialerMode,
  type WhatIfSettings,
} from '../app/what-if';
import { formatDecimal } from './i18n/i18n';
import { STATE_COLOURS, STATE_ICONS, cssHex, type DisplayAgentState } from '../render/palette';

interface Slider {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly input: HTMLInputElement | HTMLSelectElement;
  readonly output: HTMLOutputElement;
  readonly labelText: () => string;
  readonly valueText: (value: number) => string;
  /** Re-labels a select's options in the current language. */
  readonly relabel?: () => void;
}

interface Section {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly chip: HTMLElement;
  readonly key: MessageKey;
}

export class WhatIfPanel {
  private scenario: Scenario | null = null;
  private settings: WhatIfSettings | null = null;
  private sliders: Slider[] = [];
  private sections: Section[] = [];
  private readonly restore = h('button', { type: 'button', id: 'whatif-restore' });
  private readonly when = h('p', { class: 'note when', id: 'whatif-when' });

  constructor(
    private readonly host: HTMLElement,
    private readonly onChange: (settings: WhatIfSettings) => void,
  ) {
    this.restore.addEventListener('click', () => {
      if (!this.scenario) return;
      this.show(this.scenario, defaultWhatIf(this.scenario));
      this.onChange(this.settings!);
    });
  }

  get value(): WhatIfSettings | null {
    return this.settings;
  }

  show(scenario: Scenario, settings: WhatIfSettings): void {
    this.scenario = scenario;
    this.settings = settings;
    const sliders: Slider[] = [];
    const sections: Section[] = [];
    const percent = (v: number) => t('whatif.percent', { value: formatInteger(v) });

    // Call center.
    const voice: Slider[] = [];
    if (scenario.agentGroups.length > 0) {
      for (const group of scenario.agentGroups) {
        voice.push(
          this.slider(
            `whatif-agents-${group.id}`,
            () => t('whatif.agents', { group: group.name }),
            headCountRange(group.agents),
            settings.agentsByGroup[group.id] ?? group.agents,
            (v) => formatInteger(v),
            (v) => ({ ...this.settings!, agentsByGroup: { ...this.settings!.agentsByGroup, [group.id]: v } }),
          ),
        );
      }
    }
    if (scenario.queues.length > 0) {
      voice.push(
        this.slider('whatif-arrivals', () => t('whatif.arrivals'), ARRIVAL_PERCENT_RANGE, settings.arrivalPercent, percent, (v) => ({ ...this.settings!, arrivalPercent: v })),
        this.slider('whatif-aht', () => t('whatif.aht'), AHT_PERCENT_RANGE, settings.ahtPercent, percent, (v) => ({ ...this.settings!, ahtPercent: v })),
      );
      const hasPatience = scenario.queues.some((q) => q.patience !== undefined);
      const patience = this.slider('whatif-patience', () => t('whatif.patience'), PATIENCE_PERCENT_RANGE, settings.patiencePercent, percent, (v) => ({ ...this.settings!, patiencePercent: v }));
      if (!hasPatience) {
        patience.input.disabled = true;
        patience.root.classList.add('disabled');
        patience.root.title = t('whatif.noPatience');
      }
      voice.push(patience);
    }
    if (voice.length > 0) sections.push(this.section('whatif-voice', 'whatif.section.voice', voice));
    sliders.push(...voice);

    // Back office.
    const backOffice = scenario.backOffice;
    if (backOffice) {
      const office: Slider[] = backOffice.teams.map((team) =>
        this.slider(
          `whatif-clerks-${team.id}`,
          () => t('whatif.clerks', { team: team.name }),
          clerksRange(team, backOffice),
          settings.clerksByTeam[team.id] ?? team.clerks,
          (v) => formatInteger(v),
          (v) => ({ ...this.settings!, clerksByTeam: { ...this.settings!.clerksByTeam, [team.id]: v } }),
        ),
      );
      office.push(
        this.slider('whatif-bo-arrivals', () => t('whatif.boArrivals'), BACK_OFFICE_ARRIVAL_PERCENT_RANGE, settings.backOfficeArrivalPercent, percent, (v) => ({ ...this.settings!, backOfficeArrivalPercent: v })),
      );
      sections.push(this.section('whatif-backoffice', 'whatif.section.backoffice', office));
      sliders.push(...office);
    }

    // Outbound dialer.
    const dialer: Slider[] = [];
    for (const campaign of scenario.campaigns ?? []) {
      const current = settings.dialerByCampaign[campaign.id];
      const ratio = this.slider(
        `whatif-ratio-${campaign.id}`,
        () => t('whatif.dialerRatio', { campaign: campaign.name }),
        DIALER_RATIO_RANGE,
        current.ratio,
        (v) => t('whatif.ratioValue', { value: formatDecimal(v) }),
        (v) => ({ ...this.settings!, dialerByCampaign: { ...this.settings!.dialerByCampaign, [campaign.id]: { ...this.settings!.dialerByCampaign[campaign.id], ratio: v } } }),
      );
      const syncRatio = (mode: DialerMode) => {
        ratio.input.disabled = mode !== 'predictive';
        ratio.root.classList.toggle('disabled', mode !== 'predictive');
        ratio.root.title = mode !== 'predictive' ? t('whatif.ratioPredictiveOnly') : '';
      };
      const mode = this.select(
        `whatif-mode-${campaign.id}`,
        () => t('whatif.dialerMode', { campaign: campaign.name }),
        DIALER_MODES.map((m) => ({ value: m, text: () => t(`whatif.mode.${m}` as MessageKey) })),
        current.mode,
        (value) => {
          syncRatio(value as DialerMode);
          return { ...this.settings!, dialerByCampaign: { ...this.settings!.dialerByCampaign, [campaign.id]: { ...this.settings!.dialerByCampaign[campaign.id], mode: value as DialerMode } } };
        },
      );
      syncRatio(current.mode);
      dialer.push(mode, ratio);
    }
    if (dialer.length > 0) sections.push(this.section('whatif-dialer', 'whatif.section.dialer', dialer));
    sliders.push(...dialer);

    this.sliders = sliders;
    this.sections = sections;
    this.host.replaceChildren(this.when, ...sections.map((x) => x.root), this.restore);
    this.applyLanguage();
  }

  applyLanguage(): void {
    setText(this.restore, t('whatif.restore'));
    setText(this.when, t('whatif.when'));
    for (const section of this.sections) {
      setText(section.title, t(section.key));
      setText(section.chip, t('whatif.onReset'));
    }
    for (const slider of this.sliders) {
      setText(slider.label, slider.labelText());
      slider.relabel?.();
      if (slider.input instanceof HTMLInputElement) setText(slider.output, slider.valueText(Number(slider.input.value)));
    }
    const patience = this.sliders.find((s) => s.input.id === 'whatif-patience');
    if (patience?.input.disabled) patience.root.title = t('whatif.noPatience');
    for (const slider of this.sliders) if (slider.input.id.startsWith('whatif-ratio-') && slider.input.disabled) slider.root.title = t('whatif.ratioPredictiveOnly');
  }

  private section(id: string, key: MessageKey, controls: Slider[]): Section {
    const title = h('h4');
    const chip = h('span', { class: 'chip' });
    const root = h('fieldset', { class: 'whatif-section', id }, h('legend', {}, title, chip), ...controls.map((c) => c.root));
    return { root, title, chip, key };
  }

  private select(
    id: string,
    labelText: () => string,
    options: { value: string; text: () => string }[],
    value: string,
    update: (value: string) => WhatIfSettings,
  ): Slider {
    const label = h('label', { for: id });
    const input = h('select', { id });
    const elements = options.map((o) => h('option', { value: o.value }));
    input.append(...elements);
    input.value = value;
    const output = h('output', { for: id });
    const root = h('div', { class: 'slider select' }, label, output, input);
    input.addEventListener('change', () => {
      this.settings = update(input.value);
      this.onChange(this.settings);
    });
    const relabel = () => options.forEach((o, i) => setText(elements[i], o.text()));
    return { root, label, input, output, labelText, valueText: () => '', relabel };
  }

  private slider(
    id: string,
    labelText: () => string,
    range: ControlRange,
    value: number,
    valueText: (value: number) => string,
    update: (value: number) => WhatIfSettings,
  ): Slider {
    const label = h('label', { for: id });
    const input = h('input', { id, type: 'range', min: range.min, max: range.max, step: range.step, value: String(value) });
    input.value = String(value);
    const output = h('output', { for: id });
    const root = h('div', { class: 'slider' }, label, output, input);
    input.addEventListener('input', () => {
      const v = Number(input.value);
      setText(output, valueText(v));
      this.settings = update(v);
      this.onChange(this.settings);
    });
    return { root, label, input, output, labelText, valueText };
  }
}

/** A legend entry: a coloured badge with an icon, a ring, or a square swatch. */
export interface LegendItem {
  readonly key: MessageKey;
  readonly colour: string;
  readonly icon: string | null;
  readonly shape: 'badge' | 'ring' | 'square';
}

/**
 * Legend entries for a scenario: the agent states it can produce (idle, talking and ACW always;
 * breaks and off-shift with shifts, hold when calls are put on hold, preview and dialing with
 * outbound campaigns, reserved with callbacks or a progressive dialer, back-office work with
 * blending groups), the callers' fates, and
 * the back office's age colours when it has a back office.
 */
export function legendItems(scenario: Scenario | null): LegendItem[] {
  const states: DisplayAgentState[] = ['idle', 'talking', 'acw'];
  if (scenario) {
    const groups = scenario.agentGroups as readonly { shifts?: unknown[]; campaigns?: unknown[]; backOfficeWork?: unknown }[];
    const queues = scenario.queues as readonly { hold?: unknown; callback?: unknown }[];
    const campaigns = ((scenario as { campaigns?: { mode?: string }[] }).campaigns ?? []);
    if (queues.some((q) => q.hold)) states.push('hold');
    if (campaigns.length > 0) states.push('preview', 'dialing');
    if (queues.some((q) => q.callback) || campaigns.some((c) => c.mode !== 'predictive')) states.push('ringing');
    if (groups.some((g) => g.shifts && g.shifts.length > 0)) states.push('break', 'offline');
    if (groups.some((g) => g.backOfficeWork)) states.push('backoffice');
  }
  const items: LegendItem[] = states.map((state) => ({ key: `state.${state}` as MessageKey, colour: cssHex(STATE_COLOURS[state]), icon: STATE_ICONS[state], shape: 'badge' }));
  items.push(
    { key: 'legend.waiting', colour: '#56b4e9', icon: null, shape: 'ring' },
    { key: 'legend.abandoned', colour: '#d55e00', icon: 'icon-abandon', shape: 'badge' },
    { key: 'legend.blocked', colour: '#d55e00', icon: 'icon-blocked', shape: 'badge' },
  );
  if (scenario && (scenario.queues as readonly { callback?: unknown }[]).some((q) => q.callback)) items.push({ key: 'legend.callback', colour: '#cc79a7', icon: null, shape: 'ring' });
  if (!scenario || scenario.backOffice) {
    items.push(
      { key: 'legend.onTime', colour: '#009e73', icon: null, shape: 'square' },
      { key: 'legend.atRisk', colour: '#e69f00', icon: null, shape: 'square' },
      { key: 'legend.late', colour: '#d55e00', icon: null, shape: 'square' },
    );
  }
  return items;
}
