/**
 * One call for "write these accounts as that format": the text of the file, as the format's app
 * reads it. Writers refuse an account their format would carry wrongly (naming it); use
 * {@link planTransfer} first to see which, and what else a move loses.
 */
import type { Clock } from '../clock.js';
import { InvalidArgumentError } from '../errors.js';
import { checkOptions } from '../input.js';
import type { RandomSource } from '../random.js';
import { toAegisVault } from './aegis.js';
import type { ExportFormat } from './capabilities.js';
import { toCxf } from './cxf.js';
import type { DetailedAccount } from './details.js';
import { toEnteExport } from './ente.js';
import { encodeMigration } from './migration/migration.js';
import { checkExportFormat } from './report.js';
import { toTwoFasBackup } from './two-fas.js';
import { formatUriList } from './uri-list.js';

/** What {@link writeExport} may take besides the accounts. */
export interface WriteExportOptions {
  /** The password of an encrypted format (`aegis-encrypted`). */
  password?: string;
  /** Migration: accounts per URI (default 10). */
  batchSize?: number;
  /** Where ids, salts and keys come from (default: the platform CSPRNG). */
  random?: RandomSource;
  /** The time written into formats that record one (default: the system clock). */
  clock?: Clock;
}

/**
 * Writes accounts (with their notes and groups, where the format has a place for them) as `format`.
 * @returns the file's text; for `migration`, one URI per line (one per QR code)
 * @throws {InvalidArgumentError} for an account the format cannot carry, an invalid account, or a
 *   missing password
 * @example
 * await writeFile('aegis.json', await writeExport(withDetails(await readExport(file)), 'aegis'));
 */
export async function writeExport(
  accounts: readonly DetailedAccount[],
  format: ExportFormat,
  options: WriteExportOptions = {},
): Promise<string> {
  checkExportFormat(format);
  const { password, batchSize, random, clock } = checkOptions(options);
  const opts = { ...(random === undefined ? {} : { random }), ...(clock === undefined ? {} : { clock }) };
  switch (format) {
    case 'migration':
      return `${encodeMigration(accounts, { ...opts, ...(batchSize === undefined ? {} : { batchSize }) }).join('\n')}\n`;
    case 'uri-list':
      return formatUriList(accounts);
    case 'aegis':
      return `${JSON.stringify(toAegisVault(accounts, opts), null, 4)}\n`;
    case 'aegis-encrypted': {
      if (typeof password !== 'string' || password === '')
        throw new InvalidArgumentError('"password" must be a non-empty string for an encrypted Aegis vault');
      const { toEncryptedAegisVault } = await import('./on-demand.js');
      return `${JSON.stringify(await toEncryptedAegisVault(accounts, password, opts), null, 4)}\n`;
    }
    case '2fas':
      return `${JSON.stringify(toTwoFasBackup(accounts, opts))}\n`;
    case 'ente':
      return toEnteExport(accounts);
    case 'cxf':
      return `${JSON.stringify(toCxf(accounts, opts), null, 2)}\n`;
  }
}
