import { describe, expect, it } from 'vitest';
import { TotpLabError, type Provider } from '../../src/index.js';
import { PASSWORD, USER, enrolledLab } from '../support/provider.js';

const HOSTILE: unknown[] = [
  undefined,
  null,
  42,
  Number.NaN,
  -Infinity,
  10n,
  true,
  '',
  ' ',
  'x'.repeat(100_000),
  '\uD800',
  '__proto__',
  'constructor',
  {},
  [],
  { toString: () => '123456' },
];

type Call = (provider: Provider, value: unknown) => Promise<unknown>;
const CALLS: Record<string, Call> = {
  'register.username': (p, v) => p.register({ username: v, password: PASSWORD, email: 'a@b.hu' } as never),
  'register.email': (p, v) => p.register({ username: 'uj', password: PASSWORD, email: v } as never),
  'login.username': (p, v) => p.login({ username: v, password: PASSWORD, code: '000000' } as never),
  'login.password': (p, v) => p.login({ username: USER, password: v, code: '000000' } as never),
  'login.code': (p, v) => p.login({ username: USER, password: PASSWORD, code: v } as never),
  'verifySecondFactor.code': (p, v) => p.verifySecondFactor({ username: USER, code: v } as never),
  'startEnrollment.password': (p, v) => p.startEnrollment({ username: 'senki', password: v } as never),
  'confirmEnrollment.enrollmentId': (p, v) => p.confirmEnrollment({ enrollmentId: v, code: '000000' } as never),
  'finishEnrollment.deletionCodeSaved': (p, v) =>
    p.finishEnrollment({ enrollmentId: 'f'.repeat(32), deletionCodeSaved: v } as never),
  'redeemDeletionCode.deletionCode': (p, v) =>
    p.redeemDeletionCode({ username: USER, password: PASSWORD, deletionCode: v } as never),
  unlock: (p, v) => p.unlock(v as never),
  'whole argument': (p, v) => p.login(v as never),
};

describe('hostile input through every provider method', () => {
  it('gives a typed error or a refusal, never a crash or a wrong success, and no message shows a password', async () => {
    const { provider, clock } = await enrolledLab({ throttle: { baseMs: 0 } });
    for (const [name, call] of Object.entries(CALLS)) {
      for (const value of HOSTILE) {
        clock.advance(1);
        let outcome: unknown;
        try {
          outcome = await call(provider, value);
        } catch (error) {
          expect(error, `${name} ${String(value).slice(0, 20)}`).toBeInstanceOf(TotpLabError);
          expect((error as Error).message).not.toContain(PASSWORD);
          expect((error as Error).message.length).toBeLessThan(300);
          continue;
        }
        const result = outcome as { ok: boolean };
        // The only successes a hostile value may give: registering an odd but valid name, which can then enroll.
        if (name === 'register.username' && result.ok) {
          const started = await provider.startEnrollment({ username: value as string, password: PASSWORD });
          expect(started.ok).toBe(true);
          continue;
        }
        if (name === 'unlock') {
          expect((await provider.accountStatus(value as string)).exists).toBe(true);
          continue;
        }
        expect(result.ok, `${name} ${String(value).slice(0, 20)}`).toBe(false);
      }
    }
    expect(await provider.accountStatus(USER)).toMatchObject({ secondFactor: 'active' });
  });
});
