/**
 * The what-if sliders. They edit pending settings; the page applies them by rebuilding the model
 * on reset (see app/what-if.ts for why), and says so while a change is pending.
 */
import { h, setText } from './dom';
import { formatInteger, t } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import type { Scenario } from '../model/scenario-schema';
import { defaultWhatIf, type WhatIfSettings } from '../app/what-if';
import { STATE_COLOURS, STATE_ICONS, cssHex, type DisplayAgentState } from '../render/palette';

interface Slider {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly input: HTMLInputElement;
  readonly output: HTMLOutputElement;
  readonly labelText: () => string;
  readonly valueText: (value: number) => string;
}

export class WhatIfPanel {
  private scenario: Scenario | null = null;
  private settings: WhatIfSettings | null = null;
  private sliders: Slider[] = [];
  private readonly restore = h('button', { type: 'button', id: 'whatif-restore' });

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
    for (const group of scenario.agentGroups) {
      const max = Math.max(group.agents * 2, group.agents + 10);
      sliders.push(
        this.slider(
          `whatif-agents-${group.id}`,
          () => t('whatif.agents', { group: group.name }),
          0,
          max,
          1,
          settings.agentsByGroup[group.id] ?? group.agents,
          (v) => formatInteger(v),
          (v) => ({ ...this.settings!, agentsByGroup: { ...this.settings!.agentsByGroup, [group.id]: v } }),
        ),
      );
    }
    const percent = (v: number) => t('whatif.percent', { value: formatInteger(v) });
    sliders.push(
      this.slider('whatif-arrivals', () => t('whatif.arrivals'), 25, 300, 5, settings.arrivalPercent, percent, (v) => ({ ...this.settings!, arrivalPercent: v })),
      this.slider('whatif-aht', () => t('whatif.aht'), 50, 200, 5, settings.ahtPercent, percent, (v) => ({ ...this.settings!, ahtPercent: v })),
    );
    const hasPatience = scenario.queues.some((q) => q.patience !== undefined);
    const patience = this.slider('whatif-patience', () => t('whatif.patience'), 25, 400, 5, settings.patiencePercent, percent, (v) => ({ ...this.settings!, patiencePercent: v }));
    if (!hasPatience) {
      patience.input.disabled = true;
      patience.root.classList.add('disabled');
      patience.root.title = t('whatif.noPatience');
    }
    sliders.push(patience);
    this.sliders = sliders;
    this.host.replaceChildren(...sliders.map((s) => s.root), this.restore);
    this.applyLanguage();
  }

  applyLanguage(): void {
    setText(this.restore, t('whatif.restore'));
    for (const slider of this.sliders) {
      setText(slider.label, slider.labelText());
      setText(slider.output, slider.valueText(Number(slider.input.value)));
    }
    const patience = this.sliders.find((s) => s.input.id === 'whatif-patience');
    if (patience?.input.disabled) patience.root.title = t('whatif.noPatience');
  }

  private slider(
    id: string,
    labelText: () => string,
    min: number,
    max: number,
    step: number,
    value: number,
    valueText: (value: number) => string,
    update: (value: number) => WhatIfSettings,
  ): Slider {
    const label = h('label', { for: id });
    const input = h('input', { id, type: 'range', min, max, step, value: String(value) });
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
 * outbound campaigns, reserved with callbacks or a progressive dialer), the callers' fates, and
 * the back office's age colours when it has a back office.
 */
export function legendItems(scenario: Scenario | null): LegendItem[] {
  const states: DisplayAgentState[] = ['idle', 'talking', 'acw'];
  if (scenario) {
    const groups = scenario.agentGroups as readonly { shifts?: unknown[]; campaigns?: unknown[] }[];
    const queues = scenario.queues as readonly { hold?: unknown; callback?: unknown }[];
    const campaigns = ((scenario as { campaigns?: { mode?: string }[] }).campaigns ?? []);
    if (queues.some((q) => q.hold)) states.push('hold');
    if (campaigns.length > 0) states.push('preview', 'dialing');
    if (queues.some((q) => q.callback) || campaigns.some((c) => c.mode !== 'predictive')) states.push('ringing');
    if (groups.some((g) => g.shifts && g.shifts.length > 0)) states.push('break', 'offline');
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
