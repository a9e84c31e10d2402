// The message catalogs' parameters: numbers filled in, and English nouns that agree with them.
import { describe, expect, it } from 'vitest';
import { MESSAGES_EN, MESSAGES_HU, formatMessage, type MessageKey } from '../../src/index.js';

describe('formatMessage', () => {
  it('says "1 second" and "1 day" in English, and the plural for every other number', () => {
    expect(formatMessage('en', 'code.throttled', { seconds: 1 })).toBe(
      'Too many failed attempts. Please try again in 1 second.',
    );
    expect(formatMessage('en', 'code.throttled', { seconds: 4 })).toBe(
      'Too many failed attempts. Please try again in 4 seconds.',
    );
    expect(formatMessage('en', 'emailCode.throttled', { seconds: 1 })).toBe('A new code can be requested in 1 second.');
    expect(formatMessage('en', 'password.expiring', { days: 1 })).toBe(
      'Your password expires in 1 day. Please change it.',
    );
    expect(formatMessage('en', 'password.expiring', { days: 0 })).toBe(
      'Your password expires in 0 days. Please change it.',
    );
  });

  it('keeps the Hungarian singular after a number', () => {
    expect(formatMessage('hu', 'code.throttled', { seconds: 1 })).toBe(
      'Túl sok sikertelen próbálkozás. Kérjük, próbálja újra 1 másodperc múlva.',
    );
    expect(formatMessage('hu', 'code.throttled', { seconds: 30 })).toContain('30 másodperc múlva');
  });

  it('leaves no brace behind in any message once its parameters are given', () => {
    for (const catalog of [MESSAGES_EN, MESSAGES_HU]) {
      const language = catalog === MESSAGES_EN ? 'en' : 'hu';
      for (const key of Object.keys(catalog) as MessageKey[]) {
        for (const n of [1, 2]) {
          const text = formatMessage(language, key, { seconds: n, days: n, until: 'x', sessionNumber: 'x' });
          expect(text, `${language} ${key}`).not.toMatch(/[{}|]/);
        }
      }
    }
  });
});
