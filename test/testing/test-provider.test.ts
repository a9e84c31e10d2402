import { describe, expect, it } from 'vitest';
import { verifyCode } from '../../src/index.js';
import { createTestProvider } from '../../src/testing/index.js';

describe('createTestProvider', () => {
  it('gives an enrolled user who can log in at once, and only once per code', async () => {
    const provider = createTestProvider();
    const user = await provider.enrolledUser();
    const code = user.code();
    expect(user.phone.list()[0]!.code).toBe(code);
    expect(await provider.login({ username: user.username, password: user.password, code })).toMatchObject({
      ok: true,
    });
    expect(await provider.login({ username: user.username, password: user.password, code })).toMatchObject({
      ok: false,
      messageKey: 'login.refused',
    });
    provider.clock.advance(30_000);
    expect(await provider.login({ username: user.username, password: user.password, code: user.code() })).toMatchObject(
      { ok: true },
    );
  });

  it('waits out the activation delay of the ugyfelkapu profile', async () => {
    const provider = createTestProvider({ profile: 'ugyfelkapu' });
    const start = provider.clock.now();
    const user = await provider.enrolledUser({ username: 'kovacs.janos' });
    expect(provider.clock.now() - start).toBeGreaterThanOrEqual(90_000);
    expect((await provider.accountStatus('kovacs.janos')).secondFactor).toBe('active');
    expect(await provider.login({ username: user.username, password: user.password, code: user.code() })).toMatchObject(
      { ok: true },
    );
  });

  it('hands out a working törlőkód', async () => {
    const provider = createTestProvider();
    const user = await provider.enrolledUser();
    expect(user.deletionCode).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(
      await provider.redeemDeletionCode({
        username: user.username,
        password: user.password,
        deletionCode: user.deletionCode,
      }),
    ).toMatchObject({ ok: true });
  });

  it('repeats exactly with the same seed, and differs with another', async () => {
    const run = async (seed: string) => {
      const provider = createTestProvider({ seed });
      const a = await provider.enrolledUser();
      const b = await provider.enrolledUser();
      return [a.secret, a.keyUri, a.deletionCode, a.code(), b.secret, b.deletionCode];
    };
    expect(await run('s1')).toEqual(await run('s1'));
    expect((await run('s1'))[0]).not.toBe((await run('s2'))[0]);
  });

  it('keeps the phone on the provider clock, with drift when asked', async () => {
    const provider = createTestProvider();
    const user = await provider.enrolledUser({ driftMs: -120_000 });
    const shown = user.phone.list()[0]!.code!;
    expect(verifyCode(user.secret, shown, { clock: provider.clock }).valid).toBe(false);
  });
});
