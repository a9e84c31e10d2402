// An expired password opens nothing but its change: not the törlőkód, not the e-mail factor, not
// the code step alone, not a mailed code.
import { describe, expect, it } from 'vitest';
import { MESSAGES_HU } from '../../src/index.js';
import { GENERIC_HU, PASSWORD, USER, enrolledLab, reasons } from '../support/provider.js';
import { EMAIL, emailLab } from './email-support.js';

const EXPIRED_HU = { ok: false, messageKey: 'password.expired', message: MESSAGES_HU['password.expired'] };

async function expiredPhoneAccount() {
  const lab = await enrolledLab();
  const { passwordExpiresAt } = await lab.provider.accountStatus(USER);
  lab.clock.set(passwordExpiresAt! + 1000);
  return lab;
}

describe('an expired password', () => {
  it('does not redeem the törlőkód: password.expired, as login answers, and the binding stays', async () => {
    const { provider, deletionCode, clock } = await expiredPhoneAccount();
    expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toEqual(EXPIRED_HU);
    expect(await provider.accountStatus(USER)).toMatchObject({ factor: 'app', secondFactor: 'active' });
    // A wrong password still gets the törlőkód's one answer, whatever the code.
    expect(await provider.redeemDeletionCode({ username: USER, password: 'wrong', deletionCode })).toMatchObject({
      ok: false,
      messageKey: 'deletionCode.wrong',
    });
    // After the change (and the 1 s delay the wrong try above set), the törlőkód works.
    await provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Új-Jelszó-2027' });
    clock.advance(1000);
    expect(
      await provider.redeemDeletionCode({ username: USER, password: 'Új-Jelszó-2027', deletionCode }),
    ).toMatchObject({ ok: true });
  });

  it('does not let the törlőkód choose the e-mail factor', async () => {
    const { provider, deletionCode } = await expiredPhoneAccount();
    expect(await provider.startEmailFactor({ username: USER, password: PASSWORD, deletionCode })).toEqual(EXPIRED_HU);
    expect(await provider.accountStatus(USER)).toMatchObject({ factor: 'app' });
    expect(provider.mailbox!.messages()).toEqual([]);
  });

  it('does not pass the code step alone', async () => {
    const { provider, code } = await expiredPhoneAccount();
    expect(await provider.verifySecondFactor({ username: USER, code: code() })).toEqual(GENERIC_HU);
    expect(reasons(provider).at(-1)).toBe('password-expired');
  });

  it('gets no mailed code', async () => {
    const { provider, clock, mailbox } = await emailLab();
    clock.set((await provider.accountStatus(USER)).passwordExpiresAt!);
    expect(await provider.sendEmailCode({ username: USER })).toEqual(GENERIC_HU);
    expect(mailbox.messages(EMAIL)).toEqual([]);
    expect(reasons(provider)).toEqual(['password-expired']);
  });

  it('still opens the change, and the change opens the rest', async () => {
    const { provider, code, clock } = await expiredPhoneAccount();
    expect(
      await provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Új-Jelszó-2027' }),
    ).toMatchObject({ ok: true });
    clock.advance(30_000);
    expect(await provider.verifySecondFactor({ username: USER, code: code() })).toMatchObject({ ok: true });
  });
});

describe('changePassword with the second factor', () => {
  it('checks a given code: a wrong one is refused and counted, a right one is spent', async () => {
    const { provider, code, clock } = await enrolledLab();
    const change = (c: string) =>
      provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Új-Jelszó-2027', code: c });
    expect(await change('000000')).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['wrong-code']);
    clock.advance(1000);
    const right = code();
    expect(await change(right)).toMatchObject({ ok: true });
    // The code was spent: the replay guard refuses it at login.
    expect(await provider.login({ username: USER, password: 'Új-Jelszó-2027', code: right })).toEqual(GENERIC_HU);
  });

  it('ignores the code once the password has expired, and for an account without a second factor', async () => {
    const expired = await expiredPhoneAccount();
    expect(
      await expired.provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Új-1', code: '' }),
    ).toMatchObject({ ok: true });
    const { provider } = await emailLab();
    await provider.register({ username: 'uj.felhasznalo', password: PASSWORD, email: EMAIL });
    expect(
      await provider.changePassword({ username: 'uj.felhasznalo', password: PASSWORD, newPassword: 'Új-1', code: '' }),
    ).toMatchObject({ ok: true });
  });
});
