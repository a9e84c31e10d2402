/**
 * A provider {@link Store} kept in Web Storage (localStorage), so the browser demo's accounts,
 * replay guards and deletion-code hashes survive a reload. All keys live in one JSON item.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { checkStoreValueSize, type Store, type StoreValue } from '../sim/store.js';

/** The part of the Web Storage API this store uses (localStorage, sessionStorage, a test's Map). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A Store saved as one JSON item of `storage` under `itemKey` after every change. An unreadable
 * item (hand-edited, from another version) is treated as empty rather than breaking the page.
 * Every call reads the item afresh, so two tabs on the same storage never undo each other.
 * @example
 * const provider = createProvider({ store: new WebStorageStore(localStorage, 'totp-lab:provider') });
 */
export class WebStorageStore implements Store {
  #data: Map<string, StoreValue>;
  readonly #storage: KeyValueStorage;
  readonly #itemKey: string;

  constructor(storage: KeyValueStorage, itemKey: string) {
    if (typeof storage?.getItem !== 'function')
      throw new InvalidArgumentError(`"storage" must be a Web Storage object, got ${describeValue(storage)}`);
    if (typeof itemKey !== 'string' || itemKey === '')
      throw new InvalidArgumentError(`"itemKey" must be a non-empty string, got ${describeValue(itemKey)}`);
    this.#storage = storage;
    this.#itemKey = itemKey;
    this.#data = new Map(Object.entries(readItem(storage, itemKey)));
  }

  #reload(): void {
    this.#data = new Map(Object.entries(readItem(this.#storage, this.#itemKey)));
  }

  async get<T extends StoreValue>(key: string): Promise<T | undefined> {
    this.#reload();
    const value = this.#data.get(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  async update<T extends StoreValue>(
    key: string,
    fn: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    // Synchronous between awaits, so the read-modify-write is atomic within the page; read afresh,
    // so another tab's change (a used step, a finished setup) is never written over with an old copy.
    this.#reload();
    const current = this.#data.get(key);
    const next = fn(current === undefined ? undefined : (structuredClone(current) as T));
    if (next !== undefined) checkStoreValueSize(key, next);
    if (next === undefined) this.#data.delete(key);
    else this.#data.set(key, structuredClone(next));
    this.#storage.setItem(this.#itemKey, JSON.stringify(Object.fromEntries(this.#data)));
    return next;
  }

  async keys(prefix = ''): Promise<string[]> {
    this.#reload();
    return [...this.#data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** A copy of everything stored. */
  snapshot(): Record<string, StoreValue> {
    this.#reload();
    return structuredClone(Object.fromEntries(this.#data));
  }
}

function readItem(storage: KeyValueStorage, key: string): Record<string, StoreValue> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, StoreValue>)
      : {};
  } catch {
    return {};
  }
}
