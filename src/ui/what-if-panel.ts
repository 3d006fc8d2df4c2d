/**
 * The what-if controls, in sections: call center (agents per group, call volume, handle time,
 * patience), back office (clerks per team, item volume) and outbound dialer (mode and lines per
 * agent per campaign). A control applies when it is let go (a slider's `change`, not every
 * `input` of a drag), at once, at the simulated time on the clock (PageController.editWhatIf);
 * a change the run refuses is said above the controls, which go back to the run's values. The
 * tab also holds the facilitator's events and the list of changes so far (panels/).
 */
import { byId, h, setText } from './dom';
import { connectEventPalette } from './panels/event-palette';
import { connectChangesList } from './panels/changes-list';
import { connectOutageBanner } from './panels/outage-banner';
import { formatInteger, onLanguageChange, t } from './i18n/i18n';
import type { PageController } from './page-controller';
import { shownName } from './display-names';
import type { MessageKey } from './i18n/en';
import type { Scenario } from '../model/scenario/scenario-schema';
import type { Knob } from '../model/lesson/lesson-schema';
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
  type DialerSetting,
  type WhatIfSettings,
} from '../app/what-if';
import { formatDecimal } from './i18n/i18n';

interface Slider {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly input: HTMLInputElement | HTMLSelectElement;
  readonly output: HTMLOutputElement;
  readonly labelText: () => string;
  readonly valueText: (value: number) => string;
  /** Re-labels a select's options in the current language. */
  readonly relabel?: () => void;
  /** The control's value in a set of settings. */
  readonly read: (settings: WhatIfSettings) => number | string;
}

interface Section {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly chip: HTMLElement;
  readonly key: MessageKey;
}

const percent = (v: number) => t('whatif.percent', { value: formatInteger(v) });

export class WhatIfPanel {
  private scenario: Scenario | null = null;
  private settings: WhatIfSettings | null = null;
  private sliders: Slider[] = [];
  private sections: Section[] = [];
  private locked: ReadonlySet<Knob> = new Set();
  /** What follows a dialer's mode (its ratio control enabled or not), run again when values are set. */
  private syncs: (() => void)[] = [];
  private readonly restore = h('button', { type: 'button', id: 'whatif-restore' });
  private readonly when = h('p', { class: 'note when', id: 'whatif-when' });
  private readonly refused = h('p', { class: 'refused', id: 'whatif-refused', role: 'alert', hidden: true });

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

  /** `locked`: the knobs a lesson keeps as it set them; their controls are shown disabled. */
  show(scenario: Scenario, settings: WhatIfSettings, locked: readonly Knob[] = []): void {
    this.scenario = scenario;
    this.settings = settings;
    this.locked = new Set(locked);
    const groups: [string, MessageKey, Slider[]][] = [
      ['whatif-voice', 'whatif.section.voice', this.voiceControls(scenario, settings)],
      ['whatif-backoffice', 'whatif.section.backoffice', this.backOfficeControls(scenario, settings)],
      ['whatif-dialer', 'whatif.section.dialer', this.dialerControls(scenario, settings)],
    ];
    const shown = groups.filter(([, , controls]) => controls.length > 0);
    this.sliders = shown.flatMap(([, , controls]) => controls);
    this.sections = shown.map(([id, key, controls]) => this.section(id, key, controls));
    this.host.replaceChildren(this.when, this.refused, ...this.sections.map((x) => x.root), this.restore);
    for (const slider of this.lockedSliders()) {
      slider.input.disabled = true;
      slider.root.classList.add('disabled', 'locked');
    }
    this.applyLanguage();
  }

  /** The controls show `settings` (the run's values after a change, a refusal or a new run). */
  setValues(settings: WhatIfSettings): void {
    this.settings = settings;
    for (const slider of this.sliders) {
      const value = String(slider.read(settings));
      if (slider.input.value !== value) slider.input.value = value;
      if (slider.input instanceof HTMLInputElement) setText(slider.output, slider.valueText(Number(slider.input.value)));
    }
    for (const sync of this.syncs) sync();
  }

  /** The knobs' message for a change the run refused, or nothing. */
  showRefusal(message: string | null): void {
    this.refused.hidden = message === null;
    setText(this.refused, message === null ? '' : t('whatif.refused', { message }));
  }

  private lockedSliders(): Slider[] {
    return this.sliders.filter((slider) => this.locked.has(knobOf(slider.input.id)));
  }

