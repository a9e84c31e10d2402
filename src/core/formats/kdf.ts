/**
 * Password-based key derivation for encrypted exports: scrypt (Aegis), Argon2id (Ente Auth) from
 * noble-hashes, PBKDF2 (andOTP, 2FAS) from WebCrypto. Every file states its own cost, so a hostile
 * file could ask for minutes of CPU or gigabytes of memory before "wrong password". Each reader
 * therefore lists every derivation it would run for a file and checks their sum against one
 * budget per file ({@link checkFileCost}) before the first one starts.
 */
import { InvalidMigrationError } from '../errors.js';
import { own, subtle, utf8 } from './crypto.js';

const MiB = 1024 * 1024;

/**
 * What one file may cost, all its derivations together. Each bound is the largest cost the
 * format's own app writes, with room to spare where the app's cost is small:
 * - scrypt: Aegis writes N=2^15, r=8, p=1 (32 MiB); a file may ask for 8 times that in all its
 *   password slots together (N·r·p ≤ 2^21), with no slot above 256 MiB (128·N·r).
 * - Argon2id: Ente Auth writes 256 MiB × 16 passes, or on phones short of memory half the memory
 *   and twice the passes, keeping memory × passes at 4 GiB: that product is the bound, with at
 *   most 256 MiB of memory. A real Ente export takes about a minute of CPU in this pure-JS reader.
 * - PBKDF2: andOTP writes about 150 000 rounds, 2FAS 10 000; at most 2 000 000 per file.
 */
export const KDF_LIMITS = {
  scryptMaxN: 2 ** 20,
  scryptMaxR: 32,
  scryptMaxP: 16,
  /** N·r·p summed over every scrypt derivation of one file: 8 times Aegis's default. */
  scryptMaxWork: 2 ** 21,
  /** 128·N·r bytes: the memory of one derivation. */
  scryptMaxMemory: 256 * MiB,
  /** Argon2id memory of one derivation, in bytes (libsodium's `memLimit`). */
  argon2MaxMemory: 256 * MiB,
  /** Argon2id memory × passes summed over one file, in bytes: Ente Auth's own product. */
  argon2MaxWork: 4096 * MiB,
  /** PBKDF2 rounds summed over one file. */
  pbkdf2MaxIterations: 2_000_000,
} as const;

/** scrypt parameters as a file states them. */
export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

/** Argon2id parameters as libsodium states them (Ente Auth's `kdfParams`): memory in bytes, passes. */
export interface Argon2Params {
  memLimit: number;
  opsLimit: number;
}

/** One derivation a reader would run. */
export type KdfCost =
  ({ kdf: 'scrypt' } & ScryptParams) | ({ kdf: 'argon2id' } & Argon2Params) | { kdf: 'pbkdf2'; iterations: number };

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** @throws {InvalidMigrationError} when the parameters are malformed or one derivation costs more than {@link KDF_LIMITS} */
export function checkScryptParams(params: { n: unknown; r: unknown; p: unknown }, where: string): ScryptParams {
  const { n, r, p } = params;
  if (!positiveInt(n) || !positiveInt(r) || !positiveInt(p))
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

/** @throws {InvalidMigrationError} when the parameters are malformed or cost more than {@link KDF_LIMITS} */
export function checkArgon2Params(params: { memLimit: unknown; opsLimit: unknown }, where: string): Argon2Params {
  const { memLimit, opsLimit } = params;
  if (!positiveInt(memLimit) || !positiveInt(opsLimit))
    throw new InvalidMigrationError(`${where}: Argon2 memLimit and opsLimit must be positive integers`);
  // libsodium's smallest: 8 KiB of memory (Argon2's 8 blocks for one lane).
  if (memLimit < 8192 || memLimit > KDF_LIMITS.argon2MaxMemory || memLimit * opsLimit > KDF_LIMITS.argon2MaxWork) {
    throw new InvalidMigrationError(
      `${where}: Argon2 cost memLimit=${memLimit}, opsLimit=${opsLimit} is above the limit this reader accepts (memory from 8 KiB to ${KDF_LIMITS.argon2MaxMemory / MiB} MiB, memory × passes at most ${KDF_LIMITS.argon2MaxWork / MiB} MiB)`,
    );
  }
  return { memLimit, opsLimit };
}

/** @throws {InvalidMigrationError} when the count is not an integer from 1 to the limit */
export function checkIterations(iterations: unknown, where: string): number {
  if (!positiveInt(iterations) || iterations > KDF_LIMITS.pbkdf2MaxIterations) {
    throw new InvalidMigrationError(
      `${where}: PBKDF2 iteration count ${String(iterations)} refused (1 to ${KDF_LIMITS.pbkdf2MaxIterations})`,
    );
  }
  return iterations;
}

/**
 * Checks what every derivation of one file costs together, before the first one runs.
 * @throws {InvalidMigrationError} naming the file when the sum is above {@link KDF_LIMITS}
 */
export function checkFileCost(costs: readonly KdfCost[], where: string): void {
  const sum = (kdf: KdfCost['kdf'], cost: (c: KdfCost) => number) =>
    costs.filter((c) => c.kdf === kdf).reduce((total, c) => total + cost(c), 0);
  const scrypt = sum('scrypt', (c) => (c.kdf === 'scrypt' ? c.n * c.r * c.p : 0));
  const argon2 = sum('argon2id', (c) => (c.kdf === 'argon2id' ? c.memLimit * c.opsLimit : 0));
  const pbkdf2 = sum('pbkdf2', (c) => (c.kdf === 'pbkdf2' ? c.iterations : 0));
  const over =
    scrypt > KDF_LIMITS.scryptMaxWork
      ? `scrypt work N·r·p ${scrypt} in all (at most ${KDF_LIMITS.scryptMaxWork})`
      : argon2 > KDF_LIMITS.argon2MaxWork
        ? `Argon2 memory × passes ${Math.ceil(argon2 / MiB)} MiB in all (at most ${KDF_LIMITS.argon2MaxWork / MiB} MiB)`
        : pbkdf2 > KDF_LIMITS.pbkdf2MaxIterations
          ? `${pbkdf2} PBKDF2 rounds in all (at most ${KDF_LIMITS.pbkdf2MaxIterations})`
          : null;
  if (over !== null)
    throw new InvalidMigrationError(`${where}: the key derivations this file asks for cost too much: ${over}`);
}

/** scrypt into a 32-byte key; check the file's cost first. */
export async function deriveScrypt(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  // Loaded on first use, so apps that never open an encrypted vault do not carry scrypt in their bundle.
  const { scryptAsync } = await import('@noble/hashes/scrypt');
  return scryptAsync(utf8(password), salt, {
    N: params.n,
    r: params.r,
    p: params.p,
    dkLen: 32,
    maxmem: KDF_LIMITS.scryptMaxMemory + MiB,
  });
}

/** Argon2id (version 1.3, one lane, as libsodium's crypto_pwhash) into a 32-byte key; check the file's cost first. */
export async function deriveArgon2id(password: string, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
  const { argon2idAsync } = await import('@noble/hashes/argon2');
  return argon2idAsync(utf8(password), salt, {
    t: params.opsLimit,
    m: Math.floor(params.memLimit / 1024),
    p: 1,
    dkLen: 32,
    version: 0x13,
    maxmem: KDF_LIMITS.argon2MaxMemory + MiB,
  });
}

/** PBKDF2 into a key of `bits`; check the file's cost first. */
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
