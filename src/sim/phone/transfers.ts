/**
 * Moving accounts onto and off a virtual phone: scanning a QR code, importing transfer QR codes
 * and export files of every readable format, and exporting (migration QR codes, key-URI lists,
 * plain Aegis vaults). The readers of other apps' files are loaded when such a file is imported
 * (importFile), so an app with a phone does not carry them all.
 */
import { InvalidArgumentError, TotpLabError, UnsupportedFormatError, describeValue } from '../../core/errors.js';
import { parseAegisVault, toAegisVault } from '../../core/formats/aegis.js';
import type { FormatImport } from '../../core/formats/entries.js';
import { isObject, parseJson } from '../../core/formats/json.js';
import type { AccountsFormat } from '../../core/formats/formats.js';
import { decodeMigration, encodeMigration } from '../../core/formats/migration/migration.js';
import type { ReadExportOptions } from '../../core/formats/read-accounts.js';
import { formatUriList, readUriList } from '../../core/formats/uri-list.js';
import type { RgbaImage } from '../../core/image.js';
import { checkOptions } from '../../core/input.js';
import type { KeyUri } from '../../core/key-uri.js';
import type { ExportOptions, ImportResult, ScanResult } from '../phone-types.js';
import { recordBatch, type TransferProgress } from '../transfer-progress.js';
import { addAccount, addKeyUri } from './accounts.js';
import { asAppExports } from './apps.js';
import { appOf, needCamera, say, selectAccounts, type PhoneDevice } from './device.js';

function importAccounts(
  phone: PhoneDevice,
  format: AccountsFormat,
  accounts: KeyUri[],
  skipped: ImportResult['skipped'],
  transfers: TransferProgress[],
): ImportResult {
  const result: ImportResult = { format, added: [], duplicates: [], skipped, transfers };
  for (const account of accounts) {
    const outcome = addAccount(phone, account);
    (outcome.status === 'added' ? result.added : result.duplicates).push(outcome.account);
  }
  return result;
}

/** Imports one migration URI (one batch), recording which batches of its export have been seen. */
export function importMigration(phone: PhoneDevice, uri: string): ImportResult {
  const { accounts, batch } = decodeMigration(uri);
  const progress = recordBatch(phone.state.transfers, batch);
  return importAccounts(
    phone,
    'migration',
    accounts.map(({ rawName: _raw, ...a }) => a),
    [],
    [progress],
  );
}

/** The phone's own export formats, read at once: a key-URI list or a plain Aegis vault. */
function readPhoneText(content: string): { format: AccountsFormat; read: FormatImport } {
  if (content.startsWith('{')) {
    const vault = parseJson(content, 'export');
    if (isObject(vault) && 'header' in vault && 'db' in vault) return { format: 'aegis', read: parseAegisVault(vault) };
  } else if (/^otpauth:\/\//im.test(content)) return { format: 'uri-list', read: readUriList(content) };
  throw new UnsupportedFormatError(
    'importText reads migration URIs, key-URI lists and plain Aegis vaults (what a phone exports); read other export files with importFile',
  );
}

/** Imports what a phone exports as text: migration URIs (one per line), a key-URI list, a plain Aegis vault. */
export function importText(phone: PhoneDevice, text: string): ImportResult {
  if (typeof text !== 'string') throw new InvalidArgumentError(`"text" must be a string, got ${describeValue(text)}`);
  const content = text.replace(/^\uFEFF/, '').trim();
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0 || !lines.every((l) => /^otpauth-migration:/i.test(l))) {
    const { format, read } = readPhoneText(content);
    return importAccounts(phone, format, read.accounts, read.skipped, []);
  }
  const results = lines.map((line) => importMigration(phone, line));
  return {
    format: 'migration',
    skipped: [],
    added: results.flatMap((r) => r.added),
    duplicates: results.flatMap((r) => r.duplicates),
    transfers: results.flatMap((r) => r.transfers),
  };
}

/** Imports an export file of any readable format, encrypted ones with `options.password`. */
export async function importFile(
  phone: PhoneDevice,
  input: string | Uint8Array,
  options: ReadExportOptions = {},
): Promise<ImportResult> {
  const { readExport } = await import('../../core/formats/read-accounts.js');
  const read = await readExport(input, options);
  if (read.format === 'migration')
    return importText(phone, typeof input === 'string' ? input : new TextDecoder().decode(input));
  return importAccounts(phone, read.format, read.accounts, read.skipped, []);
}

/** Points the camera at a picture: a key URI adds one account, a migration URI imports its batch. */
export async function scanImage(phone: PhoneDevice, image: RgbaImage): Promise<ScanResult> {
  const text = await needCamera(phone).scan(image);
  if (text === null) return { status: 'no-code', message: say(phone).noCode };
  const trimmed = text.trim();
  try {
    if (/^otpauth:\/\//i.test(trimmed)) return { ...addKeyUri(phone, trimmed), kind: 'key-uri' };
    if (/^otpauth-migration:/i.test(trimmed))
      return { ...importMigration(phone, trimmed), status: 'imported', kind: 'migration' };
  } catch (error) {
    if (error instanceof TotpLabError) return { status: 'invalid', message: error.message };
    throw error;
  }
  return { status: 'unrecognized', message: say(phone).unrecognized };
}

/** The accounts an export writes: as the phone's app writes them (it may drop what it does not keep). */
function exported(phone: PhoneDevice, ids: readonly string[] | undefined): KeyUri[] {
  const app = appOf(phone);
  return selectAccounts(phone, ids).map(({ id: _id, shownCounter: _shown, ...account }) => asAppExports(app, account));
}

/** Exports accounts as migration URIs (one per batch). */
export function exportMigration(phone: PhoneDevice, opts: ExportOptions = {}): string[] {
  opts = checkOptions(opts);
  const accounts = exported(phone, opts.ids);
  return encodeMigration(accounts, {
    random: phone.random,
    ...(opts.batchSize === undefined ? {} : { batchSize: opts.batchSize }),
  });
}

/** Exports accounts as migration QR images via the camera, one per batch. */
export function exportQrImages(phone: PhoneDevice, opts: ExportOptions = {}): RgbaImage[] {
  opts = checkOptions(opts);
  const camera = needCamera(phone);
  return exportMigration(phone, opts).map((uri) => camera.render(uri));
}

/** Exports accounts as otpauth:// key URIs, one per line. */
export function exportUriList(phone: PhoneDevice, ids?: readonly string[]): string {
  return formatUriList(exported(phone, ids));
}

/** Exports accounts as a plain (unencrypted) Aegis vault, as JSON text. */
export function exportAegis(phone: PhoneDevice, ids?: readonly string[]): string {
  return `${JSON.stringify(toAegisVault(exported(phone, ids), { random: phone.random }), null, 4)}\n`;
}
