/**
 * The editor's text as a scenario document the form can edit: the JSON object of the text after
 * the CLI's own size, JSON and format-version checks, whatever its fields hold (the schema's
 * problems are shown beside the fields, not here).
 */
import { parseScenarioDocument, type ScenarioProblem } from '../../model/scenario/parse-scenario';
import type { ScenarioDocument } from './edit-operations';

export type DocumentRead = { ok: true; document: ScenarioDocument } | { ok: false; problems: ScenarioProblem[] };

/** The form's document: the JSON object of the text, or why the form cannot show it. */
export function readDocument(text: string): DocumentRead {
  const read = parseScenarioDocument(text);
  if (!read.ok) return read;
  if (read.data === null || typeof read.data !== 'object' || Array.isArray(read.data)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object { … }' }] };
  return { ok: true, document: read.data as ScenarioDocument };
}

/** The text of a document as the editor writes it: two-space JSON, as the shipped files are. */
export function documentText(document: ScenarioDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
