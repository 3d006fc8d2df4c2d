/**
 * Analytic queueing formulas that workforce planners use, so the simulator can
 * be checked against (and seeded from) the same numbers a planner would quote:
 *
 * - Erlang B (M/M/c/c): blocking probability with no queue.
 * - Erlang C (M/M/c): probability of waiting, service level, ASA, occupancy.
 * - Erlang A (M/M/c+M, Palm's model): Erlang C plus exponential patience, which
 *   stays meaningful in overload because callers abandon.
 * - M/M/c/K (optionally +M): finite trunks, used to validate a simulated queue
 *   whose lines can fill up.
 * - Staffing: the smallest agent count meeting a service-level target and an
 *   occupancy cap, then grossed up for shrinkage.
 *
 * Everything must stay accurate for up to a few thousand agents and Erlangs, so
 * no factorial or power is ever formed: Erlang B uses its recursion (carried in
 * log space so it cannot underflow), and the queue states of the birth–death
 * chains are summed in log space with a proven tail bound.
 *
 * Units: times in seconds (`...Sec`), rates per second (`...PerSec`), loads in
 * Erlangs (arrival rate × mean handle time). Probabilities are fractions in [0, 1].
 */

// ---------------------------------------------------------------------------
// Input validation
// ---------------------------------------------------------------------------

/** Formats a value for an error message so NaN, Infinity and -0 stay readable. */
function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function requireInteger(name: string, value: number, min: 0 | 1): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const kind = min === 0 ? 'a non-negative integer' : 'a positive integer';
    throw new RangeError(`${name} must be ${kind} (got ${show(value)})`);
  }
}

function requireNonNegative(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite non-negative number (got ${show(value)})`);
  }
}

function requirePositive(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite positive number (got ${show(value)})`);
  }
}

