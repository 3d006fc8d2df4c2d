/**
 * The dialer mode is decided in one place: each mode is a DialerMode in src/model/voice/dialer/,
 * listed once in dialer-modes.ts, and nothing else in the model branches on a campaign's mode.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALER_MODES } from '../../../src/model/voice/dialer/dialer-modes';

const modelFiles = readdirSync('src/model', { withFileTypes: true, recursive: true })
  .filter((d) => d.isFile() && d.name.endsWith('.ts'))
  .map((d) => join(d.parentPath, d.name));

describe('dialer modes', () => {
  it('gives every mode a strategy class, and no model file compares a mode by name', () => {
    for (const Mode of Object.values(DIALER_MODES)) expect(typeof Mode.detectsMachines).toBe('boolean');
    const branches = modelFiles.filter((file) => /\bmode\s*[!=]==/.test(readFileSync(file, 'utf8')));
    expect(branches).toEqual([]);
  });
});
