/**
 * Authenticator Pro / Stratum backups (plain JSON): `{ Authenticators: [{ Type, Issuer, Username,
 * Secret, Algorithm, Digits, Period, Counter }], Categories, … }`. Type 1 HOTP, 2 TOTP, 3 mOTP,
 * 4 Steam, 5 Yandex; Algorithm 0 SHA-1, 1 SHA-256, 2 SHA-512.
 */
import { InvalidMigrationError } from '../errors.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson } from './json.js';

const TYPES: Record<number, string> = { 1: 'hotp', 2: 'totp', 3: 'mOTP', 4: 'steam', 5: 'Yandex' };
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

/** True for a parsed object shaped like an Authenticator Pro / Stratum backup. */
export const isAuthenticatorPro = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && Array.isArray(value.Authenticators);

/**
 * Reads an Authenticator Pro / Stratum backup (text or parsed object).
 * @throws {InvalidMigrationError} naming the entry and field when one is malformed
 */
export function parseAuthenticatorPro(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'Authenticator Pro backup') : input;
  if (!isAuthenticatorPro(data))
    throw new InvalidMigrationError('Authenticator Pro backup must be an object with "Authenticators"');
  const result = emptyImport();
  entryList(data.Authenticators, 'Authenticator Pro "Authenticators"').forEach((entry, index) => {
    const where = `Authenticator Pro entry ${index}`;
    if (!isObject(entry)) throw new InvalidMigrationError(`${where} must be an object`);
    const type = typeof entry.Type === 'number' ? (TYPES[entry.Type] ?? `type ${entry.Type}`) : entry.Type;
    const algorithm =
      typeof entry.Algorithm === 'number'
        ? (ALGORITHMS[entry.Algorithm] ?? `algorithm ${entry.Algorithm}`)
        : entry.Algorithm;
    addEntry(result, index, where, {
      type,
      issuer: entry.Issuer,
      account: entry.Username,
      secret: entry.Secret,
      algorithm,
      digits: entry.Digits,
      period: entry.Period,
      counter: entry.Counter,
      icon: typeof entry.Icon === 'string' && entry.Icon !== '',
    });
  });
  return result;
}
