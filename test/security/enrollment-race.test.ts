// Someone who knows only the password must never replace a binding that was just made: whether an
// account may get a new enrollment is decided inside the atomic update that writes it, and a
// finish never overwrites a binding made meanwhile.
import { describe, expect, it } from 'vitest';
import {
  InvalidStateError,
  LOW_COST_HASHING_FOR_TESTS,
  MemoryStore,
  createProvider,
  generateCode,
  manualClock,
  type Provider,
  type StoreValue,
} from '../../src/index.js';
import { PASSWORD, T0, USER, lab } from '../support/provider.js';
import { SlowStore } from '../support/slow-store.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The attacker's whole enrollment with their own phone; the secret bound, or why it failed. */
async function attackerEnrolls(provider: Provider, clock: { now(): number }): Promise<string> {
  const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
  if (!started.ok) return `start refused: ${started.messageKey}`;
  const confirmed = await provider.confirmEnrollment({
    enrollmentId: started.enrollmentId,
    code: generateCode(started.secret, { clock }),
  });
  if (!confirmed.ok) return `confirm refused: ${confirmed.messageKey}`;
  await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  return started.secret;
}

describe('a parallel startEnrollment during Befejezés', () => {
  // The attacker's start meets the victim's finish at a different point each time (10 ms per store operation).
  it.each(Array.from({ length: 11 }, (_, i) => i * 2))(
    "never replaces the victim's binding (attacker starts %i ms before the victim's Befejezés)",
    async (lead) => {
      const clock = manualClock(T0 + 5_000);
      const memory = new MemoryStore();
      const provider = createProvider({ clock, store: new SlowStore(memory), hashing: LOW_COST_HASHING_FOR_TESTS });
      await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
      const victim = await provider.startEnrollment({ username: USER, password: PASSWORD });
      if (!victim.ok) throw new Error('start refused');
      await provider.confirmEnrollment({
        enrollmentId: victim.enrollmentId,
        code: generateCode(victim.secret, { clock }),
      });

      const [finished, attacker] = await Promise.all([
        sleep(lead)
          .then(() => provider.finishEnrollment({ enrollmentId: victim.enrollmentId, deletionCodeSaved: true }))
          .then(
            (r) => r.ok,
            () => false,
          ),
        attackerEnrolls(provider, clock).catch((e: unknown) => `threw: ${String(e)}`),
      ]);
      const bound = (await memory.get<{ secret: string | null }>(`account:${USER}`))!.secret;
      if (finished) {
        // The victim's Befejezés went through: it is their phone that stays bound.
        expect(bound).toBe(victim.secret);
        expect(attacker).not.toBe(bound);
      } else {
        // The attacker superseded the unfinished enrollment before Befejezés (the password alone may
        // enroll an account without a binding): then exactly one phone is bound, the attacker's.
        expect(bound).toBe(attacker);
      }
    },
  );
});

describe('finishEnrollment', () => {
  it('refuses to overwrite a binding made after the enrollment started', async () => {
    const { provider, clock, store } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    // Another binding appears meanwhile (as another process's finish would leave it).
    await store.update<Record<string, StoreValue>>(`account:${USER}`, (a) => ({
      ...a!,
      secret: 'JBSWY3DPEHPK3PXP',
      lastStep: 1,
      activeFrom: 0,
    }));
    await expect(
      provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    expect(store.snapshot()[`account:${USER}`]).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', pending: null });
  });

  it('a start on an account that got bound meanwhile writes no pending enrollment', async () => {
    const { provider, store } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    await store.update<Record<string, StoreValue>>(`account:${USER}`, (a) => ({ ...a!, secret: 'JBSWY3DPEHPK3PXP' }));
    expect(await provider.startEnrollment({ username: USER, password: PASSWORD })).toMatchObject({
      ok: false,
      messageKey: 'login.refused',
    });
    expect(store.snapshot()[`account:${USER}`]).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', pending: null });
    expect(Object.keys(store.snapshot()).filter((k) => k.startsWith('enrollment:'))).toEqual([]);
  });
});
