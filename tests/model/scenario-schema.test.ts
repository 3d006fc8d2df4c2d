import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../../src/cli/scenario-json-schema';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';

describe('the scenario schema', () => {
  it('is exported to scenarios/schema.json exactly as the code defines it (run `npm run schema` after a change)', () => {
    expect(JSON.parse(readFileSync('scenarios/schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('accepts every scenario shipped in scenarios/', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = parseScenarioText(readFileSync(`scenarios/${file}`, 'utf8'));
      expect(result.ok ? [] : result.problems, file).toEqual([]);
    }
  });
});
