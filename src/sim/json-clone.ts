/**
 * A deep copy of JSON data (plain objects, arrays, strings, numbers, booleans, null). Much cheaper
 * than structuredClone for the small flat records the simulator stores, which matters because the
 * in-memory Store copies every value in and out. Anything JSON cannot hold (functions, symbols,
 * bigints, class instances such as Date or Map, cycles) is refused, as the file store refuses it.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** Deeper than any record the simulator writes; a cycle reaches it at once. */
const MAX_DEPTH = 100;

export function cloneJson<T>(value: T): T {
  return copy(value, 0) as T;
}

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new InvalidArgumentError(`a store value must be JSON data, got ${describeValue(value)}`);
    return value;
  }
  if (depth >= MAX_DEPTH)
    throw new InvalidArgumentError(
      `a store value must be JSON data nested at most ${MAX_DEPTH} deep (or it has a cycle)`,
    );
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  const result = shallowCopy(value);
  for (const key in result) {
    const item = result[key];
    if (item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') continue;
    if (isOwn(result, key)) result[key] = copy(item, depth + 1);
  }
  return result;
}

/**
 * A plain object's own enumerable properties in a new plain object. Spread copies an object's
 * layout in one step, several times faster than setting key by key, and defines a "__proto__" key
 * as data, never as the prototype. (It would copy symbol keys too; values read back from a store
 * have none, since {@link cloneJsonWithin} leaves them out on the way in.)
 * @throws {InvalidArgumentError} for a class instance (a Date, a Map…)
 */
function shallowCopy(value: object): Record<string, unknown> {
  checkPlain(value);
  return { ...value } as Record<string, unknown>;
}

function checkPlain(value: object): void {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new InvalidArgumentError(`a store value must be JSON data, got ${describeValue(value)}`);
  }
}

// for…in also lists enumerable properties someone added to Object.prototype; only own ones are data.
// Primitive values need no copy, so the check is made only for the (rare) nested values.
const isOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** What {@link cloneJsonWithin} returns for a value beyond the bound. */
export const OVER_BOUND: unique symbol = Symbol('over the store value bound');

/** The longest text `String(n)` gives for any number ("-0.0000012345678901234567"). */
const MAX_NUMBER_CHARS = 25;

type Budget = { left: number; exact: boolean; maxDepth: number };
/** Thrown inside the walk when the budget is spent; never leaves this module. */
const SPENT = new Error('budget spent');

/**
 * {@link cloneJson} and the Store's size bound in one walk: a copy of `value`, or
 * {@link OVER_BOUND} when its JSON text (strings counted without escapes, as `checkStoreValueSize`
 * counts) is longer than `maxChars` or it is nested deeper than `maxDepth` (a cycle reaches that at
 * once). An array's length is charged before its elements are walked, so a 2^31-element sparse array
 * is refused without a loop. The first walk charges every number its longest possible text, which
 * costs nothing for the small records the simulator writes; only a value that this estimate puts
 * over the bound is counted again exactly.
 * @throws {InvalidArgumentError} for what JSON cannot hold (functions, symbols, Dates…)
 */
export function cloneJsonWithin<T>(value: T, maxChars: number, maxDepth: number): T | typeof OVER_BOUND {
  const attempt = (exact: boolean): T | typeof OVER_BOUND => {
    try {
      return walk(value, 0, { left: maxChars, exact, maxDepth }) as T;
    } catch (error) {
      if (error !== SPENT) throw error;
      return OVER_BOUND;
    }
  };
  const estimated = attempt(false);
  return estimated === OVER_BOUND ? attempt(true) : estimated;
}

function walk(v: unknown, depth: number, budget: Budget): unknown {
  if (typeof v === 'string') {
    if ((budget.left -= v.length + 2) < 0) throw SPENT;
    return v;
  }
  if (typeof v === 'number') {
    if ((budget.left -= budget.exact ? String(v).length : MAX_NUMBER_CHARS) < 0) throw SPENT;
    return v;
  }
  if (typeof v === 'boolean' || v === null || v === undefined) {
    if ((budget.left -= 5) < 0) throw SPENT;
    return v;
  }
  if (typeof v !== 'object') throw new InvalidArgumentError(`a store value must be JSON data, got ${describeValue(v)}`);
  if (Array.isArray(v)) {
    if (depth >= budget.maxDepth) throw SPENT;
    // Every element takes at least one character and a comma: charged before walking.
    if ((budget.left -= 2 + Math.max(0, v.length * 2 - 1)) < 0) throw SPENT;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = walk(v[i], depth + 1, budget);
    return out;
  }
  checkPlain(v);
  if (depth >= budget.maxDepth) throw SPENT;
  if ((budget.left -= 2) < 0) throw SPENT;
  // Key by key with for…in, which skips symbol keys (JSON has none, and JSON.stringify leaves them
  // out) without listing them first.
  const result: Record<string, unknown> = {};
  for (const key in v) {
    if (!isOwn(v, key)) continue;
    if ((budget.left -= key.length + 4) < 0) throw SPENT;
    const item = (v as Record<string, unknown>)[key];
    let out: unknown = item;
    if (typeof item === 'string') {
      if ((budget.left -= item.length + 2) < 0) throw SPENT;
    } else if (typeof item === 'number') {
      if ((budget.left -= budget.exact ? String(item).length : MAX_NUMBER_CHARS) < 0) throw SPENT;
    } else if (typeof item === 'boolean' || item === null) {
      if ((budget.left -= 5) < 0) throw SPENT;
    } else out = walk(item, depth + 1, budget);
    if (key === '__proto__')
      Object.defineProperty(result, key, { value: out, enumerable: true, writable: true, configurable: true });
    else result[key] = out;
  }
  return result;
}
