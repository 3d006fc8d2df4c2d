/**
 * The page's run recycles finished calls (as batch runs do), which is safe only because the views
 * read the Site's snapshots and never keep a model object. What the page shows after hours of
 * simulated time must be the same with recycling on and off, and a snapshot must be plain data a
 * worker could post.
 */
import { describe, expect, it } from 'vitest';
import { startPageRun, type PageRun } from '../../src/app/page-run';
import { loadShipped } from './shipped-scenario';

const HOUR = 3600;

/** Everything the page draws or prints at this instant: wallboards and both rooms' snapshots. */
function shown(run: PageRun): unknown {
  const { session, backOffice, views } = run;
  return structuredClone({
    now: session.now,
    kpis: session.kpis('all'),
    perQueue: session.scenario.queues.map((_, q) => session.kpis(q)),
    waiting: session.waiting('all'),
    longestWait: session.longestWaitNow('all'),
    loggedIn: session.loggedInNow('all'),
    outbound: session.outbound(),
    backOffice: backOffice?.kpis(session.now) ?? null,
    snapshot: views.snapshot(),
  });
}

function figuresOver(file: string, hours: number, recycleCalls: boolean): unknown[] {
  const run = startPageRun(loadShipped(file), 7, { recycleCalls });
  const seen: unknown[] = [];
  for (let t = HOUR / 4; t <= hours * HOUR; t += HOUR / 4) {
    run.session.advanceTo(t, Infinity);
    seen.push(shown(run));
  }
  return seen;
}

describe('the page run', () => {
  for (const file of ['call-center-and-back-office.json', 'blended-inbound-outbound.json', 'support-multiskill.json']) {
    it(`shows the same figures and rooms with recycled calls as without in ${file}`, () => {
      const fresh = figuresOver(file, 30, false);
      const recycled = figuresOver(file, 30, true);
      expect(recycled).toEqual(fresh);
    });
  }

  it('fills snapshots with plain data and feeds what moved', () => {
    const run = startPageRun(loadShipped('blended-inbound-outbound.json'), 7);
    run.session.advanceTo(11 * HOUR, Infinity);
    const snapshot = run.views.snapshot();
    // structuredClone throws on functions: a live Call, queue or model (samplers, handlers) would fail here.
    expect(structuredClone(snapshot)).toEqual(snapshot);
    expect(run.views.snapshot()).toBe(snapshot);
    const voice = snapshot.voice;
    expect(voice.feed.written).toBeGreaterThan(0);
    const busy = voice.agents.filter((a) => a.callId >= 0);
    expect(busy.length).toBeGreaterThan(0);
    for (const agent of busy) {
      expect(agent.callQueue).toBeGreaterThanOrEqual(0);
      expect(agent.answeredSec).toBeGreaterThanOrEqual(agent.callArrivalSec);
    }
    const talking = voice.groups.reduce((sum, g) => sum + g.talking, 0);
    expect(talking).toBe(voice.agents.filter((a) => a.state === 'talking' || a.state === 'outbound-talk').length);
  });
});
