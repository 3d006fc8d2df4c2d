/**
 * Blending of voice and back office: agents of a voice group take back-office items while no
 * call is waiting for them, and a call either interrupts an item or waits for it (src/model/blending.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { Simulation } from '../../src/engine/simulation';
import { VoiceModel } from '../../src/model/voice/voice-model';
import { BackOfficeModel } from '../../src/model/backoffice/backoffice-model';
import type { BackOfficeDayRecord } from '../../src/model/backoffice/backoffice-records';
import { connectBlending } from '../../src/model/site/blending';
import { deriveAgentKpis } from '../../src/model/voice/agent-counters';
import type { DomainEvent } from '../../src/model/voice/domain-events';
import type { BackOfficeEvent } from '../../src/model/backoffice/backoffice-events';

function shipped(): Scenario {
  const parsed = parseScenarioText(readFileSync('scenarios/bpo-voice-and-backoffice.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return structuredClone(parsed.scenario);
}

/** Only the blended agents answer the phone, and only they process emails: the two kinds of work compete for them. */
function blendedOnly(options: { callVolume: number; callInterruptsItem: boolean }): Scenario {
  const scenario = shipped();
  scenario.agentGroups = scenario.agentGroups.filter((group) => group.id === 'blended');
  scenario.agentGroups[0].backOfficeWork!.callInterruptsItem = options.callInterruptsItem;
  const arrivals = scenario.queues[0].arrivals;
  if (!('callsPerInterval' in arrivals)) throw new Error('expected a profile');
  arrivals.callsPerInterval = arrivals.callsPerInterval.map((calls) => calls * options.callVolume * 0.5);
  return scenario;
}

interface Run {
  voice: VoiceModel;
  office: BackOfficeModel;
  days: BackOfficeDayRecord[];
  problems: string[];
}

/**
 * Runs both models on one clock and checks that no one does two things at once: once every
 * instant has settled (the two models hand an agent over one after the other within an instant),
 * a lent agent is on back-office work exactly when its clerk twin is working or checking.
 */
function run(scenario: Scenario, seed: number): Run {
  const sim = new Simulation();
  const agentState = new Map<string, string>();
  const clerkState = new Map<string, string>();
  const problems: string[] = [];
  const touched = new Set<string>();
  let instant = 0;
  const settle = () => {
    for (const id of touched) {
      const agent = agentState.get(id);
      const clerk = clerkState.get(id);
      if (agent === undefined || clerk === undefined) continue;
      const clerkWorks = clerk === 'working' || clerk === 'checking';
      if (clerkWorks !== (agent === 'back-office')) problems.push(`${instant}: ${id} is ${agent} while its clerk is ${clerk}`);
    }
    touched.clear();
  };
  const record = (states: Map<string, string>, id: string, to: string, timeSec: number) => {
    if (timeSec > instant) {
      settle();
      instant = timeSec;
    }
    states.set(id, to);
    touched.add(id);
  };
  const days: BackOfficeDayRecord[] = [];
  const office = new BackOfficeModel(scenario, {
    sim,
    seed,
    onDayClosed: (day) => days.push(day),
    listener: (event: BackOfficeEvent) => {
      if (event.type === 'clerk.state-changed') record(clerkState, event.clerkId, event.to, event.timeSec);
    },
  });
  const voice = new VoiceModel(scenario, {
    sim,
    seed,
    listener: (event: DomainEvent) => {
      if (event.type === 'agent.state-changed') record(agentState, event.agentId, event.to, event.timeSec);
    },
  });
  connectBlending(voice, office);
  voice.runToEnd();
  office.runToEnd();
  settle();
  return { voice, office, days, problems };
}

