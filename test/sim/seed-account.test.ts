// Accounts put straight into a stated state (provider.seedAccount): each state behaves as the same
// state reached through the real flows would, the same input twice gives the same account, and bad
// input changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidSecretError,
  generateCode,
  isTotpLabError,
  parseKeyUri,
  verifyCode,
  type SeedAccountInput,
} from '../../src/index.js';
import { SEED_ACCOUNT_FIELDS } from '../../src/sim/provider/seed-account.js';
import { GENERIC_HU, PASSWORD, T0, lab, reasons } from '../support/provider.js';

const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890", RFC 6238 Appendix B
const DELETION = '1234-5678-9012-3456-7890';
const DAY = 86_400_000;

describe('an account in a stated state', () => {
  it('with the app: its secret, key URI and törlőkód work as an enrolled phone’s would', async () => {
    const { provider, clock } = lab();
    const seeded = await provider.seedAccount({ username: 'anna', password: PASSWORD });
    expect(seeded).toMatchObject({ ok: true, username: 'anna', factor: 'app', replaced: false, email: null });
    expect(parseKeyUri(seeded.keyUri!)).toMatchObject({
      secret: seeded.secret,
      account: 'anna',
      issuer: 'Ügyfélkapu+',
    });
    expect(seeded.deletionCode).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(await provider.accountStatus('anna')).toMatchObject({ exists: true, factor: 'app', secondFactor: 'active' });
    const code = generateCode(seeded.secret!, { clock });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toMatchObject({ ok: true });
    // Replayed: the RFC 6238 §5.2 guard works on a seeded account as on any other.
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toEqual(GENERIC_HU);
    expect(
      await provider.redeemDeletionCode({ username: 'anna', password: PASSWORD, deletionCode: seeded.deletionCode! }),
    ).toMatchObject({ ok: true });
    expect(await provider.accountStatus('anna')).toMatchObject({ factor: null, secondFactor: 'none' });
  });

  it('takes a given secret (the RFC 6238 key: its published code) and törlőkód', async () => {
    const { provider, clock } = lab();
    const seeded = await provider.seedAccount({
      username: 'anna',
      password: PASSWORD,
      secret: RFC_SECRET.toLowerCase(),
      deletionCode: DELETION,
    });
    expect(seeded.secret).toBe(RFC_SECRET);
    expect(seeded.deletionCode).toBe('1234 5678 9012 3456 7890');
    clock.set(59_000); // RFC 6238 Appendix B: T = 59 s gives 94287082 (8 digits), so 287082 with 6.
    expect(await provider.accountCode({ username: 'anna' })).toMatchObject({ code: '287082', step: 1 });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code: '287082' })).toMatchObject({ ok: true });
    expect(
      await provider.redeemDeletionCode({ username: 'anna', password: PASSWORD, deletionCode: '12345678901234567890' }),
    ).toMatchObject({ ok: true });
  });

  it('the same input twice gives the same account: the secret and törlőkód are kept, counters start again', async () => {
    const { provider, clock } = lab();
    const first = await provider.seedAccount({ username: 'anna', password: PASSWORD });
    const code = generateCode(first.secret!, { clock });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toMatchObject({ ok: true });
    await provider.login({ username: 'anna', password: 'wrong', code });
    const again = await provider.seedAccount({ username: 'anna', password: PASSWORD });
    expect(again).toMatchObject({ replaced: true, secret: first.secret, keyUri: first.keyUri, deletionCode: null });
    expect(await provider.accountStatus('anna')).toMatchObject({ passwordFailures: 0, locked: false });
    // The stated state has no accepted step: the same code works once more.
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(
      await provider.redeemDeletionCode({ username: 'anna', password: PASSWORD, deletionCode: first.deletionCode! }),
    ).toMatchObject({ ok: true });
    // A new secret means a new binding, with a new törlőkód.
    const moved = await provider.seedAccount({ username: 'anna', password: PASSWORD, secret: RFC_SECRET });
    expect(moved.deletionCode).toMatch(/^\d{4}( \d{4}){4}$/);
  });

  it('with e-mail: the code is mailed to its address and logs in', async () => {
    const { provider } = lab();
    await provider.seedAccount({ username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email' });
    expect(await provider.accountStatus('eva')).toMatchObject({ factor: 'email', secondFactor: 'active' });
    expect(await provider.verifyPassword({ username: 'eva', password: PASSWORD })).toMatchObject({
      ok: true,
      secondFactor: 'email',
    });
    const sent = await provider.sendEmailCode({ username: 'eva' });
    expect(sent.ok).toBe(true);
    const text = provider.mailbox!.messages('eva@example.hu').at(-1)!.text;
    const code = /\b(\d{6})\b/.exec(text)![1]!;
    expect(await provider.verifySecondFactor({ username: 'eva', code })).toMatchObject({ ok: true });
    await expect(provider.accountCode({ username: 'eva' })).rejects.toThrow('has no authenticator-app binding');
  });

  it('with no factor: the password works and the next step is setting one up', async () => {
    const { provider } = lab();
    await provider.seedAccount({ username: 'bela', password: PASSWORD, factor: 'none' });
    expect(await provider.accountStatus('bela')).toMatchObject({ factor: null, secondFactor: 'none' });
    expect(await provider.startEnrollment({ username: 'bela', password: PASSWORD })).toMatchObject({ ok: true });
  });

  it('not yet active: refused until the activation delay has passed', async () => {
    const { provider, clock } = lab({ profile: 'ugyfelkapu' });
    const seeded = await provider.seedAccount({ username: 'anna', password: PASSWORD, active: false });
    const status = await provider.accountStatus('anna');
    expect(status).toMatchObject({ secondFactor: 'pending-activation', activeFrom: clock.now() + 90_000 });
    const code = () => generateCode(seeded.secret!, { clock });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code: code() })).toEqual(GENERIC_HU);
    expect(reasons(provider)).toContain('activation-pending');
    clock.advance(90_000);
    expect(await provider.login({ username: 'anna', password: PASSWORD, code: code() })).toMatchObject({ ok: true });
  });

  it('with an old password: a warning, expired, or locked by age, as the password policy says', async () => {
    const { provider, clock } = lab();
    const state = async (days: number) => {
      await provider.seedAccount({ username: 'anna', password: PASSWORD, passwordAgeDays: days });
      return (await provider.accountStatus('anna')).password;
    };
    expect(await state(0)).toBe('ok');
    expect(await state(720)).toBe('warning');
    expect(await state(731)).toBe('expired');
    expect(await provider.verifyPassword({ username: 'anna', password: PASSWORD })).toMatchObject({
      messageKey: 'password.expired',
    });
    expect(await state(800)).toBe('expired-locked');
    // Two calendar years after the password was set.
    const expires = new Date(clock.now() - 800 * DAY);
    expires.setUTCFullYear(expires.getUTCFullYear() + 2);
    expect((await provider.accountStatus('anna')).passwordExpiresAt).toBe(expires.getTime());
  });

  it('locked: the right password is refused until the administrator unlocks it', async () => {
    const { provider } = lab();
    await provider.seedAccount({ username: 'anna', password: PASSWORD, locked: true, factor: 'none' });
    expect(await provider.accountStatus('anna')).toMatchObject({ locked: true, passwordFailures: 5 });
    expect(await provider.verifyPassword({ username: 'anna', password: PASSWORD })).toEqual(GENERIC_HU);
    await provider.unlock('anna');
    expect(await provider.verifyPassword({ username: 'anna', password: PASSWORD })).toMatchObject({ ok: true });
  });

  it('replacing an account drops its pending setup and its index', async () => {
    const { provider, store } = lab();
    await provider.seedAccount({ username: 'anna', password: PASSWORD, factor: 'none' });
    const started = await provider.startEnrollment({ username: 'anna', password: PASSWORD });
    if (!started.ok) throw new Error(started.messageKey);
    expect(await store.keys('enrollment:')).toHaveLength(1);
    await provider.seedAccount({ username: 'anna', password: PASSWORD, factor: 'none' });
    expect(await store.keys('enrollment:')).toEqual([]);
    await expect(provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: '000000' })).rejects.toThrow(
      'is not pending',
    );
  });
});

