/**
 * Saving a run as a scenario file (src/app/scenario-file.ts): the file is the scenario the run
 * started from (its what-if start settings written in, percentages as events at 00:00) and the
 * seed, stamped with the format version, and opening it (the page starts a file with its own
 * settings and seed) gives the same run.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { shippedScenarios, type RunSnapshot } from '../../src/app/run-snapshot';
import { scenarioFile } from '../../src/app/scenario-file';
import { defaultWhatIf, headCountRange, startScenario } from '../../src/app/what-if';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { CURRENT_FORMAT_VERSION } from '../../src/model/scenario/scenario-migrations';

const shipped = shippedScenarios(bundledScenarios());

function changedRun(file: string): RunSnapshot {
  const scenario = shipped.find((s) => s.file === file)!.scenario;
  const agentsByGroup = Object.fromEntries(scenario.agentGroups.map((g) => [g.id, Math.min(headCountRange(g.agents).max, g.agents + 2)]));
  const clerksByTeam = Object.fromEntries((scenario.backOffice?.teams ?? []).map((t) => [t.id, t.clerks + 1]));
  const whatIf = { ...defaultWhatIf(scenario), agentsByGroup, clerksByTeam, arrivalPercent: 130, ahtPercent: 90, patiencePercent: 120, backOfficeArrivalPercent: 70 };
  return { baseFile: file, scenario, seed: 4242, whatIf, timeSec: 3600 };
}

describe('a saved scenario file', () => {
  it.each(shipped.map((s) => [s.file]))('of %s opens as the same scenario, settings applied, with the same seed', (file) => {
    const snapshot = changedRun(file);
    const saved = scenarioFile(snapshot, file);
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(saved.name).toBe(file);
    const reopened = parseScenarioText(saved.text);
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.problems));
    expect(reopened.scenario.seed).toBe(4242);
    const expected = startScenario(snapshot.scenario, snapshot.whatIf);
    const asOpened = startScenario(reopened.scenario, defaultWhatIf(reopened.scenario));
    expect(expected.ok && asOpened.ok).toBe(true);
    // The format version the file now declares is the only other difference, and no run reads it.
    const { formatVersion, ...rest } = asOpened.ok ? asOpened.scenario : {};
    expect(formatVersion).toBe(CURRENT_FORMAT_VERSION);
    if (expected.ok) expect({ ...rest, seed: 0 }).toEqual({ ...expected.scenario, seed: 0 });
  });

  it('says which format version it is written in, first after $schema', () => {
    const saved = scenarioFile(changedRun('inbound-basic.json'), 'inbound-basic.json');
    expect(saved.ok && Object.keys(JSON.parse(saved.text)).slice(0, 2)).toEqual(['$schema', 'formatVersion']);
    expect(saved.ok && JSON.parse(saved.text).formatVersion).toBe(CURRENT_FORMAT_VERSION);
  });

  it('is named after the loaded file, without characters a file system refuses', () => {
    const run = changedRun('inbound-basic.json');
    expect(scenarioFile(run, 'custom:my centre.json').ok && scenarioFile(run, 'custom:my centre.json')).toMatchObject({ name: 'my-centre.json' });
    expect(scenarioFile(run, 'custom:<img src=x onerror=alert(1)>.JSON')).toMatchObject({ name: 'img-src-x-onerror-alert-1.json' });
    expect(scenarioFile(run, 'custom:../../.json')).toMatchObject({ name: 'scenario.json' });
  });
});
