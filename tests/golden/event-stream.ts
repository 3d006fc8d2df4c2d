/**
 * One replication of a scenario with both worlds on one clock, wired the way a batch run wires
 * them, recording every domain event of the voice model and the back office in the order fired.
 */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/parse-scenario';
import { VoiceModel } from '../../src/model/voice/voice-model';
import { BackOfficeModel } from '../../src/model/backoffice/backoffice-model';
import { connectBlending } from '../../src/model/blending';
import { Simulation } from '../../src/engine/simulation';

export function recordEventStream(path: string, seed: number, replication = 0): unknown[] {
  const parsed = parseScenarioText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.problems)}`);
  const scenario = parsed.scenario;
  const events: unknown[] = [];
  const sim = new Simulation();
  const backOffice = scenario.backOffice
    ? new BackOfficeModel(scenario, {
        sim,
        seed,
        replication,
        listener: (event) => events.push(event),
        onFailureDemand: (call) => model.receiveFailureDemandCall(call.queueId),
      })
    : null;
  const model: VoiceModel = new VoiceModel(scenario, { sim, seed, replication, listener: (event) => events.push(event) });
  connectBlending(model, backOffice);
  model.runToEnd();
  backOffice?.runToEnd();
  return events;
}
