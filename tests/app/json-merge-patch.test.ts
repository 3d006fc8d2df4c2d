import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, diff, sameJson, type Json } from '../../src/app/json-merge-patch';

describe('the patch between two JSON documents', () => {
  it('rebuilds the target from the base, for any two documents, or is null', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (base, target) => {
        const before = structuredClone(base);
        const patch = diff(base as Json, target as Json);
        if (patch !== null) expect(sameJson(applyPatch(base as Json, patch), target as Json)).toBe(true);
        expect(base).toEqual(before);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('always has a patch when neither document holds null', () => {
    const noNull = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.boolean(), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(noNull, noNull, (base, target) => {
        expect(diff(base as Json, target as Json)).not.toBeNull();
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('names only what changed: a field, a removed field, one element of an array', () => {
    const base = { name: 'a', days: 1, groups: [{ id: 'g', agents: 5 }, { id: 'h', agents: 2 }], note: 'x' };
    const target = { name: 'b', days: 1, groups: [{ id: 'g', agents: 5 }, { id: 'h', agents: 3 }] };
    expect(diff(base, target)).toEqual({ note: null, name: 'b', groups: { '[]': 2, '1': { agents: 3 } } });
  });

  it('treats a hostile array length as a plain object, never allocating a billion elements', () => {
    expect(applyPatch([1, 2], { '[]': 1e9 })).toEqual({ '[]': 1e9 });
    expect(applyPatch([1, 2], { '[]': 2, '5': 1 })).toEqual({ '[]': 2, '5': 1 });
    expect(applyPatch([1, 2, 3], { '[]': 2, '1': 9 })).toEqual([1, 9]);
  });

  it('keeps a field named __proto__ as a field, never as the prototype', () => {
    const patched = applyPatch({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(patched)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
