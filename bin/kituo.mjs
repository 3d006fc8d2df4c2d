#!/usr/bin/env node
// The `kituo` command: runs the compiled CLI of dist-cli/ (`npm run build:cli`, also run by
// `npm install` through `prepare`) when it is at least as new as every source file and
// package.json, so the command starts in a tenth of a second; otherwise the TypeScript source
// through tsx's loader, which costs about a second of start-up but is never out of date.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const compiled = new URL('dist-cli/cli/main.js', root);

/** The latest modification time of a file or of any file under a folder. */
function newest(url) {
  const stat = statSync(url);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(url, { withFileTypes: true })) {
    latest = Math.max(latest, newest(new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, url)));
  }
  return latest;
}

function compiledIsCurrent() {
  try {
    return statSync(compiled).mtimeMs >= Math.max(newest(new URL('src/', root)), newest(new URL('package.json', root)));
  } catch {
    return false; // not built
  }
}

if (compiledIsCurrent()) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
