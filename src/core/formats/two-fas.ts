/**
 * 2FAS Authenticator backups (`.2fas`, schema 4): a JSON object whose `services` each hold a
 * `secret` and an `otp` object (`tokenType` TOTP/HOTP/STEAM, `algorithm`, `digits`, `period`,
 * `counter`, `issuer`, `account`/`label`). An encrypted backup has `servicesEncrypted`:
 * `ciphertext:salt:iv` in base64, AES-256-GCM with a key from PBKDF2-HMAC-SHA256 (10 000 rounds,
 * fixed by the app), whose plaintext is the `services` array. A service's group (`groupId`, named
 * in `groups`) is its detail; 2FAS shows Steam Guard codes (`tokenType` STEAM).
 */
import type { AccountInput } from '../account.js';
import { toAccount } from '../account.js';
import { systemClock, type Clock } from '../clock.js';
import { checkClock, checkList, checkOptions, checkRandomSource } from '../input.js';
import { InvalidArgumentError, InvalidMigrationError } from '../errors.js';
import { openGcm } from './crypto.js';
import { derivePbkdf2 } from './kdf.js';
import { checkDetails, type DetailedAccount } from './details.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { uuid4 } from './aegis.js';
import { cryptoRandom, type RandomSource } from '../random.js';
import { entryList, isObject, parseJson } from './json.js';
import { fromBase64 } from './migration/base64.js';

const PBKDF2_ROUNDS = 10_000;

/** One service of a 2FAS backup as {@link toTwoFasBackup} writes it. */
export interface TwoFasService {
  name: string;
  secret: string;
  updatedAt: number;
  otp: {
    label: string;
    account: string;
    issuer: string;
    digits: number;
    period?: number;
    counter?: number;
    algorithm: string;
    tokenType: 'TOTP' | 'HOTP' | 'STEAM';
    source: 'Manual';
  };
  order: { position: number };
  groupId?: string;
}

/** A plain 2FAS backup as {@link toTwoFasBackup} writes it. */
export interface TwoFasBackup {
  services: TwoFasService[];
  groups: Array<{ id: string; name: string; isExpanded: true }>;
  updatedAt: number;
  schemaVersion: 4;
  appVersionCode: number;
  appOrigin: 'android';
}

/** True for a parsed object shaped like a 2FAS backup. */
export const isTwoFas = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && Array.isArray(value.services) && typeof value.schemaVersion === 'number';

/** True for a 2FAS backup whose services are encrypted. */
export const isEncryptedTwoFas = (value: unknown): boolean =>
  isTwoFas(value) && typeof value.servicesEncrypted === 'string' && value.servicesEncrypted !== '';

function readServices(services: unknown, groups: unknown): FormatImport {
  const result = emptyImport();
  const groupNames = new Map<unknown, unknown>();
  if (Array.isArray(groups))
    for (const g of entryList(groups, '2FAS "groups"')) if (isObject(g)) groupNames.set(g.id, g.name);
  entryList(services, '2FAS "services"').forEach((service, index) => {
    const where = `2FAS service ${index}`;
    if (!isObject(service) || !isObject(service.otp))
      throw new InvalidMigrationError(`${where} must be an object with "otp"`);
    const { otp } = service;
    const account = typeof otp.account === 'string' && otp.account !== '' ? otp.account : otp.label;
    // The service name is what 2FAS shows as the issuer; one named after the account stands for none.
    const issuer =
      typeof otp.issuer === 'string' && otp.issuer !== '' ? otp.issuer : service.name === account ? null : service.name;
    addEntry(result, index, where, {
      type: otp.tokenType ?? 'TOTP',
      issuer,
      account,
      secret: service.secret,
      algorithm: otp.algorithm,
      digits: otp.digits,
      period: otp.period,
      counter: otp.counter,
      groups: [groupNames.get(service.groupId)],
      // 2FAS gives every service a label icon; one from its icon collection is the service's own.
      icon: isObject(service.icon) && service.icon.selected === 'IconCollection',
    });
  });
  return result;
}

