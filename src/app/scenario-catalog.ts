/**
 * Every scenario file in scenarios/ (bundled at build time by Vite), each validated by the
 * model's own parser. A file that fails validation stays in the list with its problems, so the
 * page can show them instead of a blank screen.
 */
import { parseScenarioText, type ParseResult } from '../model/scenario/parse-scenario';

export interface CatalogEntry {
  /** File name without the folder, e.g. `inbound-basic.json`; a loaded file keeps its own name. */
  readonly file: string;
  readonly text: string;
  readonly result: ParseResult;
  /** A scenario edited from a shipped file (opened from a link or a draft): that file's name. */
  readonly base?: string;
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

/**
 * A file the user chose, as a catalogue entry under `file`. Whatever goes wrong while reading or
 * checking it (a file too large to read, a parser that gives up) becomes the entry's problem,
 * so the page lists it like any other instead of failing silently.
 */
export async function entryFromFile(file: string, source: { text(): Promise<string> }): Promise<CatalogEntry> {
  let text = '';
  try {
    text = await source.text();
    return entryFromText(file, text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file, text, result: { ok: false, problems: [{ path: '', message: `could not be read: ${message}` }] } };
  }
}

/**
 * The scenario the page opens with: both rooms side by side, each with about the same work, so
 * the contrast between a caller on the line and a document in a tray shows from the first minute.
 */
export const DEFAULT_SCENARIO = 'call-center-and-back-office.json';

/**
 * Which entry the page starts with: the one `?scenario=` names (with or without `.json`), else
 * the default, else the richest valid one (call queues and a back office, then queues alone).
 * `unknown` is the name asked for when no entry has it, so the page can say so.
 */
export function startingEntry(entries: readonly CatalogEntry[], wanted: string | null): { index: number; unknown: string | null } {
  const named = (name: string) => entries.findIndex((e) => e.file === name || e.file === `${name}.json`);
  const asked = wanted ? named(wanted) : -1;
  if (asked >= 0) return { index: asked, unknown: null };
  const unknown = wanted ? wanted : null;
  const preferred = named(DEFAULT_SCENARIO);
  if (preferred >= 0 && entries[preferred].result.ok) return { index: preferred, unknown };
  const richness = (e: CatalogEntry) => (e.result.ok ? 1 + (e.result.scenario.queues.length > 0 ? 2 : 0) + (e.result.scenario.backOffice ? 1 : 0) : 0);
  let richest = 0;
  entries.forEach((e, i) => {
    if (richness(e) > richness(entries[richest])) richest = i;
  });
  return { index: entries.length > 0 ? richest : -1, unknown };
}
