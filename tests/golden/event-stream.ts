/**
 * One replication of a scenario, as a batch run builds it (a Site), recording every domain event
 * of the voice model and the back office in the order fired.
 */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { Site } from '../../src/model/site/site';

export function recordEventStream(path: string, seed: number, replication = 0): unknown[] {
  const parsed = parseScenarioText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.problems)}`);
  const events: unknown[] = [];
  const record = (event: unknown) => events.push(event);
  const site = new Site(parsed.scenario, { seed, replication, observers: [{ voiceEvent: record, backOfficeEvent: record }] });
  site.runToEnd();
  return events;
}
