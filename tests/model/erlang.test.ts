import { describe, it, expect } from 'vitest';
import {
  erlangAMetrics,
  erlangB,
  erlangC,
  erlangCAsa,
  erlangCMetrics,
  erlangCServiceLevel,
  mmcKBlocking,
  mmckMetrics,
  offeredLoadErlangs,
  requiredAgents,
} from '../../src/model/erlang/erlang';

// ---------------------------------------------------------------------------
// Independent reference computations. These deliberately use different
// methods from the module (direct sums, plain probabilities, uniformization,
// first-step analysis) so a shared mistake cannot make both sides agree.
// ---------------------------------------------------------------------------

/** Erlang B by the textbook ratio of power/factorial sums (small c only). */
function erlangBDirect(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= c; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

/** Erlang C by the textbook formula with factorials (small c only). */
function erlangCDirect(c: number, a: number): number {
  let term = 1;
  let below = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    below += term;
  }
  const top = ((term * a) / c) * (c / (c - a)); // A^c/c! · c/(c−A)
  return top / (below + top);
}

function logSumExp(xs: number[]): number {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
}

/** Erlang B and C from log(A^n/n!) summed directly in log space (any size). */
function erlangBCLogDirect(c: number, a: number): { b: number; c: number } {
  const logTerms: number[] = [];
  let logFact = 0;
  for (let n = 0; n <= c; n++) {
    if (n > 0) logFact += Math.log(n);
    logTerms.push(n * Math.log(a) - logFact);
  }
  const logAll = logSumExp(logTerms);
  const logBelow = logSumExp(logTerms.slice(0, c));
  const logTop = logTerms[c] + Math.log(c / (c - a));
  return {
    b: Math.exp(logTerms[c] - logAll),
    c: Math.exp(logTop - logSumExp([logBelow, logTop])),
  };
}

interface Chain {
  c: number;
  lambda: number;
  mu: number;
  theta: number;
  /** capacity (highest state); truncation point for the infinite queue */
  maxState: number;
  T: number;
}

/** Stationary distribution of the birth–death chain with plain arithmetic. */
function stationary({ c, lambda, mu, theta, maxState }: Chain): number[] {
  const w = [1];
  for (let n = 1; n <= maxState; n++) {
    const death = n <= c ? n * mu : c * mu + (n - c) * theta;
    w.push((w[n - 1] * lambda) / death);
  }
  const z = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / z);
}

/**
 * Reference Erlang A / M/M/c/K+M metrics: the tagged caller is an absorbing
 * CTMC over "callers ahead" with absorbing states served/abandoned; P(served by
 * T) comes from uniformization (a Poisson mixture of a discrete chain), and the
 * answered-call wait from first-step analysis.
 */
function referenceChainMetrics(chain: Chain, finiteCapacity: boolean) {
  const { c, lambda, mu, theta, maxState, T } = chain;
  const pi = stationary(chain);
  const pBelow = pi.slice(0, c).reduce((s, x) => s + x, 0);
  const lastAdmitted = finiteCapacity ? maxState - 1 : maxState;
  const J = lastAdmitted - c; // highest number of callers ahead for an admitted arrival

  // Uniformization of the tagged-caller chain, started from PASTA weights.
  const q = (i: number) => c * mu + i * theta; // forward rate with i ahead
  const rate = q(J) + theta;
  let v = Array.from({ length: J + 1 }, (_, j) => pi[c + j]);
  let served = 0;
  let poisson = Math.exp(-rate * T);
  let poissonMass = poisson;
  let slWait = poisson * served;
  for (let m = 1; poissonMass < 1 - 1e-15 && m < 100000; m++) {
    served += (v[0] * q(0)) / rate;
    const next = v.map((x, i) => x * (1 - (q(i) + theta) / rate) + (i < J ? (v[i + 1] * q(i + 1)) / rate : 0));
    v = next;
    poisson *= (rate * T) / m;
    poissonMass += poisson;
    slWait += poisson * served;
  }

  // First-step analysis: s_i = P(served | i ahead), g_i = E[W·1{served} | i ahead].
  let s = 1;
  let g = 0;
  let answered = pBelow;
  let waitOfAnswered = 0;
  for (let i = 0; i <= J; i++) {
    const total = q(i) + theta;
    s = (q(i) / total) * s;
    g = s / total + (q(i) / total) * g;
    answered += pi[c + i] * s;
    waitOfAnswered += pi[c + i] * g;
  }
  const lq = pi.reduce((acc, p, n) => acc + Math.max(0, n - c) * p, 0);
  return {
    pBlock: finiteCapacity ? pi[maxState] : 0,
    pWait: pi.slice(c, lastAdmitted + 1).reduce((acc, x) => acc + x, 0),
    serviceLevel: pBelow + slWait,
    pAnswered: answered,
    asaSec: waitOfAnswered / answered,
    lq,
    pAbandon: (theta * lq) / lambda,
  };
}

