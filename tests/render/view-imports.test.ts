/**
 * Render and ui draw the model's snapshots and never its live objects: the dependency-cruiser
 * rules say so, and a probe (a room and a panel that reach for the live model) shows they fire.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('views read snapshots only', () => {
  it('rejects a room or panel that imports the live model', () => {
    const result = spawnSync('npx', ['depcruise', 'tests/fixtures/view-probe', '--config', '.dependency-cruiser.cjs'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/render-draws-snapshots-only: tests\/fixtures\/view-probe\/src\/render\/probe-room\.ts → src\/model\/voice\/voice-objects\.ts/);
    expect(result.stdout).toMatch(/render-imports-model-types-only: tests\/fixtures\/view-probe\/src\/render\/probe-room\.ts → src\/model\/scenario\/calendar-schema\.ts/);
    expect(result.stdout).toMatch(/ui-no-live-model-at-run-time: tests\/fixtures\/view-probe\/src\/ui\/probe-panel\.ts → src\/model\/site\/site\.ts/);
    // The snapshot's constants and the snapshot types stay allowed.
    expect(result.stdout).not.toMatch(/voice-snapshot|site-snapshot/);
  });
});
