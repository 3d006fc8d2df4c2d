/**
 * The page controller (src/ui/page-controller.ts) without a DOM: the page's state moves only
 * through its methods, and the panels are told what changed, in an order they can rely on.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { PageController, type PageChange } from '../../src/ui/page-controller';

function controllerOn(file: string): { controller: PageController; changes: PageChange[] } {
  const controller = new PageController(bundledScenarios());
  const changes: PageChange[] = [];
  controller.subscribe((change) => changes.push(change));
  controller.start(file);
  return { controller, changes };
}

describe('the page controller', () => {
  it('builds a run of the selected scenario with its own seed, nothing pending, and tells the panels in order', () => {
    const { controller, changes } = controllerOn('inbound-basic.json');
    expect(controller.entries[controller.selected].file).toBe('inbound-basic.json');
    expect(controller.run).not.toBeNull();
    expect(controller.seed).toBe(controller.scenario!.seed ?? 1);
    expect(controller.pending).toBe(false);
    expect(controller.notice).toBeNull();
    // The scene loads a run before the boards re-read figures from it.
    expect(changes.indexOf('run')).toBeLessThan(changes.indexOf('refresh'));
  });

  it('applies a what-if edit to the run on the floor at once, and holds only a new seed for reset', () => {
    const { controller } = controllerOn('inbound-basic.json');
    const first = controller.run;
    controller.editWhatIf({ ...controller.whatIf!, arrivalPercent: 150 });
    expect(controller.pending).toBe(false);
    expect(controller.run).toBe(first);
    expect(controller.changes).toEqual([{ kind: 'call-volume', percent: 150, atSec: 0 }]);
    controller.setSeed('7');
    expect(controller.seed).toBe(7);
    expect(controller.pending).toBe(true);
    controller.reset();
    expect(controller.pending).toBe(false);
    expect(controller.run).not.toBe(first);
  });

  it('refuses an empty seed, keeps the last good one and says so until another scenario is chosen', () => {
    const { controller } = controllerOn('inbound-basic.json');
    const seed = controller.seed;
    controller.setSeed('');
    expect(controller.seed).toBe(seed);
    expect(controller.notice).toEqual({ kind: 'seedRefused', seed });
    expect(controller.pending).toBe(false);
    controller.selectFile('call-center-and-back-office.json');
    expect(controller.notice).toBeNull();
  });

  it('says which scenario it opened when the address names none', () => {
    const { controller } = controllerOn('no-such-scenario.json');
    expect(controller.notice).toMatchObject({ kind: 'scenarioUnknown', name: 'no-such-scenario.json' });
  });

  it('shows an invalid scenario’s problems with no run, and play does nothing', () => {
    const { controller } = controllerOn('inbound-basic.json');
    const result = controller.loadScenarioText('{ "name": 1 }', 'broken.json');
    expect(result.ok).toBe(false);
    expect(controller.problems?.title).toBe('problems.title');
    expect(controller.run).toBeNull();
    controller.togglePlay();
    expect(controller.clock.playing).toBe(false);
  });

  it('refuses a change the run cannot take, says why, and leaves the run and the controls as they were', () => {
    const { controller } = controllerOn('inbound-basic.json');
    const group = Object.keys(controller.whatIf!.agentsByGroup)[0];
    const before = controller.whatIf;
    controller.editWhatIf({ ...controller.whatIf!, agentsByGroup: { [group]: 20001 } });
    expect(controller.changeRefused).toMatch(/^agents: must be at most 20000/);
    expect(controller.whatIf).toEqual(before);
    expect(controller.changes).toEqual([]);
    expect(controller.run).not.toBeNull();
    expect(controller.problems).toBeNull();
  });

  it('stops on a failed frame until reset builds afresh', () => {
    const { controller, changes } = controllerOn('inbound-basic.json');
    controller.togglePlay();
    controller.fail(new Error('a model failed mid-run'));
    expect(controller.failed).toBe(true);
    expect(controller.failure).toBe('a model failed mid-run');
    expect(controller.clock.playing).toBe(false);
    expect(changes.at(-1)).toBe('failure');
    controller.reset();
    expect(controller.failed).toBe(false);
    expect(controller.failure).toBeNull();
  });

  it('steps a minute paused, with the clock on the model, the scene told before the boards', () => {
    const { controller, changes } = controllerOn('inbound-basic.json');
    controller.togglePlay();
    changes.length = 0;
    controller.step('minute');
    expect(controller.clock.playing).toBe(false);
    expect(controller.run!.session.now).toBe(60);
    expect(controller.clock.timeSec).toBe(60);
    expect(changes).toEqual(['jump', 'refresh']);
  });
});
