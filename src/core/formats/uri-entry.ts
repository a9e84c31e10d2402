/**
 * Formats that store each account as a key URI (key-URI lists, Ente Auth, Bitwarden's
 * `login.totp`, Proton apps) share this: `otpauth://totp|hotp|steam/` is read (an HOTP URI without
 * a counter starts at 0, with a warning, as the apps that write such lines read them), Bitwarden's
 * `steam://SECRET` is a Steam Guard account, and any other `otpauth://` type is skipped by name.
 */
import { toAccount } from '../account.js';
import { InvalidMigrationError, TotpLabError } from '../errors.js';
import { readKeyUri } from '../key-uri.js';
import type { AccountDetails } from './details.js';
import { enteDetailsOf } from './ente.js';
import { pushAccount, type FormatImport } from './entries.js';

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

/** Re-throws a library error as a malformed-file error naming `where`. */
function inEntry<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof TotpLabError) throw new InvalidMigrationError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * Adds the account of one key URI to `into` (with `details` and the Ente display data the URI
 * carries), or skips it when its type is none this library makes codes for.
 * @param names the entry's own names: they name a Bitwarden `steam://` account (whose URI has no
 *   label) and a skipped entry
 * @throws {InvalidMigrationError} naming `where` when a TOTP/HOTP/Steam URI is malformed
 */
export function addUriEntry(
  into: FormatImport,
  index: number,
  where: string,
  uri: string,
  names: { issuer: string; account: string } = { issuer: '', account: '' },
  details: AccountDetails = {},
): void {
  const trimmed = uri.trim();
  const steamSecret = /^steam:\/\/(.*)$/is.exec(trimmed)?.[1];
  if (steamSecret !== undefined) {
    const account = inEntry(where, () =>
      // Named as Aegis names them: issuer Steam, the entry's user name or its own name as the account.
      toAccount({
        type: 'steam',
        issuer: 'Steam',
        account: names.account || names.issuer || 'Steam',
        secret: steamSecret,
      }),
    );
    return pushAccount(into, account, details);
  }
  const type = /^otpauth:\/\/([^/?#]*)\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (type !== undefined && type !== 'totp' && type !== 'hotp' && type !== 'steam') {
    const reason = `type ${JSON.stringify(type)} is not TOTP, HOTP or Steam`;
    const name = labelOf(trimmed) || (names.issuer ? `${names.issuer}: ${names.account}` : names.account);
    return void into.skipped.push({ index, name, reason });
  }
  const { issuerMismatch: _m, counterAssumed, ...account } = inEntry(where, () => readKeyUri(trimmed, true));
  if (counterAssumed)
    into.warnings.push(`${where} ${JSON.stringify(labelOf(trimmed))}: HOTP key URI without a counter starts at 0`);
  const ente = enteDetailsOf(trimmed);
  pushAccount(into, account, {
    ...details,
    ...ente,
    ...(details.groups || ente.groups
      ? { groups: [...new Set([...(details.groups ?? []), ...(ente.groups ?? [])])] }
      : {}),
  });
}
