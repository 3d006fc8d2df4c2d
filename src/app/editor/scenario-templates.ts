/**
 * New scenarios start from a template: a shipped scenario of the right shape, so a template is
 * always a file that validates and runs (the golden tests keep them so), and the edited scenario
 * remembers the shipped file it came from (a share link then carries only the difference).
 */
export interface ScenarioTemplate {
  /** Names the template's label in the page's dictionaries: `editor.template.<id>`. */
  readonly id: 'inbound' | 'both' | 'outbound';
  /** The shipped scenario file the template opens. */
  readonly file: string;
}

export const SCENARIO_TEMPLATES: readonly ScenarioTemplate[] = [
  { id: 'inbound', file: 'inbound-basic.json' },
  { id: 'both', file: 'call-center-and-back-office.json' },
  { id: 'outbound', file: 'telemarketing-predictive.json' },
];

/** The text a template opens with: its shipped file's, or null when this build ships no such file. */
export function templateText(template: ScenarioTemplate, shipped: readonly { readonly file: string; readonly text: string }[]): string | null {
  return shipped.find((entry) => entry.file === template.file)?.text ?? null;
}
