/**
 * One harness per e2e test file: the built app, its preview server and Chromium, started before
 * the file's tests and closed after them. Screenshots for a person to look at go to SHOTS.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startHarness, type Harness } from './browser-harness';

export const SHOTS = join(ROOT, 'screenshots');

export function useHarness(): Harness {
  let started: Harness | null = null;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    started = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  const current = (): Harness => {
    if (!started) throw new Error('the harness starts in beforeAll: use it inside a test');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get outDir() {
      return current().outDir;
    },
    get context() {
      return current().context;
    },
    newPage: (options) => current().newPage(options),
    close: () => current().close(),
  };
}
