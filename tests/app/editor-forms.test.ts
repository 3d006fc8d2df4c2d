/** The editor's form helpers: problems placed beside their fields, durations by kind, templates, the document read from text. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { placeProblems } from '../../src/app/editor/problem-fields';
import { meanField, summarizeDuration, withKind } from '../../src/app/editor/duration-edits';
import { SCENARIO_TEMPLATES, templateText } from '../../src/app/editor/scenario-templates';
import { documentText, readDocument } from '../../src/app/editor/editor-document';
import { parseScenarioText } from '../../src/model/scenario/parse-scenario';
import { startPageRun } from '../../src/app/page-run';

describe('problems beside their fields', () => {
  const fields = ['name', 'queues[0].talk.meanSec', 'queues[0].talk', 'agentGroups[0].agents', 'queues[1].name'];

  it('go to the deepest field at or above their path', () => {
    const placed = placeProblems(
      [
        { path: 'queues[0].talk.meanSec', message: 'must be > 0' },
        { path: 'queues[0].talk.cv', message: 'must be > 0' },
        { path: 'agentGroups[0].agents', message: 'must be >= 0' },
      ],
      fields,
    );
    expect([...placed.byField.keys()].sort()).toEqual(['agentGroups[0].agents', 'queues[0].talk', 'queues[0].talk.meanSec']);
    expect(placed.byField.get('queues[0].talk')!.map((p) => p.path)).toEqual(['queues[0].talk.cv']);
    expect(placed.unplaced).toEqual([]);
  });

  it('are listed at the top when no field covers them, the whole document included', () => {
    const placed = placeProblems(
      [
        { path: '', message: 'not valid JSON' },
        { path: 'queues[10].name', message: 'must not be empty' },
        { path: 'namesake', message: 'unknown field' },
      ],
      fields,
    );
    expect(placed.unplaced.map((p) => p.path)).toEqual(['', 'queues[10].name', 'namesake']);
    expect(placed.byField.size).toBe(0);
  });
});

describe('durations by kind, mean and cv', () => {
  it('reads the mean and cv in the unit of the field names', () => {
    expect(summarizeDuration({ kind: 'lognormal', meanSec: 300, cv: 0.7 }, 'Sec')).toEqual({ kind: 'lognormal', mean: 300, cv: 0.7 });
    expect(summarizeDuration({ kind: 'deterministic', valueMin: 5 }, 'Min')).toEqual({ kind: 'deterministic', mean: 5, cv: null });
    expect(summarizeDuration({ kind: 'uniform', minSec: 1, maxSec: 3 }, 'Sec').kind).toBeNull();
  });

  it('keeps the mean when the kind changes', () => {
    expect(withKind({ kind: 'exponential', meanSec: 180 }, 'gamma', 'Sec')).toEqual({ kind: 'gamma', meanSec: 180, cv: 1 });
    expect(withKind({ kind: 'gamma', meanMin: 6, cv: 0.5 }, 'deterministic', 'Min')).toEqual({ kind: 'deterministic', valueMin: 6 });
    expect(withKind({ kind: 'lognormal', meanHours: 2, cv: 0.3 }, 'gamma', 'Hours')).toEqual({ kind: 'gamma', meanHours: 2, cv: 0.3 });
    expect(meanField('deterministic', 'Sec')).toBe('valueSec');
  });
});

describe('templates', () => {
  const shipped = SCENARIO_TEMPLATES.map((template) => ({ file: template.file, text: readFileSync(`scenarios/${template.file}`, 'utf8') }));

  for (const template of SCENARIO_TEMPLATES) {
    it(`the ${template.id} template validates and runs a day`, () => {
      const text = templateText(template, shipped);
      expect(text).not.toBeNull();
      const parsed = parseScenarioText(text!);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const run = startPageRun(parsed.scenario, 1);
      run.session.advanceTo(86_400, Infinity);
      expect(run.session.model.sim.eventsFired).toBeGreaterThan(100);
    });
  }

  it('has an inbound line, a call center with a back office, and an outbound campaign', () => {
    const scenarios = SCENARIO_TEMPLATES.map((template) => parseScenarioText(templateText(template, shipped)!)).map((p) => (p.ok ? p.scenario : null));
    expect(scenarios[0]?.queues.length).toBeGreaterThan(0);
    expect(scenarios[1]?.backOffice).toBeDefined();
    expect(scenarios[2]?.campaigns?.length).toBeGreaterThan(0);
  });

  it('is null for a file this build does not ship', () => {
    expect(templateText(SCENARIO_TEMPLATES[0], [])).toBeNull();
  });
});

describe('the document read from the text', () => {
  it('is the JSON object, even when the schema would refuse it', () => {
    expect(readDocument('{"name": ""}')).toEqual({ ok: true, document: { name: '' } });
    expect(documentText({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });

  it('says why when the text is not JSON, not an object, or too large', () => {
    expect(readDocument('{')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
    expect(readDocument('[1]')).toMatchObject({ ok: false, problems: [{ path: '', message: 'must be a JSON object { … }' }] });
    expect(readDocument(' '.repeat(50_000_001))).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('50 MB long') }] });
  });
});