  /** Agents per group, call volume, handle time and patience (disabled when no queue has patience). */
  private voiceControls(scenario: Scenario, settings: WhatIfSettings): Slider[] {
    const voice: Slider[] = scenario.agentGroups.map((group) =>
      this.slider(
        `whatif-agents-${group.id}`,
        () => t('whatif.agents', { group: shownName(scenario, 'agentGroups', group.id) }),
        headCountRange(group.agents),
        (s) => s.agentsByGroup[group.id] ?? group.agents,
        (v) => formatInteger(v),
        (v) => ({ ...this.settings!, agentsByGroup: { ...this.settings!.agentsByGroup, [group.id]: v } }),
      ),
    );
    if (scenario.queues.length === 0) return voice;
    voice.push(
      this.slider('whatif-arrivals', () => t('whatif.arrivals'), ARRIVAL_PERCENT_RANGE, (s) => s.arrivalPercent, percent, (v) => ({ ...this.settings!, arrivalPercent: v })),
      this.slider('whatif-aht', () => t('whatif.aht'), AHT_PERCENT_RANGE, (s) => s.ahtPercent, percent, (v) => ({ ...this.settings!, ahtPercent: v })),
    );
    const hasPatience = scenario.queues.some((q) => q.patience !== undefined);
    const patience = this.slider('whatif-patience', () => t('whatif.patience'), PATIENCE_PERCENT_RANGE, (s) => s.patiencePercent, percent, (v) => ({ ...this.settings!, patiencePercent: v }));
    if (!hasPatience) {
      patience.input.disabled = true;
      patience.root.classList.add('disabled');
      patience.root.title = t('whatif.noPatience');
    }
    voice.push(patience);
    return voice;
  }

  /** Clerks per team and back-office volume; none without a back office. */
  private backOfficeControls(scenario: Scenario, settings: WhatIfSettings): Slider[] {
    const backOffice = scenario.backOffice;
    if (!backOffice) return [];
    const office: Slider[] = backOffice.teams.map((team) =>
      this.slider(
        `whatif-clerks-${team.id}`,
        () => t('whatif.clerks', { team: shownName(scenario, 'teams', team.id) }),
        clerksRange(team, backOffice),
        (s) => s.clerksByTeam[team.id] ?? team.clerks,
        (v) => formatInteger(v),
        (v) => ({ ...this.settings!, clerksByTeam: { ...this.settings!.clerksByTeam, [team.id]: v } }),
      ),
    );
    office.push(
      this.slider('whatif-bo-arrivals', () => t('whatif.boArrivals'), BACK_OFFICE_ARRIVAL_PERCENT_RANGE, (s) => s.backOfficeArrivalPercent, percent, (v) => ({ ...this.settings!, backOfficeArrivalPercent: v })),
    );
    return office;
  }

  /** Each campaign's dialer mode and lines per agent (the latter for the predictive mode only). */
  private dialerControls(scenario: Scenario, settings: WhatIfSettings): Slider[] {
    const dialer: Slider[] = [];
    this.syncs = [];
    for (const campaign of scenario.campaigns ?? []) {
      const current = settings.dialerByCampaign[campaign.id];
      const withDialer = (change: Partial<DialerSetting>): WhatIfSettings => ({
        ...this.settings!,
        dialerByCampaign: { ...this.settings!.dialerByCampaign, [campaign.id]: { ...this.settings!.dialerByCampaign[campaign.id], ...change } },
      });
      const ratio = this.slider(
        `whatif-ratio-${campaign.id}`,
        () => t('whatif.dialerRatio', { campaign: shownName(scenario, 'campaigns', campaign.id) }),
        DIALER_RATIO_RANGE,
        (s) => s.dialerByCampaign[campaign.id].ratio,
        (v) => t('whatif.ratioValue', { value: formatDecimal(v) }),
        (v) => withDialer({ ratio: v }),
      );
      const syncRatio = (mode: DialerMode) => {
        ratio.input.disabled = mode !== 'predictive';
        ratio.root.classList.toggle('disabled', mode !== 'predictive');
        ratio.root.title = mode !== 'predictive' ? t('whatif.ratioPredictiveOnly') : '';
      };
      const mode = this.select(
        `whatif-mode-${campaign.id}`,
        () => t('whatif.dialerMode', { campaign: shownName(scenario, 'campaigns', campaign.id) }),
        DIALER_MODES.map((m) => ({ value: m, text: () => t(`whatif.mode.${m}` as MessageKey) })),
        (s) => s.dialerByCampaign[campaign.id].mode,
        (value) => {
          syncRatio(value as DialerMode);
          return withDialer({ mode: value as DialerMode });
        },
      );
      syncRatio(current.mode);
      this.syncs.push(() => syncRatio(mode.input.value as DialerMode));
      dialer.push(mode, ratio);
    }
    return dialer;
  }

