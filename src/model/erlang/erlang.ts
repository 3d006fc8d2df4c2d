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
export { offeredLoadErlangs, erlangB, erlangC, type ErlangCInput, type ErlangCMetrics, erlangCMetrics, erlangCServiceLevel, erlangCAsa } from './erlang-b-c';
export { type ErlangAInput, type ErlangAMetrics, erlangAMetrics } from './erlang-a';
export { type MmckInput, type MmckMetrics, mmckMetrics, mmcKBlocking } from './mmck';
export { type StaffingInput, type StaffingResult, requiredAgents } from './staffing';
