import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, MESSAGES_HU } from '../../src/index.js';
import { GENERIC_HU, PASSWORD, USER, enrolledLab, reasons } from '../support/provider.js';

const DAY = 86_400_000;
const EXPIRED_HU = { ok: false, messageKey: 'password.expired', message: MESSAGES_HU['password.expired'] };

describe('password age', () => {
  it('uses the real numbers: two calendar years, a warning 14 days before, the lock 60 days after', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({
      maxAgeYears: 2,
      warnBeforeMs: 14 * DAY,
      lockAfterExpiredMs: 60 * DAY,
    });
  });

  it('warns in the last 14 days, after the right password only', async () => {
    const { provider, clock, code } = await enrolledLab();
    const status = await provider.accountStatus(USER);
    expect(status.password).toBe('ok');
    const expiresAt = status.passwordExpiresAt!;
    clock.set(expiresAt - 14 * DAY - 1);
    expect(await provider.verifyPassword({ username: USER, password: PASSWORD })).toEqual({
      ok: true,
      username: USER,
      secondFactor: 'app',
    });
    clock.set(expiresAt - 3 * DAY + 1);
    const warned = await provider.verifyPassword({ username: USER, password: PASSWORD });
    expect(warned).toMatchObject({
      ok: true,
      passwordWarning: { messageKey: 'password.expiring', expiresAt, daysLeft: 3 },
    });
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toMatchObject({
      ok: true,
      passwordWarning: { daysLeft: 3, message: 'Jelszava 3 nap múlva lejár. Kérjük, változtassa meg.' },
    });
    expect(await provider.verifyPassword({ username: USER, password: 'wrong' })).toEqual(GENERIC_HU);
    expect((await provider.accountStatus(USER)).password).toBe('warning');
  });

  it('requires a change at expiry; the new password works and restarts the two years', async () => {
    const { provider, clock, code } = await enrolledLab();
    const { passwordExpiresAt } = await provider.accountStatus(USER);
    clock.set(passwordExpiresAt!);
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toEqual(EXPIRED_HU);
    expect(await provider.login({ username: USER, password: 'wrong', code: code() })).toEqual(GENERIC_HU);
    expect(await provider.changePassword({ username: USER, password: PASSWORD, newPassword: PASSWORD })).toMatchObject({
      ok: false,
      messageKey: 'password.reused',
    });
    const changed = await provider.changePassword({
      username: USER,
      password: PASSWORD,
      newPassword: 'Új-Jelszó-2027',
    });
    expect(changed).toMatchObject({
      ok: true,
      messageKey: 'password.changed',
      // Two calendar years from January 2027: 731 days, as they hold 29 February 2028.
      passwordExpiresAt: clock.now() + 731 * DAY,
    });
    expect(await provider.login({ username: USER, password: 'Új-Jelszó-2027', code: code() })).toMatchObject({
      ok: true,
    });
    expect(reasons(provider)).toEqual(['password-expired', 'wrong-password', 'password-reused']);
  });

  it('locks the account 60 days after expiry until unlock, and then still requires the change', async () => {
    const { provider, clock, code } = await enrolledLab();
    const { passwordExpiresAt } = await provider.accountStatus(USER);
    clock.set(passwordExpiresAt! + 60 * DAY - 1);
    expect(await provider.verifyPassword({ username: USER, password: PASSWORD })).toEqual(EXPIRED_HU);
    clock.advance(1);
    expect(await provider.verifyPassword({ username: USER, password: PASSWORD })).toEqual(GENERIC_HU);
    expect(await provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Más-Jelszó-1' })).toEqual(
      GENERIC_HU,
    );
    expect(await provider.verifySecondFactor({ username: USER, code: code() })).toEqual(GENERIC_HU);
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: true, password: 'expired-locked' });
    await provider.unlock(USER);
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: false, password: 'expired' });
    expect(await provider.verifyPassword({ username: USER, password: PASSWORD })).toEqual(EXPIRED_HU);
    expect(
      await provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Más-Jelszó-1' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await provider.verifyPassword({ username: USER, password: 'Más-Jelszó-1' })).toMatchObject({ ok: true });
    expect(reasons(provider)).toEqual([
      'password-expired',
      'password-expired-locked',
      'password-expired-locked',
      'password-expired-locked',
      'password-expired',
    ]);
  });

  it('turns off with maxAgeMs 0', async () => {
    const { provider, clock } = await enrolledLab({ passwordPolicy: { maxAgeMs: 0 } });
    clock.advance(3650 * DAY);
    expect(await provider.verifyPassword({ username: USER, password: PASSWORD })).toMatchObject({ ok: true });
    expect((await provider.accountStatus(USER)).passwordExpiresAt).toBeNull();
  });
});
