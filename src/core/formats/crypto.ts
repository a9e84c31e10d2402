/**
 * The cryptography encrypted exports use, on WebCrypto (AES-GCM, PBKDF2) and noble-hashes
 * (scrypt), so the readers run unchanged in Node, browsers and edge runtimes. Every key derivation
 * takes its cost from the file, so the cost is checked against fixed bounds before any work starts:
 * a hostile file must not make the reader spend minutes or gigabytes.
 */
import { InvalidMigrationError, WrongPasswordError } from '../errors.js';
import { fromHex } from '../hex.js';

/**
 * Bounds on what a file may ask of the key derivation. Aegis uses scrypt N=2^15, r=8, p=1 (32 MiB);
 * andOTP about 150 000 PBKDF2-SHA1 rounds; 2FAS 10 000 PBKDF2-SHA256 rounds.
 */
export const KDF_LIMITS = {
  scryptMaxN: 2 ** 20,
  scryptMaxR: 32,
  scryptMaxP: 16,
  /** N·r·p: the work, 32 times Aegis's default. */
  scryptMaxWork: 2 ** 23,
  /** 128·N·r bytes: the memory. */
  scryptMaxMemory: 256 * 1024 * 1024,
  pbkdf2MaxIterations: 2_000_000,
} as const;

/** scrypt parameters as a file states them. */
export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

/** @throws {InvalidMigrationError} when the parameters are malformed or cost more than {@link KDF_LIMITS} */
export function checkScryptParams(params: { n: unknown; r: unknown; p: unknown }, where: string): ScryptParams {
  const { n, r, p } = params;
  const int = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
  if (!int(n) || !int(r) || !int(p))
    throw new InvalidMigrationError(`${where}: scrypt parameters n, r, p must be positive integers`);
  if (n < 2 || n > KDF_LIMITS.scryptMaxN || (n & (n - 1)) !== 0) {
    throw new InvalidMigrationError(
      `${where}: scrypt n=${n} refused (a power of two from 2 to ${KDF_LIMITS.scryptMaxN})`,
    );
  }
  if (
    r > KDF_LIMITS.scryptMaxR ||
    p > KDF_LIMITS.scryptMaxP ||
    n * r * p > KDF_LIMITS.scryptMaxWork ||
    128 * n * r > KDF_LIMITS.scryptMaxMemory
  ) {
    throw new InvalidMigrationError(
      `${where}: scrypt cost n=${n}, r=${r}, p=${p} is above the limit this reader accepts`,
    );
  }
  return { n, r, p };
}

/** @throws {InvalidMigrationError} when the count is not an integer from 1 to the limit */
export function checkIterations(iterations: unknown, where: string): number {
  if (
    typeof iterations !== 'number' ||
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > KDF_LIMITS.pbkdf2MaxIterations
  ) {
    throw new InvalidMigrationError(
      `${where}: PBKDF2 iteration count ${String(iterations)} refused (1 to ${KDF_LIMITS.pbkdf2MaxIterations})`,
    );
  }
  return iterations;
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new InvalidMigrationError('encrypted exports need WebCrypto (crypto.subtle), which this runtime lacks');
  return s;
};

/** A copy on its own ArrayBuffer, the form WebCrypto's types ask for. */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** scrypt into a 32-byte key; call {@link checkScryptParams} first. */
export async function deriveScrypt(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  // Loaded on first use, so apps that never open an encrypted vault do not carry scrypt in their bundle.
  const { scryptAsync } = await import('@noble/hashes/scrypt');
  return scryptAsync(utf8(password), salt, {
    N: params.n,
    r: params.r,
    p: params.p,
    dkLen: 32,
    maxmem: KDF_LIMITS.scryptMaxMemory + 1024 * 1024,
  });
}

/** PBKDF2 into a key of `bits`; call {@link checkIterations} first. */
export async function derivePbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  bits = 256,
): Promise<Uint8Array> {
  const base = await subtle().importKey('raw', own(utf8(password)), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', salt: own(salt), iterations, hash }, base, bits));
}

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
