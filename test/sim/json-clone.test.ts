import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH, MemoryStore } from '../../src/sim/store.js';
import { cloneJson, cloneJsonWithin } from '../../src/sim/json-clone.js';

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

  it('leaves out symbol keys on the way into a store, as JSON.stringify does', async () => {
    const value = { a: 1, [Symbol('hidden')]: { b: 2 }, c: { [Symbol('deep')]: 3, d: 4 } };
    const copy = cloneJsonWithin(value, MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH) as typeof value;
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(Object.getOwnPropertySymbols(copy.c)).toEqual([]);
    expect(copy).toEqual(JSON.parse(JSON.stringify(value)));
    const store = new MemoryStore();
    await store.update('k', () => value as never);
    const stored = (await store.get('k')) as Record<string, unknown>;
    expect(Object.getOwnPropertySymbols(stored)).toEqual([]);
    expect(stored).toEqual({ a: 1, c: { d: 4 } });
  });

  it('copies only own properties when Object.prototype has been given enumerable ones', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['pollutedObject'] = { x: 1 };
    proto['pollutedFunction'] = () => 1;
    try {
      const value = { a: { b: 1 }, list: [{ c: 2 }] };
      for (const copy of [cloneJson(value), cloneJsonWithin(value, MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH)]) {
        expect(Object.keys(copy as object)).toEqual(['a', 'list']);
        expect(Object.keys((copy as typeof value).a)).toEqual(['b']);
        expect(Object.hasOwn(copy as object, 'pollutedObject')).toBe(false);
      }
    } finally {
      delete proto['pollutedObject'];
      delete proto['pollutedFunction'];
    }
  });
});