describe('bad input to seedAccount', () => {
  const cases: [string, Partial<SeedAccountInput> & Record<string, unknown>, RegExp, string][] = [
    ['an unknown field', { sms: true }, /unknown field "sms"/, 'INVALID_ARGUMENT'],
    ['a secret that is not base32', { secret: 'not base32!' }, /"secret" must be base32/, 'INVALID_SECRET'],
    ['a negative age', { passwordAgeDays: -1 }, /"passwordAgeDays" must be a number of days/, 'INVALID_ARGUMENT'],
    ['an unknown factor', { factor: 'sms' as never }, /"factor" must be app, email or none/, 'INVALID_ARGUMENT'],
    ['e-mail without an address', { factor: 'email' }, /"email" is needed/, 'INVALID_ARGUMENT'],
    [
      'a secret with e-mail',
      { factor: 'email', email: 'a@b.hu', secret: RFC_SECRET },
      /belongs to the app/,
      'INVALID_ARGUMENT',
    ],
    ['a short törlőkód', { deletionCode: '1234' }, /"deletionCode" must be 20 digits/, 'INVALID_ARGUMENT'],
    ['a word for a flag', { locked: 'yes' as never }, /"locked" must be true or false/, 'INVALID_ARGUMENT'],
    ['no password', { password: '' }, /"password" must not be empty/, 'INVALID_ARGUMENT'],
  ];
  for (const [what, fields, message, code] of cases) {
    it(`refuses ${what} with a typed error, and the account it would replace is unchanged`, async () => {
      const { provider, store } = lab();
      await provider.seedAccount({ username: 'anna', password: PASSWORD, secret: RFC_SECRET });
      const before = store.snapshot();
      const error = await provider
        .seedAccount({ username: 'anna', password: PASSWORD, ...fields } as never)
        .catch((e) => e);
      expect(isTotpLabError(error)).toBe(true);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(store.snapshot()).toEqual(before);
    });
  }

  it('never quotes the secret or törlőkód it refuses', async () => {
    const { provider } = lab();
    const error = await provider
      .seedAccount({ username: 'anna', password: PASSWORD, secret: 'SECRETSECRET1' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidSecretError);
    expect(error.message).not.toContain('SECRETSECRET');
    const short = await provider
      .seedAccount({ username: 'anna', password: PASSWORD, deletionCode: '99887766' })
      .catch((e) => e);
    expect(short.message).not.toContain('99887766');
  });

  it('any value in any field: a seeded account or a typed error, never another kind', async () => {
    const { provider } = lab();
    const field = fc.constantFrom(...SEED_ACCOUNT_FIELDS);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, fc.anything(), { maxKeys: 9 }), async (fields) => {
        const body = { username: 'anna', password: PASSWORD, ...fields };
        const outcome = await provider.seedAccount(body as never).then(
          (r) => r,
          (e: unknown) => e,
        );
        // A random username may be seeded too; the answer then names that one.
        if (!isTotpLabError(outcome)) expect(outcome).toMatchObject({ ok: true, username: body.username });
      }),
      { numRuns: 200 },
    );
  });
});

