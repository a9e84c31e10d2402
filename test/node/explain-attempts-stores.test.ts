// The attempt trail lives in the store, so two service instances on one durable store (two
// FileStores on one file, two SQLite connections, two PostgreSQL pools) explain the same refusals,
// whichever instance refused them, and concurrent refusals from both are all kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, createProvider, generateCode, manualClock, type Store } from '../../src/index.js';
import { FileStore, openPostgresStore, openSqliteStore } from '../../src/node/index.js';

const T0 = Date.UTC(2025, 0, 16, 8, 0, 5);
const PASSWORD = 'Tölgyfa-Kilenc-42';
const USER = 'kovacs.janos';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-attempts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Closable = Store & { close?: () => Promise<void> };

async function twoInstances(open: () => Promise<Closable>): Promise<void> {
  const [storeA, storeB] = [await open(), await open()];
  const clock = manualClock(T0);
  const options = { clock, hashing: LOW_COST_HASHING_FOR_TESTS, throttle: { baseMs: 0 } };
  const a = createProvider({ ...options, store: storeA });
  const b = createProvider({ ...options, store: storeB, language: 'en' });
  try {
    await a.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    const started = await a.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error(started.messageKey);
    await b.confirmEnrollment({ enrollmentId: started.enrollmentId, code: generateCode(started.secret, { clock }) });
    await a.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    clock.advance(30_000);
    // The phone two steps behind, typed six times on each instance at once.
    const late = generateCode(started.secret, { time: clock.now() - 60_000 });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).verifySecondFactor({ username: USER, code: late })),
    );
    await b.login({ username: USER, password: 'wrong', code: late });
    const fromA = await a.explainAttempts(USER);
    const fromB = await b.explainAttempts(USER, { language: 'hu' });
    expect(fromA.attempts).toEqual(fromB.attempts);
    expect(fromA.attempts).toHaveLength(13);
    expect(fromA.attempts.slice(0, 12).every((x) => x.reason === 'clock-off' && x.params.stepOffset === -2)).toBe(true);
    expect(fromA.attempts[12]).toMatchObject({ reason: 'wrong-password', params: { failures: 1 } });
    expect(fromA.attempts[0]!.advice).toMatch(/^A telefon órája 2 lépéssel késik/);
  } finally {
    await storeA.close?.();
    await storeB.close?.();
  }
}

describe('the attempt trail across instances on one durable store', () => {
  it('FileStore: two instances on one file', async () => {
    const path = join(dir, 'state.json');
    await twoInstances(async () => new FileStore(path));
  });

  it('SQLite: two connections to one database', async () => {
    const path = join(dir, 'state.db');
    await twoInstances(async () => openSqliteStore(path));
  });

  const url = process.env['TOTP_LAB_TEST_POSTGRES_URL'];
  if (url === undefined || url === '') {
    it('PostgreSQL: not tested without TOTP_LAB_TEST_POSTGRES_URL (.ci/run sets it)', () => {
      console.warn('attempt trail on PostgreSQL SKIPPED: TOTP_LAB_TEST_POSTGRES_URL is not set');
      expect(url ?? '').toBe('');
    });
  } else {
    it('PostgreSQL: two pools on one table', async () => {
      const table = `attempts_${process.pid}_${Date.now() % 100_000}`;
      await twoInstances(async () => openPostgresStore(url, { table }));
    });
  }
});
