/**
 * Aegis's encrypted vault (docs/vault.md in the Aegis repository): a random 256-bit master key
 * encrypts the `db` object (AES-256-GCM, `header.params` holds nonce and tag, `db` is base64).
 * Each "slot" holds the master key encrypted again: a password slot (type 1) with a key derived by
 * scrypt (n, r, p and salt in the slot), AES-256-GCM with the slot's `key_params`. Other slot types
 * (raw 0, biometric 2) need the phone's keystore and are passed over.
 */
import { checkOptions, checkRandomSource } from '../input.js';
import type { AccountInput } from '../account.js';
import {
  InvalidArgumentError,
  InvalidMigrationError,
  UnsupportedFormatError,
  WrongPasswordError,
  describeValue,
} from '../errors.js';
import { toHex } from '../hex.js';
import { cryptoRandom, type RandomSource } from '../random.js';
import { readAegisDb, toAegisVault, uuid4, type AegisImport } from './aegis.js';
import { bytesOfHex, openGcm, sealGcm, utf8 } from './crypto.js';
import { checkFileCost, checkScryptParams, deriveScrypt, type ScryptParams } from './kdf.js';
import { isObject, parseJson } from './json.js';
import { fromBase64, toBase64 } from './migration/base64.js';

/** At most this many slots are looked at: each password slot costs one scrypt run. */
const MAX_PASSWORD_SLOTS = 4;

/** An encrypted Aegis vault as {@link toEncryptedAegisVault} writes it. */
export interface EncryptedAegisVault {
  version: 1;
  header: {
    slots: Array<{
      type: 1;
      uuid: string;
      key: string;
      key_params: { nonce: string; tag: string };
      n: number;
      r: number;
      p: number;
      salt: string;
      repaired: true;
      is_backup: false;
    }>;
    params: { nonce: string; tag: string };
  };
  db: string;
}

const nonceTag = (value: unknown, field: string) => {
  if (!isObject(value)) throw new InvalidMigrationError(`Aegis vault ${field} must be an object with nonce and tag`);
  return {
    nonce: bytesOfHex(value.nonce, `Aegis vault ${field}.nonce`, 12),
    tag: bytesOfHex(value.tag, `Aegis vault ${field}.tag`, 16),
  };
};

const joined = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Opens an encrypted Aegis vault with its password and reads its entries. Every slot's scrypt
 * parameters, and what they cost together, are checked before the first derivation.
 * @throws {WrongPasswordError} when no password slot opens with the password
 * @throws {UnsupportedFormatError} when the vault has no password slot
 * @throws {InvalidMigrationError} for a malformed vault or scrypt parameters above the bounds
 */
export async function decryptAegisVault(input: string | unknown, password: string): Promise<AegisImport> {
  if (typeof password !== 'string') throw new InvalidArgumentError('"password" must be a string');
  const vault = typeof input === 'string' ? parseJson(input, 'Aegis vault') : input;
  if (!isObject(vault) || vault.version !== 1 || !isObject(vault.header))
    throw new InvalidMigrationError('Aegis vault must be an object with "version": 1 and a "header"');
  const { slots } = vault.header;
  if (!Array.isArray(slots)) throw new InvalidMigrationError('Aegis vault "header.slots" must be an array');
  if (typeof vault.db !== 'string')
    throw new InvalidMigrationError('Aegis vault "db" must be a base64 string in an encrypted vault');
  const params = nonceTag(vault.header.params, 'header.params');
  const passwordSlots = slots
    .filter((slot) => isObject(slot) && slot.type === 1)
    .slice(0, MAX_PASSWORD_SLOTS)
    .map((slot, i) => {
      const s = slot as Record<string, unknown>;
      const where = `Aegis vault password slot ${i}`;
      return {
        scrypt: checkScryptParams({ n: s.n, r: s.r, p: s.p }, where),
        salt: bytesOfHex(s.salt, `${where} salt`),
        key: bytesOfHex(s.key, `${where} key`, 32),
        keyParams: nonceTag(s.key_params, `${where} key_params`),
      };
    });
  if (passwordSlots.length === 0) {
    throw new UnsupportedFormatError(
      'Aegis vault has no password slot (only a biometric or raw key); export it again from Aegis with a password',
    );
  }
  // Every slot is tried with the password: what they cost together is bounded before the first.
  checkFileCost(
    passwordSlots.map((slot) => ({ kdf: 'scrypt', ...slot.scrypt })),
    'Aegis vault',
  );
  const sealedDb = fromBase64(vault.db);
  let masterKey: Uint8Array | null = null;
  for (const slot of passwordSlots) {
    const slotKey = await deriveScrypt(password, slot.salt, slot.scrypt);
    try {
      masterKey = await openGcm(slotKey, slot.keyParams.nonce, joined(slot.key, slot.keyParams.tag), 'Aegis vault');
      break;
    } catch (error) {
      if (!(error instanceof WrongPasswordError)) throw error;
    }
  }
  if (masterKey === null) throw new WrongPasswordError('Aegis vault: wrong password; nothing was imported');
  const plain = await openGcm(masterKey, params.nonce, joined(sealedDb, params.tag), 'Aegis vault contents');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new InvalidMigrationError('Aegis vault contents are not UTF-8 JSON');
  }
  return readAegisDb(parseJson(text, 'Aegis vault contents'));
}

/**
 * Builds an encrypted Aegis vault (one password slot, scrypt N=2^15, r=8, p=1 as Aegis uses) that
 * Aegis imports with the password.
 * @param options.scrypt other scrypt parameters (within the reader's bounds)
 * @throws {InvalidArgumentError} for an empty password or an invalid account
 * @example
 * JSON.stringify(await toEncryptedAegisVault(accounts, password));
 */
export async function toEncryptedAegisVault(
  accounts: readonly AccountInput[],
  password: string,
  options: { random?: RandomSource; scrypt?: ScryptParams } = {},
): Promise<EncryptedAegisVault> {
  if (typeof password !== 'string' || password === '')
    throw new InvalidArgumentError(`"password" must be a non-empty string, got ${describeValue(typeof password)}`);
  const opts = checkOptions(options);
  const random = checkRandomSource(opts.random ?? cryptoRandom);
  const scrypt = checkScryptParams(opts.scrypt ?? { n: 2 ** 15, r: 8, p: 1 }, 'options.scrypt');
  const { db } = toAegisVault(accounts, { random });
  const bytes = (n: number) => random.getRandomValues(new Uint8Array(n));
  const masterKey = bytes(32);
  const salt = bytes(32);
  const slotNonce = bytes(12);
  const dbNonce = bytes(12);
  const slotKey = await deriveScrypt(password, salt, scrypt);
  const sealedKey = await sealGcm(slotKey, slotNonce, masterKey);
  const sealedDb = await sealGcm(masterKey, dbNonce, utf8(JSON.stringify(db)));
  const tagOf = (sealed: Uint8Array) => toHex(sealed.subarray(sealed.length - 16));
  const body = (sealed: Uint8Array) => sealed.subarray(0, sealed.length - 16);
  return {
    version: 1,
    header: {
      slots: [
        {
          type: 1,
          uuid: uuid4(random),
          key: toHex(body(sealedKey)),
          key_params: { nonce: toHex(slotNonce), tag: tagOf(sealedKey) },
          n: scrypt.n,
          r: scrypt.r,
          p: scrypt.p,
          salt: toHex(salt),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: toHex(dbNonce), tag: tagOf(sealedDb) },
    },
    db: toBase64(body(sealedDb)),
  };
}
