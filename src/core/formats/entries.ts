/**
 * What every reader shares: turning one entry of an export into a checked account, or skipping it
 * with a reason (Steam, MD5, 5-digit codes: real apps hold them, TOTP cannot use them), so one odd
 * entry does not block the rest of an import. A malformed entry (a secret that is not base32)
 * fails the whole file: importing half an export silently is worse than refusing it.
 */
import { toAccount } from '../account.js';
import { InvalidMigrationError, TotpLabError, describeValue } from '../errors.js';
import type { KeyUri } from '../key-uri.js';

/** An entry left out of an import, with why. `name` is `issuer: account`, never the secret. */
export interface SkippedEntry {
  index: number;
  name: string;
  reason: string;
}

/** What a reader gives: the accounts, the entries left out, and notes on values it had to assume. */
export interface FormatImport {
  accounts: KeyUri[];
  skipped: SkippedEntry[];
  warnings: string[];
}

/** One entry's fields as a format stores them, not yet checked. */
export interface RawEntry {
  type: unknown;
  issuer: unknown;
  account: unknown;
  secret: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
}

export const emptyImport = (): FormatImport => ({ accounts: [], skipped: [], warnings: [] });

const label = (issuer: unknown, account: unknown): string => {
  const a = typeof account === 'string' ? account : '';
  return typeof issuer === 'string' && issuer !== '' ? `${issuer}: ${a}` : a;
};

/**
 * Adds one entry to `into`, or records why it was skipped.
 * @throws {InvalidMigrationError} naming the entry and field when a TOTP/HOTP entry is malformed
 */
export function addEntry(into: FormatImport, index: number, where: string, raw: RawEntry): void {
  const name = label(raw.issuer, raw.account);
  const type = typeof raw.type === 'string' ? raw.type.toLowerCase() : raw.type;
  const skip = (reason: string) => void into.skipped.push({ index, name, reason });
  if (type === 'steam') return skip('Steam Guard codes are not TOTP codes');
  if (type !== 'totp' && type !== 'hotp') return skip(`type ${describeValue(raw.type)} is not TOTP or HOTP`);
  const algorithm = typeof raw.algorithm === 'string' ? raw.algorithm.toUpperCase().replace('-', '') : raw.algorithm;
  if (algorithm === 'MD5') return skip('MD5 is not a TOTP algorithm');
  if (typeof raw.digits === 'number' && ![6, 7, 8].includes(raw.digits))
    return skip(`${raw.digits}-digit codes are not supported`);
  let counter = type === 'hotp' ? raw.counter : null;
  if (type === 'hotp' && (counter === undefined || counter === null)) {
    counter = 0;
    into.warnings.push(`${where} ${JSON.stringify(name)}: HOTP entry without a counter starts at 0`);
  }
  try {
    into.accounts.push(
      toAccount({
        type,
        issuer: typeof raw.issuer === 'string' && raw.issuer !== '' ? raw.issuer : null,
        // Some apps leave the account name empty and show only the issuer.
        account:
          typeof raw.account === 'string' && raw.account.trim() !== ''
            ? raw.account
            : typeof raw.issuer === 'string'
              ? raw.issuer
              : '',
        secret: raw.secret as string,
        ...(algorithm === undefined || algorithm === null ? {} : { algorithm: algorithm as never }),
        ...(raw.digits === undefined || raw.digits === null ? {} : { digits: raw.digits as never }),
        period: type === 'totp' && raw.period !== undefined && raw.period !== null ? (raw.period as never) : null,
        counter: counter as never,
      }),
    );
  } catch (error) {
    if (error instanceof TotpLabError) throw new InvalidMigrationError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}
