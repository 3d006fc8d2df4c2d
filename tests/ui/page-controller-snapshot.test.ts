/**
 * The page controller's snapshots (src/ui/page-controller.ts): the run on screen written down
 * for a share link or a saved file, the pending edits for the autosaved draft, and a snapshot
 * opened again giving the same run at the same time.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/app/scenario-catalog';
import { PageController } from '../../src/ui/page-controller';
import type { RunSnapshot } from '../../src/app/run-snapshot';

function controllerOn(file: string): PageController {
  const controller = new PageController(bundledScenarios());
  controller.start(file);
  return controller;
}

/** What the wallboard reads at this moment, for comparing two pages. */
function figures(controller: PageController) {
  const session = controller.run!.session;
  return { now: session.now, events: session.model.sim.eventsFired, kpis: session.kpis('all'), backOffice: controller.run!.backOffice?.kpis(session.now) ?? null };
}

describe('a page controller snapshot', () => {
  it('of the run on screen reopens in a fresh page as the same run at the same time', () => {
    const first = controllerOn('call-center-and-back-office.json');
    first.editWhatIf({ ...first.whatIf!, arrivalPercent: 125 });
    first.setSeed('31337');
    first.reset();
    first.advanceBy(10.25 * 3600);
    const snapshot = first.snapshot('applied')!;
    expect(snapshot).toMatchObject({ baseFile: 'call-center-and-back-office.json', seed: 31337, timeSec: 10.25 * 3600 });

    const second = controllerOn('inbound-basic.json');
    second.openSnapshot(snapshot);
    expect(second.entries[second.selected].file).toBe('call-center-and-back-office.json');
    expect(second.whatIf!.arrivalPercent).toBe(125);
    expect(second.pending).toBe(false);
    expect(figures(second)).toEqual(figures(first));
  });

  it('for the draft carries edits not yet applied, without the time of the run they would replace', () => {
    const controller = controllerOn('inbound-basic.json');
    controller.advanceBy(3600);
    expect(controller.snapshot('pending')!.timeSec).toBe(3600);
    controller.setSeed('99');
    const pending = controller.snapshot('pending')!;
    expect(pending).toMatchObject({ seed: 99, timeSec: 0 });
    expect(controller.snapshot('applied')).toMatchObject({ seed: controller.scenario!.seed ?? 1, timeSec: 3600 });
  });

  it('of an edited shipped scenario opens as a loaded scenario that remembers which file it came from', () => {
    const controller = controllerOn('inbound-basic.json');
    const edited: RunSnapshot = { ...controller.snapshot('applied')!, scenario: { ...controller.scenario!, name: 'Edited <b>basic</b>' } };
    controller.openSnapshot(edited);
    const entry = controller.entries[controller.selected];
    expect(entry.file).toBe('custom:inbound-basic.json');
    expect(controller.scenario!.name).toBe('Edited <b>basic</b>');
    expect(controller.snapshot('applied')!.baseFile).toBe('inbound-basic.json');
  });

  it('is null while nothing runs', () => {
    const controller = controllerOn('inbound-basic.json');
    controller.loadScenarioText('{ "not": "a scenario" }', 'broken.json');
    expect(controller.snapshot('applied')).toBeNull();
    expect(controller.snapshot('pending')).toBeNull();
  });
});
