/** The run report's days[]: dated, one per simulated day after the warm-up, adding up to the whole run. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runReplications } from '../../src/runner/run-replications';
import { validateScenario } from '../../src/model/scenario/parse-scenario';
import type { Scenario } from '../../src/model/scenario/scenario-schema';

function shipped(name: string, change: (s: Record<string, unknown>) => void = () => {}): Scenario {
  const data = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
  change(data);
  const result = validateScenario(data);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? NaN), 0);

describe('the per-day figures (days[])', () => {
  it('add up to the whole run, call by call and item by item, in every replication', () => {
    const scenario = shipped('call-center-and-back-office');
    const report = runReplications(scenario, { seed: 5, replications: 3 });
    expect(report.days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5]);
    for (const [id, queue] of Object.entries(report.queues)) {
      for (const kpi of ['offered', 'answered', 'abandoned'] as const) {
        expect(sum(report.days.map((d) => d.queues[id][kpi].mean)), `${id} ${kpi}`).toBeCloseTo(queue[kpi].mean!, 6);
      }
    }
    for (const kpi of ['arrived', 'completed'] as const) {
      expect(sum(report.days.map((d) => d.backOffice![kpi].mean)), kpi).toBeCloseTo(report.backOfficeTotal![kpi].mean!, 6);
    }
    // The last day's backlog at its end is the run's backlog at the end.
    expect(report.days.at(-1)!.backOffice!.backlogAtEnd.mean).toBe(report.backOfficeTotal!.backlogAtEnd.mean);
    expect(report.days[0].queues[Object.keys(report.queues)[0]].serviceLevel.ci95).not.toBeNull();
  });

  it('gives each day its date and weekday, from a Saturday start, and marks the holiday', () => {
    const scenario = shipped('inbound-basic', (s) => {
      s.days = 3;
      s.calendar = { startDate: '2026-12-26', holidays: [{ date: '2026-12-27', name: 'Sikukuu' }] };
    });
    const report = runReplications(scenario, { seed: 1, replications: 1 });
    expect(report.days.map((d) => [d.date, d.weekday, d.holiday ?? false])).toEqual([
      ['2026-12-26', 'sat', false],
      ['2026-12-27', 'sun', true],
      ['2026-12-28', 'mon', false],
    ]);
    const id = Object.keys(report.queues)[0];
    expect(report.days[1].queues[id].offered.mean).toBe(0);
    expect(report.days[0].queues[id].offered.mean).toBeGreaterThan(0);
  });

  it('leaves out the days inside the warm-up and numbers the rest as days of the run', () => {
    const scenario = shipped('inbound-basic', (s) => {
      s.days = 3;
      s.warmupMin = 24 * 60;
    });
    const report = runReplications(scenario, { seed: 1, replications: 2 });
    expect(report.days.map((d) => [d.day, d.date, d.weekday])).toEqual([[2, null, 'tue'], [3, null, 'wed']]);
    const id = Object.keys(report.queues)[0];
    expect(sum(report.days.map((d) => d.queues[id].offered.mean))).toBeCloseTo(report.queues[id].offered.mean!, 6);
  });
});
