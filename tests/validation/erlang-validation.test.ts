/**
 * The simulation against queueing theory. Each case runs independent replications after a
 * warm-up; every checked KPI's confidence interval comes from the spread across those
 * replications (Student's t), never from a hand-picked tolerance.
 *
 * Many intervals are checked at once, so at a plain 95% level about one in twenty would miss by
 * chance even with a perfect simulator. The assertions therefore use Bonferroni-adjusted
 * intervals that hold at 95% for the whole family of checks; the plain 95% coverage is
 * reported too (expect about 95% of intervals to contain the formula's value).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runReplication } from '../../src/runner/run-replications';
import { erlangB } from '../../src/model/erlang/erlang';
import { erlangFigures, type ErlangFigures } from '../../src/model/erlang/erlang-prediction';
import { studentTQuantile } from '../../src/runner/statistics';
import { caseScenario, type QueueCase } from './queue-cases';
import type { QueueKpis } from '../../src/model/voice/queue-counters';

const CASES: QueueCase[] = [
  { name: 'M/M/1, load 0.5', agents: 1, loadErlangs: 0.5, ahtSec: 180, thresholdSec: 20, warmupHours: 2, runHours: 200, replications: 10 },
  { name: 'M/M/10, load 0.85', agents: 10, loadErlangs: 8.5, ahtSec: 180, thresholdSec: 20, warmupHours: 2, runHours: 60, replications: 10 },
  { name: 'M/M/200, load 0.95', agents: 200, loadErlangs: 190, ahtSec: 240, thresholdSec: 20, warmupHours: 2, runHours: 12, replications: 10 },
  { name: 'M/M/5+M, load 0.6', agents: 5, loadErlangs: 3, ahtSec: 300, patienceSec: 60, thresholdSec: 20, warmupHours: 2, runHours: 120, replications: 10 },
  { name: 'M/M/50+M, load 0.98', agents: 50, loadErlangs: 49, ahtSec: 180, patienceSec: 120, thresholdSec: 20, warmupHours: 2, runHours: 24, replications: 10 },
  { name: 'M/M/100+M, overload 1.2', agents: 100, loadErlangs: 120, ahtSec: 180, patienceSec: 90, thresholdSec: 20, warmupHours: 1, runHours: 12, replications: 10 },
  { name: 'M/M/1000+M, load 1.0', agents: 1000, loadErlangs: 1000, ahtSec: 180, patienceSec: 120, thresholdSec: 10, warmupHours: 1, runHours: 3, replications: 10 },
  { name: 'Erlang B: M/M/20/20, load 0.8', agents: 20, loadErlangs: 16, ahtSec: 120, lines: 20, thresholdSec: 0, warmupHours: 1, runHours: 60, replications: 10 },
  { name: 'M/M/10/14 finite trunks, load 0.9', agents: 10, loadErlangs: 9, ahtSec: 180, lines: 14, thresholdSec: 20, warmupHours: 2, runHours: 80, replications: 10 },
  { name: 'M/M/30/36+M finite trunks, overload 1.1', agents: 30, loadErlangs: 33, ahtSec: 200, patienceSec: 100, lines: 36, thresholdSec: 20, warmupHours: 1, runHours: 40, replications: 10 },
];

function theory(c: QueueCase): ErlangFigures {
  return erlangFigures({
    agents: c.agents,
    arrivalRatePerSec: c.loadErlangs / c.ahtSec,
    meanHandleSec: c.ahtSec,
    meanPatienceSec: c.patienceSec ?? Infinity,
    thresholdSec: c.thresholdSec,
    lines: c.lines,
  });
}

const KPIS = ['serviceLevel', 'asa', 'abandonRate', 'blockingRate', 'occupancy', 'meanQueueLength'] as const;
/** Checks with a formula value that is not identically 0 (a case without patience cannot abandon). */
const checksOf = (c: QueueCase) => KPIS.filter((k) => (k === 'abandonRate' ? !!c.patienceSec : k === 'blockingRate' ? !!c.lines : true));
const FAMILY = CASES.reduce((n, c) => n + checksOf(c).length, 0);
const FAMILY_ALPHA = 0.05;

const coverage = { inside95: 0, total: 0 };
const rows: string[] = [];

describe('the simulation reproduces queueing theory', () => {
  for (const c of CASES) {
    it(`matches ${c.lines ? 'M/M/c/K' : c.patienceSec ? 'Erlang A' : 'Erlang C'} for ${c.name}`, () => {
      const expected = theory(c);
      const scenario = caseScenario(c);
      const samples: QueueKpis[] = [];
      for (let r = 0; r < c.replications; r++) samples.push(runReplication(scenario, 424242, r).totals[0]);
      const n = samples.length;
      const tFamily = studentTQuantile(1 - FAMILY_ALPHA / (2 * FAMILY), n - 1);
      const t95 = studentTQuantile(0.975, n - 1);
      for (const kpi of checksOf(c)) {
        const xs = samples.map((s) => s[kpi] as number);
        const mean = xs.reduce((a, b) => a + b, 0) / n;
        const se = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1) / n);
        const gap = Math.abs(mean - expected[kpi]);
        coverage.total++;
        if (gap <= t95 * se) coverage.inside95++;
        rows.push(`${c.name.padEnd(40)} ${kpi.padEnd(16)} sim ${mean.toPrecision(5).padStart(10)} ± ${(t95 * se).toPrecision(2).padStart(8)}  theory ${expected[kpi].toPrecision(5).padStart(10)}`);
        expect(gap, `${kpi}: simulated ${mean} ± ${tFamily * se} (familywise 95%) vs theory ${expected[kpi]}`).toBeLessThanOrEqual(tFamily * se);
      }
    });
  }

  it('reproduces an Erlang B table value through the M/M/c/c case', () => {
    // Independent of the chain solver: the Erlang B recursion itself.
    const c = CASES.find((x) => x.name.startsWith('Erlang B'))!;
    expect(theory(c).blockingRate).toBeCloseTo(erlangB(20, 16), 12);
  });

  afterAll(() => {
    console.log(`\n${rows.join('\n')}\nplain 95% intervals containing the formula's value: ${coverage.inside95}/${coverage.total}`);
  });
});
