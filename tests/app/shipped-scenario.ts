/** A shipped scenario file, parsed by the model's own parser, as a copy a test may change. */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';

export function loadShipped(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  return structuredClone(parsed.scenario);
}
