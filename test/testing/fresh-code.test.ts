import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InvalidArgumentError,
  InvalidStateError,
  generateCode,
  manualClock,
  secondsLeft,
  stepAt,
  verifyCode,
} from '../../src/index.js';
import { codeAt, fakeTimersClock, freshCode } from '../../src/testing/index.js';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PERIOD_START = Date.UTC(2025, 0, 16, 8, 0, 0); // a multiple of 30 s

afterEach(() => {
  vi.useRealTimers();
});

// The flaky test: read a code, type it, and the server checks it minRemaining − 1 seconds later with
// no tolerance for other steps (window 0). Read 1 s before the step changes, the code has expired.
const checkedAt = (readAt: number, minRemaining: number) => readAt + (minRemaining - 1) * 1000;

describe('freshCode with a manual clock', () => {
  it('the naive code read 1 s before the step changes fails verification 4 s later', () => {
    const clock = manualClock(PERIOD_START + 29_000);
    const naive = generateCode(SECRET, { clock });
    expect(verifyCode(SECRET, naive, { time: checkedAt(clock.now(), 5), window: 0 })).toEqual({ valid: false });
  });

  it('at every second of the period the fresh code has ≥ minRemaining s left and survives the delay', async () => {
    let advanced = 0;
    for (const minRemaining of [1, 5, 10, 29]) {
      for (let offset = 0; offset < 30; offset++) {
        const clock = manualClock(PERIOD_START + offset * 1000);
        const fresh = await freshCode(SECRET, { clock, minRemaining });
        const now = clock.now();
        const exactRemainingMs = 30_000 - (now % 30_000);
        expect(exactRemainingMs).toBeGreaterThanOrEqual(minRemaining * 1000);
        expect(fresh.remaining).toBeGreaterThanOrEqual(minRemaining);
        expect(fresh).toEqual({ code: codeAt(SECRET, now), remaining: secondsLeft(now), step: stepAt(now) });
        expect(verifyCode(SECRET, fresh.code, { time: checkedAt(now, minRemaining), window: 0 })).toMatchObject({
          valid: true,
          delta: 0,
        });
        // It moves the clock only when it has to, and then exactly to the next period start.
        if (30 - offset >= minRemaining) {
          expect(now).toBe(PERIOD_START + offset * 1000);
        } else {
          expect(now).toBe(PERIOD_START + 30_000);
          advanced++;
        }
      }
    }
    expect(advanced).toBe(0 + 4 + 9 + 28);
  });

  it('holds for any time, period and minRemaining (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 2, max: 120 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        async (start, period, fraction) => {
          const minRemaining = Math.min(period - 0.001, Math.max(0.001, fraction * period));
          const clock = manualClock(start);
          const fresh = await freshCode(SECRET, { clock, minRemaining, period });
          const now = clock.now();
          expect(period * 1000 - (now % (period * 1000))).toBeGreaterThanOrEqual(minRemaining * 1000);
          expect(now - start).toBeLessThan(minRemaining * 1000);
          expect(
            verifyCode(SECRET, fresh.code, { time: now + minRemaining * 1000 - 1, window: 0, period }),
          ).toMatchObject({ valid: true });
        },
      ),
    );
  });

  it('passes the code options through', async () => {
    const clock = manualClock(59_000);
    expect(await freshCode(SECRET, { clock, digits: 8, minRemaining: 1 })).toEqual({
      code: '94287082',
      remaining: 1,
      step: 1,
    });
    expect(clock.now()).toBe(59_000);
    // With a 60 s period, 59 s leaves 1 s: it moves on to 60 s.
    const options = { algorithm: 'SHA256', digits: 7, period: 60 } as const;
    expect(await freshCode(SECRET, { clock, ...options })).toEqual({
      code: codeAt(SECRET, 60_000, options),
      remaining: 60,
      step: 1,
    });
    expect(clock.now()).toBe(60_000);
  });

  it('refuses a minRemaining outside (0, period) and a bad clock', async () => {
    const clock = manualClock(0);
    for (const bad of [0, -1, 30, 31, Number.NaN, '5']) {
      await expect(freshCode(SECRET, { clock, minRemaining: bad as never })).rejects.toThrow(InvalidArgumentError);
    }
    await expect(freshCode(SECRET, { clock, minRemaining: 30 })).rejects.toThrow(
      '"minRemaining" must be more than 0 and less than the period (30 s), got 30',
    );
    await expect(freshCode(SECRET, { clock, minRemaining: 10, period: 10 })).rejects.toThrow(
      'less than the period (10 s), got 10',
    );
    await expect(freshCode(SECRET, { clock: {} as never })).rejects.toThrow('"clock" must have a now() method');
    await expect(freshCode(SECRET, null as never)).rejects.toThrow('"options" must be an object, got null');
    await expect(freshCode('not base32!', { clock })).rejects.toThrow(/"secret"/);
    const stuck = { now: () => 29_000, advance: () => 29_000 };
    await expect(freshCode(SECRET, { clock: stuck })).rejects.toThrow(InvalidStateError);
  });
});

