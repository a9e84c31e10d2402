// No user enumeration: for an unknown user the provider gives the same answer, and does the same
// amount of password hashing (PBKDF2 calls and iterations, counted at crypto.subtle.deriveBits),
// as for a known user with a wrong password.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Provider } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab } from '../support/provider.js';

interface Work {
  calls: number;
  iterations: number;
}

/** Runs `fn` and counts the PBKDF2 work it does. */
async function hashingWork<T>(fn: () => Promise<T>): Promise<{ result: T; work: Work }> {
  const subtle = globalThis.crypto.subtle;
  const original = subtle.deriveBits.bind(subtle);
  const work: Work = { calls: 0, iterations: 0 };
  const spy = vi.spyOn(subtle, 'deriveBits').mockImplementation((algorithm, key, length) => {
    work.calls++;
    work.iterations += (algorithm as Pbkdf2Params).iterations;
    return original(algorithm, key, length);
  });
  try {
    return { result: await fn(), work };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

type Attempt = (provider: Provider, username: string, code: string) => Promise<unknown>;
const ATTEMPTS: Record<string, Attempt> = {
  login: (p, username, code) => p.login({ username, password: 'rossz-jelszo', code }),
  startEnrollment: (p, username) => p.startEnrollment({ username, password: 'rossz-jelszo' }),
  startDeviceChange: (p, username, code) => p.startDeviceChange({ username, password: 'rossz-jelszo', code }),
  redeemDeletionCode: (p, username) =>
    p.redeemDeletionCode({ username, password: 'rossz-jelszo', deletionCode: '1111 2222 3333 4444 5555' }),
};

describe('an unknown user is indistinguishable from a known one with a wrong password', () => {
  it.each(Object.entries(ATTEMPTS))('%s: same answer, same hashing work', async (_name, attempt) => {
    // Iterations high enough that a skipped hash would matter, low enough to stay fast.
    const { provider, code } = await enrolledLab({ hashing: { iterations: 2000 }, throttle: { baseMs: 0 } });
    await attempt(provider, 'bemelegites', code()); // the first check makes the provider's dummy hash once
    await provider.unlock(USER).catch(() => undefined);
    const known = await hashingWork(() => attempt(provider, USER, code()));
    const unknown = await hashingWork(() => attempt(provider, 'nincs.ilyen', code()));
    expect(unknown.result).toEqual(known.result);
    expect(unknown.work).toEqual(known.work);
    expect(known.work.calls).toBeGreaterThan(0);
    expect(known.work.iterations).toBeGreaterThanOrEqual(2000);
  });

  it('with the right password, an account without a törlőkód answers and hashes as one with a wrong törlőkód', async () => {
    const { provider } = await enrolledLab({ hashing: { iterations: 2000 }, throttle: { baseMs: 0 } });
    await provider.register({ username: 'uj.felhasznalo', password: PASSWORD, email: 'uj@example.hu' });
    const redeem = (username: string) =>
      provider.redeemDeletionCode({ username, password: PASSWORD, deletionCode: '1111 2222 3333 4444 5555' });
    await redeem('uj.felhasznalo');
    const enrolled = await hashingWork(() => redeem(USER));
    const notEnrolled = await hashingWork(() => redeem('uj.felhasznalo'));
    expect(notEnrolled.result).toEqual(enrolled.result);
    expect(notEnrolled.work).toEqual(enrolled.work);
    expect(enrolled.work.calls).toBe(2);
  });

  it('a locked account answers and hashes as an unknown one does', async () => {
    const { provider, code } = await enrolledLab({ hashing: { iterations: 2000 }, throttle: { baseMs: 0 } });
    for (let i = 0; i < 5; i++) await provider.login({ username: USER, password: `rossz-${i}`, code: code() });
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: true });
    const locked = await hashingWork(() => provider.login({ username: USER, password: PASSWORD, code: code() }));
    const unknown = await hashingWork(() =>
      provider.login({ username: 'nincs.ilyen', password: PASSWORD, code: code() }),
    );
    expect(locked.result).toEqual(unknown.result);
    expect(locked.work).toEqual(unknown.work);
  });

  it('the counter sees the work (the measurement can fail)', async () => {
    const { provider, code } = await enrolledLab({ hashing: { iterations: 2000 } });
    const { work } = await hashingWork(() => provider.login({ username: USER, password: PASSWORD, code: code() }));
    expect(work).toEqual({ calls: 1, iterations: 2000 });
  });
});
