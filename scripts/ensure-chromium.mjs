#!/usr/bin/env node
// The browser tests drive Debian's Chromium (a test tool's own browser download cannot work
// here). Make sure it is installed before `npm test` runs them: install it with apt when this
// is a Debian machine and we are root, otherwise say exactly what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const browser = process.env.KITUO_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(browser)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`Chromium not found at ${browser}: installing Debian's chromium for the browser tests (about 30 s)…`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
  if (existsSync(browser)) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${browser}.\n` +
    `Install it (Debian/Ubuntu: sudo apt-get install chromium) or point KITUO_CHROMIUM at a Chromium binary.`,
);
process.exit(1);
