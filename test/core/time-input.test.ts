import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, parseDurationInput, parseTimeInput } from '../../src/index.js';

describe('parseTimeInput', () => {
  it('reads Unix seconds and ISO-8601 date-times with a zone, as Date.UTC counts them', () => {
    expect(parseTimeInput('1737014400')).toBe(Date.UTC(2025, 0, 16, 8));
    expect(parseTimeInput(' 59.5 ')).toBe(59_500);
    expect(parseTimeInput('2025-01-16T08:00:00Z')).toBe(Date.UTC(2025, 0, 16, 8));
    expect(parseTimeInput('2025-01-16T09:00:00+01:00')).toBe(Date.UTC(2025, 0, 16, 8));
    expect(parseTimeInput('2025-01-16 09:00+0100')).toBe(Date.UTC(2025, 0, 16, 8));
    expect(parseTimeInput('2025-01-16')).toBe(Date.UTC(2025, 0, 16));
  });

  it('refuses a date-time without a zone, out-of-range and unreadable input, naming the input', () => {
    expect(() => parseTimeInput('2025-01-16T08:00:00')).toThrow(InvalidArgumentError);
    expect(() => parseTimeInput('2025-01-16T08:00:00')).toThrow('time needs a time zone');
    expect(() => parseTimeInput('-1', '--time')).toThrow('--time must be between 0 and 8.64e12 Unix seconds, got "-1"');
    expect(() => parseTimeInput('tomorrow')).toThrow('time must be Unix seconds or an ISO-8601 date-time');
    expect(() => parseTimeInput(`x\u0000${'y'.repeat(100)}`)).toThrow(/got "x\?y{38}…"$/);
  });
});

describe('parseDurationInput', () => {
  it('reads a whole number and a unit as ms, the units counted as Date counts them', () => {
    const day = Date.UTC(2025, 0, 17) - Date.UTC(2025, 0, 16);
    expect(parseDurationInput('90s')).toBe(90_000);
    expect(parseDurationInput('10m')).toBe(Date.UTC(2025, 0, 16, 0, 10) - Date.UTC(2025, 0, 16));
    expect(parseDurationInput(' 1h ')).toBe(day / 24);
    expect(parseDurationInput('720d')).toBe(720 * day);
    expect(parseDurationInput('0')).toBe(0);
    expect(parseDurationInput('0s')).toBe(0);
  });

  it('refuses anything else, naming the input, and never answers a number that is not finite', () => {
    for (const bad of ['10', '-1m', '1.5h', '10 m', 'ms', '5ms', '', '1w'])
      expect(() => parseDurationInput(bad, '--mail-delay')).toThrow(
        `--mail-delay must be a whole number and a unit, s, m, h or d (90s, 10m, 1h), or 0, got ${JSON.stringify(bad)}`,
      );
    expect(() => parseDurationInput('9'.repeat(301) + 'd')).toThrow(/^duration must be .*, got "9{40}…"$/);
    expect(() => parseDurationInput(5 as never)).toThrow(InvalidArgumentError);
    expect(parseDurationInput('9'.repeat(300) + 'd')).toBeLessThan(Number.MAX_VALUE);
  });
});
