import { describe, expect, it } from 'vitest';
import { bundledScenarios, entryFromText } from '../../src/app/scenario-catalog';
import { START_HERE_SCENARIO, startScreenOrder } from '../../src/app/start-scenarios';

describe('the start screen’s list of scenarios', () => {
  const entries = bundledScenarios();

  it('puts the contrast scenario (same staff, two worlds) first, then the others in the picker’s order', () => {
    const order = startScreenOrder(entries);
    expect(entries[order[0]].file).toBe(START_HERE_SCENARIO);
    expect(order.slice(1)).toEqual(entries.map((_, i) => i).filter((i) => entries[i].file !== START_HERE_SCENARIO));
  });

  it('leaves out a file that does not validate: there is nothing to play', () => {
    const withBroken = [...entries, entryFromText('custom:broken.json', '{')];
    expect(startScreenOrder(withBroken)).not.toContain(withBroken.length - 1);
    expect(startScreenOrder(withBroken)).toHaveLength(entries.length);
  });
});
