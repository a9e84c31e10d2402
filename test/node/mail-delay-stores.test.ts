// The mail delivery delay on every kind of store the service runs on: two service instances on one
// store (one MemoryStore shared in a process, two connections to one SQLite file, two pools on one
// PostgreSQL database) agree on the delay whichever set it, and a code mail one of them sends with
// it shows on neither until the shared clock reaches its arrival.
import { describe, expect, it } from 'vitest';
import {
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  createStoreMailbox,
  manualClock,
  type Store,
} from '../../src/index.js';
import { openStore } from '../../src/node/index.js';
import { onSharedStores } from '../support/shared-stores.js';

const T0 = Date.UTC(2025, 0, 16, 8, 0, 5);
const PASSWORD = 'Tölgyfa-Kilenc-42';
const EVA = 'eva@example.hu';

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
});

onSharedStores('The mail delivery delay across two connections', 'totp_lab_mail_delay_store', (name, storeFor) => {
  it(`${name}: two connections to one store`, async () => {
    const location = await storeFor();
    await twoInstances(() => openStore(location));
  });
});
