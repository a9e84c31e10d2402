/**
 * Ente Auth's encrypted export (docs/auth/migration/export.md in Ente's repository):
 *
 *   { version: 1, kdfParams: { memLimit, opsLimit, salt }, encryptedData, encryptionNonce }
 *
 * The key is Argon2id (libsodium's crypto_pwhash: memLimit bytes of memory, opsLimit passes, the
 * base64 salt) of the password; the data is one message of libsodium's XChaCha20-Poly1305 secret
 * stream, whose header is `encryptionNonce`. Inside is the plain export: key URIs, one per line.
 * Ente's cost is high (256 MiB × 16 passes): {@link KDF_LIMITS} says what a file may ask.
 */
import { InvalidArgumentError, InvalidMigrationError } from '../errors.js';
import type { FormatImport } from './entries.js';
import { isObject, parseJson } from './json.js';
import { checkArgon2Params, checkFileCost, deriveArgon2id } from './kdf.js';
import { fromBase64 } from './migration/base64.js';
import { openSecretStream } from './secretstream.js';
import { readUriList } from './uri-list.js';

/** True for a parsed value shaped like an Ente Auth encrypted export. */
export const isEnteEncrypted = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && isObject(value.kdfParams) && 'encryptedData' in value && 'encryptionNonce' in value;

const base64Field = (value: unknown, field: string): Uint8Array => {
  if (typeof value !== 'string' || value === '')
    throw new InvalidMigrationError(`Ente Auth export "${field}" must be base64 text`);
  return fromBase64(value, `Ente Auth export "${field}"`);
};

/**
 * Opens an Ente Auth encrypted export with its password and reads its accounts. The Argon2
 * parameters are checked against {@link KDF_LIMITS} before anything is derived.
 * @throws {WrongPasswordError} for a wrong password (nothing is read)
 * @throws {InvalidMigrationError} for a malformed export or Argon2 parameters above the bounds
 * @example
 * const { accounts } = await decryptEnteExport(await readFile('ente-auth-codes.txt', 'utf8'), password);
 */
export async function decryptEnteExport(input: string | unknown, password: string): Promise<FormatImport> {
  if (typeof password !== 'string') throw new InvalidArgumentError('"password" must be a string');
  const data = typeof input === 'string' ? parseJson(input.replace(/^\uFEFF/, ''), 'Ente Auth export') : input;
  if (!isEnteEncrypted(data))
    throw new InvalidMigrationError(
      'Ente Auth encrypted export must be an object with "kdfParams", "encryptedData" and "encryptionNonce"',
    );
  if (data.version !== 1)
    throw new InvalidMigrationError(`Ente Auth export "version" must be 1, got ${JSON.stringify(data.version)}`);
  const kdf = data.kdfParams as Record<string, unknown>;
  const params = checkArgon2Params({ memLimit: kdf.memLimit, opsLimit: kdf.opsLimit }, 'Ente Auth export');
  checkFileCost([{ kdf: 'argon2id', ...params }], 'Ente Auth export');
  const salt = base64Field(kdf.salt, 'kdfParams.salt');
  if (salt.length !== 16) throw new InvalidMigrationError('Ente Auth export "kdfParams.salt" must be 16 bytes');
  const header = base64Field(data.encryptionNonce, 'encryptionNonce');
  const sealed = base64Field(data.encryptedData, 'encryptedData');
  const key = await deriveArgon2id(password, salt, params);
  const plain = await openSecretStream(key, header, sealed, 'Ente Auth export');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new InvalidMigrationError('Ente Auth export contents are not UTF-8 text');
  }
  return readUriList(text);
}
