import { describe, expect, it } from 'vitest';
import { generateCode } from '../../src/index.js';
import { GENERIC_HU, PASSWORD, USER, enrolledLab, reasons } from '../support/provider.js';

describe('"Beállítás másik eszközre" (device change)', () => {
  it('needs password + current code; confirming with the new phone replaces the secret and the törlőkód', async () => {
    const { provider, clock, code: oldPhone, deletionCode: oldDeletionCode } = await enrolledLab();
    expect(await provider.startDeviceChange({ username: USER, password: PASSWORD, code: '000000' })).toEqual(
      GENERIC_HU,
    );
    clock.advance(1000);
    const started = await provider.startDeviceChange({ username: USER, password: PASSWORD, code: oldPhone() });
    if (!started.ok) throw new Error('device change refused');
    expect(started.kind).toBe('device-change');
    const newPhone = () => generateCode(started.secret, { clock });
    // Same step as the login code, but another secret: the new phone's code is accepted.
    const confirmed = await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: newPhone() });
    if (!confirmed.ok) throw new Error('confirm refused');
    expect(confirmed.deletionCode).not.toBe(oldDeletionCode);
    expect(
      await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true }),
    ).toMatchObject({ ok: true, kind: 'device-change' });
    expect(provider.auditLog().map((e) => e.type)).toContain('device-replaced');

    clock.advance(30_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: oldPhone() })).toEqual(GENERIC_HU);
    clock.advance(1000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: newPhone() })).toMatchObject({ ok: true });
    // The old törlőkód is dead; the new one works.
    expect(
      await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: oldDeletionCode }),
    ).toMatchObject({ ok: false, messageKey: 'deletionCode.wrong' });
    clock.advance(1000);
    expect(
      await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: confirmed.deletionCode }),
    ).toMatchObject({ ok: true });
  });

  it('abandoning it leaves the old setup intact', async () => {
    const { provider, clock, code, deletionCode } = await enrolledLab();
    const started = await provider.startDeviceChange({ username: USER, password: PASSWORD, code: code() });
    if (!started.ok) throw new Error('device change refused');
    expect(await provider.abandonEnrollment({ enrollmentId: started.enrollmentId })).toMatchObject({
      ok: true,
      messageKey: 'enrollment.abandoned',
    });
    clock.advance(30_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toMatchObject({ ok: true });
    expect(
      await provider.login({ username: USER, password: PASSWORD, code: generateCode(started.secret, { clock }) }),
    ).toEqual(GENERIC_HU);
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'active', pending: null });
    clock.advance(1000);
    expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toMatchObject({
      ok: true,
    });
  });

  it('an expired device change also leaves the old setup intact', async () => {
    const { provider, clock, code } = await enrolledLab();
    const started = await provider.startDeviceChange({ username: USER, password: PASSWORD, code: code() });
    if (!started.ok) throw new Error('device change refused');
    clock.advance(10 * 60_000);
    expect(
      await provider.confirmEnrollment({
        enrollmentId: started.enrollmentId,
        code: generateCode(started.secret, { clock }),
      }),
    ).toMatchObject({ messageKey: 'enrollment.expired' });
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toMatchObject({ ok: true });
  });
});

describe('redeeming the törlőkód (lost phone)', () => {
  it('removes only the binding, spends the code, and lets the user enroll again with a new törlőkód', async () => {
    const { provider, clock, deletionCode, secret } = await enrolledLab();
    const typed = ` ${deletionCode.replace(/ /g, '-')} `; // as people type it
    expect(
      await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: typed }),
    ).toMatchObject({
      ok: true,
      messageKey: 'deletionCode.redeemed',
      message: expect.stringContaining('az ügyfélkapus fiók megmaradt'),
    });
    expect(await provider.accountStatus(USER)).toMatchObject({ exists: true, secondFactor: 'none' });
    expect(await provider.login({ username: USER, password: PASSWORD, code: generateCode(secret, { clock }) })).toEqual(
      GENERIC_HU,
    );
    expect(reasons(provider).at(-1)).toBe('not-enrolled');
    // Spent.
    expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toEqual({
      ok: false,
      messageKey: 'deletionCode.wrong',
      message: 'A felhasználónév, a jelszó vagy a megadott törlőkód nem megfelelő.',
    });
    const again = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!again.ok) throw new Error('start refused');
    const confirmed = await provider.confirmEnrollment({
      enrollmentId: again.enrollmentId,
      code: generateCode(again.secret, { clock }),
    });
    expect(confirmed.ok && confirmed.deletionCode).not.toBe(deletionCode);
    expect(provider.auditLog().map((e) => e.type)).toContain('deletion-code-redeemed');
  });

  it('needs the right password: otherwise the answer of a wrong code, and the code is not spent', async () => {
    const { provider, deletionCode, clock } = await enrolledLab();
    const wrong = {
      ok: false,
      messageKey: 'deletionCode.wrong',
      message: 'A felhasználónév, a jelszó vagy a megadott törlőkód nem megfelelő.',
    };
    expect(await provider.redeemDeletionCode({ username: USER, password: 'rossz', deletionCode })).toEqual(wrong);
    expect(await provider.redeemDeletionCode({ username: 'senki', password: PASSWORD, deletionCode })).toEqual(wrong);
    expect(reasons(provider).slice(-2)).toEqual(['wrong-password', 'unknown-user']);
    // The wrong password counted against the törlőkód throttle, as a wrong code does.
    clock.advance(1_000);
    expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toMatchObject({
      ok: true,
    });
  });

  it('throttles wrong deletion codes like wrong one-time codes', async () => {
    const { provider, clock, deletionCode } = await enrolledLab();
    const wrong = '1111 2222 3333 4444 5555';
    let t = clock.now();
    for (const delay of [1000, 2000, 4000]) {
      expect(
        await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: wrong }),
      ).toMatchObject({ messageKey: 'deletionCode.wrong' });
      clock.set(t + delay - 1);
      expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toMatchObject({
        ok: false,
        messageKey: 'code.throttled',
        retryAt: t + delay,
      });
      t = clock.set(t + delay);
    }
    expect(await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode })).toMatchObject({
      ok: true,
    });
  });
});
