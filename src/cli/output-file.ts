/**
 * Where a command's output goes: --out FILE or stdout. The file's folder is checked before any
 * simulation runs, so a typo in --out fails at once instead of after minutes of work. The file
 * is written beside itself under a temporary name and renamed when complete, so a run stopped
 * midway (Ctrl-C, a full disk) never leaves half a report where a whole one is expected.
 */
import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
  if (!out) return stdout(text);
  // A device or a pipe (--out /dev/stdout) is written as it is: renaming over it would replace it.
  if (isSpecialFile(out)) return writeFileSync(out, text);
  const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
  try {
    writeFileSync(partial, text);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function isSpecialFile(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false; // not there yet
  }
}
