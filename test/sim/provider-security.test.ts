import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemoryStore, generateCode, type StoreValue } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab, lab } from '../support/provider.js';

describe('state at rest and the audit log', () => {
  it('the store holds no password and no törlőkód in plain text, only salted hashes', async () => {
    const { provider, store, clock, deletionCode, code } = await enrolledLab();
    // A device change too, so a pending enrollment with its own törlőkód is at rest as well.
    const started = await provider.startDeviceChange({ username: USER, password: PASSWORD, code: code() });
    if (!started.ok) throw new Error('device change refused');
    const confirmed = await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: generateCode(started.secret, { clock }),
    });
    if (!confirmed.ok) throw new Error('confirm refused');
    const atRest = JSON.stringify(store.snapshot());
    for (const secretText of [PASSWORD, deletionCode, confirmed.deletionCode]) {
      expect(atRest).not.toContain(secretText);
      expect(atRest).not.toContain(secretText.replace(/ /g, ''));
    }
    expect(atRest).toContain('$pbkdf2-sha256$i=1$');
    // The TOTP secret is the one secret the service must keep readable.
    expect(atRest).toContain(started.secret);
  });

  it('the audit log never holds a password, code, secret or törlőkód', async () => {
    const { provider, clock, deletionCode, code, secret } = await enrolledLab({ throttle: { baseMs: 0 } });
    const used: string[] = [];
    const typed = (c: string) => (used.push(c), c);
    await provider.login({ username: USER, password: 'rossz-jelszo-XYZ', code: typed(code()) });
    await provider.login({ username: USER, password: PASSWORD, code: typed(code()) });
    await provider.login({ username: USER, password: PASSWORD, code: typed(code()) });
    await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: '9999 9999 9999 9999 9999' });
    clock.advance(30_000);
    await provider.verifySecondFactor({ username: USER, code: typed(code()) });
    await provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode });
    const events = provider.auditLog();
    expect(events.map((e) => e.type)).toContain('deletion-code-redeemed');
    const allowedKeys = new Set(['seq', 'time', 'type', 'username', 'reason', 'operation', 'fault']);
    for (const event of events) {
      for (const [key, value] of Object.entries(event)) {
        expect(allowedKeys.has(key), key).toBe(true);
        if (typeof value === 'string') {
          for (const s of [PASSWORD, 'rossz-jelszo-XYZ', secret, deletionCode, '9999', ...used])
            expect(value).not.toContain(s);
        }
      }
    }
    const text = JSON.stringify(events);
    for (const s of [PASSWORD, 'rossz-jelszo-XYZ', secret, deletionCode.replace(/ /g, '')])
      expect(text).not.toContain(s);
  });

  it('the audit log keeps at most auditLimit events and passes each to onAudit', async () => {
    const seen: string[] = [];
    const { provider } = lab({ auditLimit: 3, onAudit: (e) => seen.push(e.type) });
    for (let i = 0; i < 10; i++) await provider.verifySecondFactor({ username: `u${i}`, code: '000000' });
    const kept = provider.auditLog();
    expect(kept.map((e) => e.username)).toEqual(['u7', 'u8', 'u9']);
    expect(kept.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(provider.auditLog(9).map((e) => e.seq)).toEqual([10]);
    expect(seen).toHaveLength(10);
  });
});

