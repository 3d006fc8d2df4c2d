/**
 * The run report is gathered a replication at a time in constant memory (issue 9, item 7): the
 * accumulator keeps running sums, never the replications, and its figures are the list-based
 * ones (the mean bit for bit, the interval to rounding).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { ReplicationAccumulator, runReplication, runReplications } from '../../src/runner/run-replications';
import { EstimateAccumulator, studentTQuantile } from '../../src/runner/statistics';

function shipped(file: string): Scenario {
  const result = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

/** Every slot (property, array entry, map entry) of an object graph: what the accumulator retains. */
function retainedValues(root: unknown): number {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    count++;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    stack.push(...(node instanceof Map ? [...node.keys(), ...node.values()] : Object.values(node)));
  }
  return count;
}

describe('the replication accumulator', () => {
  it('holds the same amount of state after 200 replications as after 2', () => {
    const scenario = shipped('bpo-voice-and-backoffice.json');
    const result = runReplication(scenario, 1, 0);
    const few = new ReplicationAccumulator(scenario, 1);
    const many = new ReplicationAccumulator(scenario, 1);
    for (let r = 0; r < 2; r++) few.add(result);
    for (let r = 0; r < 200; r++) many.add(result);
    expect(retainedValues(many)).toBe(retainedValues(few));
    expect(many.report().replications).toBe(200);
  });

  it('gives the report of runReplications when fed the same replications in order', () => {
    const scenario = shipped('inbound-basic.json');
    const accumulator = new ReplicationAccumulator(scenario, 4);
    for (let r = 0; r < 3; r++) accumulator.add(runReplication(scenario, 4, r));
    expect(accumulator.report()).toEqual(runReplications(scenario, { seed: 4, replications: 3 }));
  });
});

describe('an estimate built a value at a time', () => {
  const values = [0.81, 0.79, 0.9, 0.62, 0.77, 0.85];

  it('has the mean of the summed list, bit for bit, and the two-pass confidence interval to rounding', () => {
    const accumulator = new EstimateAccumulator();
    for (const value of values) accumulator.add(value);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (values.length - 1);
    const { mean: m, ci95 } = accumulator.estimate();
    expect(m).toBe(mean);
    expect(ci95).toBeCloseTo(studentTQuantile(0.975, 5) * Math.sqrt(variance / values.length), 14);
  });

  it('is null when any replication had no value, and has no interval from one replication', () => {
    const withGap = new EstimateAccumulator();
    [1, null, 3].forEach((v) => withGap.add(v));
    expect(withGap.estimate()).toEqual({ mean: null, ci95: null });
    const single = new EstimateAccumulator();
    single.add(2);
    expect(single.estimate()).toEqual({ mean: 2, ci95: null });
  });

  it('has an interval of exactly 0 for identical values, whatever their size', () => {
    const accumulator = new EstimateAccumulator();
    for (let r = 0; r < 5; r++) accumulator.add(1e9 + 0.1);
    expect(accumulator.estimate().ci95).toBe(0);
  });
});
