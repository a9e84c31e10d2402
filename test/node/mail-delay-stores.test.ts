// The mail delivery delay on every kind of store the service runs on: two service instances on one
// store (one MemoryStore shared in a process, two SQLite connections to one file, two PostgreSQL
// pools on one table) agree on the delay whichever set it, and a code mail one of them sends with
// it shows on neither until the shared clock reaches its arrival.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  createStoreMailbox,
  manualClock,
  type Store,
} from '../../src/index.js';
import { openPostgresStore, openSqliteStore } from '../../src/node/index.js';

const T0 = Date.UTC(2025, 0, 16, 8, 0, 5);
const PASSWORD = 'Tölgyfa-Kilenc-42';
const EVA = 'eva@example.hu';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-mail-delay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Closable = Store & { close?: () => Promise<void> };

async function twoInstances(open: () => Promise<Closable>): Promise<void> {
  const [storeA, storeB] = [await open(), await open()];
  const clock = manualClock(T0);
  const mailA = createStoreMailbox(storeA, { clock });
  const mailB = createStoreMailbox(storeB, { clock });
  const b = createProvider({ store: storeB, clock, mailer: mailB, hashing: LOW_COST_HASHING_FOR_TESTS });
  try {
    await b.seedAccount({ username: 'eva', password: PASSWORD, email: EVA, factor: 'email' });
    expect(await mailB.delayMs()).toBe(0);
    await mailA.setDelayMs(5 * 60_000);
    expect(await mailB.delayMs()).toBe(5 * 60_000);

    const sent = await b.sendEmailCode({ username: 'eva' });
    if (!sent.ok) throw new Error(sent.messageKey);
    clock.advance(5 * 60_000 - 1);
    for (const box of [mailA, mailB]) {
      expect(await box.latest(EVA)).toBeNull();
      expect(await box.messages()).toEqual([]);
    }
    clock.advance(1);
    for (const box of [mailA, mailB]) {
      expect(await box.latest(EVA)).toMatchObject({
        sentAt: T0,
        arrivedAt: T0 + 5 * 60_000,
        expiresAt: T0 + 10 * 60_000,
        sessionNumber: sent.sessionNumber,
      });
    }
    // Five minutes late, the code still has five minutes to go: it logs in on the other instance.
    const code = (await mailA.latest(EVA))!.code!;
    const a = createProvider({ store: storeA, clock, mailer: mailA, hashing: LOW_COST_HASHING_FOR_TESTS });
    expect(await a.verifySecondFactor({ username: 'eva', code })).toMatchObject({ ok: true });

    await mailB.setDelayMs(0);
    expect(await mailA.delayMs()).toBe(0);
  } finally {
    await storeA.close?.();
    await storeB.close?.();
  }
}

describe('the mail delivery delay across instances on one store', () => {
  it('MemoryStore: two instances in one process', async () => {
    const store = new MemoryStore();
    await twoInstances(async () => store);
  });

  it('SQLite: two connections to one database', async () => {
    const path = join(dir, 'state.db');
    await twoInstances(async () => openSqliteStore(path));
  });

  const url = process.env['TOTP_LAB_TEST_POSTGRES_URL'];
  if (url === undefined || url === '') {
    it('PostgreSQL: not tested without TOTP_LAB_TEST_POSTGRES_URL (.ci/run sets it)', () => {
      console.warn('mail delay on PostgreSQL SKIPPED: TOTP_LAB_TEST_POSTGRES_URL is not set');
      expect(url ?? '').toBe('');
    });
  } else {
    it('PostgreSQL: two pools on one table', async () => {
      const table = `mail_delay_${process.pid}_${Date.now() % 100_000}`;
      await twoInstances(async () => openPostgresStore(url, { table }));
    });
  }
});