describe('codes and the replay guard of a seeded account', () => {
  it('gives the code of the step with at least minRemaining seconds left, and says when it is spent', async () => {
    const { provider, clock } = lab();
    const { secret } = await provider.seedAccount({ username: 'anna', password: PASSWORD });
    clock.set(T0 + 26_000); // 4 s before the step changes
    const now = await provider.accountCode({ username: 'anna', minRemaining: 4 });
    expect(now).toMatchObject({ step: T0 / 30_000, validFrom: T0, validUntil: T0 + 30_000, period: 30, spent: false });
    expect(now!.code).toBe(generateCode(secret!, { time: T0 }));
    const next = await provider.accountCode({ username: 'anna', minRemaining: 5 });
    expect(next).toMatchObject({ step: T0 / 30_000 + 1, validFrom: T0 + 30_000, validUntil: T0 + 60_000 });
    expect(verifyCode(secret!, next!.code, { time: T0 + 30_000, window: 0 }).valid).toBe(true);
    expect(await provider.login({ username: 'anna', password: PASSWORD, code: now!.code })).toMatchObject({ ok: true });
    expect(await provider.accountCode({ username: 'anna' })).toMatchObject({ spent: true });
    expect(await provider.lastStep('anna')).toEqual({
      username: 'anna',
      lastStep: T0 / 30_000,
      serverStep: T0 / 30_000,
      period: 30,
    });
  });

  it('forgetting the last step lets a code of that step log in once more, and only once', async () => {
    const { provider } = lab();
    await provider.seedAccount({ username: 'anna', password: PASSWORD });
    const { code } = (await provider.accountCode({ username: 'anna' }))!;
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toEqual(GENERIC_HU);
    expect(await provider.forgetLastStep('anna')).toMatchObject({ lastStep: -1 });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toEqual(GENERIC_HU);
    expect(provider.auditLog().map((e) => e.type)).toContain('last-step-forgotten');
  });

  it('answers null for an unknown account, and refuses minRemaining out of range', async () => {
    const { provider } = lab();
    expect(await provider.accountCode({ username: 'nobody' })).toBeNull();
    expect(await provider.lastStep('nobody')).toBeNull();
    expect(await provider.forgetLastStep('nobody')).toBeNull();
    expect(await provider.removeAccount('nobody')).toBeNull();
    await provider.seedAccount({ username: 'anna', password: PASSWORD });
    for (const bad of [-1, 30, 2.5, '5'])
      await expect(provider.accountCode({ username: 'anna', minRemaining: bad as never })).rejects.toThrow(
        '"minRemaining" must be a whole number of seconds from 0 to 29',
      );
  });
});

