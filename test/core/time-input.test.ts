import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, parseTimeInput } from '../../src/index.js';

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
