// Every Store refuses a value beyond the same stated size before copying or serialising it, so a
// hostile value (a 2^31-element sparse array, a deep chain, a huge string) costs nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  MAX_STORE_VALUE_CHARS,
  MAX_STORE_VALUE_DEPTH,
  MemoryStore,
  type Store,
  type StoreValue,
} from '../../src/index.js';
import { WebStorageStore } from '../../src/browser/web-storage-store.js';
import { FileStore } from '../../src/node/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-store-size-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
let files = 0;

const mapStorage = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};

const STORES: Record<string, () => Store> = {
  MemoryStore: () => new MemoryStore(),
  FileStore: () => new FileStore(join(dir, `s${++files}.json`)),
  WebStorageStore: () => new WebStorageStore(mapStorage(), 'state'),
};

const deep = (n: number): StoreValue => {
  let v: StoreValue = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe.each(Object.entries(STORES))('%s refuses values beyond the stated size', (_name, make) => {
  it('a 2^31-element sparse array is refused at once, and nothing is stored', async () => {
    const store = make();
    await expect(store.update('k', () => new Array(2 ** 31) as StoreValue)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(await store.get('k')).toBeUndefined();
  });

  it('a string one character over the limit is refused; one at the limit is kept', async () => {
    const store = make();
    await expect(store.update('k', () => 'x'.repeat(MAX_STORE_VALUE_CHARS - 1))).rejects.toThrow(
      /at most 4194304 characters/,
    );
    await expect(store.update('k', () => 'x'.repeat(MAX_STORE_VALUE_CHARS - 2))).resolves.toHaveLength(
      MAX_STORE_VALUE_CHARS - 2,
    );
  });

  it('an object with more keys than fit is refused', async () => {
    const big: Record<string, number> = {};
    for (let i = 0; i < 5_000; i++) big[`${i}`.padStart(1000, 'k')] = i;
    await expect(make().update('k', () => big)).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it(`nesting deeper than ${MAX_STORE_VALUE_DEPTH} is refused; ${MAX_STORE_VALUE_DEPTH} levels are kept`, async () => {
    const store = make();
    await expect(store.update('k', () => deep(MAX_STORE_VALUE_DEPTH + 1))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(store.update('k', () => deep(MAX_STORE_VALUE_DEPTH - 1))).resolves.toBeDefined();
  });
});

// WebStorageStore copies with structuredClone and has no JSON check of its own, so it is not listed.
describe.each(['MemoryStore', 'FileStore'])('%s refuses non-JSON objects without enumerating them', (name) => {
  it('a 16 MB Uint8Array is refused with a typed error', async () => {
    await expect(STORES[name]!().update('k', () => new Uint8Array(16 * 1024 * 1024) as never)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });
});