describe('removing an account', () => {
  it('removes the record and the indexes of its setups; the name is free again', async () => {
    const { provider, store } = lab();
    await provider.seedAccount({ username: 'anna', password: PASSWORD, email: 'anna@example.hu', factor: 'none' });
    await provider.startEnrollment({ username: 'anna', password: PASSWORD });
    await provider.startEmailFactor({ username: 'anna', password: PASSWORD });
    // The record, the two setups' indexes, and the send count of the address the code went to.
    expect((await store.keys()).length).toBe(4);
    expect(await provider.removeAccount('anna')).toEqual({ ok: true, username: 'anna', email: 'anna@example.hu' });
    expect(await store.keys()).toEqual([]);
    expect(await provider.accountStatus('anna')).toMatchObject({ exists: false });
    expect(await provider.register({ username: 'anna', password: PASSWORD, email: 'a@b.hu' })).toMatchObject({
      ok: true,
    });
  });

  it("takes the account's attempt trail with it, so a new account of that name starts clean", async () => {
    const { provider, store } = lab();
    await provider.seedAccount({ username: 'anna', password: PASSWORD, factor: 'none' });
    const refused = await provider.login({ username: 'anna', password: 'wrong-password-1', code: '000000' });
    expect(refused).toMatchObject({ ok: false });
    expect((await provider.explainAttempts('anna')).attempts.length).toBe(1);
    expect(await store.keys('attempts:')).toEqual(['attempts:anna']);
    await provider.removeAccount('anna');
    expect(await store.keys()).toEqual([]);
    await provider.seedAccount({ username: 'anna', password: PASSWORD, factor: 'none' });
    expect((await provider.explainAttempts('anna')).attempts).toEqual([]);
  });
});
