import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../src/sim/json-clone.js';

describe('cloneJson', () => {
  it('copies any JSON value deeply and equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJson(value);
        expect(copy).toEqual(value);
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
    );
  });

  it('shares nothing with the original', () => {
    const original = { a: { b: [1, { c: 2 }] } };
    const copy = cloneJson(original);
    (copy.a.b[1] as { c: number }).c = 3;
    expect(original.a.b[1]).toEqual({ c: 2 });
  });

  it('keeps a "__proto__" key as data and never touches prototypes', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const copy = cloneJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
