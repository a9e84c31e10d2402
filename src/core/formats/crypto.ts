/**
 * The ciphers encrypted exports use, on WebCrypto (AES-GCM, AES-CBC, SHA-256), so the readers run
 * unchanged in Node, browsers and edge runtimes. Key derivations, whose cost a file states, are in
 * kdf.ts; Ente's XChaCha20-Poly1305 stream in secretstream.ts.
 */
import { InvalidMigrationError, WrongPasswordError } from '../errors.js';
import { fromHex } from '../hex.js';

export const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new InvalidMigrationError('encrypted exports need WebCrypto (crypto.subtle), which this runtime lacks');
  return s;
};

/** A copy on its own ArrayBuffer, the form WebCrypto's types ask for. */
export const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** SHA-256 of the password: andOTP's old key. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', own(bytes)));
}

/**
 * AES-256-GCM decryption of `ciphertext ‖ tag` (16-byte tag).
 * @throws {WrongPasswordError} when the tag does not match: a wrong password, or an altered file
 */
export async function openGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  what: string,
): Promise<Uint8Array> {
  if (key.length !== 32 || nonce.length !== 12 || sealed.length < 16)
    throw new InvalidMigrationError(`${what}: key, nonce or ciphertext has the wrong length`);
  const cryptoKey = await subtle().importKey('raw', own(key), 'AES-GCM', false, ['decrypt']);
  try {
    return new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv: own(nonce), tagLength: 128 }, cryptoKey, own(sealed)),
    );
  } catch {
    throw new WrongPasswordError(`${what}: wrong password (or the file was altered); nothing was imported`);
  }
}

/**
 * AES-256-CBC decryption with PKCS#7 padding.
 * @throws {WrongPasswordError} when the padding is wrong: a wrong password, or an altered file
 */
export async function openCbc(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, what: string): Promise<Uint8Array> {
  if (key.length !== 32 || iv.length !== 16 || sealed.length === 0 || sealed.length % 16 !== 0)
    throw new InvalidMigrationError(`${what}: the ciphertext is not whole AES blocks (truncated?)`);
  const cryptoKey = await subtle().importKey('raw', own(key), 'AES-CBC', false, ['decrypt']);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: own(iv) }, cryptoKey, own(sealed)));
  } catch {
    throw new WrongPasswordError(`${what}: wrong password (or the file was altered); nothing was imported`);
  }
}

/** AES-256-GCM encryption; returns `ciphertext ‖ tag`. */
export async function sealGcm(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', own(key), 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: own(nonce), tagLength: 128 }, cryptoKey, own(plaintext)),
  );
}

/** @throws {InvalidMigrationError} naming the field for text that is not even-length hex of `length` bytes */
export function bytesOfHex(text: unknown, field: string, length?: number): Uint8Array {
  const bytes = typeof text === 'string' ? fromHex(text) : null;
  if (bytes === null || (length !== undefined && bytes.length !== length)) {
    throw new InvalidMigrationError(`${field} must be ${length === undefined ? '' : `${length} bytes of `}hex`);
  }
  return bytes;
}
