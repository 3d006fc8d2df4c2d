/**
 * Why a queue has no Erlang prediction (src/model/erlang/erlang-prediction.ts, whyNoPrediction):
 * the codes the page translates into the chart's note, instead of one guess for every case.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { predictQueue, predictQueueOnSchedule, whyNoPrediction } from '../../src/model/erlang/erlang-prediction';


describe('the reason a queue has no Erlang prediction', () => {
  it('is none for a team on shifts: the prediction takes the agents scheduled in each interval', () => {
    const scenario = loadShipped('call-center-and-back-office.json');
    expect(whyNoPrediction(scenario, 0)).toEqual([]);
    expect(predictQueueOnSchedule(scenario, 0)?.approximate).toEqual([]);
  });

  it('is none, and there is a prediction, for one queue served by a fixed team', () => {
    const scenario = loadShipped('inbound-basic.json');
    expect(whyNoPrediction(scenario, 0)).toEqual([]);
    expect(predictQueue(scenario, 0)).not.toBeNull();
  });

  it('names blending: agents who work back-office items between calls', () => {
    expect(whyNoPrediction(loadShipped('bpo-voice-and-backoffice.json'), 0)).toEqual(['back-office-work']);
    expect(predictQueueOnSchedule(loadShipped('bpo-voice-and-backoffice.json'), 0)).toBeNull();
  });

  it('names agents who also dial out, and a queue nobody serves', () => {
    expect(whyNoPrediction(loadShipped('blended-inbound-outbound.json'), 0)).toEqual(['outbound']);
    const unstaffed = loadShipped('inbound-basic.json');
    unstaffed.agentGroups[0].agents = 0;
    expect(whyNoPrediction(unstaffed, 0)).toEqual(['no-staff']);
    expect(predictQueue(unstaffed, 0)).toBeNull();
  });

  it('names skills that do not split into one pool: groups that take different sets of queues first', () => {
    const scenario = loadShipped('two-help-lines.json');
    // The Nairobi team also takes Mombasa's calls first; the Mombasa team takes only its own.
    scenario.agentGroups[0].queues = ['nairobi', 'mombasa'];
    expect(whyNoPrediction(scenario, 0)).toEqual(['shared-agents']);
    expect(whyNoPrediction(scenario, 1)).toEqual(['shared-agents']);
  });
});
