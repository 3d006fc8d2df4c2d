/**
 * The layer rules, enforced in the test run: dependency-cruiser checks the import arrows, and a
 * TypeScript-AST scan keeps wall clocks, timers and global randomness out of the engine and the
 * model, whose results must depend on the scenario and the seed alone.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const FORBIDDEN = new Set(['Math.random', 'Date.now', 'performance.now', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask', 'new Date', 'crypto.getRandomValues', 'crypto.randomUUID']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => join(d.parentPath, d.name));
}

function forbiddenUses(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    let name: string | undefined;
    if (ts.isPropertyAccessExpression(node)) name = node.getText(source);
    else if (ts.isNewExpression(node)) name = `new ${node.expression.getText(source)}`;
    else if (ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node.parent)) name = node.text;
    if (name && FORBIDDEN.has(name)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${line + 1}: ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture', () => {
  it('keeps imports pointing down the layers (dependency-cruiser)', () => {
    // Throws, with the violations in its message, when depcruise exits non-zero.
    const output = execFileSync('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs'], { encoding: 'utf8' });
    expect(output).toMatch(/no dependency violations found/);
  });

  it('keeps wall clocks, timers and Math.random out of the engine and the model', () => {
    const files = [...sourceFiles('src/engine'), ...sourceFiles('src/model')];
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(forbiddenUses)).toEqual([]);
  });

  it('catches a forbidden call when one is there', () => {
    // The scanner itself must be able to fail: run it over a file that breaks the rule.
    expect(forbiddenUses('tests/fixtures/uses-wall-clock.ts.txt')).toEqual([
      'tests/fixtures/uses-wall-clock.ts.txt:2: Date.now',
      'tests/fixtures/uses-wall-clock.ts.txt:3: Math.random',
      'tests/fixtures/uses-wall-clock.ts.txt:4: setTimeout',
    ]);
  });
});
