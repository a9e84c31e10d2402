/**
 * One entry point for "here is an export file, what accounts does it hold?": the format is
 * recognised by content ({@link detectFormat}), then read by its own reader. {@link readAccounts}
 * reads text of every unencrypted format at once; {@link readExport} reads every format, the
 * encrypted ones (and andOTP's binary file) with a password, asynchronously (WebCrypto).
 */
import { InvalidArgumentError, InvalidMigrationError, UnsupportedFormatError, describeValue } from '../errors.js';
import type { KeyUri } from '../key-uri.js';
import { parseAegisVault } from './aegis.js';
import { parseAndOtpBackup } from './andotp.js';
import { parseAuthenticatorPro } from './authenticator-pro.js';
import { parseBitwardenCsv, parseBitwardenJson } from './bitwarden.js';
import { parseCxf } from './cxf.js';
import { detectExport, detectFormat, FORMAT_NAMES, type AccountsFormat, type DetectedFormat } from './detect.js';
import type { AccountDetails } from './details.js';
import type { FormatImport, SkippedEntry } from './entries.js';
import { parseFreeOtpPlus } from './freeotp-plus.js';
import { parseLastPass } from './lastpass.js';
import { decodeMigration, type MigrationBatch } from './migration/migration.js';
import { parseProtonExport } from './proton.js';
import { parseSteamMaFile } from './steam-mafile.js';
import { parseTwoFasBackup } from './two-fas.js';
import { readUriList } from './uri-list.js';

export type { AccountsFormat } from './detect.js';

export interface ReadAccountsResult {
  format: AccountsFormat;
  /** The format's name for people (`"Aegis vault (encrypted JSON)"`). */
  name: string;
  accounts: KeyUri[];
  /** Each account's note, groups and icon, where the format has them: `details[i]` belongs to `accounts[i]`. */
  details: AccountDetails[];
  /** For each migration URI read, where it sits in its export. */
  batches: MigrationBatch[];
  /** Entries left out (mOTP, Yandex, MD5, …), with the reason. */
  skipped: SkippedEntry[];
  /** Values the reader had to assume (an HOTP counter missing, say). */
  warnings: string[];
}

/** What {@link readExport} takes besides the file. */
export interface ReadExportOptions {
  /** The password of an encrypted export; never logged or put in an error. */
  password?: string;
}

const PLAIN_READERS: Partial<Record<AccountsFormat, (text: string) => FormatImport>> = {
  aegis: parseAegisVault,
  '2fas': parseTwoFasBackup,
  'bitwarden-json': parseBitwardenJson,
  'bitwarden-csv': parseBitwardenCsv,
  andotp: parseAndOtpBackup,
  'freeotp-plus': parseFreeOtpPlus,
  'authenticator-pro': parseAuthenticatorPro,
  proton: parseProtonExport,
  lastpass: parseLastPass,
  steam: parseSteamMaFile,
  cxf: parseCxf,
  'uri-list': readUriList,
};

const text = (input: string | Uint8Array) =>
  (typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/, '');

/** The formats read by the readers loaded on demand (on-demand.ts): encrypted files and zips. */
const ON_DEMAND: ReadonlySet<AccountsFormat> = new Set([
  'aegis-encrypted',
  '2fas-encrypted',
  'andotp-encrypted',
  'ente-encrypted',
  'totp-authenticator',
  'proton-pass',
]);

const refuse = (found: DetectedFormat & { readable: false }) =>
  new UnsupportedFormatError(
    found.format === 'unknown'
      ? `not a known export format; ${found.advice}`
      : `${found.name} cannot be read here; ${found.advice}`,
  );

function result(format: AccountsFormat, read: FormatImport, batches: MigrationBatch[] = []): ReadAccountsResult {
  return {
    format,
    name: FORMAT_NAMES[format],
    accounts: read.accounts,
    details: read.details,
    batches,
    skipped: read.skipped,
    warnings: read.warnings,
  };
}

function readMigration(content: string): ReadAccountsResult {
  const lines = content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const decoded = lines.map((line) => decodeMigration(line));
  const accounts = decoded.flatMap((d) => d.accounts.map(({ rawName: _raw, ...account }) => account));
  return result(
    'migration',
    { accounts, details: accounts.map(() => ({})), skipped: [], warnings: [] },
    decoded.map((d) => d.batch),
  );
}

/**
 * Reads exported text of any unencrypted format, recognised by its content (see docs/formats.md):
 * migration URIs, key-URI lists (Ente Auth's plain export among them), Aegis, 2FAS, Bitwarden
 * JSON/CSV, andOTP, FreeOTP+, Authenticator Pro / Stratum, Proton Authenticator, LastPass
 * Authenticator, Steam Guard maFiles, CXF.
 * @throws {InvalidMigrationError} or {@link InvalidKeyUriError} naming what is wrong (and where);
 *   {@link InvalidMigrationError} for an encrypted export (use {@link readExport});
 *   {@link UnsupportedFormatError} for a known format it cannot read, or an unknown one
 * @example
 * readAccounts('otpauth-migration://offline?data=…').accounts;
 */
export function readAccounts(text: string): ReadAccountsResult {
  if (typeof text !== 'string') throw new InvalidArgumentError(`"text" must be a string, got ${describeValue(text)}`);
  const content = text.replace(/^\uFEFF/, '').trim();
  const found = detectFormat(content);
  if (!found.readable) throw refuse(found);
  if (found.encrypted)
    throw new InvalidMigrationError(`${found.name}: encrypted; read it with its password (readExport)`);
  if (found.format === 'migration') return readMigration(content);
  const reader = PLAIN_READERS[found.format];
  if (reader === undefined)
    throw new InvalidMigrationError(`${found.name}: read it from its file's bytes (readExport)`);
  return result(found.format, reader(content));
}

/**
 * Reads an export file of any readable format, encrypted ones with `options.password`; zips (a
 * Proton Pass export) and encrypted formats are read by readers loaded when such a file comes.
 * @param input the file's text or bytes
 * @throws {WrongPasswordError} for a wrong password (nothing is read)
 * @throws {InvalidArgumentError} when an encrypted file comes without a password
 * @throws {UnsupportedFormatError} for a known format it cannot read, or an unknown one
 * @throws {InvalidMigrationError} for a malformed file or key derivation costs above the bounds
 * @example
 * const { format, accounts } = await readExport(await readFile('aegis.json'), { password });
 */
export async function readExport(
  input: string | Uint8Array,
  options: ReadExportOptions = {},
): Promise<ReadAccountsResult> {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    throw new InvalidArgumentError(`"input" must be a string or a Uint8Array, got ${describeValue(input)}`);
  const found = await detectExport(input);
  if (!found.readable) throw refuse(found);
  if (!ON_DEMAND.has(found.format)) return readAccounts(text(input));
  const password = options?.password;
  if (found.encrypted && typeof password !== 'string')
    throw new InvalidArgumentError(`${found.name} needs its password`);
  const { ON_DEMAND_READERS } = await import('./on-demand.js');
  return result(found.format, await ON_DEMAND_READERS[found.format]!(input, password ?? ''));
}
