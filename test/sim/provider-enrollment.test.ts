import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidStateError, generateCode, parseKeyUri } from '../../src/index.js';
import { GENERIC_HU, PASSWORD, USER, enrolledLab, lab, reasons } from '../support/provider.js';

describe('enrollment', () => {
  it('walks start → confirm (green tick, törlőkód once) → finish, then login works from the next step', async () => {
    const { provider, clock } = lab();
    expect(await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' })).toMatchObject({
      ok: true,
      messageKey: 'register.ok',
    });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    expect(started.kind).toBe('enrollment');
    const uri = parseKeyUri(started.keyUri);
    expect(uri).toMatchObject({
      issuer: 'Ügyfélkapu+',
      account: USER,
      secret: started.secret,
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
    expect(started.secretText.replace(/ /g, '')).toBe(started.secret);
    expect(started.secretText).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4})+$/);
    expect(started.expiresAt).toBe(clock.now() + 10 * 60_000);

    const code = generateCode(started.secret, { clock });
    const confirmed = await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code });
    if (!confirmed.ok) throw new Error('confirm refused');
    expect(confirmed.deletionCode).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(confirmed.message).toContain('törlőkód');

    const finished = await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    expect(finished).toMatchObject({
      ok: true,
      messageKey: 'enrollment.finished',
      kind: 'enrollment',
      activeFrom: clock.now(),
    });
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'active', pending: null });

    // The code that confirmed the enrollment is spent too (RFC 6238 §5.2).
    expect(await provider.login({ username: USER, password: PASSWORD, code })).toEqual(GENERIC_HU);
    expect(reasons(provider).at(-1)).toBe('replayed-code');
    clock.advance(30_000);
    expect(
      await provider.login({ username: USER, password: PASSWORD, code: generateCode(started.secret, { clock }) }),
    ).toMatchObject({ ok: true, messageKey: 'login.ok', username: USER });
    expect(provider.auditLog().map((e) => e.type)).toEqual([
      'registered',
      'enrollment-started',
      'enrollment-confirmed',
      'enrollment-finished',
      'login-refused',
      'login-ok',
    ]);
  });

  it('takes a configurable deletion-code length and grouping', async () => {
    const { provider, clock } = lab({ deletionCode: { length: 12, groupSize: 3 } });
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    const confirmed = await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    expect(confirmed.ok && confirmed.deletionCode).toMatch(/^\d{3}( \d{3}){3}$/);
  });

  it('refuses a wrong first code with "A megadott token nem megfelelő" and throttles the next try', async () => {
    const { provider, clock } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    const wrong = String((Number(generateCode(started.secret, { clock })) + 1) % 1_000_000).padStart(6, '0');
    expect(await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: wrong })).toEqual({
      ok: false,
      messageKey: 'code.wrong',
      message: 'A megadott token nem megfelelő',
    });
    const right = generateCode(started.secret, { clock });
    expect(await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: right })).toMatchObject({
      ok: false,
      messageKey: 'code.throttled',
      retryAt: clock.now() + 1000,
      message: 'Túl sok sikertelen próbálkozás. Kérjük, próbálja újra 1 másodperc múlva.',
    });
    clock.advance(1000);
    expect(await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: right })).toMatchObject({
      ok: true,
    });
  });

  it('finishes only with the "Törlőkód mentéséről gondoskodtam" acknowledgement', async () => {
    const { provider, clock } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    expect(
      await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: false }),
    ).toMatchObject({
      ok: false,
      messageKey: 'enrollment.acknowledgementRequired',
      message: 'Kérjük, jelölje be: „Törlőkód mentéséről gondoskodtam”.',
    });
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'none', pending: { confirmed: true } });
    expect(
      await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true }),
    ).toMatchObject({ ok: true });
    await expect(
      provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: 'yes' as unknown as boolean }),
    ).rejects.toThrow('"deletionCodeSaved" must be true or false, got "yes"');
  });

  it('refuses steps out of order with InvalidStateError', async () => {
    const { provider, clock } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    const id = started.enrollmentId;
    await expect(provider.finishEnrollment({ enrollmentId: id, deletionCodeSaved: true })).rejects.toThrow(
      /is not confirmed yet: call confirmEnrollment/,
    );
    await provider.confirmEnrollment({ enrollmentId: id, code: generateCode(started.secret, { clock }) });
    await expect(provider.confirmEnrollment({ enrollmentId: id, code: '000000' })).rejects.toThrow(InvalidStateError);
    await provider.finishEnrollment({ enrollmentId: id, deletionCodeSaved: true });
    await expect(provider.finishEnrollment({ enrollmentId: id, deletionCodeSaved: true })).rejects.toThrow(
      /is not pending/,
    );
    await expect(provider.confirmEnrollment({ enrollmentId: 'f'.repeat(32), code: '000000' })).rejects.toThrow(
      InvalidStateError,
    );
    await expect(provider.confirmEnrollment({ enrollmentId: 'nope', code: '000000' })).rejects.toThrow(
      InvalidArgumentError,
    );
    // Already bound: the generic refusal, as for a wrong password (no password oracle).
    expect(await provider.startEnrollment({ username: USER, password: PASSWORD })).toEqual(GENERIC_HU);
    expect(reasons(provider).at(-1)).toBe('already-enrolled');
  });

  it('refuses to start for a wrong password with the generic message', async () => {
    const { provider } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    expect(await provider.startEnrollment({ username: USER, password: 'wrong' })).toEqual(GENERIC_HU);
    expect(await provider.startEnrollment({ username: 'nobody', password: PASSWORD })).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['wrong-password', 'unknown-user']);
  });

  it('expires an unfinished enrollment after the configured time, before or after confirmation', async () => {
    const { provider, clock } = lab({ enrollmentTtlMs: 5 * 60_000 });
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const first = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!first.ok) throw new Error('start refused');
    clock.advance(5 * 60_000 - 1);
    const almost = generateCode(first.secret, { clock });
    clock.advance(1);
    expect(await provider.confirmEnrollment({ enrollmentId: first.enrollmentId, code: almost })).toMatchObject({
      ok: false,
      messageKey: 'enrollment.expired',
      message: 'A beállításra szánt idő lejárt. Kérjük, kezdje újra.',
    });
    await expect(provider.confirmEnrollment({ enrollmentId: first.enrollmentId, code: almost })).rejects.toThrow(
      InvalidStateError,
    );

    const second = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!second.ok) throw new Error('start refused');
    expect(
      await provider.confirmEnrollment({
        enrollmentId: second.enrollmentId,
        code: generateCode(second.secret, { clock }),
      }),
    ).toMatchObject({ ok: true });
    clock.advance(5 * 60_000);
    expect(
      await provider.finishEnrollment({ enrollmentId: second.enrollmentId, deletionCodeSaved: true }),
    ).toMatchObject({ messageKey: 'enrollment.expired' });
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'none', pending: null });
    expect(provider.auditLog().filter((e) => e.type === 'enrollment-expired')).toHaveLength(2);
  });

  it('a new start supersedes the unfinished one', async () => {
    const { provider } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const first = await provider.startEnrollment({ username: USER, password: PASSWORD });
    const second = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!first.ok || !second.ok) throw new Error('start refused');
    expect(second.secret).not.toBe(first.secret);
    await expect(provider.confirmEnrollment({ enrollmentId: first.enrollmentId, code: '000000' })).rejects.toThrow(
      /is not pending/,
    );
    expect(provider.auditLog().map((e) => e.type)).toContain('enrollment-abandoned');
  });

  it('the ugyfelkapu profile activates 90 s after Befejezés; logins before it get the generic refusal', async () => {
    const l = lab({ profile: 'ugyfelkapu' });
    const { provider, clock } = l;
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error('start refused');
    await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    const finished = await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    expect(finished).toMatchObject({ ok: true, activeFrom: clock.now() + 90_000 });
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'pending-activation' });
    clock.advance(60_000);
    expect(
      await provider.login({ username: USER, password: PASSWORD, code: generateCode(started.secret, { clock }) }),
    ).toEqual(GENERIC_HU);
    expect(reasons(provider).at(-1)).toBe('activation-pending');
    clock.advance(30_000);
    expect(
      await provider.login({ username: USER, password: PASSWORD, code: generateCode(started.secret, { clock }) }),
    ).toMatchObject({ ok: true });
  });

  it('several phones work when they hold the same secret', async () => {
    const { provider, clock, secret } = await enrolledLab();
    const phoneA = () => generateCode(secret, { clock });
    const phoneB = () => generateCode(secret.toLowerCase(), { clock }); // typed by hand
    expect(await provider.login({ username: USER, password: PASSWORD, code: phoneA() })).toMatchObject({ ok: true });
    clock.advance(30_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: phoneB() })).toMatchObject({ ok: true });
  });
});
