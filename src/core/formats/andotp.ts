/**
 * andOTP backups. Plain: a JSON array of entries `{ secret, issuer, label, digits, type (TOTP,
 * HOTP, STEAM), algorithm, period, counter, tags, thumbnail }`. Encrypted (andOTP 0.6.3 and later):
 * `iterations (4 bytes, big-endian) ‖ salt (12) ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖ tag`,
 * the key from PBKDF2-HMAC-SHA1 of the password. Older encrypted backups were `nonce ‖ ciphertext
 * ‖ tag` under SHA-256(password); both are tried.
 */
import { InvalidArgumentError, InvalidMigrationError, WrongPasswordError } from '../errors.js';
import { openGcm, sha256, utf8 } from './crypto.js';
import { KDF_LIMITS, derivePbkdf2 } from './kdf.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson, MAX_ENTRIES } from './json.js';

/** True for a parsed value shaped like an andOTP backup: an array of entries with secret and type. */
export const isAndOtp = (value: unknown): value is unknown[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.length <= MAX_ENTRIES &&
  value.every((e) => isObject(e) && typeof e.secret === 'string' && typeof e.type === 'string' && 'label' in e);

/**
 * Reads a plain andOTP backup (text or parsed array).
 * @throws {InvalidMigrationError} for malformed JSON or entries
 */
export function parseAndOtpBackup(input: string | unknown): FormatImport {
  const entries = typeof input === 'string' ? parseJson(input, 'andOTP backup') : input;
  const result = emptyImport();
  entryList(entries, 'andOTP backup').forEach((entry, index) => {
    const where = `andOTP entry ${index}`;
    if (!isObject(entry)) throw new InvalidMigrationError(`${where} must be an object`);
    addEntry(result, index, where, {
      type: entry.type,
      issuer: entry.issuer,
      account: entry.label,
      secret: entry.secret,
      algorithm: entry.algorithm,
      digits: entry.digits,
      period: entry.period,
      counter: entry.counter,
      groups: entry.tags,
      // andOTP names the icon it shows; "Default" is the letter it draws when there is none.
      icon: typeof entry.thumbnail === 'string' && entry.thumbnail !== '' && entry.thumbnail !== 'Default',
    });
  });
  return result;
}

/**
 * Opens an encrypted andOTP backup (the file's bytes) with its password.
 * @throws {WrongPasswordError} when neither the current nor the old layout opens with the password
 * @throws {InvalidMigrationError} for a file too short or an iteration count above the bound
 */
export async function decryptAndOtpBackup(bytes: Uint8Array, password: string): Promise<FormatImport> {
  if (!(bytes instanceof Uint8Array)) throw new InvalidArgumentError('"bytes" must be a Uint8Array');
  if (typeof password !== 'string') throw new InvalidArgumentError('"password" must be a string');
  if (bytes.length < 4 + 12 + 12 + 16)
    throw new InvalidMigrationError(`andOTP backup is too short (${bytes.length} bytes; truncated?)`);
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  let plain: Uint8Array | null = null;
  if (iterations >= 1 && iterations <= KDF_LIMITS.pbkdf2MaxIterations) {
    const key = await derivePbkdf2(password, bytes.subarray(4, 16), iterations, 'SHA-1');
    plain = await openGcm(key, bytes.subarray(16, 28), bytes.subarray(28), 'andOTP backup').catch((e) =>
      e instanceof WrongPasswordError ? null : Promise.reject(e),
    );
  }
  if (plain === null) {
    plain = await openGcm(
      await sha256(utf8(password)),
      bytes.subarray(0, 12),
      bytes.subarray(12),
      'andOTP backup',
    ).catch((e) => (e instanceof WrongPasswordError ? null : Promise.reject(e)));
  }
  if (plain === null) {
    if (iterations > KDF_LIMITS.pbkdf2MaxIterations)
      throw new InvalidMigrationError(
        `andOTP backup: PBKDF2 iteration count ${iterations} refused (at most ${KDF_LIMITS.pbkdf2MaxIterations})`,
      );
    throw new WrongPasswordError('andOTP backup: wrong password (or the file was altered); nothing was imported');
  }
  return parseAndOtpBackup(parseJson(new TextDecoder().decode(plain), 'andOTP backup contents'));
}
