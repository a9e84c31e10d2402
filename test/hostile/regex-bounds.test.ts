// No catastrophic backtracking: every parser that uses a regular expression gets 200 kB of text
// built to nearly match, and must answer within a generous bound. A linear pass over 200 kB takes
// milliseconds; the quadratic `/=+$/` these inputs once hit took over ten seconds.
import { describe, expect, it } from 'vitest';
import {
  createProvider,
  decodeMigration,
  decodePasswordHash,
  formatMessage,
  fromBase32,
  LOW_COST_HASHING_FOR_TESTS,
  normalizeDeletionCode,
  normalizeTypedCode,
  parseAegisVault,
  parseKeyUri,
  parseUriList,
  readAccounts,
  toSecretBase32,
  verifyDeletionCode,
} from '../../src/index.js';
import { fromBase64 } from '../../src/core/formats/migration/base64.js';

/**
 * The bound, in CPU time of this process (not wall-clock time, which grows when other processes
 * share the machine): far above linear time, far below what a quadratic pattern needs here.
 */
const BOUND_MS = 1500;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const N = 200_000;

const ADVERSARIAL: Array<[string, () => unknown]> = [
  ['fromBase32: a long run of padding before a bad character', () => fromBase32(`${'='.repeat(N)}A`)],
  ['fromBase32: separators between every character', () => fromBase32(`${'A -'.repeat(N / 3)}`)],
  ['toSecretBase32: padding run (refused by length)', () => toSecretBase32(`${'='.repeat(N)}A`)],
  ['fromBase64 (migration data): a long run of padding', () => fromBase64(`${'='.repeat(N)}A`)],
  [
    'decodeMigration: a padding run inside the data',
    () => decodeMigration(`otpauth-migration://offline?data=${'='.repeat(99_000)}A`),
  ],
  [
    'decodeMigration: no data parameter after many ampersands',
    () => decodeMigration(`otpauth-migration://offline?${'&'.repeat(99_000)}`),
  ],
  ['parseKeyUri: many slashes', () => parseKeyUri(`otpauth://totp/${'/'.repeat(N)}`)],
  [
    'parseKeyUri: a near-match of the maximum length',
    () => parseKeyUri(`otpauth://totp/${'a'.repeat(8100)}?${'#'.repeat(60)}`),
  ],
  ['parseUriList: many blank lines', () => parseUriList('\r\n'.repeat(9_000) + ' '.repeat(N))],
  [
    'readAccounts: white space around a migration-looking line',
    () => readAccounts(`${' '.repeat(N)}otpauth-migration:${'x'.repeat(N)}`),
  ],
  ['readAccounts: a deeply nested Aegis vault', () => readAccounts(`{"a":${'['.repeat(N / 2)}${']'.repeat(N / 2)}}`)],
  [
    'parseAegisVault: 200 kB of an unterminated string',
    () => parseAegisVault(`{"version":1,"db":"${'\\"'.repeat(N / 2)}`),
  ],
  [
    'decodePasswordHash: a long near-match',
    () => decodePasswordHash(`$pbkdf2-sha256$i=1$${'ab'.repeat(N / 2)}$${'a'.repeat(N)}x`),
  ],
  ['normalizeDeletionCode: separators only', () => normalizeDeletionCode(' -.'.repeat(N / 3))],
  ['normalizeTypedCode: white space then a digit', () => normalizeTypedCode(`${' '.repeat(N)}1`, 6)],
  [
    'formatMessage: a parameter name 200 kB long',
    () => formatMessage('en', 'code.throttled', { [`${'s'.repeat(N)}`]: 1 }),
  ],
];

describe('adversarial long input to every regex-using parser', () => {
  it.each(ADVERSARIAL)('%s', (_name, call) => {
    const start = cpuMs();
    try {
      call();
    } catch {
      /* refusing is fine; only the time matters here */
    }
    expect(cpuMs() - start).toBeLessThan(BOUND_MS);
  });

  it('the provider checks an e-mail address and a törlőkód of 200 kB quickly', async () => {
    const provider = createProvider({ hashing: LOW_COST_HASHING_FOR_TESTS });
    const start = cpuMs();
    await provider
      .register({ username: 'anna', password: 'jelszo-123', email: `${'a@'.repeat(N / 2)}` })
      .catch(() => undefined);
    await verifyDeletionCode(`${'1 '.repeat(N / 2)}x`, {
      algorithm: 'PBKDF2-SHA256',
      iterations: 1,
      salt: '00'.repeat(16),
      hash: '11'.repeat(32),
    });
    expect(cpuMs() - start).toBeLessThan(BOUND_MS);
  });
});
