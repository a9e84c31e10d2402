// The behaviour every Store must show, run against each implementation.
import { expect, it } from 'vitest';
import { MAX_STORE_VALUE_CHARS, MAX_STORE_VALUE_DEPTH, type Store, type StoreValue } from '../../src/sim/store.js';

/** Registers the shared Store tests; `open` gives a fresh, empty store for each test. */
export function storeContract(open: () => Promise<Store>): void {
  it('starts empty and returns undefined for a missing key', async () => {
    const store = await open();
    expect(await store.get('nothing')).toBeUndefined();
    expect(await store.keys()).toEqual([]);
  });

  it('update stores what fn returns, passes the current value, and resolves to it', async () => {
    const store = await open();
    expect(
      await store.update<number>('n', (n) => {
        expect(n).toBeUndefined();
        return 1;
      }),
    ).toBe(1);
    expect(await store.update<number>('n', (n) => (n ?? 0) + 41)).toBe(42);
    expect(await store.get('n')).toBe(42);
    const doc = { name: 'Kovács János', tags: ['a', 'é'], nested: { ok: true, none: null, n: -1.5 } };
    await store.update('doc', () => doc);
    expect(await store.get('doc')).toEqual(doc);
  });

  it('returning undefined deletes the key', async () => {
    const store = await open();
    await store.update('a', () => 'x');
    expect(await store.update('a', () => undefined)).toBeUndefined();
    expect(await store.get('a')).toBeUndefined();
    expect(await store.keys()).toEqual([]);
    expect(await store.update('never', () => undefined)).toBeUndefined();
  });

  it('values are copied in and out', async () => {
    const store = await open();
    const value = { list: [1, 2] };
    await store.update('v', () => value);
    value.list.push(3);
    const read = await store.get<{ list: number[] }>('v');
    expect(read).toEqual({ list: [1, 2] });
    read!.list.push(4);
    await store.update<{ list: number[] }>('v', (current) => {
      current!.list.push(5);
      return current;
    });
    expect(await store.get('v')).toEqual({ list: [1, 2, 5] });
    await store
      .update<{ list: number[] }>('v', (current) => {
        current!.list.push(6);
        throw new Error('refused');
      })
      .catch(() => undefined);
    expect(await store.get('v')).toEqual({ list: [1, 2, 5] });
  });

  it('an fn that throws rejects the update and changes nothing', async () => {
    const store = await open();
    await store.update('k', () => 'before');
    await expect(
      store.update('k', () => {
        throw new Error('no thanks');
      }),
    ).rejects.toThrow('no thanks');
    expect(await store.get('k')).toBe('before');
  });

  it('refuses values beyond the one stated bound, at once, and keeps the old value', async () => {
    const store = await open();
    await store.update('k', () => 'before');
    // A sparse array of 2^31 slots would take seconds to serialise; the bound refuses it unread.
    const huge = new Array(2 ** 31 - 1);
    await expect(store.update('k', () => huge)).rejects.toThrow(/at most/);
    await expect(store.update('k', () => 'x'.repeat(MAX_STORE_VALUE_CHARS + 1))).rejects.toThrow(/at most/);
    let deep: StoreValue = 1;
    for (let i = 0; i <= MAX_STORE_VALUE_DEPTH; i++) deep = [deep];
    await expect(store.update('k', () => deep)).rejects.toThrow(/nested at most/);
    expect(await store.get('k')).toBe('before');
  });

  it('keys filters by prefix and sorts', async () => {
    const store = await open();
    for (const key of ['user:b', 'user:a', 'session:1', 'user:', 'users']) await store.update(key, () => true);
    expect(await store.keys('user:')).toEqual(['user:', 'user:a', 'user:b']);
    expect(await store.keys()).toEqual(['session:1', 'user:', 'user:a', 'user:b', 'users']);
    expect(await store.keys('none')).toEqual([]);
  });

  it('keeps keys that look like prototype properties as plain data', async () => {
    const store = await open();
    await store.update('__proto__', () => ({ polluted: true }));
    await store.update('constructor', () => 1);
    expect(await store.get('__proto__')).toEqual({ polluted: true });
    expect(await store.keys()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('applies every one of many concurrent updates to one key', async () => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.update<number>('count', (n) => (n ?? 0) + 1)),
    );
    expect(await store.get('count')).toBe(50);
    expect([...results].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
}