/** Patience may be Infinity (nobody abandons) but not zero, negative or NaN. */
function requirePatience(name: string, value: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number or Infinity (got ${show(value)})`);
  }
}

/** A fraction in [lo, hi] or [lo, hi) as the caller asks. */
function requireFraction(
  name: string,
  value: number,
  lo: number,
  hi: number,
  hiInclusive: boolean,
  loInclusive = true,
): void {
  const okLo = loInclusive ? value >= lo : value > lo;
  const okHi = hiInclusive ? value <= hi : value < hi;
  if (typeof value !== 'number' || Number.isNaN(value) || !okLo || !okHi) {
    const range = `${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`;
    throw new RangeError(`${name} must be in ${range} (got ${show(value)})`);
  }
}

// ---------------------------------------------------------------------------
// Erlang B and C
// ---------------------------------------------------------------------------

/** Offered load in Erlangs: arrivals per second × seconds of work per arrival. */
export function offeredLoadErlangs(arrivalRatePerSec: number, meanHandleSec: number): number {
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  return arrivalRatePerSec * meanHandleSec;
}

/**
 * log B(c, A) by the recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1.
 * The recursion is stable, but B itself underflows to 0 for c ≫ A (2,000
 * agents on 1 Erlang is ~1e-5700); the Erlang A normaliser needs 1/B, so the
 * logarithm is what we carry.
 */
function logErlangB(agents: number, loadErlangs: number): number {
  if (loadErlangs === 0) return agents === 0 ? 0 : -Infinity;
  const logA = Math.log(loadErlangs);
  let logB = 0;
  for (let k = 1; k <= agents; k++) {
    // A·B(k−1) may underflow to 0 here; then k dominates the denominator anyway.
    logB = logA + logB - Math.log(k + loadErlangs * Math.exp(logB));
  }
  return logB;
}

/** Erlang B: probability an arrival is blocked in M/M/c/c (c servers, no queue). */
export function erlangB(agents: number, loadErlangs: number): number {
  requireInteger('agents', agents, 0);
  requireNonNegative('loadErlangs', loadErlangs);
  return Math.exp(logErlangB(agents, loadErlangs));
}

/**
 * Erlang C: probability an arrival has to wait in M/M/c. Derived from Erlang B
 * as C = c·B / (c − A·(1 − B)), which avoids the textbook sums of powers. When
 * A ≥ c the queue is unstable and every arrival eventually waits, so 1.
 */
export function erlangC(agents: number, loadErlangs: number): number {
  requireInteger('agents', agents, 0);
  requireNonNegative('loadErlangs', loadErlangs);
  if (loadErlangs >= agents) return 1;
  const b = erlangB(agents, loadErlangs);
  return (agents * b) / (agents - loadErlangs * (1 - b));
}

export interface ErlangCInput {
  /** Agents on the phones (servers), a positive integer. */
  agents: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Service-level threshold T: "answered within T seconds". */
  thresholdSec: number;
}

export interface ErlangCMetrics {
  loadErlangs: number;
  /** P(an arrival waits at all) — Erlang C. */
  pWait: number;
  /** P(answered within thresholdSec); 0 when the queue is unstable. */
  serviceLevel: number;
  /** Average speed of answer (mean wait over all calls); Infinity when unstable. */
  asaSec: number;
  /** Fraction of agent time spent handling calls: A/c, capped at 1. */
  occupancy: number;
}

function validateErlangCInput(input: ErlangCInput): void {
  requireInteger('agents', input.agents, 1);
  requireNonNegative('arrivalRatePerSec', input.arrivalRatePerSec);
  requirePositive('meanHandleSec', input.meanHandleSec);
  requireNonNegative('thresholdSec', input.thresholdSec);
}

/**
 * All Erlang C figures at once. SL = 1 − C·exp(−(c − A)·T/AHT) and
 * ASA = C·AHT/(c − A): the wait of a delayed call is exponential with rate
 * (c − A)/AHT. In overload (A ≥ c) the queue grows without bound, so
 * SL = 0, ASA = Infinity and agents are always busy.
 */
export function erlangCMetrics(input: ErlangCInput): ErlangCMetrics {
  validateErlangCInput(input);
  const { agents, arrivalRatePerSec, meanHandleSec, thresholdSec } = input;
  const loadErlangs = arrivalRatePerSec * meanHandleSec;
  if (loadErlangs >= agents) {
    return { loadErlangs, pWait: 1, serviceLevel: 0, asaSec: Infinity, occupancy: 1 };
  }
  const pWait = erlangC(agents, loadErlangs);
  const spare = agents - loadErlangs;
  return {
    loadErlangs,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-spare * thresholdSec) / meanHandleSec),
    asaSec: (pWait * meanHandleSec) / spare,
    occupancy: loadErlangs / agents,
  };
}

/** Erlang C service level: P(answered within thresholdSec). */
export function erlangCServiceLevel(input: ErlangCInput): number {
  return erlangCMetrics(input).serviceLevel;
}

/** Erlang C average speed of answer in seconds (Infinity when A ≥ c). */
export function erlangCAsa(input: ErlangCInput): number {
  return erlangCMetrics(input).asaSec;
}

// ---------------------------------------------------------------------------
// Birth–death core shared by Erlang A and M/M/c/K(+M)
// ---------------------------------------------------------------------------

/**
 * Beyond this many queue states we refuse rather than spin: it only happens
 * when patience is enormous relative to an overload, where the stationary
 * queue is millions of callers long and the model says nothing useful.
 */
const MAX_QUEUE_STATES = 10_000_000;

/** Truncate the infinite queue once the remaining mass is below this, relative. */
const TAIL_TOLERANCE = 1e-17;

interface ChainInput {
  agents: number;
  arrivalRatePerSec: number;
  serviceRatePerSec: number;
  /** θ = 1/mean patience; 0 means nobody abandons. */
  abandonRatePerSec: number;
  thresholdSec: number;
  /** Total system capacity K (agents + waiting places); Infinity for no limit. */
  capacity: number;
  /** Which parameter to blame if the queue is too long to sum. */
  patienceName: string;
}

interface ChainMetrics {
  /** P(an arrival finds all lines busy) = π_K; 0 when capacity is infinite. */
  pBlock: number;
  /** P(an arrival is admitted and finds all agents busy). */
  pWait: number;
  /** P(an arrival abandons) = θ·Lq/λ. */
  pAbandon: number;
  /** P(an arrival is answered). */
  pAnswered: number;
  /** P(an arrival is answered within thresholdSec), over all offered calls. */
  serviceLevel: number;
  /** Mean wait of answered calls. */
  asaSec: number;
  /** Lq = E[(N − c)^+]. */
  meanQueueLength: number;
  /** Carried load / c. */
  occupancy: number;
}

/** log(e^a + e^b) without overflow: the tail weights can exceed 1e308 in overload. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * Exact steady-state metrics of the birth–death chain with arrival rate λ in
 * every state below the capacity K, departure rate nμ for n ≤ c and
 * cμ + (n − c)θ above c.
 *
 * Stationary law. Relative to π_c, the states 0..c weigh 1/B(c, A) in total
 * (that is the definition of Erlang B) and state c + k weighs
 * Π_{i=1..k} λ/(cμ + iθ). Those products are summed in log space; once the
 * ratio r = λ/(cμ + (k+1)θ) drops below 1 the rest of the tail is bounded by a
 * geometric series, and we stop when that bound (weighted by k, since Lq needs
 * it) is below TAIL_TOLERANCE of the total.
 *
 * Waiting-time metrics (PASTA + a tagged caller). An arrival that finds
 * n = c + j (j ≥ 0, and n < K) waits behind j callers. Ignoring its own
 * patience τ ~ Exp(θ), its "virtual" wait V is a sum of independent stages
 * with rates cμ + iθ, i = j..0 (a service completion, or someone ahead giving
 * up, moves it forward), and V is independent of τ. It is answered iff τ > V, so
 *   P(answered within T | j) = E[1{V ≤ T} e^{−θV}]
 *                            = L(θ)·P(Ṽ ≤ T),
 * where L(θ) = Π cμ+iθ / (cμ+(i+1)θ) = cμ/(cμ+(j+1)θ) (it telescopes) and Ṽ is
 * the exponentially tilted V: stages with rates cμ + mθ, m = 1..j+1. Those rates
 * form an arithmetic progression θ(b + m), b = cμ/θ, so Ṽ is distributed as the
 * (j+1)-th smallest of (j+1+b) Exp(θ) clocks (Rényi), giving
 *   P(Ṽ ≤ T) = I_y(j+1, b+1) = P(NB ≥ j+1),  y = 1 − e^{−θT},
 * where NB is negative binomial with P(NB = k) = C(k+b, k) y^k (1−y)^{b+1}.
 * Its pmf has the cheap ratio y·(k+b)/k and p₀ = e^{−(cμ+θ)T}, so one pass
 * over j accumulates the CDF in log space, with no incomplete-beta evaluation
 * and no alternating sums. When θ = 0 the NB becomes Poisson(cμT), i.e. the
 * Erlang C argument, and the same code serves M/M/c/K.
 *   E[W · 1{answered} | j] = −L'(θ) = L(θ)·Σ_{m=1..j+1} 1/(cμ + mθ)
 * gives the ASA of answered calls.
 */
function birthDeathMetrics(input: ChainInput): ChainMetrics {
  const {
    agents: c,
    arrivalRatePerSec: lambda,
    serviceRatePerSec: mu,
    abandonRatePerSec: theta,
    thresholdSec: T,
    capacity: K,
  } = input;

  if (lambda === 0) {
    return {
      pBlock: 0,
      pWait: 0,
      pAbandon: 0,
      pAnswered: 1,
      serviceLevel: 1,
      asaSec: 0,
      meanQueueLength: 0,
      occupancy: 0,
    };
  }

  const load = lambda / mu;
  const cMu = c * mu;
  const logLambda = Math.log(lambda);
  const logB = logErlangB(c, load);
  // log of Σ_{n=0..c} π_n/π_c, and of the part below c: (1 − B)/B.
  const logLower = -logB;
  const logBelow = Math.log1p(-Math.exp(logB)) - logB;
  const maxQueue = K === Infinity ? Infinity : K - c;

  // In overload the weights climb until cμ + kθ passes λ, so the queue's mode
  // sits near (λ − cμ)/θ; refuse up front rather than loop millions of times.
  if (theta > 0 && maxQueue === Infinity && (lambda - cMu) / theta > MAX_QUEUE_STATES) {
    throw new RangeError(
      `${input.patienceName} is too large for this overload: the queue would exceed ` +
        `${MAX_QUEUE_STATES} callers (got ${show(1 / theta)})`,
    );
  }

  // Pass 1: find the normaliser and where to truncate.
  let logZ = logLower;
  let logTerm = 0; // log(π_{c+k}/π_c), k = 0
  let lastK = 0;
  for (let k = 1; k <= maxQueue; k++) {
    if (k > MAX_QUEUE_STATES) {
      const culprit = theta > 0 ? input.patienceName : 'lines';
      const value = theta > 0 ? 1 / theta : K;
      throw new RangeError(
        `${culprit} is too large for this overload: the queue would exceed ` +
          `${MAX_QUEUE_STATES} callers (got ${show(value)})`,
      );
    }
    logTerm += logLambda - Math.log(cMu + k * theta);
    logZ = logAddExp(logZ, logTerm);
    lastK = k;
    // Truncate once the rest is negligible; with finite lines too, since a huge
    // trunk group on a stable queue would otherwise cost a loop per line.
    const r = lambda / (cMu + (k + 1) * theta);
    if (k < maxQueue && r < 1) {
      // Σ_{m>k} m·π_{c+m} ≤ π_{c+k} · r/(1−r) · (k + 1/(1−r)), as ratios only fall.
      const logBound = logTerm + Math.log(r / (1 - r)) + Math.log(k + 1 / (1 - r));
      if (logBound < logZ + Math.log(TAIL_TOLERANCE)) break;
    }
  }

  // Pass 2: the metrics, with the negative-binomial CDF carried along in j.
  const pBelow = Math.exp(logBelow - logZ);
  // y and y·b with b = cμ/θ, written so θ → 0 tends smoothly to Poisson(cμT).
  const y = -Math.expm1(-theta * T);
  const yb = theta > 0 ? (cMu * y) / theta : cMu * T;
  let logNb = -(cMu + theta) * T; // log P(NB = 0)
  let nbCdf = 0;
  let stageSum = 0; // Σ_{m=1..j+1} 1/(cμ + mθ)
  let lq = 0;
  let pWait = 0;
  let answeredAfterWait = 0;
  let answeredWithinT = 0;
  let waitOfAnswered = 0;
  let pBlock = 0;
  logTerm = 0;
  for (let k = 0; k <= lastK; k++) {
    if (k > 0) logTerm += logLambda - Math.log(cMu + k * theta);
    const p = Math.exp(logTerm - logZ);
    lq += k * p;
    if (c + k >= K) {
      pBlock = p; // arrivals finding every line busy are lost (PASTA)
      continue;
    }
    pWait += p;
    if (k > 0) logNb += Math.log(y + yb / k);
    nbCdf += Math.exp(logNb);
    const rate = cMu + (k + 1) * theta;
    stageSum += 1 / rate;
    const answered = cMu / rate;
    answeredAfterWait += p * answered;
    answeredWithinT += p * answered * Math.max(0, 1 - nbCdf);
    waitOfAnswered += p * answered * stageSum;
  }

  const pAnswered = pBelow + answeredAfterWait;
  return {
    pBlock,
    pWait,
    pAbandon: (theta * lq) / lambda,
    pAnswered,
    serviceLevel: pBelow + answeredWithinT,
    asaSec: pAnswered > 0 ? waitOfAnswered / pAnswered : 0,
    meanQueueLength: lq,
    occupancy: (lambda * pAnswered) / cMu,
  };
}

// ---------------------------------------------------------------------------
// Erlang A (M/M/c+M)
// ---------------------------------------------------------------------------

export interface ErlangAInput {
  agents: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Mean of the exponential patience; Infinity reduces to Erlang C. */
  meanPatienceSec: number;
  thresholdSec: number;
}

export interface ErlangAMetrics {
  loadErlangs: number;
  /** P(an arrival finds all agents busy) = P(N ≥ c). */
  pWait: number;
  /** P(an arrival abandons before being answered). */
  pAbandon: number;
  /** Calls answered within thresholdSec ÷ calls offered (abandons count against). */
  serviceLevel: number;
  /** Mean wait of answered calls. */
  asaSec: number;
  /** Mean time in queue over all offered calls, abandoned ones included (Lq/λ). */
  meanWaitSec: number;
  /** Mean number of callers waiting, E[(N − c)^+]. */
  meanQueueLength: number;
  /** Fraction of agent time handling calls: answered load / c. */
  occupancy: number;
}

/**
 * Exact Erlang A (Palm's M/M/c+M) metrics; see birthDeathMetrics for the
 * method. Stable in overload because abandonment caps the queue. With
 * meanPatienceSec = Infinity this is Erlang C (and then requires A < c for
 * finite waits; in overload it reports the Erlang C limits).
 */
export function erlangAMetrics(input: ErlangAInput): ErlangAMetrics {
  const { agents, arrivalRatePerSec, meanHandleSec, meanPatienceSec, thresholdSec } = input;
  requireInteger('agents', agents, 1);
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  requirePatience('meanPatienceSec', meanPatienceSec);
  requireNonNegative('thresholdSec', thresholdSec);
  const loadErlangs = arrivalRatePerSec * meanHandleSec;

  if (meanPatienceSec === Infinity) {
    // Nobody abandons: the chain has no decaying tail, use the closed forms.
    const cm = erlangCMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec });
    const stable = loadErlangs < agents;
    const lq = stable ? (cm.pWait * loadErlangs) / (agents - loadErlangs) : Infinity;
    return {
      loadErlangs,
      pWait: cm.pWait,
      pAbandon: 0,
      serviceLevel: cm.serviceLevel,
      // Erlang C's ASA is over all calls; answered-call ASA is the same since all are answered.
      asaSec: cm.asaSec,
      meanWaitSec: cm.asaSec,
      meanQueueLength: lq,
      occupancy: cm.occupancy,
    };
  }

  const m = birthDeathMetrics({
    agents,
    arrivalRatePerSec,
    serviceRatePerSec: 1 / meanHandleSec,
    abandonRatePerSec: 1 / meanPatienceSec,
    thresholdSec,
    capacity: Infinity,
    patienceName: 'meanPatienceSec',
  });
  return {
    loadErlangs,
    pWait: m.pWait,
    pAbandon: m.pAbandon,
    serviceLevel: m.serviceLevel,
    asaSec: m.asaSec,
    meanWaitSec: arrivalRatePerSec > 0 ? m.meanQueueLength / arrivalRatePerSec : 0,
    meanQueueLength: m.meanQueueLength,
    occupancy: m.occupancy,
  };
}

// ---------------------------------------------------------------------------
// M/M/c/K (+M): finite trunks
// ---------------------------------------------------------------------------

export interface MmckInput {
  agents: number;
  /** Trunks K: calls in the system (talking + waiting), an integer ≥ agents. */
  lines: number;
  arrivalRatePerSec: number;
  meanHandleSec: number;
  /** Defaults to 0 (service level then means "answered immediately"). */
  thresholdSec?: number;
  /** Exponential patience of waiting callers; omitted or Infinity = nobody abandons. */
  meanPatienceSec?: number;
}

export interface MmckMetrics {
  loadErlangs: number;
  /** P(an arrival finds all lines busy and is lost). */
  pBlock: number;
  /** P(an arrival is admitted and has to wait); divide by 1 − pBlock for "given admitted". */
  pWait: number;
  /** P(an arrival abandons); 0 without patience. */
  pAbandon: number;
  /** Calls answered within thresholdSec ÷ calls offered (blocked and abandoned count against). */
  serviceLevel: number;
  /** Mean wait of answered calls. */
  asaSec: number;
  /** Mean time in queue of admitted calls (abandoned ones included), Lq / (λ(1 − pBlock)). */
  meanWaitSec: number;
  meanQueueLength: number;
  occupancy: number;
}

/**
 * Exact M/M/c/K(+M) metrics: a finite birth–death chain, solved with the same
 * log-space weights and tagged-caller argument as Erlang A. With lines = agents
 * it is Erlang B; with lines → ∞ it tends to Erlang C (or Erlang A).
 */
export function mmckMetrics(input: MmckInput): MmckMetrics {
  const { agents, lines, arrivalRatePerSec, meanHandleSec } = input;
  const thresholdSec = input.thresholdSec ?? 0;
  const meanPatienceSec = input.meanPatienceSec ?? Infinity;
  requireInteger('agents', agents, 1);
  requireInteger('lines', lines, 1);
  if (lines < agents) {
    throw new RangeError(`lines must be at least agents (${agents}) (got ${show(lines)})`);
  }
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  requireNonNegative('thresholdSec', thresholdSec);
  requirePatience('meanPatienceSec', meanPatienceSec);

  const m = birthDeathMetrics({
    agents,
    arrivalRatePerSec,
    serviceRatePerSec: 1 / meanHandleSec,
    abandonRatePerSec: meanPatienceSec === Infinity ? 0 : 1 / meanPatienceSec,
    thresholdSec,
    capacity: lines,
    patienceName: 'meanPatienceSec',
  });
  const admittedPerSec = arrivalRatePerSec * (1 - m.pBlock);
  return {
    loadErlangs: arrivalRatePerSec * meanHandleSec,
    pBlock: m.pBlock,
    pWait: m.pWait,
    pAbandon: m.pAbandon,
    serviceLevel: m.serviceLevel,
    asaSec: m.asaSec,
    meanWaitSec: admittedPerSec > 0 ? m.meanQueueLength / admittedPerSec : 0,
    meanQueueLength: m.meanQueueLength,
    occupancy: m.occupancy,
  };
}

/** Blocking probability of M/M/c/K without abandonment (depends on λ, μ only through A). */
export function mmcKBlocking(agents: number, lines: number, loadErlangs: number): number {
  requireNonNegative('loadErlangs', loadErlangs);
  // Unit handle time makes the arrival rate equal to the load.
  return mmckMetrics({ agents, lines, arrivalRatePerSec: loadErlangs, meanHandleSec: 1 }).pBlock;
}

// ---------------------------------------------------------------------------
// Staffing
// ---------------------------------------------------------------------------

export interface StaffingInput {
  arrivalRatePerSec: number;
  meanHandleSec: number;
  thresholdSec: number;
  /** Target fraction answered within thresholdSec, in [0, 1). */
  targetServiceLevel: number;
  /** Cap on occupancy, in (0, 1]; default 1 (no cap beyond stability). */
  maxOccupancy?: number;
  /** Fraction of paid time off the phones, in [0, 1); default 0. */
  shrinkage?: number;
  /** When given, staff with Erlang A instead of Erlang C. */
  meanPatienceSec?: number;
  /** Cap on the share of callers who abandon, in (0, 1]; only binds with meanPatienceSec. */
  maxAbandonRate?: number;
}

export interface StaffingResult {
  agentsOnPhones: number;
  /** agentsOnPhones / (1 − shrinkage), rounded up. */
  scheduledAgents: number;
  serviceLevel: number;
  occupancy: number;
}

/** Hard stop for the search, far above any contact centre this simulator models. */
const MAX_STAFFING_AGENTS = 10_000_000;

/**
 * Smallest number of agents on the phones whose service level meets the target
 * and whose occupancy is at most maxOccupancy, by Erlang C (or Erlang A when
 * meanPatienceSec is given). Service level rises with agents, so we double an
 * upper bound until it passes and then bisect: O(log c) evaluations of O(c)
 * each, which keeps 2,000-agent queues well under a millisecond per evaluation.
 */
export function requiredAgents(input: StaffingInput): StaffingResult {
  const { arrivalRatePerSec, meanHandleSec, thresholdSec, targetServiceLevel } = input;
  const maxOccupancy = input.maxOccupancy ?? 1;
  const shrinkage = input.shrinkage ?? 0;
  const patience = input.meanPatienceSec;
  requireNonNegative('arrivalRatePerSec', arrivalRatePerSec);
  requirePositive('meanHandleSec', meanHandleSec);
  requireNonNegative('thresholdSec', thresholdSec);
  // A target of 1 is unreachable with any finite staff, so it is rejected up front.
  requireFraction('targetServiceLevel', targetServiceLevel, 0, 1, false);
  requireFraction('maxOccupancy', maxOccupancy, 0, 1, true, false);
  requireFraction('shrinkage', shrinkage, 0, 1, false);
  if (patience !== undefined) requirePatience('meanPatienceSec', patience);
  const maxAbandonRate = input.maxAbandonRate ?? 1;
  requireFraction('maxAbandonRate', maxAbandonRate, 0, 1, true, false);

  const load = arrivalRatePerSec * meanHandleSec;
  const evaluate = (agents: number): { serviceLevel: number; occupancy: number; pAbandon: number } =>
    patience === undefined
      ? { ...erlangCMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec }), pAbandon: 0 }
      : erlangAMetrics({ agents, arrivalRatePerSec, meanHandleSec, thresholdSec, meanPatienceSec: patience });
  const meetsServiceLevel = (agents: number): boolean =>
    evaluate(agents).serviceLevel >= targetServiceLevel;

  // Erlang C needs a stable queue (c > A) and, for the cap, c ≥ A/maxOccupancy;
  // both are exact lower bounds, so start there. Erlang A can legitimately
  // meet low targets with fewer agents than Erlangs, so it starts at 1.
  let lo = 1;
  if (patience === undefined) {
    lo = Math.max(lo, Math.floor(load) + 1, Math.ceil(load / maxOccupancy - 1e-9));
  }
  let hi = lo;
  while (!meetsServiceLevel(hi)) {
    lo = hi + 1;
    hi *= 2;
    if (hi > MAX_STAFFING_AGENTS) {
      throw new RangeError(
        `targetServiceLevel cannot be met with ${MAX_STAFFING_AGENTS} agents (got ${show(targetServiceLevel)})`,
      );
    }
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (meetsServiceLevel(mid)) hi = mid;
    else lo = mid + 1;
  }

  // Occupancy and abandonment fall as agents are added (carried load is at
  // most A, so c ≥ A/maxOccupancy always satisfies the cap): step up until both hold.
  let agents = hi;
  let metrics = evaluate(agents);
  while (metrics.occupancy > maxOccupancy + 1e-12 || metrics.pAbandon > maxAbandonRate) {
    agents += 1;
    metrics = evaluate(agents);
  }

  // The epsilon keeps 14 / 0.7 = 20.000000000000004 from rounding up to 21.
  const scheduledAgents = Math.ceil(agents / (1 - shrinkage) - 1e-9);
  return {
    agentsOnPhones: agents,
    scheduledAgents,
    serviceLevel: metrics.serviceLevel,
    occupancy: metrics.occupancy,
  };
}
