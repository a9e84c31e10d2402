/**
 * Formats that store each account as a key URI (Bitwarden's `login.totp`, Proton Authenticator,
 * key-URI lists) share this: `otpauth://totp|hotp/` is read, `otpauth://steam/` and Bitwarden's
 * `steam://SECRET` are Steam Guard accounts and skipped by name.
 */
import { InvalidMigrationError, TotpLabError } from '../errors.js';
import { parseKeyUri } from '../key-uri.js';
import type { FormatImport } from './entries.js';

/** The `issuer: account` of a key URI's label, for naming a skipped entry without reading it fully. */
function labelOf(uri: string): string {
  const match = /^otpauth:\/\/[^/]*\/([^?#]*)/i.exec(uri);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]!).replace(/:\s*/, ': ');
  } catch {
    return match[1]!;
  }
}

/**
 * Adds the account of one key URI to `into`, or skips it when it is a Steam or other non-TOTP URI.
 * @throws {InvalidMigrationError} naming `where` when a TOTP/HOTP URI is malformed
 */
export function addUriEntry(into: FormatImport, index: number, where: string, uri: string, fallbackName = ''): void {
  const trimmed = uri.trim();
  if (/^steam:\/\//i.test(trimmed))
    return void into.skipped.push({
      index,
      name: fallbackName || 'Steam',
      reason: 'Steam Guard codes are not TOTP codes',
    });
  const type = /^otpauth:\/\/([^/?#]*)\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (type !== undefined && type !== 'totp' && type !== 'hotp') {
    const reason =
      type === 'steam' ? 'Steam Guard codes are not TOTP codes' : `type ${JSON.stringify(type)} is not TOTP or HOTP`;
    return void into.skipped.push({ index, name: labelOf(trimmed) || fallbackName, reason });
  }
  try {
    const { issuerMismatch: _m, ...account } = parseKeyUri(trimmed);
    into.accounts.push(account);
  } catch (error) {
    if (error instanceof TotpLabError) throw new InvalidMigrationError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}
