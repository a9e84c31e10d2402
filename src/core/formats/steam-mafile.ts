/**
 * Steam Guard maFiles, as Steam Desktop Authenticator and steamguard-cli keep them:
 * `{ shared_secret (base64), account_name, serial_number, revocation_code, identity_secret, … }`,
 * or the Steam app's own file, `{ accounts: { "<steam id>": { shared_secret, account_name, … } } }`.
 * Each is one Steam Guard account, issuer "Steam". The file's `uri` field is a TOTP-typed key URI
 * that would show wrong (decimal) codes, so it is not read.
 */
import { toBase32 } from '../base32.js';
import { InvalidMigrationError } from '../errors.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { isObject, parseJson, MAX_ENTRIES } from './json.js';
import { fromBase64 } from './migration/base64.js';

const isMaFile = (value: unknown): value is Record<string, unknown> =>
  isObject(value) &&
  typeof value.shared_secret === 'string' &&
  ('account_name' in value || 'revocation_code' in value || 'identity_secret' in value);

/** True for a parsed value shaped like a Steam Guard maFile (or the Steam app's list of them). */
export const isSteamMaFile = (value: unknown): boolean =>
  isMaFile(value) ||
  (isObject(value) &&
    isObject(value.accounts) &&
    Object.keys(value.accounts).length > 0 &&
    Object.values(value.accounts).every(isMaFile));

/**
 * Reads a Steam Guard maFile (text or parsed object).
 * @throws {InvalidMigrationError} naming the field when the file is malformed
 * @example
 * parseSteamMaFile(await readFile('12345.maFile', 'utf8')).accounts; // [{ type: 'steam', issuer: 'Steam', … }]
 */
export function parseSteamMaFile(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'Steam Guard maFile') : input;
  if (!isSteamMaFile(data))
    throw new InvalidMigrationError('Steam Guard maFile must be an object with "shared_secret" and "account_name"');
  const files = isMaFile(data) ? [data] : Object.values((data as { accounts: object }).accounts);
  if (files.length > MAX_ENTRIES)
    throw new InvalidMigrationError(`Steam accounts: ${files.length} entries, at most ${MAX_ENTRIES} are read`);
  const result = emptyImport();
  files.forEach((file, index) => {
    const where = files.length === 1 ? 'Steam Guard maFile' : `Steam account ${index}`;
    const { shared_secret: shared, account_name: name } = file as Record<string, unknown>;
    const key = fromBase64(shared as string, `${where} "shared_secret"`);
    if (key.length === 0) throw new InvalidMigrationError(`${where} "shared_secret" is empty`);
    addEntry(result, index, where, {
      type: 'steam',
      issuer: 'Steam',
      account: typeof name === 'string' ? name : '',
      secret: toBase32(key),
    });
  });
  return result;
}