  applyLanguage(): void {
    setText(this.restore, t('whatif.restore'));
    setText(this.when, t('whatif.when'));
    for (const section of this.sections) {
      setText(section.title, t(section.key));
      setText(section.chip, t('whatif.appliesNow'));
    }
    for (const slider of this.sliders) {
      setText(slider.label, slider.labelText());
      slider.relabel?.();
      if (slider.input instanceof HTMLInputElement) setText(slider.output, slider.valueText(Number(slider.input.value)));
    }
    const patience = this.sliders.find((s) => s.input.id === 'whatif-patience');
    if (patience?.input.disabled) patience.root.title = t('whatif.noPatience');
    for (const slider of this.sliders) if (slider.input.id.startsWith('whatif-ratio-') && slider.input.disabled) slider.root.title = t('whatif.ratioPredictiveOnly');
    for (const slider of this.lockedSliders()) slider.root.title = t('whatif.lockedByLesson');
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
    read: (settings: WhatIfSettings) => string,
    update: (value: string) => WhatIfSettings,
  ): Slider {
    const value = read(this.settings!);
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
    return { root, label, input, output, labelText, valueText: () => '', relabel, read };
  }

  private slider(
    id: string,
    labelText: () => string,
    range: ControlRange,
    read: (settings: WhatIfSettings) => number,
    valueText: (value: number) => string,
    update: (value: number) => WhatIfSettings,
  ): Slider {
    const value = read(this.settings!);
    const label = h('label', { for: id });
    const input = h('input', { id, type: 'range', min: range.min, max: range.max, step: range.step, value: String(value) });
    input.value = String(value);
    const output = h('output', { for: id });
    const root = h('div', { class: 'slider' }, label, output, input);
    // The figure follows the drag; the run changes once, when the slider is let go.
    input.addEventListener('input', () => setText(output, valueText(Number(input.value))));
    input.addEventListener('change', () => {
      this.settings = update(Number(input.value));
      this.onChange(this.settings);
    });
    return { root, label, input, output, labelText, valueText, read };
  }
}

/** The lesson knob a control belongs to, from its element id (`whatif-agents-<group>` …). */
function knobOf(id: string): Knob {
  const prefixes: [string, Knob][] = [
    ['whatif-agents-', 'agentsByGroup'],
    ['whatif-arrivals', 'arrivalPercent'],
    ['whatif-aht', 'ahtPercent'],
    ['whatif-patience', 'patiencePercent'],
    ['whatif-clerks-', 'clerksByTeam'],
    ['whatif-bo-arrivals', 'backOfficeArrivalPercent'],
    ['whatif-mode-', 'dialerByCampaign'],
    ['whatif-ratio-', 'dialerByCampaign'],
  ];
  const found = prefixes.find(([prefix]) => id.startsWith(prefix));
  if (!found) throw new Error(`what-if control ${id} belongs to no knob`);
  return found[1];
}

/**
 * The What-if tab: the changes so far, the controls (each applies to the run at once) and the
 * facilitator's events. The note under the side column says while a new seed waits for Reset.
 */
export function connectWhatIf(controller: PageController): void {
  const controls = h('div', { id: 'whatif-controls' });
  const host = byId('whatif');
  host.replaceChildren(connectChangesList(controller), controls, connectEventPalette(controller));
  // An outage injected here is seen on the floor.
  connectOutageBanner(controller, byId('scene'));
  const panel = new WhatIfPanel(controls, (settings) => {
    controller.editWhatIf(settings);
    panel.showRefusal(controller.changeRefused);
  });
  const pendingNote = byId('whatif-pending');
  controller.subscribe((change) => {
    if (change === 'scenario') panel.show(controller.scenario!, controller.whatIf!, controller.lesson?.lockedKnobs);
    else if (change === 'pending') pendingNote.hidden = !controller.pending;
    else if (change === 'run') panel.showRefusal(null);
    if ((change === 'changes' || change === 'run') && controller.whatIf) panel.setValues(controller.whatIf);
  });
  onLanguageChange(() => panel.applyLanguage());
}
