// The storage adapter on its own: expiry on the simulated clock, consume once, revocation by grant.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore, manualClock, type Store } from '../../src/index.js';
import { openSqliteStore } from '../../src/node/index.js';
import { OIDC_KEYS_KEY, loadOidcKeys } from '../../src/node/oidc/keys.js';
import { storeAdapter, sweepExpired } from '../../src/node/oidc/store-adapter.js';
import { OIDC_CLIENT_PREFIX } from '../../src/server/oidc-clients.js';

class Refused extends Error {}
const T = Date.UTC(2025, 0, 16, 8);

function adapters(store: Store, clock = manualClock(T)) {
  const Adapter = storeAdapter(store, clock, Refused);
  return { clock, code: new Adapter('AuthorizationCode'), token: new Adapter('AccessToken'), Adapter };
}

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('the oidc-provider adapter on a Store', () => {
  it('keeps an entry until its simulated time passes; moving the clock forward expires it', async () => {
    const { clock, code } = adapters(new MemoryStore());
    await code.upsert('c1', { grantId: 'g1', accountId: 'a' }, 60);
    expect(await code.find('c1')).toEqual({ grantId: 'g1', accountId: 'a' });
    clock.advance(59_999);
    expect(await code.find('c1')).toBeDefined();
    clock.advance(1);
    expect(await code.find('c1')).toBeUndefined();
  });

  it('consumes a code once; a second consume is refused and revokes every entry of its grant', async () => {
    const store = new MemoryStore();
    const { code, token } = adapters(store);
    await code.upsert('c1', { grantId: 'g1' }, 60);
    await token.upsert('t1', { grantId: 'g1' }, 600);
    await store.update('oidc:Grant:g1', () => ({ payload: {}, expiresAt: null }));
    await code.consume('c1');
    expect((await code.find('c1'))?.['consumed']).toBeGreaterThan(0);
    await expect(code.consume('c1')).rejects.toThrow('authorization code already consumed');
    expect(await token.find('t1')).toBeUndefined();
    expect(await store.get('oidc:Grant:g1')).toBeUndefined();
    // The code itself went with its grant: a third attempt is refused too, not let through.
    await expect(code.consume('c1')).rejects.toBeInstanceOf(Refused);
  });

  it('refuses to consume a code that is unknown or expired', async () => {
    const { clock, code } = adapters(new MemoryStore());
    await expect(code.consume('nope')).rejects.toBeInstanceOf(Refused);
    await code.upsert('c1', { grantId: 'g1' }, 60);
    clock.advance(60_000);
    await expect(code.consume('c1')).rejects.toBeInstanceOf(Refused);
  });

  it('finds a session by its uid, and forgets it when it is destroyed', async () => {
    const { Adapter } = adapters(new MemoryStore());
    const sessions = new Adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 1800);
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'a' });
    await sessions.destroy('s1');
    expect(await sessions.findByUid('u1')).toBeUndefined();
  });

  it('reads clients from where the control API writes them, as they are', async () => {
    const store = new MemoryStore();
    const { Adapter } = adapters(store);
    const client = { client_id: 'app', redirect_uris: ['http://127.0.0.1/cb'] };
    await store.update(`${OIDC_CLIENT_PREFIX}app`, () => client);
    expect(await new Adapter('Client').find('app')).toEqual(client);
    expect(await new Adapter('Client').find('other')).toBeUndefined();
  });

  it('sweeps what has expired on the simulated clock, and keeps the clients and the keys', async () => {
    const store = new MemoryStore();
    const { clock, code, token } = adapters(store);
    await loadOidcKeys(store);
    await store.update(`${OIDC_CLIENT_PREFIX}app`, () => ({ client_id: 'app' }));
    await code.upsert('c1', { grantId: 'g1' }, 60);
    await token.upsert('t1', { grantId: 'g1' }, 600);
    clock.advance(61_000);
    expect(await sweepExpired(store, clock)).toBe(1);
    expect(await store.get('oidc:AuthorizationCode:c1')).toBeUndefined();
    expect(await store.get('oidc:AccessToken:t1')).toBeDefined();
    expect(await store.get(OIDC_KEYS_KEY)).toBeDefined();
    expect(await store.get(`${OIDC_CLIENT_PREFIX}app`)).toBeDefined();
  });

  it('of any number of concurrent consumes on separate SQLite connections, exactly one succeeds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'totp-lab-oidc-adapter-'));
    dirs.push(dir);
    const stores = await Promise.all([1, 2, 3].map(() => openSqliteStore(join(dir, 'race.db'))));
    const codes = stores.map((s) => adapters(s).code);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }), async (who) => {
        const id = `c${++round}`;
        await codes[0]!.upsert(id, { grantId: `g${round}` }, 60);
        const results = await Promise.allSettled(who.map((i) => codes[i]!.consume(id)));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof Refused)).toBe(true);
      }),
      { numRuns: 40 },
    );
    await Promise.all(stores.map((s) => s.close()));
  });

  it('makes the keys once: concurrent first starts on one store all get the same key', async () => {
    const store = new MemoryStore();
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOidcKeys(store)));
    expect(new Set(keys.map((k) => k.signing['kid'])).size).toBe(1);
    expect(keys[0]!.signing).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]!.signing['d']).toBeTypeOf('string');
  });
});
