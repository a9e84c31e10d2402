import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError, createProvider, generateCode, throttleDelayMs } from '../../src/index.js';
import { GENERIC_HU, PASSWORD, USER, enrolledLab, lab, reasons } from '../support/provider.js';

describe('login and the replay guard (RFC 6238 §5.2)', () => {
  it('refuses a code accepted once, and any code of an earlier or equal step', async () => {
    // No throttle delay here, so each refusal is checked (a replay counts as a wrong code).
    const { provider, clock, code, secret } = await enrolledLab({ throttle: { baseMs: 0 } });
    const first = code();
    expect(await provider.login({ username: USER, password: PASSWORD, code: first })).toMatchObject({ ok: true });
    expect(await provider.login({ username: USER, password: PASSWORD, code: first })).toEqual(GENERIC_HU);
    clock.advance(30_000);
    const earlier = generateCode(secret, { time: clock.now() - 60_000 });
    const now = code();
    expect(await provider.verifySecondFactor({ username: USER, code: now })).toMatchObject({ ok: true });
    // The previous step is inside the window, but older than the step just accepted.
    expect(
      await provider.verifySecondFactor({ username: USER, code: generateCode(secret, { time: clock.now() - 30_000 }) }),
    ).toEqual(GENERIC_HU);
    expect(await provider.verifySecondFactor({ username: USER, code: earlier })).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['replayed-code', 'replayed-code', 'wrong-code']);
  });

  it('accepts a code from the previous window and refuses one from two windows ago', async () => {
    const { provider, clock, code } = await enrolledLab({ throttle: { baseMs: 0 } });
    const shown = code();
    clock.advance(30_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: shown })).toMatchObject({ ok: true });
    const old = code();
    clock.advance(60_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: old })).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['wrong-code']);
  });

  it('takes the window from the options: window 0 refuses the previous step', async () => {
    const { provider, clock, code } = await enrolledLab({ window: 0 });
    const shown = code();
    clock.advance(30_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: shown })).toEqual(GENERIC_HU);
  });

  it('gives the same result for every refusal a prober could use; the reason goes to the audit log only', async () => {
    const { provider, clock, code } = await enrolledLab();
    await provider.register({ username: 'nem.aktiv', password: PASSWORD, email: 'n@example.hu' });
    const right = code();
    const results = [
      await provider.login({ username: 'senki', password: PASSWORD, code: right }),
      await provider.login({ username: USER, password: 'rossz', code: right }),
      await provider.login({ username: USER, password: PASSWORD, code: '123' }),
      await provider.login({ username: USER, password: PASSWORD, code: right }), // throttled after the wrong one
      await provider.login({ username: 'nem.aktiv', password: PASSWORD, code: right }),
    ];
    for (const r of results) expect(r).toEqual(GENERIC_HU);
    expect(reasons(provider)).toEqual(['unknown-user', 'wrong-password', 'wrong-code', 'throttled', 'not-enrolled']);
    clock.advance(1000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: right })).toMatchObject({ ok: true });
  });

  it('speaks English when asked, and can switch language', async () => {
    const { provider } = lab({ language: 'en' });
    expect(await provider.login({ username: 'x', password: 'y', code: '000000' })).toMatchObject({
      message:
        'The username or the password is incorrect, or you are not entitled to use the selected identification service.',
    });
    provider.language = 'hu';
    expect(await provider.login({ username: 'x', password: 'y', code: '000000' })).toEqual(GENERIC_HU);
    expect(() => {
      provider.language = 'de' as 'hu';
    }).toThrow('"language" must be hu or en, got "de"');
  });

  it('verifySecondFactor needs no password and does no password hashing', async () => {
    const { provider, code } = await enrolledLab();
    const derive = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
    expect(await provider.verifySecondFactor({ username: USER, code: code() })).toMatchObject({
      ok: true,
      username: USER,
    });
    expect(await provider.verifySecondFactor({ username: 'senki', code: code() })).toEqual(GENERIC_HU);
    expect(derive).not.toHaveBeenCalled();
  });
});

describe('no user enumeration by hashing work', () => {
  afterEach(() => vi.restoreAllMocks());

  it('unknown and locked users cost the same PBKDF2 work as a real check', async () => {
    const { provider } = await enrolledLab({ hashing: { iterations: 7 } });
    const derive = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
    const work = async (username: string, password: string) => {
      derive.mockClear();
      await provider.login({ username, password, code: '000000' });
      return derive.mock.calls.map((call) => (call[0] as Pbkdf2Params).iterations);
    };
    expect(await work('senki', 'x')).toEqual([7]);
    expect(await work(USER, 'wrong')).toEqual([7]);
    expect(await work(USER, PASSWORD)).toEqual([7]);
  });

  it('even the very first password check of a provider costs the same for known and unknown users', async () => {
    const firstCheck = async (username: string) => {
      const { provider } = lab({ hashing: { iterations: 5 } });
      await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
      const derive = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
      await provider.login({ username, password: PASSWORD, code: '000000' });
      const calls = derive.mock.calls.length;
      derive.mockRestore();
      return calls;
    };
    expect(await firstCheck('senki')).toBe(await firstCheck(USER));
  });
});

