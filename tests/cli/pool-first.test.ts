/**
 * A batch command starts its worker threads before it loads zod and the simulation (issue 11,
 * item 9): a thread needs about a third of a CPU-second to start, load them and warm up, and it
 * spends that alongside this thread's own loading only if the modules that run before the pool
 * starts import neither. Checked on the module graph: what the command reaches through static
 * imports runs before its first line; what it imports dynamically, only when asked for.
 */
import { describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';

/** Files and packages `entry` loads through static imports alone, before any of its code runs. */
async function loadedBeforeRunning(entry: string): Promise<Set<string>> {
  const { metafile } = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const edge of inputs[file]?.imports ?? []) if (edge.kind === 'import-statement') visit(edge.path);
  };
  visit(entry);
  return reached;
}

const simulationIn = (files: Set<string>) => [...files].filter((file) => file === 'zod' || file.startsWith('src/model/') || file.startsWith('src/engine/'));

describe('a batch command', () => {
  for (const command of ['run', 'compare']) {
    it(`${command} loads neither zod nor the model before it has started its pool`, async () => {
      const loaded = await loadedBeforeRunning(`src/cli/commands/${command}.ts`);
      expect(loaded.has('src/cli/worker-pool.ts')).toBe(true);
      expect(simulationIn(loaded)).toEqual([]);
    });
  }
});
