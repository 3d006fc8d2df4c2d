/**
 * The job protocol behind replications in parallel (issue 11, item 4): jobs in the order the
 * reports consume them, a worker's side that answers plain messages (what a Node worker and a
 * Web Worker both run), results handed on in order however they arrive, and an in-thread
 * executor that a cancel stops between replications.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';
import { Cancelled } from '../../src/runner/cancelled';
import { compareConfigurationsOn, runReplicationsOn } from '../../src/runner/batch-runs';
import { compareConfigurations } from '../../src/runner/compare-configurations';
import { InOrderDelivery, replicationJobs, replicationWorker, runJobsInThread, type RunJobs } from '../../src/runner/replication-jobs';
import { runReplication, runReplications } from '../../src/runner/run-replications';

function basic(agents = 34): Scenario {
  const result = parseScenarioText(readFileSync('scenarios/inbound-basic.json', 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.scenario, agentGroups: [{ ...result.scenario.agentGroups[0], agents }] };
}

/** An executor that answers every job at once but hands the results over last to first, as a slow first worker would. */
const backwards: RunJobs = async ({ scenarios, seed, jobs }, onResult) => {
  const delivery = new InOrderDelivery(onResult);
  for (let index = jobs.length - 1; index >= 0; index--) {
    const { configuration, replication } = jobs[index];
    delivery.put(index, runReplication(scenarios[configuration], seed, replication));
  }
};

describe('replication jobs', () => {
  it('lists replication by replication, every configuration in turn, the baseline first', () => {
    expect(replicationJobs(2, 2)).toEqual([
      { configuration: 0, replication: 0 },
      { configuration: 1, replication: 0 },
      { configuration: 0, replication: 1 },
      { configuration: 1, replication: 1 },
    ]);
  });

  it('are answered by the worker side with the replication runReplication gives, once it has the configurations', () => {
    const answer = replicationWorker();
    const job = { configuration: 0, replication: 2 };
    expect(answer({ kind: 'replicate', index: 0, job })).toEqual({ kind: 'failed', index: 0, message: 'a replication was asked for before its configurations' });
    expect(answer({ kind: 'configurations', scenarios: [basic()], seed: 3 })).toBeNull();
    expect(answer({ kind: 'replicate', index: 7, job })).toEqual({ kind: 'result', index: 7, result: runReplication(basic(), 3, 2) });
  });

  it('are handed on in index order, whatever order they arrive in', () => {
    const handed: [string, number][] = [];
    const delivery = new InOrderDelivery<string>((value, index) => handed.push([value, index]));
    for (const index of [2, 0, 4, 1, 3]) delivery.put(index, `r${index}`);
    expect(handed).toEqual([['r0', 0], ['r1', 1], ['r2', 2], ['r3', 3], ['r4', 4]]);
    expect(delivery.delivered).toBe(5);
  });
});

describe('batch runs on an executor', () => {
  it('give the same run report and comparison as the synchronous runner, from results that finish out of order', async () => {
    expect(await runReplicationsOn(backwards, basic(), { seed: 4, replications: 3 })).toEqual(runReplications(basic(), { seed: 4, replications: 3 }));
    const configurations = [{ label: 'A', scenario: basic() }, { label: 'B', scenario: basic(30) }];
    expect(await compareConfigurationsOn(backwards, configurations, { seed: 4, replications: 3 })).toEqual(
      compareConfigurations(configurations, { seed: 4, replications: 3 }),
    );
  });

  it('stop in this thread at the next replication once cancelled', async () => {
    const cancel = new AbortController();
    let finished = 0;
    const run = runReplicationsOn(
      (batch, onResult) =>
        runJobsInThread(cancel.signal)(batch, (result, index) => {
          finished++;
          onResult(result, index);
          if (finished === 2) cancel.abort();
        }),
      basic(),
      { replications: 50 },
    );
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(finished).toBe(2);
  });
});
