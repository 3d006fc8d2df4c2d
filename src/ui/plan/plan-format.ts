/**
 * A comparison's figures in the page's language: each KPI's name, its values in its own unit
 * (rates as percentages and their differences in percentage points, times in seconds, costs in
 * the scenario's currency) and the verdict's words. Scenario ids go in as text, never markup.
 */
import type { ComparedKpi } from '../../runner/compare-configurations';
import type { Estimate } from '../../runner/statistics';
import type { Verdict } from '../../runner/paired-comparison';
import type { PlanStamp, StaleReason } from '../../app/plan-stale';
import type { MessageKey } from '../i18n/en';
import { en } from '../i18n/en';
import { formatDecimal, formatMoney, formatPercent, t } from '../i18n/i18n';
import type { NamedScenario } from '../../model/scenario/display-names';
import type { NamedKind } from '../../model/scenario/translations-schema';
import { shownName } from '../display-names';

const RATES = new Set(['serviceLevel', 'serviceLevelExShortAbandons', 'abandonRate', 'blockingRate', 'occupancy', 'worst24hAbandonRate', 'onTimeRate']);
const SECONDS = new Set(['asa', 'meanCycleTimeSec', 'oldestAgeAtEndSec']);

/** The scenario's kinds of named things, by the comparison's section names. */
const NAMED_SECTIONS: Partial<Record<ComparedKpi['section'], NamedKind>> = { queue: 'queues', group: 'agentGroups', campaign: 'campaigns', 'work-type': 'workTypes' };

/** The KPI's name and where it was measured; a queue, group, campaign or work type by its shown name in `scenario`. */
export function kpiLabel(kpi: ComparedKpi, scenario: NamedScenario | null = null): string {
  const nameKey = `plan.kpi.${kpi.kpi}` as MessageKey;
  const name = nameKey in en ? t(nameKey) : kpi.kpi;
  const kind = NAMED_SECTIONS[kpi.section];
  const where = t(`plan.section.${kpi.section}` as MessageKey, { id: kind && scenario ? shownName(scenario, kind, kpi.id) : kpi.id });
  const cap = kpi.cap === undefined ? '' : ` ${t('plan.cap', { cap: formatPercent(kpi.cap, 1) })}`;
  return `${where}: ${name}${cap}`;
}

export function verdictLabel(verdict: Verdict): string {
  return t(`plan.verdict.${verdict}` as MessageKey);
}

/** One value of the KPI in its unit, a rise with its "+"; a difference of rates in percentage points. */
function value(kpi: ComparedKpi, x: number, currency: string | null, difference: boolean, signed = false): string {
  const sign = signed && x > 0 ? '+' : '';
  if (RATES.has(kpi.kpi)) return difference ? t('plan.points', { value: `${sign}${formatDecimal(x * 100)}` }) : `${sign}${formatPercent(x, 1)}`;
  if (SECONDS.has(kpi.kpi)) return t('unit.sec', { value: `${sign}${formatDecimal(x)}` });
  if (kpi.section === 'cost' && currency) return `${sign}${formatMoney(x, currency)}`;
  return `${sign}${formatDecimal(x)}`;
}

/** The mean ("82.4%", "+2.1 pp", "—" without a value) and its 95% half-width ("1.3 pp"; "" without one). */
export function estimateText(kpi: ComparedKpi, estimate: Estimate | null, currency: string | null, difference = false): [string, string] {
  if (!estimate || estimate.mean === null) return [t('value.none'), ''];
  const mean = value(kpi, estimate.mean, currency, difference, difference);
  return [mean, estimate.ci95 === null ? '' : value(kpi, estimate.ci95, currency, RATES.has(kpi.kpi))];
}

/** "Computed for <scenario>, seed N, at hh:mm; since then the seed changed: run again." */
export function staleText(computed: PlanStamp, reasons: readonly StaleReason[]): string {
  const changed = reasons.map((reason) => t(`plan.stale.${reason}` as MessageKey)).join(', ');
  return t('plan.staleNote', { scenario: computed.scenario, seed: computed.seed, at: computed.at, changed });
}