describe('concurrency: the Store update is the unit of decision', () => {
  it('the same valid code sent many times at once is accepted exactly once', async () => {
    const { provider, code } = await enrolledLab();
    const shown = code();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => provider.verifySecondFactor({ username: USER, code: shown })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('concurrent wrong codes are all counted', async () => {
    const { provider, store } = await enrolledLab({ throttle: { baseMs: 0 } });
    await Promise.all(
      Array.from({ length: 25 }, () => provider.verifySecondFactor({ username: USER, code: '000000' })),
    );
    expect((store.snapshot()[`account:${USER}`] as { codeFailures: number }).codeFailures).toBe(25);
  });

  it('concurrent wrong passwords are all counted, and no more than five are ever checked', async () => {
    const { provider, code } = await enrolledLab();
    await Promise.all(
      Array.from({ length: 3 }, (_, i) => provider.login({ username: USER, password: `rossz-${i}`, code: code() })),
    );
    expect(await provider.accountStatus(USER)).toMatchObject({ passwordFailures: 3, locked: false });
    await provider.unlock(USER);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => provider.login({ username: USER, password: `rossz-${i}`, code: code() })),
    );
    expect(await provider.accountStatus(USER)).toMatchObject({ passwordFailures: 5, locked: true });
    const reasons = provider
      .auditLog()
      .filter((e) => e.type === 'login-refused')
      .slice(-12)
      .map((e) => e.reason);
    expect(reasons.filter((r) => r === 'wrong-password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(7);
  });

  it('concurrent törlőkód attempts: one is checked, the rest wait out the delay unchecked', async () => {
    const { provider, deletionCode } = await enrolledLab();
    // Four, not more: at most five password checks of one account can be in flight at once (lockout).
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        provider.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.messageKey === 'code.throttled')).toHaveLength(3);
  });
});

describe('property: no code is ever accepted twice', () => {
  type Action =
    { kind: 'advance'; ms: number } | { kind: 'fresh' | 'previous' | 'replay' | 'wrong'; via: 'login' | 'second' };
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 75_000 }) }),
    fc.record({
      kind: fc.constantFrom('fresh' as const, 'previous' as const, 'replay' as const, 'wrong' as const),
      via: fc.constantFrom('login' as const, 'second' as const),
    }),
  );

  it('over random sequences of logins, replays and clock moves, accepted steps strictly increase', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 40 }), fc.boolean(), async (actions, throttled) => {
        const { provider, clock, secret } = await enrolledLab(throttled ? {} : { throttle: { baseMs: 0 } });
        const accepted: number[] = [];
        const seen: string[] = [];
        for (const a of actions) {
          if (a.kind === 'advance') {
            clock.advance(a.ms);
            continue;
          }
          const step = Math.floor(clock.now() / 30_000);
          const codeStep = a.kind === 'previous' ? step - 1 : step;
          let code = generateCode(secret, { counter: codeStep });
          if (a.kind === 'replay' && seen.length > 0) code = seen[seen.length - 1]!;
          if (a.kind === 'wrong') code = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
          const result =
            a.via === 'login'
              ? await provider.login({ username: USER, password: PASSWORD, code })
              : await provider.verifySecondFactor({ username: USER, code });
          if (result.ok) {
            // Which step did the accepted code belong to? (6-digit collisions across steps are possible, so look at the window.)
            const matches = [-1, 0, 1]
              .map((d) => step + d)
              .filter((s) => generateCode(secret, { counter: s }) === code);
            const acceptedStep = Math.min(
              ...matches.filter((s) => accepted.length === 0 || s > accepted[accepted.length - 1]!),
            );
            expect(Number.isFinite(acceptedStep)).toBe(true);
            accepted.push(acceptedStep);
            seen.push(code);
          }
        }
        for (let i = 1; i < accepted.length; i++) expect(accepted[i]!).toBeGreaterThan(accepted[i - 1]!);
      }),
      { numRuns: 60 },
    );
  });
});

describe('concurrency through a store with real latency', () => {
  /** A Store whose every call waits a random few ms first, as a file or network store would; each update stays atomic. */
  class SlowStore extends MemoryStore {
    override async get<T extends StoreValue>(key: string): Promise<T | undefined> {
      await pause();
      return super.get<T>(key);
    }
    override async update<T extends StoreValue>(
      key: string,
      fn: (current: T | undefined) => T | undefined,
    ): Promise<T | undefined> {
      await pause();
      return super.update(key, fn);
    }
  }
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));

  it('the same code is still accepted once, and wrong passwords still counted and capped', async () => {
    const store = new SlowStore();
    const { provider, code } = await enrolledLab({ store });
    const shown = code();
    const results = await Promise.all(
      Array.from({ length: 15 }, () => provider.login({ username: USER, password: PASSWORD, code: shown })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => provider.login({ username: USER, password: `rossz-${i}`, code: shown })),
    );
    expect(await provider.accountStatus(USER)).toMatchObject({ passwordFailures: 5, locked: true });
  });
});
