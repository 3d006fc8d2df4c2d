/**
 * Why a queue has no Erlang prediction (src/model/erlang-prediction.ts, whyNoPrediction): the
 * codes the page translates into the chart's note, instead of one guess for every case.
 */
import { describe, expect, it } from 'vitest';
import { loadShipped } from './shipped-scenario';
import { predictQueue, whyNoPrediction } from '../../src/model/erlang/erlang-prediction';


describe('the reason a queue has no Erlang prediction', () => {
  it('is the shifts when the only departure from the formulas is that the agents work shifts', () => {
    expect(whyNoPrediction(loadShipped('call-center-and-back-office.json'), 0)).toEqual(['shifts']);
  });

  it('is none, and there is a prediction, for one queue served by a fixed team', () => {
    const scenario = loadShipped('inbound-basic.json');
    expect(whyNoPrediction(scenario, 0)).toEqual([]);
    expect(predictQueue(scenario, 0)).not.toBeNull();
  });

  it('names blending: agents who work back-office items between calls', () => {
    expect(whyNoPrediction(loadShipped('bpo-voice-and-backoffice.json'), 0)).toEqual(['shifts', 'back-office-work']);
  });

  it('names every departure: shared agents, skills, shifts, repeat calls, staff', () => {
    const multiskill = loadShipped('support-multiskill.json');
    const reasons = whyNoPrediction(multiskill, 0);
    expect(reasons).toEqual(expect.arrayContaining(['shared-agents', 'shifts', 'repeat-calls']));
    expect(predictQueue(multiskill, 0)).toBeNull();
    const unstaffed = loadShipped('inbound-basic.json');
    unstaffed.agentGroups[0].agents = 0;
    expect(whyNoPrediction(unstaffed, 0)).toEqual(['no-staff']);
    expect(predictQueue(unstaffed, 0)).toBeNull();
  });
});
