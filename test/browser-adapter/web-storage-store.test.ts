import { describe, expect, it } from 'vitest';
import { WebStorageStore, type KeyValueStorage } from '../../src/browser/web-storage-store.js';
import { createProvider, LOW_COST_HASHING_FOR_TESTS, generateCode, manualClock } from '../../src/index.js';
import { storeContract } from '../support/store-contract.js';

/** localStorage as a Map, with the same string-only interface. */
function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
  };
}

describe('WebStorageStore', () => {
  storeContract(async () => new WebStorageStore(memoryStorage(), 'contract'));

  it("two stores on one storage (two tabs) see each other's changes and never write them away", async () => {
    const storage = memoryStorage();
    const first = new WebStorageStore(storage, 'shared');
    const second = new WebStorageStore(storage, 'shared');
    await first.update('account:a', () => ({ lastStep: 7 }));
    expect(await second.get('account:a')).toEqual({ lastStep: 7 });
    await second.update('account:b', () => ({ lastStep: 1 }));
    await first.update('account:a', (current) => ({ lastStep: (current as { lastStep: number }).lastStep + 1 }));
    expect(await second.keys()).toEqual(['account:a', 'account:b']);
    expect(await second.get('account:a')).toEqual({ lastStep: 8 });
  });

  it('writes every change to its one item, and a new instance reads it back', async () => {
    const storage = memoryStorage();
    const a = new WebStorageStore(storage, 'demo:provider');
    await a.update('x', () => ({ n: 1 }));
    await a.update('y', () => 'two');
    await a.update('y', () => undefined);
    expect(JSON.parse(storage.items.get('demo:provider')!)).toEqual({ x: { n: 1 } });
    const b = new WebStorageStore(storage, 'demo:provider');
    expect(await b.get('x')).toEqual({ n: 1 });
    expect(await b.keys()).toEqual(['x']);
  });

  it('treats an unreadable item as empty instead of failing the page', async () => {
    for (const junk of ['{not json', '[1,2]', '"text"', 'null']) {
      const storage = memoryStorage();
      storage.setItem('k', junk);
      expect(await new WebStorageStore(storage, 'k').keys()).toEqual([]);
    }
  });

  it('rejects a storage without getItem and an empty key', () => {
    expect(() => new WebStorageStore({} as KeyValueStorage, 'k')).toThrow(/"storage" must be a Web Storage object/);
    expect(() => new WebStorageStore(memoryStorage(), '')).toThrow(/"itemKey" must be a non-empty string/);
  });

  it('keeps a provider across a reload: accounts, the binding and the replay guard', async () => {
    const storage = memoryStorage();
    const clock = manualClock(Date.UTC(2025, 0, 16, 8));
    const make = () =>
      createProvider({ clock, store: new WebStorageStore(storage, 'p'), hashing: LOW_COST_HASHING_FOR_TESTS });
    const first = make();
    await first.register({ username: 'anna', password: 'pw-123456', email: 'anna@example.hu' });
    const started = await first.startEnrollment({ username: 'anna', password: 'pw-123456' });
    if (!started.ok) throw new Error(started.message);
    const code = generateCode(started.secret, { clock });
    expect((await first.confirmEnrollment({ enrollmentId: started.enrollmentId, code })).ok).toBe(true);
    expect((await first.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true })).ok).toBe(
      true,
    );
    clock.advance(30_000);
    const next = generateCode(started.secret, { clock });
    expect((await first.login({ username: 'anna', password: 'pw-123456', code: next })).ok).toBe(true);
    // "Reload": a new provider over the same storage still refuses the code just used.
    const second = make();
    expect((await second.login({ username: 'anna', password: 'pw-123456', code: next })).ok).toBe(false);
    expect((await second.accountStatus('anna')).secondFactor).toBe('active');
  });
});
