/**
 * Predictive pacing: how many numbers to have ringing for the agents a campaign can count on.
 *
 * The dialer knows what it has observed and what its agents are doing:
 * - the connect rate p: the share of dials answered by someone (or an undetected machine) who
 *   needs an agent;
 * - how long dials ring before they connect, and before they fail, so a dial that has already
 *   rung for a while is worth less: most answers come early, and a dial still ringing after
 *   20 s is most likely a no-answer (`RingTimeStats.connectChance`);
 * - the agents free now, and those expected to come free before new dials connect: each agent
 *   in wrap-up frees within the mean ring-to-answer time h with chance h ÷ mean ACW, each agent
 *   still talking with chance h ÷ mean handle time (both observed).
 *
 * The connects X of the dials ringing plus k new ones are a sum of independent Bernoulli draws
 * (each ringing dial with its own chance, each new one with p); the agents A there to take them
 * are the free ones plus a Bernoulli draw per busy agent (its chance of coming free in time).
 * The connects finding no agent are (X − A)⁺. The pacing places the largest k whose expected
 * share of abandoned connects E[(X − A)⁺] ÷ E[X] stays at or under a target. `abandonTarget` sets the target from
 * compliance: a safety share of the cap while the campaign's measured abandon rate (whole run
 * and trailing 24 h) is comfortably under it, 0 (never more expected connects than agents) once
 * it nears the cap. All are pure functions of their inputs.
 */

export interface PacingInput {
  /** Agents free now for this campaign (reserve and inbound priority already applied). */
  readonly freeAgents: number;
  /** Agents talking on this campaign's calls. */
  readonly busyAgents: number;
  /** Agents in after-call work of this campaign's calls. */
  readonly acwAgents: number;
  /** Observed mean handle time of a connected call (talk + ACW), seconds. */
  readonly meanHandleSec: number;
  /** Observed mean ACW, seconds. */
  readonly meanAcwSec: number;
  /** Observed mean ring-to-answer time of connects, seconds. */
  readonly meanAnswerDelaySec: number;
  /** Chance that each dial ringing now still connects. */
  readonly ringingConnectChances: ArrayLike<number>;
  /** Observed share of dials that connect (need an agent). */
  readonly connectRate: number;
  /** Expected abandoned share of connects the pacing may accept now. */
  readonly targetAbandonRate: number;
  /** Dials in flight per expected agent at most. */
  readonly maxLinesPerAgent: number;
  /** Trunks left for this campaign. */
  readonly linesLeft: number;
}

/** Agents the pacing counts on: free now plus those expected free within the connect delay. */
export function agentsExpected(input: Pick<PacingInput, 'freeAgents' | 'busyAgents' | 'acwAgents' | 'meanHandleSec' | 'meanAcwSec' | 'meanAnswerDelaySec'>): number {
  const h = input.meanAnswerDelaySec;
  const talkShare = input.meanHandleSec > 0 ? Math.min(1, h / input.meanHandleSec) : 0;
  const acwShare = input.meanAcwSec > 0 ? Math.min(1, h / input.meanAcwSec) : 1;
  return input.freeAgents + input.busyAgents * talkShare + input.acwAgents * acwShare;
}

/**
 * E[(X − a)⁺] for X ~ Binomial(n, p), through E[X] − a + E[(a − X)⁺]: only the terms below a are
 * summed, O(a).
 */
export function expectedExcess(n: number, p: number, a: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return Math.max(0, n - a);
  const whole = Math.floor(a);
  let below = 0;
  // P(X = 0) = (1 − p)^n, then P(k + 1) = P(k)·(n − k)/(k + 1)·p/(1 − p).
  let pk = Math.pow(1 - p, n);
  const odds = p / (1 - p);
  for (let k = 0; k <= whole && k <= n; k++) {
    below += (a - k) * pk;
    pk *= ((n - k) / (k + 1)) * odds;
  }
  return Math.max(0, n * p - a + below);
}

/**
 * The distribution of D = connects − agents there to take them, over the integers. Agents enter
 * as a fixed count minus two binomial groups (agents talking and in wrap-up, each coming free in
 * time with its own chance); connects one Bernoulli draw at a time. Only the range holding
 * probability above 1e-12 is updated, and the buffers are reused from one pacing to the next,
 * so a pacing decision allocates nothing and costs O(agents + dials × spread of D).
 */
