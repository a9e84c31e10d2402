/**
 * TOTP Authenticator (BinaryBoxes) backups: base64 text of AES-256-CBC (PKCS#7 padding, an IV of
 * 16 zero bytes) under the SHA-256 of the password, as Aegis's TotpAuthenticatorImporter reads
 * them. A backup made without a password of its own uses the app's fixed one, "TotpAuthenticator".
 * The plaintext is a JSON object whose first key is a JSON array of entries, each an object (or
 * the JSON text of one) `{ base (16, 32 or 64), key, name, issuer }`: TOTP, SHA1, 6 digits, 30 s.
 */
import { toBase32 } from '../base32.js';
import { InvalidArgumentError, InvalidMigrationError, WrongPasswordError } from '../errors.js';
import { fromHex } from '../hex.js';
import { openCbc, sha256, utf8 } from './crypto.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson } from './json.js';
import { fromBase64 } from './migration/base64.js';

/**
 * True for text that is only base64 (lines of it) of whole AES blocks, at least two: how a TOTP
 * Authenticator backup looks.
 */
export function isTotpAuthenticatorBackup(text: string): boolean {
  const compact = text.replace(/[\r\n]+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return false;
  const bytes = Math.floor((compact.replace(/=+$/, '').length * 3) / 4);
  return bytes >= 32 && bytes % 16 === 0;
}

/** The entry's key as base32, whatever base it was written in. */
function secretOf(entry: Record<string, unknown>, where: string): string {
  const key = typeof entry.key === 'string' ? entry.key.trim() : '';
  const base = typeof entry.base === 'string' ? Number(entry.base) : entry.base;
  if (base === 32) return key;
  const bytes = base === 16 ? fromHex(key) : base === 64 ? fromBase64(key, `${where} "key"`) : null;
  if (bytes === null || bytes.length === 0)
    throw new InvalidMigrationError(`${where}: "key" in base ${String(entry.base)} cannot be read (16, 32 or 64)`);
  return toBase32(bytes);
}

function readEntries(plain: Uint8Array): FormatImport {
  let outer: unknown;
  try {
    outer = parseJson(new TextDecoder('utf-8', { fatal: true }).decode(plain), 'TOTP Authenticator backup');
  } catch {
    // CBC has no authentication: a wrong password usually breaks the padding, and otherwise this.
    throw new WrongPasswordError(
      'TOTP Authenticator backup: wrong password (or the file was altered); nothing was imported',
    );
  }
  const first = isObject(outer) ? Object.keys(outer)[0] : undefined;
  const list = first === undefined ? [] : parseJson(first, 'TOTP Authenticator entries');
  const result = emptyImport();
  entryList(list, 'TOTP Authenticator entries').forEach((item, index) => {
    const where = `TOTP Authenticator entry ${index}`;
    const entry = typeof item === 'string' ? parseJson(item, where) : item;
    if (!isObject(entry)) throw new InvalidMigrationError(`${where} must be an object`);
    addEntry(result, index, where, {
      type: 'totp',
      issuer: entry.issuer,
      account: entry.name,
      secret: secretOf(entry, where),
    });
  });
  return result;
}

/**
 * Opens a TOTP Authenticator backup with its password.
 * @throws {WrongPasswordError} for a wrong password (nothing is read)
 * @throws {InvalidMigrationError} for a file that is not base64 of whole AES blocks, or malformed entries
 */
export async function decryptTotpAuthenticatorBackup(text: string, password: string): Promise<FormatImport> {
  if (typeof text !== 'string') throw new InvalidArgumentError('"text" must be a string');
  if (typeof password !== 'string') throw new InvalidArgumentError('"password" must be a string');
  const sealed = fromBase64(text.replace(/\s+/g, ''), 'TOTP Authenticator backup');
  const plain = await openCbc(await sha256(utf8(password)), new Uint8Array(16), sealed, 'TOTP Authenticator backup');
  return readEntries(plain);
}