/**
 * Reads a plain 2FAS backup (text or parsed object).
 * @throws {InvalidMigrationError} for malformed JSON or services, or an encrypted backup
 */
export function parseTwoFasBackup(input: string | unknown): FormatImport {
  const backup = typeof input === 'string' ? parseJson(input, '2FAS backup') : input;
  if (!isTwoFas(backup))
    throw new InvalidMigrationError('2FAS backup must be an object with "services" and "schemaVersion"');
  if (isEncryptedTwoFas(backup)) throw new InvalidMigrationError('2FAS backup is encrypted: read it with its password');
  return readServices(backup.services, backup.groups);
}

/**
 * Opens an encrypted 2FAS backup with its password.
 * @throws {WrongPasswordError} for a wrong password
 * @throws {InvalidMigrationError} for a malformed backup
 */
export async function decryptTwoFasBackup(input: string | unknown, password: string): Promise<FormatImport> {
  if (typeof password !== 'string') throw new InvalidArgumentError('"password" must be a string');
  const backup = typeof input === 'string' ? parseJson(input, '2FAS backup') : input;
  if (!isEncryptedTwoFas(backup)) return parseTwoFasBackup(backup);
  const parts = String((backup as Record<string, unknown>).servicesEncrypted).split(':');
  if (parts.length !== 3)
    throw new InvalidMigrationError('2FAS "servicesEncrypted" must be ciphertext:salt:iv in base64');
  const [sealed, salt, iv] = parts.map((p) => fromBase64(p)) as [Uint8Array, Uint8Array, Uint8Array];
  const key = await derivePbkdf2(password, salt, PBKDF2_ROUNDS, 'SHA-256');
  const plain = await openGcm(key, iv, sealed, '2FAS backup');
  return readServices(
    parseJson(new TextDecoder().decode(plain), '2FAS services'),
    (backup as Record<string, unknown>).groups,
  );
}

/**
 * Builds a plain 2FAS backup that 2FAS imports (Settings → 2FAS Backup → Import), Steam Guard
 * accounts included. 2FAS puts a service in one group at most: an account's first group.
 * @param options.clock the time written as `updatedAt` (default: the system clock)
 * @param options.random where group ids come from (default: the platform CSPRNG)
 * @throws {InvalidArgumentError} naming the account and field when one is invalid
 */
export function toTwoFasBackup(
  accounts: readonly (AccountInput | DetailedAccount)[],
  options: { clock?: Clock; random?: RandomSource } = {},
): TwoFasBackup {
  const opts = checkOptions(options);
  const now = (opts.clock === undefined ? systemClock : checkClock(opts.clock)).now();
  const random = checkRandomSource(opts.random ?? cryptoRandom);
  const groups = new Map<string, string>();
  const services = checkList(accounts, 'accounts').map((input, i): TwoFasService => {
    const a = toAccount(input, `accounts[${i}]`);
    const group = checkDetails(input, `accounts[${i}]`).groups?.[0];
    if (group !== undefined && !groups.has(group)) groups.set(group, uuid4(random));
    const otp = {
      label: a.account,
      account: a.account,
      issuer: a.issuer ?? '',
      digits: a.digits,
      algorithm: a.algorithm,
      ...(a.type === 'hotp'
        ? { counter: a.counter!, tokenType: 'HOTP' as const }
        : { period: a.period!, tokenType: a.type === 'steam' ? ('STEAM' as const) : ('TOTP' as const) }),
      source: 'Manual' as const,
    };
    const service = { name: a.issuer ?? a.account, secret: a.secret, updatedAt: now, otp, order: { position: i } };
    return group === undefined ? service : { ...service, groupId: groups.get(group)! };
  });
  const groupList = [...groups].map(([name, id]) => ({ id, name, isExpanded: true as const }));
  return {
    services,
    groups: groupList,
    updatedAt: now,
    schemaVersion: 4,
    appVersionCode: 5000009,
    appOrigin: 'android',
  };
}
