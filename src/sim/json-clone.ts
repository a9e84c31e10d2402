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
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === undefined
  )
    return value;
  if (typeof value !== 'object')
    throw new InvalidArgumentError(`a store value must be JSON data, got ${describeValue(value)}`);
  if (depth >= MAX_DEPTH)
    throw new InvalidArgumentError(
      `a store value must be JSON data nested at most ${MAX_DEPTH} deep (or it has a cycle)`,
    );
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new InvalidArgumentError(`a store value must be JSON data, got ${describeValue(value)}`);
  }
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copy((value as Record<string, unknown>)[key], depth + 1);
    // defineProperty, so a key named "__proto__" stays data and never becomes the prototype.
    if (key === '__proto__')
      Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true });
    else result[key] = item;
  }
  return result;
}
