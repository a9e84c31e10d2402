import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { PostgresStore, StoreError, openPostgresStore, openStore } from '../../src/node/index.js';
import { storeContract } from '../support/store-contract.js';

/** Where the PostgreSQL tests connect; .ci/run starts a server and sets it. */
const URL_ENV = 'TOTP_LAB_TEST_POSTGRES_URL';
const url = process.env[URL_ENV];
let tables = 0;
const table = () => `contract_${process.pid}_${Date.now() % 100_000}_${++tables}`;

if (url === undefined || url === '') {
  describe('PostgresStore (no PostgreSQL reachable)', () => {
    it(`is not tested: set ${URL_ENV} to a postgres:// URL to run these tests`, () => {
      console.warn(`PostgreSQL store tests SKIPPED: ${URL_ENV} is not set (.ci/run sets it)`);
      expect(process.env[URL_ENV] ?? '').toBe('');
    });
  });
} else {
  const dsn = url;
  describe('PostgresStore', () => {
    storeContract(async () => openPostgresStore(dsn, { table: table() }));

    it('serialises updates of one key across separate pools (separate instances), even its first write', async () => {
      const name = table();
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(dsn, { table: name, maxConnections: 4 })));
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => stores[i % 3]!.update<number>('counter', (n) => (n ?? 0) + 1)),
      );
      expect(await stores[0]!.get('counter')).toBe(60);
      expect(await stores[1]!.keys()).toEqual(['counter']);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('is chosen by a postgres:// URL, and creates a versioned schema once', async () => {
      const store = await openStore(dsn);
      expect(store).toBeInstanceOf(PostgresStore);
      await store.close?.();
      const name = table();
      const [a, b] = await Promise.all([
        openPostgresStore(dsn, { table: name }),
        openPostgresStore(dsn, { table: name }),
      ]);
      await a.update('x', () => 1);
      expect(await b.get('x')).toBe(1);
      await Promise.all([a.close(), b.close()]);
    });

    it('refuses a bad URL or table name, and names an unreachable server without its password', async () => {
      await expect(openPostgresStore('mysql://x')).rejects.toThrow(InvalidArgumentError);
      await expect(openPostgresStore(dsn, { table: 'x; DROP TABLE y' })).rejects.toThrow(
        '"table" must be a lower-case SQL name',
      );
      const error = await openPostgresStore('postgres://someone:hunter2-secret@127.0.0.1:1/none').catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreError);
      expect(String((error as Error).message)).not.toContain('hunter2');
    });
  });
}
