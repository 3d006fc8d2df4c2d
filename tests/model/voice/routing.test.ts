/**
 * The routing decisions on their own, fed plain data: which group's agent an arriving call goes
 * to, which overflow group takes a waiting call, which call a freed agent takes, and which group
 * lends an agent to outbound work.
 */
import { describe, expect, it } from 'vitest';
import {
  groupForArrivingCall,
  groupForOutbound,
  groupToInterrupt,
  outboundFree,
  overflowGroupFor,
  skillForFreedAgent,
  type RoutableQueue,
} from '../../../src/model/voice/routing';

/** A group whose longest-idle agent went idle at `idleSince` (none idle when null). */
const group = (name: string, idleSince: number | null, extra: { onBackOfficeSince?: number; interrupts?: boolean; idleCount?: number } = {}) => ({
  name,
  idle: { head: idleSince === null ? null : { stateSinceSec: idleSince }, count: extra.idleCount ?? (idleSince === null ? 0 : 1) },
  onBackOffice: { head: extra.onBackOfficeSince === undefined ? null : { stateSinceSec: extra.onBackOfficeSince } },
  callInterruptsItem: extra.interrupts ?? false,
});

/** A queue of `priority` whose head caller arrived at `headArrival` (nobody waiting when null). */
const queue = (priority: number, headArrival: number | null): RoutableQueue => ({
  priority,
  waitingCount: headArrival === null ? 0 : 1,
  callbackCount: 0,
  line: { peek: () => (headArrival === null ? undefined : { arrivalSec: headArrival }) },
});

describe('routing an arriving call', () => {
  it('goes to the best skill tier that has an idle agent, even when a lower tier has waited longer', () => {
    const a = group('a', null);
    const b = group('b', 50);
    const c = group('c', 10);
    expect(groupForArrivingCall([[a, b], [c]])?.name).toBe('b');
  });

  it('within a tier, goes to the longest-idle agent; a tie goes to the group listed first', () => {
    expect(groupForArrivingCall([[group('a', 30), group('b', 20), group('c', 25)]])?.name).toBe('b');
    expect(groupForArrivingCall([[group('a', 20), group('b', 20)]])?.name).toBe('a');
  });

  it('finds no group when no agent is idle', () => {
    expect(groupForArrivingCall([[group('a', null)], [group('b', null)]])).toBeNull();
  });

  it('interrupts back-office work only in groups whose calls interrupt items, longest on an item first', () => {
    const quiet = group('quiet', null, { onBackOfficeSince: 1 });
    const x = group('x', null, { onBackOfficeSince: 40, interrupts: true });
    const y = group('y', null, { onBackOfficeSince: 30, interrupts: true });
    expect(groupToInterrupt([[quiet, x, y]])?.name).toBe('y');
    expect(groupToInterrupt([[quiet]])).toBeNull();
  });
});

describe('routing to overflow groups', () => {
  it('offers a waiting call only to overflow groups whose wait has come, best skill priority first', () => {
    const early = { group: group('early', 5), afterSec: 30, priority: 2 };
    const late = { group: group('late', 1), afterSec: 60, priority: 1 };
    expect(overflowGroupFor([early, late], 40)?.name).toBe('early');
    expect(overflowGroupFor([early, late], 60)?.name).toBe('late');
    expect(overflowGroupFor([early, late], 10)).toBeNull();
  });

  it('between overflow groups of one priority, takes the longest-idle agent; none when nobody is idle', () => {
    const a = { group: group('a', 20), afterSec: 30, priority: 1 };
    const b = { group: group('b', 10), afterSec: 30, priority: 1 };
    expect(overflowGroupFor([a, b], 30)?.name).toBe('b');
    expect(overflowGroupFor([{ group: group('c', null), afterSec: 0, priority: 1 }], 30)).toBeNull();
  });
});

describe('the call a freed agent takes', () => {
  const skill = (q: RoutableQueue, priority = 1, overflowAfterSec = 0) => ({ queue: q, priority, overflowAfterSec });

  it('takes the highest queue priority first, whoever has waited longest', () => {
    expect(skillForFreedAgent([skill(queue(0, 10)), skill(queue(5, 90))], 100)).toBe(1);
  });

  it('then its own best skill priority, then the caller who has waited longest', () => {
    expect(skillForFreedAgent([skill(queue(0, 10), 2), skill(queue(0, 90), 1)], 100)).toBe(1);
    expect(skillForFreedAgent([skill(queue(0, 50)), skill(queue(0, 20))], 100)).toBe(1);
    expect(skillForFreedAgent([skill(queue(0, 20)), skill(queue(0, 20))], 100)).toBe(0);
  });

  it('counts an overflow skill only once its head caller has waited the overflow time', () => {
    const overflow = skill(queue(9, 80), 1, 30);
    expect(skillForFreedAgent([skill(queue(0, 90)), overflow], 100)).toBe(0);
    expect(skillForFreedAgent([skill(queue(0, 90)), overflow], 110)).toBe(1);
  });

  it('takes nothing when no line has anyone waiting', () => {
    expect(skillForFreedAgent([skill(queue(0, null)), skill(queue(3, null))], 100)).toBe(-1);
  });
});

describe('agents for outbound work', () => {
  const blended = (name: string, idleSince: number | null, idleCount: number, reserve: number, waiting = 0) => ({
    ...group(name, idleSince, { idleCount }),
    queues: [{ waitingCount: waiting, callbackCount: 0 }],
    inboundReserve: reserve,
  });

  it('leaves the inbound reserve idle and takes no one while an inbound caller waits', () => {
    expect(outboundFree(blended('a', 0, 3, 1))).toBe(2);
    expect(outboundFree(blended('a', 0, 1, 2))).toBe(0);
    expect(outboundFree(blended('a', 0, 3, 0, 1))).toBe(0);
  });

  it('takes the longest-idle agent among groups with one free for outbound work', () => {
    const reserved = blended('reserved', 1, 1, 1);
    const a = blended('a', 30, 2, 0);
    const b = blended('b', 20, 2, 0);
    expect(groupForOutbound([reserved, a, b])?.name).toBe('b');
    expect(groupForOutbound([reserved])).toBeNull();
  });
});
