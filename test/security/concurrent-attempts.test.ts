// Throttling and lockout cannot be bypassed by firing attempts at once: every parallel wrong
// attempt against one account is counted, through MemoryStore and through FileStore, also when
// two providers (as two processes would) share one store file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, type Store } from '../../src/index.js';
import { FileStore } from '../../src/node/index.js';
import { PASSWORD, USER, enrolledLab } from '../support/provider.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-concurrent-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
let files = 0;

/** The failed-code counter as the store holds it. */
const codeFailures = async (store: Store) =>
  (await store.get<{ codeFailures: number }>(`account:${USER}`))!.codeFailures;

const STORES: Record<string, () => { store: Store; twin: () => Store }> = {
  MemoryStore: () => {
    const store = new MemoryStore();
    return { store, twin: () => store };
  },
  FileStore: () => {
    const path = join(dir, `state-${++files}.json`);
    return { store: new FileStore(path), twin: () => new FileStore(path) };
  },
};

describe.each(Object.entries(STORES))('parallel wrong attempts through %s', (_name, makeStore) => {
  it('every wrong code fired at once is counted', async () => {
    const { store } = makeStore();
    const { provider } = await enrolledLab({ store, throttle: { baseMs: 0 } });
    await Promise.all(
      Array.from({ length: 20 }, () => provider.verifySecondFactor({ username: USER, code: '000000' })),
    );
    expect(await codeFailures(store)).toBe(20);
  });

  it('wrong passwords fired at once lock the account after exactly five checks', async () => {
    const { store } = makeStore();
    const { provider, code } = await enrolledLab({ store });
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => provider.login({ username: USER, password: `rossz-${i}`, code: code() })),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await provider.accountStatus(USER)).toMatchObject({ passwordFailures: 5, locked: true });
    // Locked: even the right password and code are refused now.
    expect((await provider.login({ username: USER, password: PASSWORD, code: code() })).ok).toBe(false);
  });

  it("two providers sharing the store count each other's failures", async () => {
    const { store, twin } = makeStore();
    const { provider, clock } = await enrolledLab({ store, throttle: { baseMs: 0 } });
    const other = createProvider({
      store: twin(),
      clock,
      hashing: LOW_COST_HASHING_FOR_TESTS,
      throttle: { baseMs: 0 },
    });
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 === 0 ? provider : other).verifySecondFactor({ username: USER, code: '000000' }),
      ),
    );
    expect(await codeFailures(twin())).toBe(16);
  });

  it('wrong törlőkód values fired at once: one is checked, the others are throttled, none slips through', async () => {
    const { store } = makeStore();
    const { provider } = await enrolledLab({ store });
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: `${i}`.repeat(20) }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.messageKey === 'deletionCode.wrong')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.messageKey === 'code.throttled')).toHaveLength(3);
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'active' });
  });
});
