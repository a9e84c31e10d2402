/**
 * Where the simulated service keeps its state. Values are plain JSON data. `update` is an atomic
 * read-modify-write per key, so replay guards and lockout counters stay right under concurrent
 * requests. {@link MemoryStore} is the default; `totp-lab/node` has a durable FileStore.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { cloneJson } from './json-clone.js';

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

/** An in-memory Store. Values are copied in and out, so state at rest behaves as it would on disk. */
export class MemoryStore implements Store {
  readonly #data = new Map<string, StoreValue>();

  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    checkKey(key);
    const value = this.#data.get(key);
    return value === undefined ? undefined : (cloneJson(value) as T);
  }

  async update<T extends StoreValue>(key: string, fn: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    checkKey(key);
    if (typeof fn !== 'function') throw new InvalidArgumentError(`"fn" must be a function, got ${describeValue(fn)}`);
    // JavaScript runs this synchronously between awaits, so the read-modify-write is atomic.
    const current = this.#data.get(key);
    const next = fn(current === undefined ? undefined : (cloneJson(current) as T));
    if (next === undefined) this.#data.delete(key);
    // The copy also refuses what JSON cannot hold (functions, symbols, Dates…), as FileStore does.
    else this.#data.set(key, cloneJson(next));
    return next;
  }

  async keys(prefix = ''): Promise<string[]> {
    if (typeof prefix !== 'string') throw new InvalidArgumentError(`"prefix" must be a string, got ${describeValue(prefix)}`);
    return [...this.#data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** A copy of everything stored, for tests and trainers to inspect. */
  snapshot(): Record<string, StoreValue> {
    return cloneJson(Object.fromEntries(this.#data));
  }
}

function checkKey(key: unknown): void {
  if (typeof key !== 'string') throw new InvalidArgumentError(`store "key" must be a string, got ${describeValue(key)}`);
}
