import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scenarioVariants } from '../helpers/cli-harness';
import { scenarioWithEvents } from '../../src/model/site/site-knobs';
import { deriveQueueKpis } from '../../src/model/voice/queue-counters';
import { runLive, shipped } from '../model/site/interventions-helpers';

describe('kituo run on a scenario exported from a run changed live', () => {
  it('reproduces the live run’s numbers exactly', async () => {
    const scenario = shipped('bpo-voice-and-backoffice', (s) => (s.days = 2));
    const live = runLive(scenario, [
      { atSec: 10 * 3600 + 15 * 60, change: { kind: 'agents', groupId: 'phones', agents: 15 } },
      { atSec: 11 * 3600, change: { kind: 'tv-advert', queueId: 'support', callsPerMinute: 6, minutes: 20 } },
      { atSec: 11 * 3600, change: { kind: 'file-drop', workTypeId: 'claims', items: 120 } },
      { atSec: 14 * 3600, change: { kind: 'outage', minutes: 10 } },
      { atSec: 30 * 3600, change: { kind: 'allocation', rule: 'fifo' } },
    ], 5);
    const file = join(scenarioVariants('kituo-interventions-').dir, 'exported.json');
    writeFileSync(file, JSON.stringify(scenarioWithEvents(scenario, live.applied)));
    const { code, stdout, stderr } = await cli('run', file, '--seed', '5');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.events).toBe(live.site.sim.eventsFired);
    const kpis = deriveQueueKpis(live.site.voice.totals[0]);
    for (const kpi of ['offered', 'answered', 'abandoned', 'blocked', 'serviceLevel', 'asa'] as const) expect(report.queues.support[kpi].mean).toBe(kpis[kpi]);
    expect(report.backOfficeTotal.completed.mean).toBe(live.site.backOffice!.total.completed);
  });
});
