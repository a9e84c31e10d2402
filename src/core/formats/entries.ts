/**
 * What every reader shares: turning one entry of an export into a checked account (TOTP, HOTP or
 * Steam Guard) with its details, or skipping it with a reason (mOTP, Yandex, MD5, 5-digit decimal
 * codes: real apps hold them, this library cannot make their codes), so one odd entry does not
 * block the rest of an import. A malformed entry (a secret that is not base32) fails the whole
 * file: importing half an export silently is worse than refusing it.
 */
import { toAccount } from '../account.js';
import { InvalidMigrationError, TotpLabError, describeValue } from '../errors.js';
import type { KeyUri } from '../key-uri.js';
import { toDetails, type AccountDetails } from './details.js';

/** An entry left out of an import, with why. `name` is `issuer: account`, never the secret. */
export interface SkippedEntry {
  index: number;
  name: string;
  reason: string;
}

/** What a reader gives: the accounts, the entries left out, and notes on values it had to assume. */
export interface FormatImport {
  accounts: KeyUri[];
  /** The details of each account: `details[i]` belongs to `accounts[i]`. */
  details: AccountDetails[];
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
  note?: unknown;
  groups?: unknown;
  icon?: unknown;
}

export const emptyImport = (): FormatImport => ({ accounts: [], details: [], skipped: [], warnings: [] });

/** Adds an account read from an entry, with the entry's details. */
export function pushAccount(into: FormatImport, account: KeyUri, details: AccountDetails = {}): void {
  into.accounts.push(account);
  into.details.push(details);
}

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
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam')
    return skip(`type ${describeValue(raw.type)} is not TOTP, HOTP or Steam`);
  const algorithm = typeof raw.algorithm === 'string' ? raw.algorithm.toUpperCase().replace('-', '') : raw.algorithm;
  if (algorithm === 'MD5') return skip('MD5 is not a TOTP algorithm');
  const lengths = type === 'steam' ? [5, 6, 7, 8] : [6, 7, 8];
  if (typeof raw.digits === 'number' && !lengths.includes(raw.digits))
    return skip(`${raw.digits}-${type === 'steam' ? 'character Steam' : 'digit'} codes are not supported`);
  let counter = type === 'hotp' ? raw.counter : null;
  if (type === 'hotp' && (counter === undefined || counter === null)) {
    counter = 0;
    into.warnings.push(`${where} ${JSON.stringify(name)}: HOTP entry without a counter starts at 0`);
  }
  try {
    const account = toAccount({
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
      period: type !== 'hotp' && raw.period !== undefined && raw.period !== null ? (raw.period as never) : null,
      counter: counter as never,
    });
    pushAccount(into, account, toDetails(raw));
  } catch (error) {
    if (error instanceof TotpLabError) throw new InvalidMigrationError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}
