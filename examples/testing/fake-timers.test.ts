// A vitest suite for an app that reads Date.now() and sets timers, driven by fake timers.
// The same works with jest: jest.useFakeTimers(), jest.setSystemTime() and fakeTimersClock(jest).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSecret, verifyCode } from 'totp-lab';
import { codeAt, fakeTimersClock, freshCode, nextCode, seededRandom } from 'totp-lab/testing';

// The app under test: it checks codes against the real clock, accepts only the current step
// (a strict server), refuses a code twice, and signs the user out after 15 minutes.
function createApp(secret: string) {
  let lastCounter = -1;
  let signedIn: { user: string } | null = null;
  return {
    login(user: string, code: string): boolean {
      const result = verifyCode(secret, code, { window: 0, minCounter: lastCounter + 1 });
      if (!result.valid) return false;
      lastCounter = result.counter;
      signedIn = { user };
      setTimeout(() => (signedIn = null), 15 * 60_000);
      return true;
    },
    get user() {
      return signedIn?.user ?? null;
    },
  };
}

// The same secret in every run, so a failure can be replayed exactly.
const secret = generateSecret({ random: seededRandom('fake-timers-example') });

describe('logging in under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // The worst moment to read a code: one second before it changes.
    vi.setSystemTime(new Date('2025-01-16T08:00:29Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a fresh code survives the time it takes to type it', async () => {
    const app = createApp(secret);
    const { code, remaining } = await freshCode(secret, { clock: fakeTimersClock(vi), minRemaining: 5 });
    expect(remaining).toBeGreaterThanOrEqual(5);
    vi.advanceTimersByTime(4_000); // the user types
    expect(app.login('kovacs.janos', code)).toBe(true);
    expect(app.user).toBe('kovacs.janos');
    vi.advanceTimersByTime(15 * 60_000);
    expect(app.user).toBeNull();
  });

  it('the code read at 08:00:29 has expired by the time it is typed', () => {
    const app = createApp(secret);
    const code = codeAt(secret, Date.now());
    vi.advanceTimersByTime(4_000);
    expect(app.login('kovacs.janos', code)).toBe(false);
  });

  it('refuses a replayed code and the next code before its time', () => {
    const app = createApp(secret);
    const next = nextCode(secret, { clock: fakeTimersClock() });
    expect(app.login('kovacs.janos', next.code)).toBe(false); // too early for a strict server
    vi.setSystemTime(next.validFrom);
    expect(app.login('kovacs.janos', next.code)).toBe(true);
    expect(app.login('kovacs.janos', next.code)).toBe(false); // RFC 6238 §5.2: used once only
  });
});