export class ExcessDistribution {
  private pr = new Float64Array(64);
  private scratch = new Float64Array(64);
  private wrapScratch = new Float64Array(64);
  private offset = 0;
  private lo = 0;
  private hi = 0;
  connectsMean = 0;

  /** Starts over with D = −(fixed + Bin(talking, talkChance) + Bin(wrapping, acwChance)). */
  reset(fixed: number, talking: number, talkChance: number, wrapping: number, acwChance: number, maxConnects: number): void {
    const size = fixed + talking + wrapping + maxConnects + 2;
    if (this.pr.length < size) {
      this.pr = new Float64Array(size * 2);
      this.scratch = new Float64Array(size * 2);
      this.wrapScratch = new Float64Array(size * 2);
    } else {
      // Only the range used last time holds anything.
      this.pr.fill(0, Math.max(0, this.lo), this.hi + 2);
    }
    this.offset = fixed + talking + wrapping;
    this.connectsMean = 0;
    // Agents who may come free: Bin(talking) convolved with Bin(wrapping), stored as −count.
    const pr = this.pr;
    const a = this.scratch;
    const [aLo, aHi] = binomialInto(a, talking, talkChance);
    const base = this.offset - fixed;
    if (wrapping === 0 || acwChance <= 0) {
      for (let i = aLo; i <= aHi; i++) pr[base - i] = a[i];
      this.lo = base - aHi;
      this.hi = base - aLo;
    } else {
      const b = this.wrapScratch;
      const [bLo, bHi] = binomialInto(b, wrapping, acwChance);
      for (let i = aLo; i <= aHi; i++) {
        const ai = a[i];
        for (let j = bLo; j <= bHi; j++) pr[base - i - j] += ai * b[j];
      }
      this.lo = base - aHi - bHi;
      this.hi = base - aLo - bLo;
    }
  }

  addConnect(chance: number): void {
    this.connectsMean += chance;
    if (chance <= 0) return;
    const pr = this.pr;
    const keep = 1 - chance;
    for (let i = this.hi + 1; i > this.lo; i--) pr[i] = pr[i] * keep + pr[i - 1] * chance;
    pr[this.lo] *= keep;
    this.hi++;
    while (this.hi > this.lo && pr[this.hi] < 1e-12) pr[this.hi--] = 0;
    while (this.lo < this.hi && pr[this.lo] < 1e-12) pr[this.lo++] = 0;
  }

  /** E[D⁺]: connects expected to find no agent. */
  excess(): number {
    let sum = 0;
    for (let i = Math.max(this.lo, this.offset + 1); i <= this.hi; i++) sum += (i - this.offset) * this.pr[i];
    return sum;
  }
}

/** Writes the Binomial(n, p) probabilities into out[0…n]; returns the range above 1e-12. */
function binomialInto(out: Float64Array, n: number, p: number): [number, number] {
  if (n === 0 || p <= 0) {
    out[0] = 1;
    return [0, 0];
  }
  if (p >= 1) {
    out[n] = 1;
    return [n, n];
  }
  // Start from the mode and walk both ways, so no power underflows for large n.
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const logMode = logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log(1 - p);
  out[mode] = Math.exp(logMode);
  const odds = p / (1 - p);
  let lo = mode;
  let hi = mode;
  for (let k = mode; k < n; k++) {
    const next = out[k] * ((n - k) / (k + 1)) * odds;
    if (next < 1e-12) break;
    out[k + 1] = next;
    hi = k + 1;
  }
  for (let k = mode; k > 0; k--) {
    const prev = (out[k] * k) / ((n - k + 1) * odds);
    if (prev < 1e-12) break;
    out[k - 1] = prev;
    lo = k - 1;
  }
  return [lo, hi];
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
  return sum;
}

const shared = new ExcessDistribution();