// The documented call-centre example: 100 calls in 30 minutes, AHT 180 s, 20 s.
const example = { arrivalRatePerSec: 100 / 1800, meanHandleSec: 180, thresholdSec: 20 };

// ---------------------------------------------------------------------------

describe('erlangB', () => {
  it('matches the classic table value B(10 agents, 5 Erlangs) ≈ 0.01838', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    expect(erlangB(10, 5)).toBeCloseTo(erlangBDirect(10, 5), 14);
  });

  it('matches the classic table value B(5 agents, 2 Erlangs) = 0.03670', () => {
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 5);
    expect(erlangB(5, 2)).toBeCloseTo(erlangBDirect(5, 2), 14);
  });

  it('agrees with the factorial sum across a grid of small cases', () => {
    for (const c of [1, 2, 3, 7, 15, 30]) {
      for (const a of [0.1, 1, 4.5, 12, 40]) {
        expect(erlangB(c, a)).toBeCloseTo(erlangBDirect(c, a), 13);
      }
    }
  });

  it('is 1 with no agents and 0 with no load', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(4, 0)).toBe(0);
    expect(erlangB(0, 0)).toBe(1);
  });

  it('stays finite and matches a log-space direct sum for 2,000 agents on 1,950 Erlangs', () => {
    const b = erlangB(2000, 1950);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeCloseTo(erlangBCLogDirect(2000, 1950).b, 12);
    expect(b / erlangBCLogDirect(2000, 1950).b).toBeCloseTo(1, 9);
  });

  it('underflows gracefully to 0 for 2,000 agents on 1 Erlang instead of returning NaN', () => {
    expect(erlangB(2000, 1)).toBe(0);
  });
});

describe('erlangC', () => {
  it('matches the CRAN ErlangC example: 10 Erlangs on 14 agents wait with probability 0.1741319', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.1741319, 7);
  });

  it('matches the CRAN ErlangC staffing table: 10 Erlangs on 11 agents wait with probability 0.6821182', () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821182, 7);
  });

  it('gives C(13 agents, 10 Erlangs) ≈ 0.2853, computed independently from factorials', () => {
    expect(erlangC(13, 10)).toBeCloseTo(erlangCDirect(13, 10), 13);
    expect(erlangC(13, 10)).toBeCloseTo(0.2853, 4);
  });

  it('agrees with the factorial formula across a grid of stable cases', () => {
    for (const c of [1, 2, 5, 9, 20, 40]) {
      for (const a of [0.05, 0.5, 0.9 * c, 0.99 * c]) {
        expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 12);
      }
    }
  });

  it('returns 1 when the load reaches or exceeds the agents', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
  });

  it('stays finite and matches a log-space direct sum for 2,000 agents on 1,950 Erlangs', () => {
    const value = erlangC(2000, 1950);
    const reference = erlangBCLogDirect(2000, 1950).c;
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
    expect(value / reference).toBeCloseTo(1, 9);
  });

  it('falls as agents are added', () => {
    let previous = 1;
    for (let c = 11; c <= 30; c++) {
      const value = erlangC(c, 10);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
  });
});

