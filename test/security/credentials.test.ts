// Every provider method that takes a username or a password reads it the same way: the same length
// bounds, and usernames in one normal form (NFC), so look-alike spellings are one account.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, generateCode, type Provider } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab, lab } from '../support/provider.js';

const HUGE = 'a'.repeat(1024 * 1024);
const NFC = 'kovács.jános'.normalize('NFC');
const NFD = 'kovács.jános'.normalize('NFD');

/** Every method with a username, called with `username` and otherwise valid arguments. */
const CALLS: Record<string, (p: Provider, username: string) => Promise<unknown>> = {
  register: (p, username) => p.register({ username, password: PASSWORD, email: 'a@example.hu' }),
  login: (p, username) => p.login({ username, password: PASSWORD, code: '123456' }),
  verifySecondFactor: (p, username) => p.verifySecondFactor({ username, code: '123456' }),
  startEnrollment: (p, username) => p.startEnrollment({ username, password: PASSWORD }),
  startDeviceChange: (p, username) => p.startDeviceChange({ username, password: PASSWORD, code: '123456' }),
  redeemDeletionCode: (p, username) =>
    p.redeemDeletionCode({ username, password: PASSWORD, deletionCode: '1'.repeat(20) }),
  unlock: (p, username) => p.unlock(username),
  accountStatus: (p, username) => p.accountStatus(username),
};

describe('one credential reader for every method', () => {
  it.each(Object.keys(CALLS))('%s refuses a 1 MiB username before doing anything, and logs nothing', async (method) => {
    const { provider } = await enrolledLab();
    const before = provider.auditLog().length;
    await expect(CALLS[method]!(provider, HUGE)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(CALLS[method]!(provider, 'x'.repeat(129))).rejects.toThrow(
      /"username" must be 1 to 128 printable characters/,
    );
    await expect(CALLS[method]!(provider, 'bad\u0000name')).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(provider.auditLog().length).toBe(before);
  });

  it.each(['login', 'startEnrollment', 'startDeviceChange', 'redeemDeletionCode'] as const)(
    '%s applies the password bounds of register',
    async (method) => {
      const { provider } = await enrolledLab();
      const call = (password: string) => {
        const base = { username: USER, password, code: '123456', deletionCode: '1'.repeat(20) };
        return (provider[method] as (i: typeof base) => Promise<unknown>)(base);
      };
      await expect(call('')).rejects.toThrow(/"password" must not be empty/);
      await expect(call('x'.repeat(4097))).rejects.toThrow(/"password" must be at most 4096 characters/);
    },
  );
});

describe('usernames are compared in NFC, case as typed', () => {
  it('a user registered in NFC logs in with the name in NFD', async () => {
    const { provider, clock } = lab();
    expect(NFC).not.toBe(NFD);
    await provider.register({ username: NFC, password: PASSWORD, email: 'janos@example.hu' });
    const started = await provider.startEnrollment({ username: NFD, password: PASSWORD });
    if (!started.ok) throw new Error(started.messageKey);
    expect(started.account).toBe(NFC);
    await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    clock.advance(30_000);
    const ok = await provider.login({
      username: NFD,
      password: PASSWORD,
      code: generateCode(started.secret, { clock }),
    });
    expect(ok).toMatchObject({ ok: true, username: NFC });
    expect(await provider.accountStatus(NFD)).toMatchObject({ exists: true, secondFactor: 'active' });
  });

  it('the NFD spelling of a registered name is taken, not a second account', async () => {
    const { provider, store } = lab();
    await provider.register({ username: NFD, password: PASSWORD, email: 'janos@example.hu' });
    expect(await provider.register({ username: NFC, password: 'other-pass', email: 'x@example.hu' })).toMatchObject({
      ok: false,
      messageKey: 'register.taken',
    });
    expect(Object.keys(store.snapshot())).toEqual([`account:${NFC}`]);
  });

  it('case is not folded: names differing in case are different accounts', async () => {
    const { provider } = lab();
    await provider.register({ username: 'Kovacs.Janos', password: PASSWORD, email: 'a@example.hu' });
    expect(
      await provider.register({ username: 'kovacs.janos', password: PASSWORD, email: 'b@example.hu' }),
    ).toMatchObject({ ok: true });
    expect(await provider.accountStatus('KOVACS.JANOS')).toMatchObject({ exists: false });
  });
});
