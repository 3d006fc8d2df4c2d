/**
 * Predictive pacing: how many numbers to have ringing for the agents a campaign can count on.
 *
 * The dialer knows three things: the connect rate it has observed (live answers per dial),
 * the agents free now, and the agents expected to come free before the dials it places now are
 * answered (busy agents × the chance a handle ends within the mean ring-to-answer time, from the
 * mean handle time it has observed). With n dials in flight each connecting with probability p,
 * the live answers X are Binomial(n, p) and the ones finding no agent are (X − A)⁺. The pacing
 * keeps the largest n whose expected share of abandoned connects E[(X − A)⁺] ÷ (n·p) stays at or
 * under a target, then dials n minus those already ringing.
 *
 * The target comes from compliance: `abandonTarget` aims at a safety share of the cap while the
 * campaign's measured abandon rate (whole run and trailing 24 h) is comfortably under it, and
 * drops to 0 (dial no more lines than agents: no abandon is possible for agents that only dial)
 * once the measured rate nears the cap. Both are pure functions of their inputs.
 */

export interface PacingInput {
  /** Agents free now for this campaign (reserve and inbound priority already applied). */
  readonly freeAgents: number;
  /** Agents busy on this campaign's calls. */
  readonly busyAgents: number;
  /** Observed mean handle time of a connected call (talk + ACW), seconds. */
  readonly meanHandleSec: number;
  /** Observed mean ring-to-answer time of live answers, seconds. */
  readonly meanAnswerDelaySec: number;
  /** Dials ringing now. */
  readonly inFlight: number;
  /** Observed share of dials that reach a live person (or a missed machine) needing an agent. */
  readonly connectRate: number;
  /** Expected abandoned share of connects the pacing may accept now. */
  readonly targetAbandonRate: number;
  /** Dials in flight per agent at most. */
  readonly maxLinesPerAgent: number;
  /** Trunks left for this campaign. */
  readonly linesLeft: number;
}

/** Agents the pacing counts on: free now plus those expected free within the connect delay. */
export function agentsExpected(input: Pick<PacingInput, 'freeAgents' | 'busyAgents' | 'meanHandleSec' | 'meanAnswerDelaySec'>): number {
  const share = input.meanHandleSec > 0 ? Math.min(1, input.meanAnswerDelaySec / input.meanHandleSec) : 0;
  return input.freeAgents + input.busyAgents * share;
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

/** New dials to place now (≥ 0). */
export function predictiveDialCount(input: PacingInput): number {
  const agents = agentsExpected(input);
  if (agents <= 0 || input.linesLeft <= 0) return 0;
  const p = Math.min(1, Math.max(1e-3, input.connectRate));
  const cap = Math.floor(Math.max(1, agents) * input.maxLinesPerAgent);
  const acceptable = (n: number) => n <= Math.floor(agents) || expectedExcess(n, p, agents) <= input.targetAbandonRate * n * p;
  // The abandoned share grows with n: find the largest acceptable n by bisection.
  let lo = Math.min(Math.floor(agents), cap);
  let hi = cap;
  if (!acceptable(lo)) lo = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (acceptable(mid)) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, Math.min(lo - input.inFlight, input.linesLeft));
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