describe('erlangCMetrics', () => {
  it('reproduces the CRAN ErlangC erlang_c(100 calls, 30 min, 180 s, 20 s, 14 agents) example', () => {
    const m = erlangCMetrics({ agents: 14, ...example });
    expect(m.loadErlangs).toBeCloseTo(10, 12);
    expect(m.pWait).toBeCloseTo(0.1741319, 7);
    expect(m.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(m.asaSec).toBeCloseTo(7.83593701177724, 9);
    expect(m.occupancy).toBeCloseTo(0.7142857, 7);
  });

  it('reproduces the CRAN ErlangC staffing table row for 11 agents (service level 0.3896138)', () => {
    expect(erlangCServiceLevel({ agents: 11, ...example })).toBeCloseTo(0.3896138, 7);
  });

  it('computes service level and ASA from the exponential conditional wait', () => {
    const c = 13;
    const a = 10;
    const pc = erlangCDirect(c, a);
    expect(erlangCServiceLevel({ agents: c, ...example })).toBeCloseTo(1 - pc * Math.exp((-(c - a) * 20) / 180), 12);
    expect(erlangCAsa({ agents: c, ...example })).toBeCloseTo((pc * 180) / (c - a), 10);
  });

  it('leaves 13 agents just short of 80/20 on the textbook example (79.56 %)', () => {
    expect(erlangCServiceLevel({ agents: 13, ...example })).toBeCloseTo(0.7956, 4);
  });

  it('reports an unstable queue as zero service level and infinite ASA', () => {
    const m = erlangCMetrics({ agents: 10, ...example });
    expect(m).toEqual({ loadErlangs: 10, pWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1 });
  });

  it('raises service level and lowers ASA monotonically as agents are added', () => {
    let previous = erlangCMetrics({ agents: 11, ...example });
    for (let c = 12; c <= 25; c++) {
      const m = erlangCMetrics({ agents: c, ...example });
      expect(m.serviceLevel).toBeGreaterThan(previous.serviceLevel);
      expect(m.asaSec).toBeLessThan(previous.asaSec);
      previous = m;
    }
  });

  it('is finite and in range for 2,000 agents on 1,950 Erlangs', () => {
    const m = erlangCMetrics({ agents: 2000, arrivalRatePerSec: 1950 / 300, meanHandleSec: 300, thresholdSec: 20 });
    const reference = erlangBCLogDirect(2000, 1950).c;
    expect(m.pWait / reference).toBeCloseTo(1, 9);
    expect(m.serviceLevel).toBeGreaterThan(0);
    expect(m.serviceLevel).toBeLessThan(1);
    expect(m.asaSec).toBeCloseTo((reference * 300) / 50, 6);
  });
});

describe('erlangAMetrics', () => {
  it('matches an independent uniformization of the tagged caller for a small stable queue', () => {
    const c = 5;
    const mu = 1 / 180;
    const lambda = 4.5 * mu;
    const theta = 1 / 90;
    const reference = referenceChainMetrics({ c, lambda, mu, theta, maxState: 400, T: 20 }, false);
    const m = erlangAMetrics({
      agents: c,
      arrivalRatePerSec: lambda,
      meanHandleSec: 180,
      meanPatienceSec: 90,
      thresholdSec: 20,
    });
    expect(m.pWait).toBeCloseTo(reference.pWait, 12);
    expect(m.pAbandon).toBeCloseTo(reference.pAbandon, 12);
    expect(m.meanQueueLength).toBeCloseTo(reference.lq, 11);
    expect(m.serviceLevel).toBeCloseTo(reference.serviceLevel, 11);
    expect(m.asaSec).toBeCloseTo(reference.asaSec, 9);
    expect(m.meanWaitSec).toBeCloseTo(reference.lq / lambda, 9);
  });

  it('matches the independent reference in overload (7 Erlangs on 5 agents, 60 s patience, 45 s threshold)', () => {
    const c = 5;
    const mu = 1 / 300;
    const lambda = 7 * mu;
    const theta = 1 / 60;
    const reference = referenceChainMetrics({ c, lambda, mu, theta, maxState: 300, T: 45 }, false);
    const m = erlangAMetrics({
      agents: c,
      arrivalRatePerSec: lambda,
      meanHandleSec: 300,
      meanPatienceSec: 60,
      thresholdSec: 45,
    });
    expect(m.pWait).toBeCloseTo(reference.pWait, 12);
    expect(m.pAbandon).toBeCloseTo(reference.pAbandon, 12);
    expect(m.serviceLevel).toBeCloseTo(reference.serviceLevel, 11);
    expect(m.asaSec).toBeCloseTo(reference.asaSec, 9);
  });

  it('counts every offered call as either answered or abandoned', () => {
    for (const [c, a, patience] of [
      [3, 2, 30],
      [14, 10, 120],
      [50, 60, 200],
      [200, 180, 45],
    ]) {
      const m = erlangAMetrics({
        agents: c,
        arrivalRatePerSec: a / 240,
        meanHandleSec: 240,
        meanPatienceSec: patience,
        thresholdSec: 30,
      });
      // occupancy is built from the answered sum, pAbandon from θ·Lq/λ.
      expect((m.occupancy * c) / a + m.pAbandon).toBeCloseTo(1, 12);
    }
  });

  it('approaches Erlang C as patience grows without bound', () => {
    for (const c of [11, 14, 20]) {
      const ec = erlangCMetrics({ agents: c, ...example });
      // The gap shrinks linearly in θ = 1/patience; near saturation (11 agents,
      // 10 Erlangs) it is ~5e5·θ seconds on ASA, so go to a very long patience.
      const ea = erlangAMetrics({ agents: c, ...example, meanPatienceSec: 1e12 });
      expect(ea.pWait).toBeCloseTo(ec.pWait, 9);
      expect(ea.serviceLevel).toBeCloseTo(ec.serviceLevel, 9);
      expect(ea.asaSec).toBeCloseTo(ec.asaSec, 5);
      expect(ea.meanWaitSec).toBeCloseTo(ec.asaSec, 5);
      expect(ea.occupancy).toBeCloseTo(ec.occupancy, 9);
      expect(ea.pAbandon).toBeLessThan(1e-9);
    }
  });

  it('closes the gap to Erlang C steadily as patience lengthens', () => {
    const ec = erlangCMetrics({ agents: 11, ...example });
    let previousGap = Infinity;
    for (const patience of [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]) {
      const ea = erlangAMetrics({ agents: 11, ...example, meanPatienceSec: patience });
      const gap = Math.abs(ea.serviceLevel - ec.serviceLevel) + Math.abs(ea.asaSec - ec.asaSec);
      expect(gap).toBeLessThan(previousGap);
      previousGap = gap;
    }
  });

  it('equals Erlang C exactly when patience is Infinity', () => {
    const ec = erlangCMetrics({ agents: 14, ...example });
    const ea = erlangAMetrics({ agents: 14, ...example, meanPatienceSec: Infinity });
    expect(ea.pWait).toBe(ec.pWait);
    expect(ea.serviceLevel).toBe(ec.serviceLevel);
    expect(ea.asaSec).toBe(ec.asaSec);
    expect(ea.pAbandon).toBe(0);
  });

  it('beats Erlang C on service level when callers abandon', () => {
    const ec = erlangCMetrics({ agents: 12, ...example });
    const ea = erlangAMetrics({ agents: 12, ...example, meanPatienceSec: 120 });
    expect(ea.serviceLevel).toBeGreaterThan(ec.serviceLevel);
    expect(ea.asaSec).toBeLessThan(ec.asaSec);
  });

  it('gives 1 − P(wait) as service level at a zero threshold and 1 − P(abandon) at a huge one', () => {
    const base = { agents: 12, ...example, meanPatienceSec: 120 };
    const zero = erlangAMetrics({ ...base, thresholdSec: 0 });
    expect(zero.serviceLevel).toBeCloseTo(1 - zero.pWait, 13);
    const huge = erlangAMetrics({ ...base, thresholdSec: 1e6 });
    expect(huge.serviceLevel).toBeCloseTo(1 - huge.pAbandon, 12);
  });

  it('raises service level monotonically as agents are added, even from overload', () => {
    let previous = -1;
    for (let c = 5; c <= 25; c++) {
      const m = erlangAMetrics({ agents: c, ...example, meanPatienceSec: 90 });
      expect(m.serviceLevel).toBeGreaterThan(previous);
      previous = m.serviceLevel;
    }
  });

  it('stays finite and in range for 2,000 agents at 1.2× overload', () => {
    const m = erlangAMetrics({
      agents: 2000,
      arrivalRatePerSec: 2400 / 300,
      meanHandleSec: 300,
      meanPatienceSec: 60,
      thresholdSec: 20,
    });
    for (const p of [m.pWait, m.pAbandon, m.serviceLevel, m.occupancy]) {
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(m.asaSec)).toBe(true);
    // Fluid limit: the excess (2400 − 2000)/2400 of calls must abandon.
    expect(m.pAbandon).toBeCloseTo(1 / 6, 3);
    expect(m.meanQueueLength).toBeCloseTo((2400 / 300) * m.pAbandon * 60, 6);
  });

  it('stays finite and in range when the load exceeds the agents many times over', () => {
    const m = erlangAMetrics({ agents: 3, arrivalRatePerSec: 1, meanHandleSec: 300, meanPatienceSec: 30, thresholdSec: 20 });
    expect(m.pWait).toBeCloseTo(1, 12);
    expect(m.pAbandon).toBeGreaterThan(0.98);
    expect(m.serviceLevel).toBeGreaterThanOrEqual(0);
    expect(m.serviceLevel).toBeLessThan(0.02);
    expect(m.occupancy).toBeLessThanOrEqual(1);
  });

  it('stays consistent with Erlang C for 2,000 agents on 1,950 Erlangs with very patient callers', () => {
    const input = { agents: 2000, arrivalRatePerSec: 1950 / 300, meanHandleSec: 300, thresholdSec: 20 };
    const ec = erlangCMetrics(input);
    const ea = erlangAMetrics({ ...input, meanPatienceSec: 1e10 });
    expect(ea.pWait).toBeCloseTo(ec.pWait, 5);
    expect(ea.serviceLevel).toBeCloseTo(ec.serviceLevel, 5);
  });

  it('reports a perfect, idle system when no calls arrive', () => {
    const m = erlangAMetrics({ agents: 3, arrivalRatePerSec: 0, meanHandleSec: 300, meanPatienceSec: 30, thresholdSec: 20 });
    expect(m).toMatchObject({ pWait: 0, pAbandon: 0, serviceLevel: 1, asaSec: 0, meanWaitSec: 0, occupancy: 0 });
  });
});

describe('mmckMetrics', () => {
  it('reduces to Erlang B when there are as many lines as agents', () => {
    for (const [c, a] of [
      [10, 5],
      [5, 2],
      [30, 28],
      [2000, 1950],
    ]) {
      expect(mmcKBlocking(c, c, a)).toBeCloseTo(erlangB(c, a), 14);
      const m = mmckMetrics({ agents: c, lines: c, arrivalRatePerSec: a / 100, meanHandleSec: 100 });
      expect(m.pWait).toBe(0);
      expect(m.meanQueueLength).toBe(0);
    }
  });

  it('tends to Erlang C as the lines grow', () => {
    const m = mmckMetrics({ agents: 14, lines: 10_000, ...example });
    const ec = erlangCMetrics({ agents: 14, ...example });
    expect(m.pBlock).toBeLessThan(1e-15);
    expect(m.pWait).toBeCloseTo(ec.pWait, 12);
    expect(m.serviceLevel).toBeCloseTo(ec.serviceLevel, 12);
    expect(m.asaSec).toBeCloseTo(ec.asaSec, 9);
  });

  it('matches a direct solution of the finite chain for 3 agents, 6 lines and overload', () => {
    const c = 3;
    const lines = 6;
    const mu = 1 / 120;
    const lambda = 4 * mu;
    const reference = referenceChainMetrics({ c, lambda, mu, theta: 0, maxState: lines, T: 30 }, true);
    const m = mmckMetrics({ agents: c, lines, arrivalRatePerSec: lambda, meanHandleSec: 120, thresholdSec: 30 });
    expect(m.pBlock).toBeCloseTo(reference.pBlock, 14);
    expect(m.pWait).toBeCloseTo(reference.pWait, 14);
    expect(m.meanQueueLength).toBeCloseTo(reference.lq, 13);
    expect(m.meanWaitSec).toBeCloseTo(reference.lq / (lambda * (1 - reference.pBlock)), 10);
    expect(m.serviceLevel).toBeCloseTo(reference.serviceLevel, 12);
    expect(m.asaSec).toBeCloseTo(reference.asaSec, 10);
    expect(m.pAbandon).toBe(0);
    expect(m.occupancy).toBeCloseTo((lambda * (1 - reference.pBlock)) / (c * mu), 12);
  });

  it('matches a direct solution of the finite chain with impatient callers', () => {
    const c = 4;
    const lines = 12;
    const mu = 1 / 200;
    const lambda = 5 * mu;
    const theta = 1 / 80;
    const reference = referenceChainMetrics({ c, lambda, mu, theta, maxState: lines, T: 25 }, true);
    const m = mmckMetrics({
      agents: c,
      lines,
      arrivalRatePerSec: lambda,
      meanHandleSec: 200,
      thresholdSec: 25,
      meanPatienceSec: 80,
    });
    expect(m.pBlock).toBeCloseTo(reference.pBlock, 14);
    expect(m.pAbandon).toBeCloseTo(reference.pAbandon, 13);
    expect(m.serviceLevel).toBeCloseTo(reference.serviceLevel, 12);
    expect(m.asaSec).toBeCloseTo(reference.asaSec, 10);
    expect(m.pBlock + m.pAbandon + (m.occupancy * c) / 5).toBeCloseTo(1, 13);
  });

  it('blocks less as lines are added', () => {
    let previous = 1;
    for (let lines = 10; lines <= 20; lines++) {
      const b = mmcKBlocking(10, lines, 9);
      expect(b).toBeLessThan(previous);
      previous = b;
    }
  });
});

describe('requiredAgents', () => {
  it('reproduces the pyworkforce example: 14 raw positions, 20 with 30 % shrinkage', () => {
    const r = requiredAgents({ ...example, targetServiceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect(r.agentsOnPhones).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(r.occupancy).toBeCloseTo(0.7142857142857143, 12);
  });

  it('returns the smallest agent count: one fewer misses the target', () => {
    for (const target of [0.5, 0.8, 0.9, 0.95]) {
      const r = requiredAgents({ ...example, targetServiceLevel: target });
      expect(r.serviceLevel).toBeGreaterThanOrEqual(target);
      expect(erlangCServiceLevel({ agents: r.agentsOnPhones - 1, ...example })).toBeLessThan(target);
    }
  });

  it('adds agents until the occupancy cap holds', () => {
    const r = requiredAgents({ ...example, targetServiceLevel: 0.5, maxOccupancy: 0.6 });
    expect(r.agentsOnPhones).toBe(17); // 10 / 17 ≤ 0.6 < 10 / 16
    expect(r.occupancy).toBeLessThanOrEqual(0.6);
  });

  it('needs no more agents with Erlang A than with Erlang C', () => {
    const ec = requiredAgents({ ...example, targetServiceLevel: 0.8 });
    const ea = requiredAgents({ ...example, targetServiceLevel: 0.8, meanPatienceSec: 120 });
    expect(ea.agentsOnPhones).toBeLessThanOrEqual(ec.agentsOnPhones);
    expect(ea.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = erlangAMetrics({ agents: ea.agentsOnPhones - 1, ...example, meanPatienceSec: 120 });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
  });

  it('staffs 1,950 Erlangs quickly and minimally with both models', () => {
    const input = { arrivalRatePerSec: 1950 / 300, meanHandleSec: 300, thresholdSec: 20, targetServiceLevel: 0.8 };
    const started = performance.now();
    const ec = requiredAgents(input);
    const ea = requiredAgents({ ...input, meanPatienceSec: 600, maxOccupancy: 0.95 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ec.agentsOnPhones).toBeGreaterThan(1950);
    expect(erlangCServiceLevel({ agents: ec.agentsOnPhones - 1, ...input })).toBeLessThan(0.8);
    expect(ea.occupancy).toBeLessThanOrEqual(0.95);
  });

  it('rounds scheduled agents up for shrinkage', () => {
    const r = requiredAgents({ ...example, targetServiceLevel: 0.8, shrinkage: 0.25 });
    expect(r.scheduledAgents).toBe(Math.ceil(14 / 0.75)); // 18.67 → 19
  });
});

describe('input validation', () => {
  it('rejects negative, fractional and NaN agent counts with a message naming the value', () => {
    expect(() => erlangB(-3, 1)).toThrow(new RangeError('agents must be a non-negative integer (got -3)'));
    expect(() => erlangC(2.5, 1)).toThrow(/agents must be a non-negative integer \(got 2\.5\)/);
    expect(() => erlangB(Number.NaN, 1)).toThrow(/agents.*\(got NaN\)/);
    expect(() => erlangCMetrics({ agents: 0, ...example })).toThrow(/agents must be a positive integer \(got 0\)/);
  });

  it('rejects negative or non-finite loads and rates', () => {
    expect(() => erlangB(3, -1)).toThrow(RangeError);
    expect(() => erlangC(3, Number.POSITIVE_INFINITY)).toThrow(/loadErlangs.*\(got Infinity\)/);
    expect(() => erlangCMetrics({ agents: 3, ...example, arrivalRatePerSec: -0.1 })).toThrow(/arrivalRatePerSec.*\(got -0\.1\)/);
    expect(() => erlangCMetrics({ agents: 3, ...example, meanHandleSec: 0 })).toThrow(/meanHandleSec.*\(got 0\)/);
    expect(() => offeredLoadErlangs(1, Number.NaN)).toThrow(/meanHandleSec.*\(got NaN\)/);
  });

  it('rejects a non-positive patience but accepts Infinity', () => {
    expect(() => erlangAMetrics({ agents: 3, ...example, meanPatienceSec: 0 })).toThrow(/meanPatienceSec.*\(got 0\)/);
    expect(() => erlangAMetrics({ agents: 3, ...example, meanPatienceSec: Infinity })).not.toThrow();
  });

  it('refuses an overload whose patience is so long the queue would hold millions of callers', () => {
    expect(() =>
      erlangAMetrics({ agents: 10, arrivalRatePerSec: 12 / 300, meanHandleSec: 300, meanPatienceSec: 1e12, thresholdSec: 20 }),
    ).toThrow(/meanPatienceSec is too large for this overload.*\(got 1000000000000\)/);
  });

  it('rejects fewer lines than agents', () => {
    expect(() => mmcKBlocking(5, 4, 2)).toThrow(/lines must be at least agents \(5\) \(got 4\)/);
  });

  it('rejects unreachable targets and out-of-range shrinkage or occupancy', () => {
    expect(() => requiredAgents({ ...example, targetServiceLevel: 1 })).toThrow(/targetServiceLevel.*\(got 1\)/);
    expect(() => requiredAgents({ ...example, targetServiceLevel: 0.8, shrinkage: 1 })).toThrow(/shrinkage.*\(got 1\)/);
    expect(() => requiredAgents({ ...example, targetServiceLevel: 0.8, maxOccupancy: 0 })).toThrow(/maxOccupancy.*\(got 0\)/);
  });
});

describe('offeredLoadErlangs', () => {
  it('multiplies the arrival rate by the mean handle time', () => {
    expect(offeredLoadErlangs(100 / 1800, 180)).toBeCloseTo(10, 12);
  });
});
