/**
 * Scenario format versions. A scenario file says which version of the format it was written in
 * with a top-level `formatVersion` (a whole number); a file without one is version 1, the format
 * every file had before the field existed. A file from an older version is brought up to the
 * current one here, one step at a time, before the schema sees it; a file from a newer Kituo is
 * refused, naming the field, rather than half-read.
 *
 * The chain is data: step i takes version i + 1 to version i + 2. A change to the format that
 * would make an older file invalid or mean something else adds a step here (and raises
 * CURRENT_FORMAT_VERSION with it); a new optional field does not need one.
 */
/** The same shape as parse-scenario's ScenarioProblem, which imports this module (so not imported back). */
export interface FormatProblem {
  readonly path: string;
  readonly message: string;
}

/** One step of the chain: a pure function from a document in one version to the next. */
export interface FormatMigration {
  /** What changed, for the docs and for a reader of the chain. */
  readonly summary: string;
  readonly migrate: (document: Record<string, unknown>) => Record<string, unknown>;
}

/** Empty while the format is at version 1: there is no older version to bring up. */
export const SCENARIO_MIGRATIONS: readonly FormatMigration[] = [];

export const FORMAT_VERSION_FIELD = 'formatVersion';

/** The version this Kituo writes and reads; files from older versions are migrated to it. */
export const CURRENT_FORMAT_VERSION = SCENARIO_MIGRATIONS.length + 1;

export type MigrationResult = { ok: true; data: unknown } | { ok: false; problems: FormatProblem[] };

/** The scenario document in the current format version, or why its version cannot be read. */
export function migrateScenarioDocument(data: unknown): MigrationResult {
  return migrateThrough(data, SCENARIO_MIGRATIONS);
}

/**
 * Runs `data` through the steps of `chain` from its own version to the chain's last. Never
 * changes `data`: a migrated document is a copy. Anything but a JSON object is passed through
 * unchanged for the schema to reject in its own words.
 */
export function migrateThrough(data: unknown, chain: readonly FormatMigration[]): MigrationResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: true, data };
  const current = chain.length + 1;
  const declared = (data as Record<string, unknown>)[FORMAT_VERSION_FIELD];
  if (declared === undefined) {
    if (current === 1) return { ok: true, data };
  } else if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    const shown = typeof declared === 'object' ? (Array.isArray(declared) ? 'an array' : 'an object') : JSON.stringify(declared).slice(0, 40);
    return problem(`must be a whole number from 1 (got ${shown})`);
  } else if (declared > current) {
    return problem(`is ${declared}, but this Kituo reads scenario format versions up to ${current}: open the file with a newer Kituo, or remove features it added and set ${FORMAT_VERSION_FIELD} to ${current}`);
  } else if (declared === current) {
    return { ok: true, data };
  }
  const from = declared ?? 1;
  // The document came from JSON, so a JSON round trip copies it whole.
  let document = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  for (let version = from; version < current; version++) {
    document = chain[version - 1].migrate(document);
  }
  return { ok: true, data: { ...document, [FORMAT_VERSION_FIELD]: current } };
}

function problem(message: string): MigrationResult {
  return { ok: false, problems: [{ path: FORMAT_VERSION_FIELD, message }] };
}

/**
 * The document stamped with the current format version, placed first (after `$schema`) where a
 * reader of the file sees it: what Kituo writes (a saved file, a scenario inside a share link).
 */
export function stampFormatVersion(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { $schema, [FORMAT_VERSION_FIELD]: _old, ...rest } = document;
  return { ...($schema === undefined ? {} : { $schema }), [FORMAT_VERSION_FIELD]: CURRENT_FORMAT_VERSION, ...rest };
}
