// Password age on the calendar: two years are calendar years in the service's time zone, and the
// `ugyfelkapu` profile warns as the real service does, one month, one week and one day before expiry.
import { describe, expect, it } from 'vitest';
import { createProvider, LOW_COST_HASHING_FOR_TESTS, manualClock, type ProviderOptions } from '../../src/index.js';
import { PASSWORD, USER, GENERIC_HU } from '../support/provider.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A provider whose one account set its password at `at`. */
async function accountFrom(at: number, options: ProviderOptions = {}) {
  const clock = manualClock(at);
  const provider = createProvider({ clock, hashing: LOW_COST_HASHING_FOR_TESTS, ...options });
  await provider.register({ username: USER, password: PASSWORD, email: 'janos@example.hu' });
  const expiresAt = (await provider.accountStatus(USER)).passwordExpiresAt!;
  const warning = async () => {
    const r = await provider.verifyPassword({ username: USER, password: PASSWORD });
    if (!r.ok) throw new Error(r.messageKey);
    return r.passwordWarning;
  };
  return { clock, provider, expiresAt, warning };
}

describe('two years of a password', () => {
  it('are calendar years: across a leap day they are 731 days', async () => {
    const { expiresAt } = await accountFrom(Date.UTC(2027, 0, 6, 9));
    expect(expiresAt).toBe(Date.UTC(2029, 0, 6, 9));
    expect(expiresAt - Date.UTC(2027, 0, 6, 9)).toBe(731 * DAY);
  });

  it('end on 28 February for a password set on 29 February', async () => {
    const { expiresAt } = await accountFrom(Date.UTC(2024, 1, 29, 10));
    expect(expiresAt).toBe(Date.UTC(2026, 1, 28, 10));
  });

  it('keep the wall-clock time in Budapest across a change of summer time', async () => {
    // 26 October 2025 23:30 in Budapest (winter time, UTC+1); on 26 October 2027 it is summer time (UTC+2).
    const { expiresAt } = await accountFrom(Date.UTC(2025, 9, 26, 22, 30));
    expect(expiresAt).toBe(Date.UTC(2027, 9, 26, 21, 30));
  });

  it('follow maxAgeYears, and a fixed maxAgeMs when one is given', async () => {
    expect((await accountFrom(Date.UTC(2025, 2, 1), { passwordPolicy: { maxAgeYears: 1 } })).expiresAt).toBe(
      Date.UTC(2026, 2, 1),
    );
    expect((await accountFrom(Date.UTC(2027, 0, 6), { passwordPolicy: { maxAgeMs: 730 * DAY } })).expiresAt).toBe(
      Date.UTC(2027, 0, 6) + 730 * DAY,
    );
  });
});

describe('warnings before expiry in the ugyfelkapu profile', () => {
  it('come one month, one week and one day before, each once', async () => {
    const { clock, expiresAt, warning, provider } = await accountFrom(Date.UTC(2025, 2, 15, 9), {
      profile: 'ugyfelkapu',
    });
    expect(expiresAt).toBe(Date.UTC(2027, 2, 15, 9)); // 10:00 in Budapest, as it was set
    clock.set(Date.UTC(2027, 1, 15, 9) - 1); // a moment before one calendar month before
    expect(await warning()).toBeUndefined();
    expect((await provider.accountStatus(USER)).password).toBe('ok');
    clock.set(Date.UTC(2027, 1, 15, 9));
    expect(await warning()).toMatchObject({ messageKey: 'password.expiring', expiresAt, daysLeft: 28 });
    expect(await warning()).toBeUndefined();
    expect((await provider.accountStatus(USER)).password).toBe('warning');
    clock.set(expiresAt - 8 * DAY);
    expect(await warning()).toBeUndefined();
    clock.set(expiresAt - 7 * DAY);
    expect(await warning()).toMatchObject({ daysLeft: 7 });
    clock.advance(HOUR);
    expect(await warning()).toBeUndefined();
    clock.set(expiresAt - DAY + HOUR);
    expect(await warning()).toMatchObject({
      daysLeft: 1,
      message: 'Jelszava 1 nap múlva lejár. Kérjük, változtassa meg.',
    });
    expect(await warning()).toBeUndefined();
  });

  it('go to the first warning that is due when the user comes late, and start again after a change', async () => {
    const { clock, expiresAt, warning, provider } = await accountFrom(Date.UTC(2025, 0, 16, 8), {
      profile: 'ugyfelkapu',
    });
    clock.set(expiresAt - 3 * DAY);
    expect(await warning()).toMatchObject({ daysLeft: 3 });
    expect(await warning()).toBeUndefined();
    await provider.changePassword({ username: USER, password: PASSWORD, newPassword: 'Új-Jelszó-2027' });
    const next = (await provider.accountStatus(USER)).passwordExpiresAt!;
    clock.set(next - 3 * DAY);
    const r = await provider.verifyPassword({ username: USER, password: 'Új-Jelszó-2027' });
    expect(r).toMatchObject({ ok: true, passwordWarning: { daysLeft: 3 } });
  });

  it('are not spent by a login whose code was wrong', async () => {
    const { clock, expiresAt, provider } = await accountFrom(Date.UTC(2025, 0, 16, 8), { profile: 'ugyfelkapu' });
    clock.set(expiresAt - 2 * DAY);
    expect(await provider.login({ username: USER, password: PASSWORD, code: '000000' })).toEqual(GENERIC_HU);
    const r = await provider.verifyPassword({ username: USER, password: PASSWORD });
    expect(r).toMatchObject({ ok: true, passwordWarning: { daysLeft: 2 } });
  });

  it('can be set: warnings at any months or days before', async () => {
    const { clock, expiresAt, warning } = await accountFrom(Date.UTC(2025, 0, 16, 8), {
      profile: 'ugyfelkapu',
      passwordPolicy: { warnings: [{ days: 3 }] },
    });
    clock.set(expiresAt - 7 * DAY);
    expect(await warning()).toBeUndefined();
    clock.set(expiresAt - 3 * DAY);
    expect(await warning()).toMatchObject({ daysLeft: 3 });
  });

  it('leave the standard profile as it was: every right password in the last 14 days', async () => {
    const { clock, expiresAt, warning } = await accountFrom(Date.UTC(2025, 0, 16, 8));
    clock.set(expiresAt - 14 * DAY - 1);
    expect(await warning()).toBeUndefined();
    clock.set(expiresAt - 10 * DAY);
    expect(await warning()).toMatchObject({ daysLeft: 10 });
    expect(await warning()).toMatchObject({ daysLeft: 10 });
  });

  it('refuse a bad schedule with a one-line error naming the field', () => {
    const make = (warnings: unknown) => () => createProvider({ passwordPolicy: { warnings: warnings as never } });
    expect(make([{ weeks: 1 }])).toThrow(/"passwordPolicy.warnings\[0\]" must be \{ months \} or \{ days \}/);
    expect(make([{ days: -1 }])).toThrow(/"passwordPolicy.warnings\[0\]"/);
    expect(make('1 month')).toThrow(/"passwordPolicy.warnings" must be a list/);
    expect(() => createProvider({ passwordPolicy: { maxAgeYears: 0.5 } })).toThrow(
      /"passwordPolicy.maxAgeYears" must be an integer from 1 to 10, got 0.5/,
    );
  });
});
