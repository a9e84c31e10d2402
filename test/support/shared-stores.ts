// The stores several `serve --api` instances share in the cross-instance tests: a SQLite file, and
// a PostgreSQL database of the test's own when TOTP_LAB_TEST_POSTGRES_URL names a server (.ci/run
// starts one); without it, a test says plainly that PostgreSQL was not tested.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Defines a suite on one store; `storeFor` makes the store and returns its location. */
export type StoreSuite = (name: string, storeFor: () => Promise<string>) => void;

/**
 * Runs `suite` on a fresh SQLite file, and on a fresh PostgreSQL database when one is reachable.
 * @param label what the suite is, for the line that says PostgreSQL was skipped
 * @param prefix the start of the database's name (letters, digits and _)
 */
export function onSharedStores(label: string, prefix: string, suite: StoreSuite): void {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  suite('SQLite file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'totp-lab-shared-'));
    dirs.push(dir);
    return `sqlite:${join(dir, 'shared.db')}`;
  });

  const url = process.env['TOTP_LAB_TEST_POSTGRES_URL'];
  if (url === undefined || url === '') {
    describe(`${label} on one PostgreSQL database (no PostgreSQL reachable)`, () => {
      it('is not tested: set TOTP_LAB_TEST_POSTGRES_URL to run it', () => {
        console.warn(`${label} on PostgreSQL SKIPPED: TOTP_LAB_TEST_POSTGRES_URL is not set (.ci/run sets it)`);
        expect(process.env['TOTP_LAB_TEST_POSTGRES_URL'] ?? '').toBe('');
      });
    });
    return;
  }
  // A database of its own, so that another test run against the same server cannot reset or move
  // the clock of this one (the instances use the default table, as a deployment would).
  const database = `${prefix}_${process.pid}_${Date.now() % 1_000_000}`;
  const admin = async (sql: string) => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
  suite('PostgreSQL database', async () => {
    await admin(`CREATE DATABASE ${database}`);
    const own = new URL(url);
    own.pathname = `/${database}`;
    return own.toString();
  });
}
