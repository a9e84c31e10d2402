/**
 * One entry point for "here is an export file, what accounts does it hold?": the format is
 * recognised by content ({@link detectFormat}), then read by its own reader. {@link readAccounts}
 * reads text of every unencrypted format at once; {@link readExport} reads every format, the
 * encrypted ones (and andOTP's binary file) with a password, asynchronously (WebCrypto).
 */
import { InvalidArgumentError, InvalidMigrationError, UnsupportedFormatError, describeValue } from '../errors.js';
import type { KeyUri } from '../key-uri.js';
import { parseAegisVault } from './aegis.js';
import { decryptAegisVault } from './aegis-encrypted.js';
import { decryptAndOtpBackup, parseAndOtpBackup } from './andotp.js';
import { parseAuthenticatorPro } from './authenticator-pro.js';
import { parseBitwardenCsv, parseBitwardenJson } from './bitwarden.js';
import { detectFormat, FORMAT_NAMES, type AccountsFormat, type DetectedFormat } from './detect.js';
import type { FormatImport, SkippedEntry } from './entries.js';
import { parseFreeOtpPlus } from './freeotp-plus.js';
import { parseLastPass } from './lastpass.js';
import { decodeMigration, type MigrationBatch } from './migration/migration.js';
import { parseProtonExport } from './proton.js';
import { decryptTwoFasBackup, parseTwoFasBackup } from './two-fas.js';
import { readUriList } from './uri-list.js';

export type { AccountsFormat } from './detect.js';

export interface ReadAccountsResult {
  format: AccountsFormat;
  /** The format's name for people (`"Aegis vault (encrypted JSON)"`). */
  name: string;
  accounts: KeyUri[];
  /** For each migration URI read, where it sits in its export. */
  batches: MigrationBatch[];
  /** Entries left out (Steam, MD5, …), with the reason. */
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
  'uri-list': readUriList,
};

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
    { accounts, skipped: [], warnings: [] },
    decoded.map((d) => d.batch),
  );
}

/**
 * Reads exported text of any unencrypted format, recognised by its content (see docs/formats.md):
 * migration URIs, key-URI lists, Aegis, 2FAS, Bitwarden JSON/CSV, andOTP, FreeOTP+, Authenticator
 * Pro / Stratum, Proton Authenticator, LastPass Authenticator.
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
  return result(found.format, PLAIN_READERS[found.format]!(content));
}

/**
 * Reads an export file of any readable format, encrypted ones with `options.password`.
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
  const found = detectFormat(input);
  if (!found.readable) throw refuse(found);
  if (!found.encrypted) return readAccounts(typeof input === 'string' ? input : new TextDecoder().decode(input));
  const password = options?.password;
  if (typeof password !== 'string') throw new InvalidArgumentError(`${found.name} needs its password`);
  if (found.format === 'andotp-encrypted') {
    return result(
      found.format,
      await decryptAndOtpBackup(typeof input === 'string' ? new TextEncoder().encode(input) : input, password),
    );
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const read =
    found.format === 'aegis-encrypted'
      ? await decryptAegisVault(text.replace(/^\uFEFF/, ''), password)
      : await decryptTwoFasBackup(text.replace(/^\uFEFF/, ''), password);
  return result(found.format, read);
}
