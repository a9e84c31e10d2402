// The trainer API: why a code was (or would be) refused, the last accepted step and the period.
// Codes come from otpauth, an independent TOTP implementation, so the step arithmetic is checked
// against code we did not write.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, type Provider } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab, lab } from '../support/provider.js';

/** The code of `secret` at `time` (ms), made by otpauth. */
const otp = (secret: string, time: number, period = 30) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), period, timestamp: time });

/** A code that belongs to no step within ±20 of `time` for `secret`. */
function strayCode(secret: string, time: number): string {
  const near = new Set(Array.from({ length: 41 }, (_, i) => otp(secret, time + (i - 20) * 30_000)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

const explain = (provider: Provider, code: string, key?: 'current' | 'pending') =>
  provider.explainCode({ username: USER, code, ...(key ? { key } : {}) });

describe('provider.inspect', () => {
  it('reports the period, the window, the service step and the last accepted step', async () => {
    // A service with its own period: set up by hand, as enrolledLab makes 30-second codes.
    const { provider, clock } = lab({ period: 60, window: 2 });
    await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    const started = await provider.startEnrollment({ username: USER, password: PASSWORD });
    if (!started.ok) throw new Error(started.messageKey);
    await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: otp(started.secret, clock.now(), 60),
    });
    await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    const confirmedStep = Math.floor(clock.now() / 60_000);
    clock.advance(60_000);
    const secret = started.secret;
    const before = await provider.inspect(` ${USER} `);
    expect(before).toMatchObject({
      username: USER,
      exists: true,
      period: 60,
      window: 2,
      serverStep: confirmedStep + 1,
      lastStep: confirmedStep,
      lastRefusal: null,
    });
    const code = otp(secret, clock.now(), 60);
    expect(await provider.login({ username: USER, password: PASSWORD, code })).toMatchObject({ ok: true });
    expect((await provider.inspect(USER)).lastStep).toBe(Math.floor(clock.now() / 60_000));
    expect(await provider.inspect('nobody')).toMatchObject({
      exists: false,
      lastStep: -1,
      period: 60,
      lastRefusal: null,
    });
  });

  it('says why the last attempt was refused, from the audit log', async () => {
    const { provider, clock, secret } = await enrolledLab({ throttle: { baseMs: 0 } });
    const code = otp(secret, clock.now());
    await provider.login({ username: USER, password: PASSWORD, code });
    await provider.login({ username: USER, password: PASSWORD, code });
    expect((await provider.inspect(USER)).lastRefusal).toMatchObject({
      type: 'login-refused',
      username: USER,
      reason: 'replayed-code',
    });
    await provider.login({ username: USER, password: 'wrong', code });
    expect((await provider.inspect(USER)).lastRefusal).toMatchObject({ reason: 'wrong-password' });
    provider.faults.start('outage');
    await provider.verifySecondFactor({ username: USER, code });
    expect((await provider.inspect(USER)).lastRefusal).toMatchObject({ type: 'fault', fault: 'outage' });
  });
});

describe('provider.explainCode', () => {
  it('places a code on its step and tells accepted, replayed and outside the window apart', async () => {
    const { provider, clock, secret } = await enrolledLab();
    // enrolledLab leaves the confirming code's step just behind; one more step makes the previous one unused.
    clock.advance(30_000);
    const now = clock.now();
    const server = Math.floor(now / 30_000);
    const code = otp(secret, now);
    expect(await explain(provider, code)).toMatchObject({
      verdict: 'accepted',
      step: server,
      serverStep: server,
      period: 30,
      window: 1,
    });
    expect(await explain(provider, otp(secret, now - 30_000))).toMatchObject({ verdict: 'accepted', step: server - 1 });
    expect(await explain(provider, otp(secret, now + 3 * 30_000))).toMatchObject({
      verdict: 'outside-window',
      step: server + 3,
    });
    expect(await explain(provider, otp(secret, now - 20 * 30_000))).toMatchObject({
      verdict: 'outside-window',
      step: server - 20,
    });
    expect(await explain(provider, strayCode(secret, now))).toMatchObject({ verdict: 'wrong-code', step: null });
    expect(await provider.login({ username: USER, password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(await explain(provider, code)).toMatchObject({ verdict: 'replayed', step: server, lastStep: server });
    // The previous step is inside the window but not after the last accepted one.
    expect(await explain(provider, otp(secret, now - 30_000))).toMatchObject({ verdict: 'replayed', step: server - 1 });
    // and the service agrees.
    expect(await provider.verifySecondFactor({ username: USER, code: otp(secret, now - 30_000) })).toMatchObject({
      ok: false,
    });
  });

  it('counts nothing and changes nothing: explaining wrong codes never throttles or locks', async () => {
    const { provider, clock, secret } = await enrolledLab();
    const events = provider.auditLog().length;
    for (let i = 0; i < 20; i++) await explain(provider, strayCode(secret, clock.now()));
    expect(provider.auditLog()).toHaveLength(events);
    expect(await provider.login({ username: USER, password: PASSWORD, code: otp(secret, clock.now()) })).toMatchObject({
      ok: true,
    });
  });

  it('tells the old and the new key apart during a device change', async () => {
    const { provider, clock, secret } = await enrolledLab();
    const started = await provider.startDeviceChange({
      username: USER,
      password: PASSWORD,
      code: otp(secret, clock.now()),
    });
    if (!started.ok) throw new Error(started.messageKey);
    clock.advance(30_000);
    const now = clock.now();
    // The new phone's code typed at login; the old phone's code typed under the new QR code.
    expect(await explain(provider, otp(started.secret, now))).toMatchObject({ verdict: 'pending-key', step: null });
    expect(await explain(provider, otp(secret, now), 'pending')).toMatchObject({ verdict: 'old-key', step: null });
    expect(await explain(provider, otp(started.secret, now), 'pending')).toMatchObject({
      verdict: 'accepted',
      step: Math.floor(now / 30_000),
    });
    expect(
      await provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: otp(secret, now) }),
    ).toMatchObject({ ok: false });
  });

  it('says when the account, not the code, is the reason', async () => {
    const fresh = lab({ throttle: { baseMs: 60_000 } });
    expect(await explain(fresh.provider, '123456')).toMatchObject({ verdict: 'unknown-user', exists: false });
    await fresh.provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
    expect(await explain(fresh.provider, '123456')).toMatchObject({ verdict: 'not-enrolled' });
    expect(await explain(fresh.provider, '123456', 'pending')).toMatchObject({ verdict: 'no-pending' });

    const delayed = await enrolledLab({ profile: 'ugyfelkapu' });
    const { activeFrom } = await delayed.provider.accountStatus(USER);
    delayed.clock.set((activeFrom ?? 0) - 1000);
    expect(await explain(delayed.provider, otp(delayed.secret, delayed.clock.now()))).toMatchObject({
      verdict: 'not-yet-active',
    });

    const throttled = await enrolledLab({ throttle: { baseMs: 60_000 } });
    await throttled.provider.verifySecondFactor({
      username: USER,
      code: strayCode(throttled.secret, throttled.clock.now()),
    });
    expect(await explain(throttled.provider, otp(throttled.secret, throttled.clock.now()))).toMatchObject({
      verdict: 'throttled',
    });

    const locked = await enrolledLab();
    for (let i = 0; i < 5; i++) await locked.provider.login({ username: USER, password: 'wrong', code: '000000' });
    expect(await explain(locked.provider, otp(locked.secret, locked.clock.now()))).toMatchObject({ verdict: 'locked' });

    const down = await enrolledLab();
    down.provider.faults.start('maintenance');
    expect(await explain(down.provider, otp(down.secret, down.clock.now()))).toMatchObject({ verdict: 'fault' });
  });

  it('never returns a secret or the code', async () => {
    const { provider, clock, secret } = await enrolledLab();
    const code = otp(secret, clock.now());
    const text = JSON.stringify([await explain(provider, code), await provider.inspect(USER)]);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(code);
  });

  it('refuses misuse with a message naming the field', async () => {
    const { provider } = lab();
    await expect(provider.explainCode({ username: USER, code: '123456', key: 'old' as never })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(provider.explainCode({ username: USER, code: '123456', searchSteps: 101 })).rejects.toThrow(
      /"searchSteps" must be an integer from 0 to 100, got 101/,
    );
    await expect(provider.explainCode({ username: USER, code: 123456 as never })).rejects.toThrow(
      /"code" must be a string/,
    );
    await expect(provider.inspect(42 as never)).rejects.toThrow(/"username" must be a string/);
  });
});
