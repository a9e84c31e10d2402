/**
 * Where the simulated service keeps its state. Values are plain JSON data. `update` is an atomic
 * read-modify-write per key, so replay guards and lockout counters stay right under concurrent
 * requests. {@link MemoryStore} is the default; `totp-lab/node` has a durable FileStore.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { OVER_BOUND, cloneJson, cloneJsonWithin } from './json-clone.js';

/** A JSON-serialisable value, the only kind a Store keeps. */
export type StoreValue = null | boolean | number | string | StoreValue[] | { [key: string]: StoreValue };

export interface Store {
  /** The value at `key`, or undefined. The caller gets its own copy. */
  get<T extends StoreValue>(key: string): Promise<T | undefined>;
  /**
   * Atomically replaces the value at `key` with `fn(current)`; returning undefined deletes it.
   * Updates of the same key never interleave. `fn` must be synchronous and may be called with its
   * own copy of the current value. Resolves to what was stored.
   */
  update<T extends StoreValue>(key: string, fn: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  /** The keys that start with `prefix`, sorted. */
  keys(prefix?: string): Promise<string[]>;
}

/**
 * The largest value any Store keeps: its JSON text (strings counted without escapes) at most this
 * many characters. Far above an account record (about 1 kB) or the browser demo's saved state
 * (at most 2 MiB), small enough that a hostile value is refused at once instead of being copied.
 */
export const MAX_STORE_VALUE_CHARS = 4 * 1024 * 1024;
/** The deepest nesting any Store keeps (a cycle reaches it at once). */
export const MAX_STORE_VALUE_DEPTH = 100;

/**
 * Refuses a value larger than {@link MAX_STORE_VALUE_CHARS} or nested deeper than
 * {@link MAX_STORE_VALUE_DEPTH}, in time bounded by the limit rather than by the value: array
 * lengths and key counts are compared with what is left of the budget before anything is walked,
 * and the walk stops as soon as the budget is spent. A 2^31-element sparse array is refused
 * without a loop. It checks size only; whether the value is JSON data is each store's own check.
 * @throws {InvalidArgumentError} naming the key
 */
export function checkStoreValueSize(key: string, value: unknown): void {
  let left = MAX_STORE_VALUE_CHARS;
  const tooLarge = sizeError(key);
  const spend = (chars: number): void => {
    left -= chars;
    if (left < 0) tooLarge();
  };
  const ancestors = new Set<object>();
  const visit = (v: unknown, depth: number): void => {
    if (typeof v === 'string') return spend(v.length + 2);
    if (typeof v === 'number') return spend(String(v).length);
    if (typeof v === 'boolean' || v === null || v === undefined) return spend(5);
    if (typeof v !== 'object') return spend(1);
    // A cycle, or an object that is not JSON data (a typed array, a Date…), is not a size
    // problem: each store's own JSON check names it, without enumerating its contents here.
    if (ancestors.has(v) || !isJsonContainer(v)) return;
    if (depth >= MAX_STORE_VALUE_DEPTH) tooLarge();
    ancestors.add(v);
    if (Array.isArray(v)) {
      // Every element takes at least one character and a comma: check the length before walking.
      spend(2 + Math.max(0, v.length * 2 - 1));
      for (let i = 0; i < v.length; i++) visit(v[i], depth + 1);
    } else {
      spend(2);
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        spend(k.length + 4);
        visit((v as Record<string, unknown>)[k], depth + 1);
      }
    }
    ancestors.delete(v);
  };
  visit(value, 0);
}

/** A thrower of the one size error, naming `key`. */
function sizeError(key: string): () => never {
  return () => {
    throw new InvalidArgumentError(
      `the value for key ${describeValue(key)} must be JSON data of at most ${MAX_STORE_VALUE_CHARS} characters nested at most ${MAX_STORE_VALUE_DEPTH} deep`,
    );
  };
}

function isJsonContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * An in-memory Store. Values are copied in and out, so state at rest behaves as it would on disk.
 * Each key's value sits in a slot object that an update rewrites in place: with hundreds of
 * thousands of keys every Map lookup is a cache miss, and this saves one per update of a key
 * that exists.
 */
export class MemoryStore implements Store {
  readonly #data = new Map<string, { value: StoreValue }>();
  /** Counts slots added and removed, so an update can tell whether its `fn` changed the Map. */
  #changes = 0;

  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    checkKey(key);
    const slot = this.#data.get(key);
    return slot === undefined ? undefined : (cloneJson(slot.value) as T);
  }

  async update<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    checkKey(key);
    if (typeof fn !== 'function') throw new InvalidArgumentError(`"fn" must be a function, got ${describeValue(fn)}`);
    // JavaScript runs this synchronously between awaits, so the read-modify-write is atomic.
    let slot = this.#data.get(key);
    const changes = this.#changes;
    const next = fn(slot === undefined ? undefined : (cloneJson(slot.value) as T));
    // An `fn` that itself updated this Store may have removed or added this key's slot.
    if (this.#changes !== changes) slot = this.#data.get(key);
    if (next === undefined) {
      if (slot !== undefined && this.#data.delete(key)) this.#changes++;
      return next;
    }
    // One walk copies the value, checks the size bound and refuses what JSON cannot hold
    // (functions, symbols, Dates…), as FileStore does; nothing is stored when it refuses.
    const copy = cloneJsonWithin(next, MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH);
    if (copy === OVER_BOUND) sizeError(key)();
    if (slot !== undefined) slot.value = copy as StoreValue;
    else {
      this.#data.set(key, { value: copy as StoreValue });
      this.#changes++;
    }
    return next;
  }

  async keys(prefix = ''): Promise<string[]> {
    if (typeof prefix !== 'string')
      throw new InvalidArgumentError(`"prefix" must be a string, got ${describeValue(prefix)}`);
    return [...this.#data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** A copy of everything stored, for tests and trainers to inspect. */
  snapshot(): Record<string, StoreValue> {
    return cloneJson(Object.fromEntries([...this.#data].map(([key, slot]) => [key, slot.value])));
  }
}

function checkKey(key: unknown): void {
  if (typeof key !== 'string')
    throw new InvalidArgumentError(`store "key" must be a string, got ${describeValue(key)}`);
}
