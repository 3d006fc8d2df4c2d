/**
 * Every scenario file in scenarios/ (bundled at build time by Vite), each validated by the
 * model's own parser. A file that fails validation stays in the list with its problems, so the
 * page can show them instead of a blank screen.
 */
import { parseScenarioText, type ParseResult } from '../model/parse-scenario';

export interface CatalogEntry {
  /** File name without the folder, e.g. `inbound-basic.json`; a loaded file keeps its own name. */
  readonly file: string;
  readonly text: string;
  readonly result: ParseResult;
}

const files = import.meta.glob('/scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export function bundledScenarios(): CatalogEntry[] {
  return Object.entries(files)
    .map(([path, text]) => ({ file: path.slice(path.lastIndexOf('/') + 1), text }))
    .filter(({ file }) => file !== 'schema.json')
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(({ file, text }) => ({ file, text, result: parseScenarioText(text) }));
}

export function entryFromText(file: string, text: string): CatalogEntry {
  return { file, text, result: parseScenarioText(text) };
}
