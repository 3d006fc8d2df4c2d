/**
 * The figures a lesson can reveal, named as the run report names them (`kituo run` JSON, without
 * `.mean`): `queues.<queue id>.<kpi>`, `groups.<group id>.<kpi>`, `campaigns.<campaign id>.<kpi>`,
 * `backOffice.<work type id>.<kpi>`, `backOfficeTotal.<kpi>` and `cost.<kpi>`. The KPI names are
 * read from the model's own KPI functions, so a lesson can name exactly what a report holds.
 */
import { deriveQueueKpis, emptyQueueCounters } from '../voice/queue-counters';
import { deriveAgentKpis, emptyAgentCounters } from '../voice/agent-counters';
import { deriveCampaignKpis, emptyCampaignCounters } from '../voice/campaign-counters';
import { deriveBackOfficeKpis, emptyBackOfficeCounters } from '../backoffice/backoffice-counters';
import { costReport } from '../site/cost';

export type KpiSection = 'queues' | 'groups' | 'campaigns' | 'backOffice' | 'backOfficeTotal' | 'cost';

/** Whether the section's KPIs belong to one named queue, group, campaign or work type. */
export const SECTION_HAS_ID: Readonly<Record<KpiSection, boolean>> = {
  queues: true,
  groups: true,
  campaigns: true,
  backOffice: true,
  backOfficeTotal: false,
  cost: false,
};

export const KPI_NAMES: Readonly<Record<KpiSection, readonly string[]>> = {
  queues: Object.keys(deriveQueueKpis(emptyQueueCounters())),
  groups: Object.keys(deriveAgentKpis(emptyAgentCounters())),
  // The report adds the worst trailing-24-hour abandon rate, the figure a regulator checks.
  campaigns: [...Object.keys(deriveCampaignKpis(emptyCampaignCounters(), 0)), 'worst24hAbandonRate'],
  backOffice: Object.keys(deriveBackOfficeKpis(emptyBackOfficeCounters())),
  backOfficeTotal: Object.keys(deriveBackOfficeKpis(emptyBackOfficeCounters())),
  cost: Object.keys(costReport([], { callsHandled: 0, itemsCompleted: 0 })),
};

export interface KpiReference {
  section: KpiSection;
  /** The queue, group, campaign or work type; null for backOfficeTotal and cost. */
  id: string | null;
  kpi: string;
}

/** `queues.support.serviceLevel` → its parts, or why it names no KPI of a report. */
export function parseKpiReference(text: string): { ok: true; reference: KpiReference } | { ok: false; message: string } {
  const parts = text.split('.');
  const section = parts[0] as KpiSection;
  if (!(section in SECTION_HAS_ID)) {
    return { ok: false, message: `must start with one of ${Object.keys(SECTION_HAS_ID).join(', ')} (got ${JSON.stringify(text)})` };
  }
  const expected = SECTION_HAS_ID[section] ? 3 : 2;
  if (parts.length !== expected || parts.some((part) => part === '')) {
    const form = SECTION_HAS_ID[section] ? `${section}.<id>.<kpi>` : `${section}.<kpi>`;
    return { ok: false, message: `must be written ${form} (got ${JSON.stringify(text)})` };
  }
  const kpi = parts[expected - 1];
  if (!KPI_NAMES[section].includes(kpi)) return { ok: false, message: `names unknown KPI "${kpi}" of ${section}; known: ${KPI_NAMES[section].join(', ')}` };
  return { ok: true, reference: { section, id: expected === 3 ? parts[1] : null, kpi } };
}
