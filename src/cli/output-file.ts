/**
 * Where a command's output goes: --out FILE or stdout. The file's folder is checked before any
 * simulation runs, so a typo in --out fails at once instead of after minutes of work.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './cli-options';

export function checkOutputFile(out: string): void {
  const folder = dirname(resolve(out));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new InputError([`--out: folder ${folder} does not exist`]);
  }
  if (!isFolder) throw new InputError([`--out: ${folder} is not a folder`]);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new InputError([`--out: folder ${folder} is not writable`]);
  }
  try {
    if (statSync(out).isDirectory()) throw new InputError([`--out: ${out} is a folder, not a file`]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // Not there yet: it will be created.
  }
}

export function writeOutput(out: string | undefined, text: string, stdout: (s: string) => void): void {
  if (out) writeFileSync(out, text);
  else stdout(text);
}