/** New dials to place now (≥ 0). */
export function predictiveDialCount(input: PacingInput, scratch: ExcessDistribution = shared): number {
  const agents = agentsExpected(input);
  if (agents <= 0 || input.linesLeft <= 0) return 0;
  const p = Math.min(1, Math.max(1e-3, input.connectRate));
  const ringing = input.ringingConnectChances;
  const maxInFlight = Math.floor(Math.max(1, agents) * input.maxLinesPerAgent);
  const room = Math.min(input.linesLeft, maxInFlight - ringing.length);
  if (room <= 0) return 0;
  // Jensen's bound, E[(X − A)⁺] ≥ E[X] − E[A]: when even the first new dial fails it, skip the exact sum.
  let ringingMean = 0;
  for (let i = 0; i < ringing.length; i++) ringingMean += ringing[i];
  if (ringingMean + p - agents > input.targetAbandonRate * (ringingMean + p) + 1e-9) return 0;
  const h = input.meanAnswerDelaySec;
  const talkChance = input.meanHandleSec > 0 ? Math.min(1, h / input.meanHandleSec) : 0;
  const acwChance = input.meanAcwSec > 0 ? Math.min(1, h / input.meanAcwSec) : 1;
  const d = scratch;
  d.reset(input.freeAgents, input.busyAgents, talkChance, input.acwAgents, acwChance, ringing.length + Math.min(room, 100_000));
  for (let i = 0; i < ringing.length; i++) d.addConnect(ringing[i]);
  let count = 0;
  while (count < room) {
    d.addConnect(p);
    // With a target of 0 only dials that cannot outnumber the free agents pass.
    if (d.excess() > input.targetAbandonRate * d.connectsMean + 1e-9) break;
    count++;
  }
  return count;
}

/**
 * Ring times the dialer has seen, in one-second bins: how long connects rang before the answer,
 * and how long the other dials lasted before they failed. From them, the chance that a dial
 * still ringing after `ageSec` connects: p·S_c(age) ÷ (p·S_c(age) + (1 − p)·S_f(age)), with S the
 * share of each kind still ringing at that age. Until enough of both have been seen, the plain
 * connect rate.
 */
export class RingTimeStats {
  private readonly connected: Float64Array;
  private readonly failed: Float64Array;
  private connectedCount = 0;
  private failedCount = 0;
  private survivalConnected: Float64Array;
  private survivalFailed: Float64Array;
  private stale = true;

  constructor(private readonly maxSec: number) {
    const bins = Math.ceil(maxSec) + 2;
    this.connected = new Float64Array(bins);
    this.failed = new Float64Array(bins);
    this.survivalConnected = new Float64Array(bins);
    this.survivalFailed = new Float64Array(bins);
  }

  record(ringSec: number, didConnect: boolean): void {
    const bin = Math.min(this.connected.length - 1, Math.floor(ringSec));
    if (didConnect) {
      this.connected[bin]++;
      this.connectedCount++;
    } else {
      this.failed[bin]++;
      this.failedCount++;
    }
    this.stale = true;
  }

  get hasEnough(): boolean {
    return this.connectedCount >= 30 && this.failedCount >= 30;
  }

  connectChance(ageSec: number, p: number): number {
    if (!this.hasEnough) return p;
    if (this.stale) this.refresh();
    const bin = Math.min(this.connected.length - 1, Math.floor(ageSec));
    const c = p * this.survivalConnected[bin];
    const f = (1 - p) * this.survivalFailed[bin];
    return c + f > 0 ? c / (c + f) : 0;
  }

  /** Share of each kind that lasted longer than the start of each bin. */
  private refresh(): void {
    let c = this.connectedCount;
    let f = this.failedCount;
    for (let b = 0; b < this.connected.length; b++) {
      this.survivalConnected[b] = c / this.connectedCount;
      this.survivalFailed[b] = f / this.failedCount;
      c -= this.connected[b];
      f -= this.failed[b];
    }
    this.stale = false;
  }
}

export interface ComplianceInput {
  readonly cap: number;
  readonly runConnects: number;
  readonly runAbandoned: number;
  readonly windowConnects: number;
  readonly windowAbandoned: number;
}

/**
 * The abandoned share the pacing may aim at now. Rates are read with a floor of 100 connects in
 * the denominator, so the first few calls of a day cannot swing the dialer; the campaign aims at
 * 70% of the cap, at 30% once the measured rate passes 60% of it, and at 0 past 85%.
 */
export function abandonTarget(input: ComplianceInput): number {
  const floor = 100;
  const run = input.runAbandoned / Math.max(floor, input.runConnects);
  const window = input.windowAbandoned / Math.max(floor, input.windowConnects);
  const measured = Math.max(run, window);
  if (measured >= 0.85 * input.cap) return 0;
  if (measured >= 0.6 * input.cap) return 0.3 * input.cap;
  return 0.7 * input.cap;
}