describe('lockout after five wrong passwords', () => {
  it('locks on the fifth, refuses even the right password, and unlock() lets the user in again', async () => {
    const { provider, clock, code } = await enrolledLab();
    for (let i = 0; i < 5; i++)
      expect(await provider.login({ username: USER, password: `rossz-${i}`, code: code() })).toEqual(GENERIC_HU);
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: true, passwordFailures: 5 });
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toEqual(GENERIC_HU);
    expect(await provider.verifySecondFactor({ username: USER, code: code() })).toEqual(GENERIC_HU);
    expect(reasons(provider).slice(-2)).toEqual(['locked', 'locked']);
    expect(provider.auditLog().filter((e) => e.type === 'locked')).toHaveLength(1);
    // Time alone does not unlock: only the in-person action does.
    clock.advance(24 * 3600_000);
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toEqual(GENERIC_HU);
    expect(await provider.unlock(USER)).toEqual({ ok: true, username: USER });
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toMatchObject({ ok: true });
    expect(provider.auditLog().map((e) => e.type)).toContain('unlocked');
    await expect(provider.unlock('senki')).rejects.toThrow('"username" must name an existing account, got "senki"');
  });

  it('counts wrong passwords in a row: a right one resets the count', async () => {
    const { provider, code } = await enrolledLab({ maxPasswordFailures: 3 });
    await provider.login({ username: USER, password: 'a', code: code() });
    await provider.login({ username: USER, password: 'b', code: code() });
    expect(await provider.login({ username: USER, password: PASSWORD, code: code() })).toMatchObject({ ok: true });
    expect(await provider.accountStatus(USER)).toMatchObject({ locked: false, passwordFailures: 0 });
  });
});

describe('throttling of wrong codes', () => {
  it('delays 1, 2, 4, 8 … s after each failure in a row, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => throttleDelayMs(n))).toEqual([0, 1000, 2000, 4000, 8000, 16_000]);
    expect(throttleDelayMs(100)).toBe(15 * 60_000);
    expect(throttleDelayMs(3, { baseMs: 500, maxMs: 1500 })).toBe(1500);
  });

  it('refuses attempts during a delay unchecked and uncounted, grows the delay, and resets on success', async () => {
    const { provider, clock, code, store } = await enrolledLab();
    const throttle = () => {
      const account = store.snapshot()[`account:${USER}`] as { codeFailures: number; codeBlockedUntil: number };
      return { failures: account.codeFailures, blockedUntil: account.codeBlockedUntil };
    };
    let t = clock.now();
    for (const delay of [1000, 2000, 4000, 8000]) {
      expect(await provider.verifySecondFactor({ username: USER, code: '000000' })).toEqual(GENERIC_HU);
      expect(throttle().blockedUntil).toBe(t + delay);
      clock.set(t + delay - 1);
      // Even the right code is refused unchecked (and not spent) while the delay runs.
      expect(await provider.verifySecondFactor({ username: USER, code: code() })).toEqual(GENERIC_HU);
      expect(throttle().blockedUntil).toBe(t + delay);
      t = clock.set(t + delay);
    }
    expect(throttle().failures).toBe(4);
    expect(await provider.verifySecondFactor({ username: USER, code: code() })).toMatchObject({ ok: true });
    expect(throttle()).toEqual({ failures: 0, blockedUntil: 0 });
    expect(reasons(provider)).toEqual([
      'wrong-code',
      'throttled',
      'wrong-code',
      'throttled',
      'wrong-code',
      'throttled',
      'wrong-code',
      'throttled',
    ]);
  });
});

describe('misuse', () => {
  it('throws typed errors that name the field and never show a password or code', async () => {
    const { provider } = lab();
    await expect(provider.login({ username: 42 as unknown as string, password: 'p', code: '1' })).rejects.toThrow(
      '"username" must be a string, got 42',
    );
    const noPassword = provider.login({ username: 'a', password: 123456 as unknown as string, code: '1' });
    await expect(noPassword).rejects.toThrow('"password" must be a string, got a value of type number');
    await expect(provider.login(null as never)).rejects.toThrow('"login" takes an object argument, got null');
    await expect(provider.register({ username: 'a', password: 'p', email: 'nincs-kukac' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(provider.register({ username: ' ', password: 'p', email: 'a@b.hu' })).rejects.toThrow(
      /"username" must be 1 to 128 printable characters/,
    );
    await expect(provider.register({ username: 'a', password: '', email: 'a@b.hu' })).rejects.toThrow(
      '"password" must not be empty',
    );
    expect(() => createProvider({ window: 200 })).toThrow('"window" must be an integer from 0 to 100, got 200');
    expect(() => createProvider({ profile: 'dap' as 'standard' })).toThrow(
      '"profile" must be standard or ugyfelkapu, got "dap"',
    );
    expect(() => createProvider({ timeZone: 'Mars/Olympus' })).toThrow(/"timeZone" must be an IANA time zone/);
  });

  it('refuses a second registration of the same username', async () => {
    const { provider } = lab();
    await provider.register({ username: USER, password: PASSWORD, email: 'j@example.hu' });
    expect(await provider.register({ username: USER, password: 'x', email: 'k@example.hu' })).toEqual({
      ok: false,
      messageKey: 'register.taken',
      message: 'A megadott felhasználónév már foglalt.',
    });
  });
});