describe('freshCode with a clock it must wait for', () => {
  it('waits on setTimeout until the next period, and the test advances fake timers', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(PERIOD_START + 29_000);
    let result: Awaited<ReturnType<typeof freshCode>> | undefined;
    const pending = freshCode(SECRET, { clock: fakeTimersClock() }).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(result).toEqual({
      code: codeAt(SECRET, PERIOD_START + 30_000),
      remaining: 30,
      step: stepAt(PERIOD_START + 30_000),
    });
  });

  it('does not wait when enough time is left', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(PERIOD_START + 25_000);
    expect(await freshCode(SECRET, { clock: fakeTimersClock() })).toMatchObject({
      remaining: 5,
      step: stepAt(PERIOD_START),
    });
  });

  it('waits again when the timer fires before the clock reaches the period start', async () => {
    vi.useFakeTimers();
    let lag = 500; // a clock running 0.5 s behind the timers at first
    const clock = { now: () => Date.now() - lag };
    vi.setSystemTime(PERIOD_START + 29_500);
    const pending = freshCode(SECRET, { clock });
    await vi.advanceTimersByTimeAsync(1000);
    lag = 0;
    await vi.advanceTimersByTimeAsync(500);
    expect((await pending).step).toBe(stepAt(PERIOD_START + 30_000));
  });

  it('gives up on a clock that stands still instead of waiting forever', async () => {
    vi.useFakeTimers();
    const pending = freshCode(SECRET, { clock: { now: () => PERIOD_START + 29_000 } });
    const outcome = expect(pending).rejects.toThrow('"clock" did not move while waiting for the next period');
    await vi.advanceTimersByTimeAsync(10_000);
    await outcome;
  });
});

describe('fakeTimersClock(vi)', () => {
  it('follows the fake Date and advances the fake timers, so freshCode need not wait', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(PERIOD_START + 29_000);
    const clock = fakeTimersClock(vi);
    const fired: number[] = [];
    setTimeout(() => fired.push(Date.now()), 500); // an app timer that falls due meanwhile
    expect(clock.now()).toBe(PERIOD_START + 29_000);
    const fresh = await freshCode(SECRET, { clock });
    expect(Date.now()).toBe(PERIOD_START + 30_000);
    expect(fired).toEqual([PERIOD_START + 29_500]);
    expect(fresh).toEqual({
      code: codeAt(SECRET, PERIOD_START + 30_000),
      remaining: 30,
      step: stepAt(PERIOD_START + 30_000),
    });
    vi.setSystemTime(0);
    expect(clock.now()).toBe(0);
  });

  it('refuses what is not vi or jest, and going backwards', () => {
    expect(() => fakeTimersClock({} as never)).toThrow(
      '"timers" must be vi or jest (an object with advanceTimersByTime), got an object without it',
    );
    expect(() => fakeTimersClock(5 as never)).toThrow('got 5');
    expect(() => fakeTimersClock(null as never)).toThrow(InvalidArgumentError);
    vi.useFakeTimers();
    expect(() => fakeTimersClock(vi).advance(-1)).toThrow('"ms" must be a finite number of 0 or more, got -1');
  });
});
