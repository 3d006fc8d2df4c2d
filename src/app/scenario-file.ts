/**
 * A run written as a scenario file to download: the scenario the run started from (its what-if
 * start settings written in, startScenario) with the live changes as its `events` (the snapshot's
 * scenario carries them) and its seed, stamped with the format version this Kituo writes.
 * Opening the file, or `kituo run` with it, gives the same run, because both start a file with
 * its own settings and seed and replay its events at their times.
 */
import { stampFormatVersion } from '../model/scenario/scenario-migrations';
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import type { RunSnapshot } from './run-snapshot';
import { startScenario } from './what-if';

export type ScenarioFileResult = { ok: true; name: string; text: string } | { ok: false; problems: ScenarioProblem[] };

export function scenarioFile(snapshot: RunSnapshot, loadedName: string): ScenarioFileResult {
  const changed = startScenario(snapshot.scenario, snapshot.whatIf);
  if (!changed.ok) return changed;
  const document = stampFormatVersion({ ...changed.scenario, seed: snapshot.seed });
  return { ok: true, name: fileName(loadedName), text: `${JSON.stringify(document, null, 2)}\n` };
}

/** A file name a download can use: the loaded file's, without the folder or characters file systems refuse. */
function fileName(loaded: string): string {
  const base = loaded.replace(/^custom:/, '').replace(/\.json$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
  return `${base.slice(0, 80) || 'scenario'}.json`;
}
