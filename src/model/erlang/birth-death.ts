/** The birth–death chain behind Erlang A and M/M/c/K(+M): queue states summed in log space with a proven tail bound, so thousands of agents and Erlangs stay accurate. */
import { show } from './input-checks';
import { logErlangB } from './erlang-b-c';

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
export function birthDeathMetrics(input: ChainInput): ChainMetrics {
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

  const cMu = c * mu;
  const logLambda = Math.log(lambda);
  const logB = logErlangB(c, lambda / mu);
  // log of the part of Σ_{n=0..c} π_n/π_c below c: (1 − B)/B.
  const logBelow = Math.log1p(-Math.exp(logB)) - logB;
  const { logZ, lastK } = normalise(input, -logB);

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
  let logTerm = 0; // log(π_{c+k}/π_c)
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

/**
 * Pass 1 of the chain: log of the normaliser Σ_n π_n/π_c, given the log of its part up to c
 * (`logLower`), and the queue length beyond which the remaining mass is negligible.
 */
function normalise(input: ChainInput, logLower: number): { logZ: number; lastK: number } {
  const { agents: c, arrivalRatePerSec: lambda, serviceRatePerSec: mu, abandonRatePerSec: theta, capacity: K } = input;
  const cMu = c * mu;
  const logLambda = Math.log(lambda);
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
  return { logZ, lastK };
}
