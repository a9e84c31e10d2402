import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { OVER_BOUND, cloneJson, cloneJsonWithin as within } from '../../src/sim/json-clone.js';
import { checkStoreValueSize, MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH } from '../../src/sim/store.js';

class Refused extends Error {}
/** cloneJsonWithin, with a refusal thrown as Refused. */
function cloneJsonWithin(value: unknown, maxChars: number, maxDepth: number): unknown {
  const copy = within(value, maxChars, maxDepth);
  if (copy === OVER_BOUND) throw new Refused('too large');
  return copy;
}

/** The count the Store's bound uses, written out plainly: JSON text with strings unescaped, literals as 5. */
function charged(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean' || value === null) return 5;
  if (Array.isArray(value)) return 2 + Math.max(0, value.length * 2 - 1) + value.reduce((n, v) => n + charged(v), 0);
  return Object.entries(value as object).reduce((n, [k, v]) => n + k.length + 4 + charged(v), 2);
}

describe('cloneJsonWithin', () => {
  it('copies like cloneJson when the value fits', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJsonWithin(value, MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH);
        expect(copy).toEqual(cloneJson(value));
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
    );
  });

  it('refuses exactly when the charged size passes the budget', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(400), (value, budget) => {
        const fits = charged(value) <= budget;
        const attempt = () => cloneJsonWithin(value, budget, MAX_STORE_VALUE_DEPTH);
        if (fits) expect(attempt()).toEqual(value);
        else expect(attempt).toThrow(Refused);
      }),
    );
  });

  it('agrees with checkStoreValueSize at the real bound, integers of every length included', () => {
    const numbers = [0, -0, 7, -7, 9, 10, 99, 100, 1e14, 1e15 - 1, 1e15, -1e15 + 1, 2 ** 53, 0.5, -1.25e-7, 1e21];
    for (const n of numbers) {
      const filler = 'x'.repeat(MAX_STORE_VALUE_CHARS - 2 - 2 - 1 - String(n).length);
      for (const value of [
        [filler, n],
        [`${filler}y`, n],
      ]) {
        const check = () => checkStoreValueSize('k', value);
        const clone = () => cloneJsonWithin(value, MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH);
        let refusedByCheck = false;
        try {
          check();
        } catch {
          refusedByCheck = true;
        }
        if (refusedByCheck) expect(clone).toThrow(Refused);
        else expect(clone()).toEqual(value);
      }
    }
  });

  it('refuses a 2^31-element sparse array and deep nesting without walking them', () => {
    expect(() => cloneJsonWithin(new Array(2 ** 31), MAX_STORE_VALUE_CHARS, 100)).toThrow(Refused);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => cloneJsonWithin(cyclic, MAX_STORE_VALUE_CHARS, 100)).toThrow(Refused);
  });

  it('refuses what JSON cannot hold with a typed error', () => {
    for (const value of [new Date(0), new Map(), () => 1, Symbol('s'), 1n, { a: [new Uint8Array(4)] }])
      expect(() => cloneJsonWithin(value, MAX_STORE_VALUE_CHARS, 100)).toThrow(InvalidArgumentError);
  });
});
