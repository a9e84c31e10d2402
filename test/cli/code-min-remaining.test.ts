import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeAt } from '../../src/testing/index.js';
import { cli } from '../support/cli.js';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const json = async (...args: string[]) => {
  const r = await cli(...args);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as unknown;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('totp-lab code --min-remaining', () => {
  it('with --time, gives the next period start code when too few seconds are left', async () => {
    // 59 s: 1 s left in step 1.
    expect(await json('code', SECRET, '--time', '59', '--json', '--min-remaining', '5')).toEqual({
      code: codeAt(SECRET, 60_000),
      remaining: 30,
      step: 2,
    });
    expect(await json('code', SECRET, '--time', '55', '--json', '--min-remaining', '5')).toEqual({
      code: '287082',
      remaining: 5,
      step: 1,
    });
    expect(await json('code', SECRET, '--time', '55.5', '--json', '--min-remaining', '5')).toMatchObject({ step: 2 });
    expect((await cli('code', SECRET, '--time', '59', '--digits', '8', '--min-remaining', '1')).stdout).toBe(
      '94287082',
    );
    expect(
      (await cli('code', SECRET, '--time', '1970-01-01T00:00:59Z', '--period', '60', '--min-remaining', '2')).stdout,
    ).toBe(codeAt(SECRET, 60_000, { period: 60 }));
  });

  it('at every second of a period the printed code has at least that many seconds left', async () => {
    for (let offset = 0; offset < 30; offset++) {
      const shown = (await json('code', SECRET, '--time', String(30 + offset), '--json', '--min-remaining', '5')) as {
        code: string;
        remaining: number;
        step: number;
      };
      expect(shown.remaining).toBeGreaterThanOrEqual(5);
      expect(shown.step).toBe(offset <= 25 ? 1 : 2);
      const verified = await cli('verify', SECRET, shown.code, '--time', String(30 + offset + 4), '--window', '0');
      expect(verified.code).toBe(0);
    }
  });

  it('without --time, waits in real time for the next period (driven here by fake timers)', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(59_000);
    let printed: Awaited<ReturnType<typeof cli>> | undefined;
    const pending = cli('code', SECRET, '--json', '--min-remaining', '5').then((r) => (printed = r));
    await vi.advanceTimersByTimeAsync(999);
    expect(printed).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(printed).toEqual({
      code: 0,
      stdout: JSON.stringify({ code: codeAt(SECRET, 60_000), remaining: 30, step: 2 }),
      stderr: '',
    });
  });

  it('without --time, does not wait when enough is left', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(40_000);
    expect(await cli('code', SECRET, '--min-remaining', '20')).toEqual({ code: 0, stdout: '287082', stderr: '' });
  });

  it.each([
    [['--min-remaining', '0'], /--min-remaining must be from 1 to the period minus 1 \(29\), got "0"/],
    [['--min-remaining', '30'], /got "30"/],
    [['--min-remaining', '10', '--period', '10'], /period minus 1 \(9\), got "10"/],
    [['--min-remaining', 'five'], /--min-remaining must be a whole number, got "five"/],
    [['--min-remaining', '5', '--counter', '3'], /--min-remaining applies to TOTP codes only/],
    [['--min-remaining'], /--min-remaining/],
  ])('refuses %j with one line and exit 2', async (flags, message) => {
    const r = await cli('code', SECRET, '--time', '59', ...flags);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('documents the flag, and what --time does with it, in --help', async () => {
    const help = (await cli('code', '--help')).stdout;
    expect(help).toContain('--min-remaining <s>');
    expect(help).toMatch(/With --time nothing waits/);
  });
});
