/**
 * One entry point for "here is some exported text, what accounts does it hold?": a migration URI,
 * an Aegis JSON vault, or a list of key URIs. Used by the phone's import and by the CLI.
 */
import { parseAegisVault } from './aegis.js';
import { InvalidArgumentError, describeValue } from '../errors.js';
import type { KeyUri } from '../key-uri.js';
import { decodeMigration, type MigrationBatch } from './migration/migration.js';
import { parseUriList } from './uri-list.js';

/** The formats {@link readAccounts} recognises. */
export type AccountsFormat = 'migration' | 'aegis' | 'uri-list';

export interface ReadAccountsResult {
  format: AccountsFormat;
  accounts: KeyUri[];
  /** For each migration URI read, where it sits in its export. */
  batches: MigrationBatch[];
  /** Entries left out (Aegis only), with the reason. */
  skipped: Array<{ index: number; name: string; reason: string }>;
}

/**
 * Reads exported text, recognising the format by its content: JSON starting with `{` is an Aegis
 * vault; text whose lines are all `otpauth-migration://` URIs is a migration export (one or more
 * batches); anything else is read as a list of key URIs.
 * @throws {InvalidMigrationError} or {@link InvalidKeyUriError} naming what is wrong (and the line)
 * @example
 * readAccounts('otpauth-migration://offline?data=…').accounts;
 */
export function readAccounts(text: string): ReadAccountsResult {
  if (typeof text !== 'string') throw new InvalidArgumentError(`"text" must be a string, got ${describeValue(text)}`);
  const content = text.replace(/^\uFEFF/, '').trim();
  if (content.startsWith('{')) {
    const { accounts, skipped } = parseAegisVault(content);
    return { format: 'aegis', accounts, batches: [], skipped };
  }
  const lines = content.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length > 0 && lines.every((line) => /^otpauth-migration:/i.test(line))) {
    const decoded = lines.map((line) => decodeMigration(line));
    return { format: 'migration', accounts: decoded.flatMap((d) => d.accounts.map(({ rawName: _raw, ...account }) => account)), batches: decoded.map((d) => d.batch), skipped: [] };
  }
  return { format: 'uri-list', accounts: parseUriList(content).map(({ issuerMismatch: _m, ...account }) => account), batches: [], skipped: [] };
}