describe('blending voice and back office', () => {
  it('keeps every lent agent doing one thing at a time, and every item accounted for at each day end', () => {
    for (const seed of [1, 2, 3]) {
      const { office, days, problems } = run(shipped(), seed);
      expect(problems).toEqual([]);
      expect(days.length).toBe(5);
      for (const day of days) {
        day.workTypes.forEach((c, w) => {
          // arrived so far = completed so far + backlog + in progress (paused items included) + pending
          const arrived = days.filter((d) => d.index <= day.index).reduce((sum, d) => sum + d.workTypes[w].arrived, 0);
          const completed = days.filter((d) => d.index <= day.index).reduce((sum, d) => sum + d.workTypes[w].completed, 0);
          expect(arrived).toBe(completed + c.backlogAtEnd + c.inProgressAtEnd + c.pendingAtEnd);
        });
      }
      // The lent agents did real back-office work: the emails are theirs alone.
      expect(office.totals[0].completed).toBeGreaterThan(400);
    }
  });

  it('lends agents only between calls: a call for a blending group interrupting items never waits while one of its agents is on an item', () => {
    const scenario = blendedOnly({ callVolume: 1, callInterruptsItem: true });
    const sim = new Simulation();
    const onItem = new Set<string>();
    const waitedWhileOnItem: number[] = [];
    const office = new BackOfficeModel(scenario, { sim, seed: 4 });
    const voice: VoiceModel = new VoiceModel(scenario, {
      sim,
      seed: 4,
      listener: (event) => {
        if (event.type === 'agent.state-changed') {
          if (event.to === 'back-office') onItem.add(event.agentId);
          else onItem.delete(event.agentId);
        }
        if (event.type === 'call.queued' && onItem.size > 0) waitedWhileOnItem.push(event.timeSec);
      },
    });
    connectBlending(voice, office);
    voice.runToEnd();
    office.runToEnd();
    expect(voice.totals[0].answered).toBeGreaterThan(1000);
    expect(office.totals[0].completed).toBeGreaterThan(100);
    expect(waitedWhileOnItem).toEqual([]);
  });

  it('makes callers wait for the item in hand when calls do not interrupt, and answers them sooner when they do', () => {
    const interrupt = run(blendedOnly({ callVolume: 1, callInterruptsItem: true }), 5);
    const wait = run(blendedOnly({ callVolume: 1, callInterruptsItem: false }), 5);
    expect(interrupt.problems).toEqual([]);
    expect(wait.problems).toEqual([]);
    const asa = (r: Run) => r.voice.totals[0].waitAnsweredSumSec / r.voice.totals[0].answered;
    expect(asa(wait)).toBeGreaterThan(2 * asa(interrupt) + 5);
    // The same callers and the same items arrive in both (common random numbers).
    expect(wait.voice.totals[0].offered).toBe(interrupt.voice.totals[0].offered);
    expect(wait.office.totals[0].arrived).toBe(interrupt.office.totals[0].arrived);
  });

  it('shows the phone queue starving the backlog: the more calls the same agents answer, the longer emails wait, until they go late', () => {
    const emails = (callVolume: number) => run(blendedOnly({ callVolume, callInterruptsItem: true }), 6).office.totals[0];
    const quiet = emails(0.6);
    const busy = emails(1.4);
    const swamped = emails(3);
    expect(busy.arrived).toBe(quiet.arrived);
    expect(swamped.arrived).toBe(quiet.arrived);
    const cycle = (c: typeof quiet) => c.cycleTimeSumSec / c.completed;
    // Emails have slack (8 business hours): at first the afternoon lull absorbs the calls' morning …
    expect(cycle(busy)).toBeGreaterThan(cycle(quiet));
    expect(quiet.completedOnTime).toBe(quiet.completed);
    // … until the phones leave too little of the day: the backlog grows and goes late.
    expect(cycle(swamped)).toBeGreaterThan(cycle(busy));
    expect(swamped.completed).toBeLessThan(quiet.completed);
    expect(swamped.backlogAtEnd).toBeGreaterThan(3 * quiet.backlogAtEnd);
    expect(swamped.completedOnTime / swamped.completed).toBeLessThan(0.9);
  });

  it('resumes a paused item with the same agent, for exactly the work that was left', () => {
    const scenario = blendedOnly({ callVolume: 1, callInterruptsItem: true });
    const sim = new Simulation();
    const paused = new Map<number, { clerkId: string; remainingSec: number }>();
    const mismatches: string[] = [];
    let resumed = 0;
    const office = new BackOfficeModel(scenario, {
      sim,
      seed: 7,
      listener: (event) => {
        if (event.type === 'item.paused') paused.set(event.itemId, { clerkId: event.clerkId, remainingSec: event.remainingSec });
        if (event.type === 'item.resumed') {
          const before = paused.get(event.itemId);
          if (!before || before.clerkId !== event.clerkId || Math.abs(event.endSec - event.timeSec - before.remainingSec) > 1e-6) mismatches.push(`item ${event.itemId}`);
          paused.delete(event.itemId);
          resumed++;
        }
      },
    });
    const voice = new VoiceModel(scenario, { sim, seed: 7 });
    connectBlending(voice, office);
    voice.runToEnd();
    office.runToEnd();
    expect(resumed).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });

  it('counts a blending agent\'s back-office time once: in its group\'s counters and utilization, not as a team the back office pays', () => {
    const { voice, office } = run(shipped(), 8);
    const blended = voice.groupTotals[1];
    const lentTeam = office.teams.find((team) => team.lender !== null)!;
    expect(lentTeam.id).toBe('blended');
    // The group's own clock of back-office time agrees with the back office's busy time of its lent team.
    expect(blended.backOfficeSec).toBeGreaterThan(3600);
    expect(blended.backOfficeSec).toBeCloseTo(lentTeam.busy.peekArea(office.now), 3);
    const kpis = deriveAgentKpis(blended);
    expect(kpis.utilization!).toBeCloseTo((blended.handlingSec + blended.backOfficeSec) / blended.staffedSec, 12);
    expect(kpis.utilization!).toBeGreaterThan(kpis.occupancy! + 0.1);
    expect(voice.groupTotals[0].backOfficeSec).toBe(0);
    expect(office.teamUsage().map((team) => team.teamId)).toEqual(['claims-team']);
  });

  it('shows the same back-office time live, mid-run, as the back office counts for the lent team', () => {
    const scenario = shipped();
    const sim = new Simulation();
    const office = new BackOfficeModel(scenario, { sim, seed: 9 });
    const voice = new VoiceModel(scenario, { sim, seed: 9 });
    connectBlending(voice, office);
    const lentTeam = office.teams.find((team) => team.lender !== null)!;
    for (const at of [9.5 * 3600, 15.25 * 3600, 2 * 86400 + 11 * 3600]) {
      voice.runUntil(at);
      const live = voice.liveGroupCounters(1).backOfficeSec;
      expect(live).toBeGreaterThan(0);
      expect(live).toBeCloseTo(lentTeam.busy.peekArea(at), 3);
    }
  });

  it('refuses backOfficeWork naming an unknown work type, or in a scenario without a back office', () => {
    const text = readFileSync('scenarios/bpo-voice-and-backoffice.json', 'utf8');
    const unknown = JSON.parse(text);
    unknown.agentGroups[1].backOfficeWork.skills = ['emails', 'payroll'];
    const result = parseScenarioText(JSON.stringify(unknown));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['agentGroups[1].backOfficeWork.skills[1]: names unknown work type "payroll" (got "payroll")']);
    const none = JSON.parse(text);
    delete none.backOffice;
    const noOffice = parseScenarioText(JSON.stringify(none));
    expect(noOffice.ok).toBe(false);
    if (!noOffice.ok) expect(noOffice.problems.some((p) => p.path === 'agentGroups[1].backOfficeWork.skills[0]' && /no backOffice/.test(p.message))).toBe(true);
  });
});
