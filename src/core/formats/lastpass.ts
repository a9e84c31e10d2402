/**
 * LastPass Authenticator exports (JSON): `{ version, deviceId, …, accounts: [{ issuerName,
 * originalIssuerName, userName, originalUserName, secret, algorithm, digits, timeStep }] }`.
 * Every account is TOTP.
 */
import { InvalidMigrationError } from '../errors.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson, MAX_ENTRIES } from './json.js';

/** True for a parsed object shaped like a LastPass Authenticator export. */
export const isLastPass = (value: unknown): value is Record<string, unknown> =>
  isObject(value) &&
  Array.isArray(value.accounts) &&
  value.accounts.length <= MAX_ENTRIES &&
  ('deviceId' in value ||
    'localDeviceId' in value ||
    value.accounts.some((a) => isObject(a) && 'issuerName' in a && 'timeStep' in a));

/**
 * Reads a LastPass Authenticator export (text or parsed object).
 * @throws {InvalidMigrationError} naming the account and field when one is malformed
 */
export function parseLastPass(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'LastPass Authenticator export') : input;
  if (!isLastPass(data))
    throw new InvalidMigrationError('LastPass Authenticator export must be an object with "accounts"');
  const result = emptyImport();
  entryList(data.accounts, 'LastPass "accounts"').forEach((entry, index) => {
    const where = `LastPass account ${index}`;
    if (!isObject(entry)) throw new InvalidMigrationError(`${where} must be an object`);
    const pick = (a: unknown, b: unknown) => (typeof a === 'string' && a !== '' ? a : b);
    addEntry(result, index, where, {
      type: 'totp',
      issuer: pick(entry.issuerName, entry.originalIssuerName),
      account: pick(entry.userName, entry.originalUserName),
      secret: entry.secret,
      algorithm: entry.algorithm,
      digits: entry.digits,
      period: entry.timeStep,
    });
  });
  return result;
}
