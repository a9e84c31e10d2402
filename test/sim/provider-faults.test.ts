import { describe, expect, it } from 'vitest';
import type { Provider } from '../../src/index.js';
import { PASSWORD, T0, USER, enrolledLab, lab } from '../support/provider.js';

const HOUR = 3600_000;

/** The store without the attempt trail: a fault changes no account, it is only noted for the trainer. */
function accounts(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !key.startsWith('attempts:')));
}

/** One call of every user-facing method, with arguments that would succeed or change state. */
function everyCall(provider: Provider, code: () => string, deletionCode: string, enrollmentId: string) {
  return {
    register: () => provider.register({ username: 'uj.felhasznalo', password: PASSWORD, email: 'u@example.hu' }),
    login: () => provider.login({ username: USER, password: PASSWORD, code: code() }),
    loginWrongPassword: () => provider.login({ username: USER, password: 'rossz', code: code() }),
    verifySecondFactor: () => provider.verifySecondFactor({ username: USER, code: code() }),
    startDeviceChange: () => provider.startDeviceChange({ username: USER, password: PASSWORD, code: code() }),
    confirmEnrollment: () => provider.confirmEnrollment({ enrollmentId, code: '000000' }),
    finishEnrollment: () => provider.finishEnrollment({ enrollmentId, deletionCodeSaved: true }),
    abandonEnrollment: () => provider.abandonEnrollment({ enrollmentId }),
    redeemDeletionCode: () => provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode }),
  };
}

async function setUp() {
  const l = await enrolledLab();
  // A pending device change, so the enrollment steps have something to act on.
  const started = await l.provider.startDeviceChange({ username: USER, password: PASSWORD, code: l.code() });
  if (!started.ok) throw new Error('device change refused');
  l.clock.advance(30_000);
  return { ...l, calls: everyCall(l.provider, l.code, l.deletionCode, started.enrollmentId) };
}

describe('faults', () => {
  it('maintenance (scheduled): every call refused with "karbantartás" and the end time; nothing changes', async () => {
    const { provider, clock, store, calls } = await setUp();
    const from = clock.now() + 60_000;
    const until = Date.UTC(2025, 0, 16, 11, 0, 0); // 12:00 in Budapest
    provider.faults.schedule('maintenance', { from, until });
    expect(provider.faults.active()).toBeNull();
    clock.set(from);
    const before = store.snapshot();
    for (const [name, call] of Object.entries(calls)) {
      const result = await call();
      expect(result, name).toEqual({
        ok: false,
        messageKey: 'fault.maintenance',
        fault: 'maintenance',
        until,
        message: 'A szolgáltatás karbantartás miatt 2025. 01. 16. 12:00-ig nem érhető el.',
      });
    }
    expect(accounts(store.snapshot())).toEqual(accounts(before));
    expect(provider.auditLog().filter((e) => e.type === 'fault')).toHaveLength(Object.keys(calls).length);
    // The calls that name the account are in its attempt trail, each refused by the maintenance.
    const trail = (await provider.explainAttempts(USER)).attempts;
    expect(trail.map((a) => [a.reason, a.params.fault, a.params.until])).toEqual(
      Array.from({ length: 5 }, () => ['fault', 'maintenance', until]),
    );
    clock.set(until);
    expect(provider.faults.active()).toBeNull();
    expect(await calls.login()).toMatchObject({ ok: true });
  });

  it('maintenance switched on without an end, in English', async () => {
    const { provider } = lab({ language: 'en' });
    provider.faults.start('maintenance');
    expect(await provider.login({ username: USER, password: PASSWORD, code: '000000' })).toEqual({
      ok: false,
      messageKey: 'fault.maintenanceOpenEnded',
      fault: 'maintenance',
      until: null,
      message: 'The service is down for maintenance.',
    });
  });

  it('outage: refused with "átmenetileg nem érhető el" until stopped; nothing changes', async () => {
    const { provider, store, calls } = await setUp();
    provider.faults.start('outage');
    const before = store.snapshot();
    for (const [name, call] of Object.entries(calls)) {
      expect(await call(), name).toMatchObject({
        ok: false,
        fault: 'outage',
        messageKey: 'fault.outage',
        message: expect.stringContaining('átmenetileg nem érhető el'),
      });
    }
    expect(accounts(store.snapshot())).toEqual(accounts(before));
    provider.faults.stop('outage');
    expect(await calls.login()).toMatchObject({ ok: true });
  });

  it('time-out: the call fails after the simulated delay (a manual clock is moved on); nothing changes', async () => {
    const { provider, clock, store, calls } = await setUp();
    provider.faults.start('timeout', { until: clock.now() + HOUR });
    const before = store.snapshot();
    for (const [name, call] of Object.entries(calls)) {
      const start = clock.now();
      expect(await call(), name).toMatchObject({
        ok: false,
        fault: 'timeout',
        messageKey: 'fault.timeout',
        message: 'Időtúllépés történt. Kérjük, próbálja újra.',
      });
      expect(clock.now() - start, name).toBe(30_000);
    }
    expect(accounts(store.snapshot())).toEqual(accounts(before));
  });

  it('time-out with an injected wait: the provider waits exactly timeoutMs through it', async () => {
    const waits: number[] = [];
    const { provider } = lab({ timeoutMs: 12_000, wait: async (ms) => void waits.push(ms) });
    provider.faults.start('timeout');
    expect(await provider.login({ username: USER, password: PASSWORD, code: '000000' })).toMatchObject({
      fault: 'timeout',
    });
    expect(waits).toEqual([12_000]);
  });

  it('a faulted login does not spend the code: it works once the fault is over', async () => {
    const { provider, code } = await enrolledLab();
    const shown = code();
    provider.faults.start('outage');
    expect(await provider.login({ username: USER, password: PASSWORD, code: shown })).toMatchObject({
      fault: 'outage',
    });
    provider.faults.clear();
    expect(await provider.login({ username: USER, password: PASSWORD, code: shown })).toMatchObject({ ok: true });
  });

  it('maintenance wins over outage, and outage over time-out; windows can be listed and checked', async () => {
    const { provider, clock } = lab();
    provider.faults.start('timeout');
    provider.faults.start('outage');
    expect(provider.faults.active()).toEqual({ kind: 'outage', until: null });
    provider.faults.schedule('maintenance', { from: clock.now(), until: clock.now() + HOUR });
    expect(provider.faults.active()).toEqual({ kind: 'maintenance', until: clock.now() + HOUR });
    expect(provider.faults.list()).toHaveLength(3);
    expect(() => provider.faults.start('fire' as 'outage')).toThrow(
      '"kind" must be maintenance, outage or timeout, got "fire"',
    );
    expect(() => provider.faults.schedule('outage', { from: T0, until: T0 })).toThrow(
      /"until" must be later than "from"/,
    );
  });

  it("unlock, accountStatus and the audit log are not refused by faults (they are the trainer's tools)", async () => {
    const { provider } = await enrolledLab();
    provider.faults.start('outage');
    expect(await provider.unlock(USER)).toMatchObject({ ok: true });
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'active' });
    expect(provider.auditLog().at(-1)).toMatchObject({ type: 'unlocked', username: USER });
  });
});
