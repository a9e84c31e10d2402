/**
 * Aegis Authenticator's plain (unencrypted) JSON vault, version 1 with database version 3:
 *
 *   { version: 1, header: { slots: null, params: null },
 *     db: { version: 3, entries: [{ type, uuid, name, issuer, note, favorite, icon,
 *                                   info: { secret, algo, digits, period | counter }, groups }],
 *           groups: [] } }
 *
 * An encrypted vault (header.slots set, db a base64 string) is read by aegis-encrypted.ts. Steam
 * entries are Steam Guard accounts; entries this library cannot use (mOTP, Yandex, MD5, 5 or 10
 * digits) are skipped and listed, so one odd entry does not block the rest of an import. Notes,
 * groups (`db.groups` names, or a version 2 entry's `group`) and icons are the entries' details.
 */
import { checkList, checkOptions, checkRandomSource } from '../input.js';
import { toAccount, type AccountInput } from '../account.js';
import { InvalidMigrationError, describeValue } from '../errors.js';
import { toHex } from '../hex.js';
import { checkDetails, type DetailedAccount } from './details.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson } from './json.js';
import { cryptoRandom, type RandomSource } from '../random.js';

/** What an Aegis vault gave: the accounts, the entries left out with the reason why, and notes. */
export type AegisImport = FormatImport;

/** One entry of an Aegis vault (database version 3), as {@link toAegisVault} writes it. */
export interface AegisEntry {
  type: 'totp' | 'hotp' | 'steam';
  uuid: string;
  name: string;
  issuer: string;
  note: string;
  favorite: boolean;
  icon: null;
  info: { secret: string; algo: string; digits: number; period?: number; counter?: number };
  groups: string[];
}

/** A plain Aegis vault as {@link toAegisVault} writes it. */
export interface AegisVault {
  version: 1;
  header: { slots: null; params: null };
  db: { version: 3; entries: AegisEntry[]; groups: Array<{ uuid: string; name: string }> };
}

/**
 * Reads a plain Aegis vault (the JSON text or the parsed object).
 * @throws {InvalidMigrationError} for text that is not JSON, an encrypted vault, or a vault whose
 *   shape is not Aegis's (naming the entry and field; never the secret)
 * @example
 * parseAegisVault(await readFile('aegis-export.json', 'utf8')).accounts;
 */
export function parseAegisVault(input: string | unknown): AegisImport {
  const vault = typeof input === 'string' ? parseJson(input, 'Aegis vault') : input;
  if (!isObject(vault))
    throw new InvalidMigrationError(`Aegis vault must be a JSON object, got ${describeValue(vault)}`);
  if (vault.version !== 1)
    throw new InvalidMigrationError(`Aegis vault "version" must be 1, got ${describeValue(vault.version)}`);
  const header = vault.header;
  if (isObject(header) && ((header.slots !== null && header.slots !== undefined) || typeof vault.db === 'string')) {
    throw new InvalidMigrationError(
      "Aegis vault is encrypted: read it with its password (readExport, or the CLI's --password-file)",
    );
  }
  return readAegisDb(vault.db);
}

/** Reads the `db` object of a vault (plain, or decrypted from an encrypted one). */
export function readAegisDb(db: unknown): AegisImport {
  if (!isObject(db)) throw new InvalidMigrationError(`Aegis vault "db" must be an object, got ${describeValue(db)}`);
  if (typeof db.version !== 'number' || db.version < 1 || db.version > 3) {
    throw new InvalidMigrationError(`Aegis vault "db.version" must be 1 to 3, got ${describeValue(db.version)}`);
  }
  const result = emptyImport();
  const groupNames = new Map<unknown, string>();
  if (Array.isArray(db.groups))
    for (const g of entryList(db.groups, 'Aegis vault "db.groups"'))
      if (isObject(g) && typeof g.name === 'string') groupNames.set(g.uuid, g.name);
  entryList(db.entries, 'Aegis vault "db.entries"').forEach((entry: unknown, index: number) => {
    const where = `Aegis entry ${index}`;
    if (!isObject(entry) || !isObject(entry.info))
      throw new InvalidMigrationError(`${where} must be an object with "info", got ${describeValue(entry)}`);
    const { info } = entry;
    if (typeof info.secret !== 'string' && ['totp', 'hotp', 'steam'].includes(entry.type as string)) {
      throw new InvalidMigrationError(
        `${where} "info.secret" must be a string, got ${describeValue(typeof info.secret)}`,
      );
    }
    addEntry(result, index, where, {
      type: entry.type,
      issuer: entry.issuer,
      account: entry.name,
      secret: info.secret,
      algorithm: info.algo,
      digits: info.digits,
      period: info.period,
      counter: info.counter,
      note: entry.note,
      groups: Array.isArray(entry.groups) ? entry.groups.map((id) => groupNames.get(id)) : [entry.group],
      icon: typeof entry.icon === 'string' && entry.icon !== '',
    });
  });
  return result;
}

/**
 * Builds a plain Aegis vault that Aegis can import (Import & Export → Import → Aegis, JSON), Steam
 * Guard accounts, notes and groups included. Each entry and group gets a random version 4 UUID.
 * @throws {InvalidArgumentError} naming the account and field when one is invalid
 */
export function toAegisVault(
  accounts: readonly (AccountInput | DetailedAccount)[],
  options: { random?: RandomSource } = {},
): AegisVault {
  const random = checkRandomSource(checkOptions(options).random ?? cryptoRandom);
  const groups = new Map<string, string>();
  const groupId = (name: string) => groups.get(name) ?? (groups.set(name, uuid4(random)), groups.get(name)!);
  const entries = checkList(accounts, 'accounts').map((input, i): AegisEntry => {
    const a = toAccount(input, `accounts[${i}]`);
    const details = checkDetails(input, `accounts[${i}]`);
    const info =
      a.type === 'hotp'
        ? { secret: a.secret, algo: a.algorithm, digits: a.digits, counter: a.counter! }
        : { secret: a.secret, algo: a.algorithm, digits: a.digits, period: a.period! };
    return {
      type: a.type,
      uuid: uuid4(random),
      name: a.account,
      issuer: a.issuer ?? '',
      note: details.note ?? '',
      favorite: false,
      icon: null,
      info,
      groups: (details.groups ?? []).map(groupId),
    };
  });
  const dbGroups = [...groups].map(([name, uuid]) => ({ uuid, name }));
  return { version: 1, header: { slots: null, params: null }, db: { version: 3, entries, groups: dbGroups } };
}

export function uuid4(random: RandomSource): string {
  const b = random.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // RFC 9562 §5.4: version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
