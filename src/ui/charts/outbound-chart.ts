import uPlot from 'uplot';
import { DAY_SEC } from '../../model/scenario/calendar-schema';
import type { VoiceSession } from '../../app/voice-session';
import { formatClock, formatInteger, formatPercent, t } from '../i18n/i18n';
import { AXIS_STYLE, WHOLE_STEPS, chartHeight, legendLine } from './chart-common';

const DIALS_COLOUR = '#56b4e9';
const ABANDON_COLOUR = '#d55e00';
const CAP_COLOUR = '#a9b6c4';

/**
 * Outbound dialing over the current simulated day, interval by interval: dials per hour (left
 * axis) and the abandoned share of connects (right axis) against the strictest campaign cap,
 * from the model's interval records through deriveCampaignKpis (see OutboundSeries in src/app/voice-session.ts).
 */
export class OutboundChart {
  private plot: uPlot | null = null;
  private session: VoiceSession | null = null;
  private shownVersion = -1;
  private shownDay = -1;

  constructor(
    private readonly host: HTMLElement,
    private readonly title: HTMLElement,
  ) {}

  get visible(): boolean {
    return this.session?.outboundHistory != null;
  }

  attach(session: VoiceSession | null): void {
    this.session = session;
    this.rebuild();
  }

  applyLanguage(): void {
    this.rebuild();
  }

  resize(): void {
    this.plot?.setSize({ width: Math.max(200, this.host.clientWidth || 300), height: chartHeight() });
  }

  refresh(): void {
    const session = this.session;
    const history = session?.outboundHistory;
    if (!session || !history || !this.plot) return;
    const day = Math.floor(Math.min(session.now, session.horizonSec - 1) / DAY_SEC);
    if (history.series.version === this.shownVersion && day === this.shownDay) return;
    this.shownVersion = history.series.version;
    this.shownDay = day;
    const perDay = Math.round(DAY_SEC / session.intervalSec);
    const hoursPerInterval = session.intervalSec / 3600;
    const x = Array.from({ length: perDay }, (_, i) => i * hoursPerInterval);
    const cap = x.map(() => history.cap);
    const dials = history.series.dayOf('dialsPerHour', day * DAY_SEC, session.intervalSec, perDay);
    const abandon = history.series.dayOf('abandonRate', day * DAY_SEC, session.intervalSec, perDay);
    this.plot.setData([x, dials, abandon, cap], true);
  }

  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    const history = this.session?.outboundHistory ?? null;
    this.host.hidden = !history;
    this.title.hidden = !history;
    legendLine(this.host, [
      { label: t('chart.out.dials'), colour: DIALS_COLOUR },
      { label: t('chart.out.abandon'), colour: ABANDON_COLOUR, point: true },
      { label: `${t('chart.out.cap')} ${history ? formatPercent(history.cap, 1) : ''}`, colour: CAP_COLOUR, dash: 'dotted' },
    ]);
    if (!history) return;
    // The abandon axis runs to twice the cap, so the cap line sits half-way up.
    const pctMax = Math.max(0.01, history.cap * 2);
    this.plot = new uPlot(
      {
        width: Math.max(200, this.host.clientWidth || 300),
        height: chartHeight(),
        cursor: { drag: { x: false, y: false } },
        legend: { show: false },
        scales: {
          x: { time: false, range: [0, 24] as uPlot.Range.MinMax },
          y: { range: (_u, _min, max) => [0, Math.max(10, (max ?? 0) * 1.1)] },
          pct: { range: (_u, _min, max) => [0, Math.max(pctMax, (max ?? 0) * 1.1)] },
        },
        axes: [
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((hours) => formatClock(hours * 3600, false)), incrs: [1, 2, 3, 4, 6, 12], size: 28 },
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((v) => formatInteger(v)), incrs: WHOLE_STEPS, size: 54 },
          { ...AXIS_STYLE, scale: 'pct', side: 1, grid: { show: false }, values: (_u, splits) => splits.map((v) => formatPercent(v, 1)), size: 58 },
        ],
        series: [
          {},
          { label: t('chart.out.dials'), stroke: DIALS_COLOUR, width: 2, fill: 'rgba(86,180,233,0.15)', points: { show: false }, spanGaps: false },
          { label: t('chart.out.abandon'), stroke: ABANDON_COLOUR, scale: 'pct', width: 1.5, points: { show: true, size: 5, fill: ABANDON_COLOUR }, spanGaps: false },
          { label: t('chart.out.cap'), stroke: CAP_COLOUR, scale: 'pct', width: 1.5, dash: [2, 4], points: { show: false } },
        ],
      },
      [[], [], [], []],
      this.host,
    );
    this.shownVersion = -1;
    this.shownDay = -1;
    this.refresh();
  }
}
