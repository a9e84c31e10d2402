/**
 * The simplest transfer format: otpauth:// key URIs, one per line, as many apps export them
 * (Aegis, andOTP, 2FAS "plain text", Ente Auth) and as people keep them. Blank lines and lines
 * starting with `#` are ignored.
 */
import { checkList } from '../input.js';
import { toAccount, type AccountInput } from '../account.js';
import { buildKeyUri, parseKeyUri, type ParsedKeyUri } from '../key-uri.js';
import { InvalidKeyUriError, InvalidMigrationError, TotpLabError, describeValue } from '../errors.js';
import { emptyImport, type FormatImport } from './entries.js';
import { addUriEntry } from './uri-entry.js';

const MAX_LINES = 10_000;

/**
 * Reads a list of key URIs, one per line (`\n` or `\r\n`), with the details Ente Auth keeps in
 * its lines. Steam lines (`otpauth://steam/`, as Aegis and Ente Auth write them) are Steam Guard
 * accounts; an HOTP line without a counter starts at 0 (with a warning), as the apps that write
 * such lines read them; a line of another otpauth type is skipped and listed in `skipped` with its
 * line number as `index`; any other bad line refuses the whole list.
 * @throws {InvalidKeyUriError} naming the line number and what is wrong with it (never the secret)
 */
export function readUriList(text: string): FormatImport {
  if (typeof text !== 'string') throw new InvalidKeyUriError(`URI list must be a string, got ${describeValue(text)}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > MAX_LINES)
    throw new InvalidKeyUriError(`URI list has ${lines.length} lines, at most ${MAX_LINES} are read`);
  const result = emptyImport();
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    try {
      addUriEntry(result, i + 1, `line ${i + 1}`, trimmed);
    } catch (error) {
      // A line's error keeps the key-URI error class the list has always thrown.
      const cause = error instanceof InvalidMigrationError ? (error.cause as TotpLabError) : error;
      if (cause instanceof TotpLabError) throw new InvalidKeyUriError(`line ${i + 1}: ${cause.message}`, { cause });
      throw error;
    }
  });
  return result;
}

/**
 * Reads a list of key URIs, one per line, Steam Guard lines included (see {@link readUriList},
 * which also reads HOTP lines without a counter and skips lines of other types).
 * @returns the accounts in order; an empty array when the text holds none
 * @throws {InvalidKeyUriError} naming the line number and what is wrong with it (never the secret)
 * @example
 * parseUriList('# my accounts\notpauth://totp/Bank:anna?secret=JBSWY3DPEHPK3PXP\n');
 * // [{ type: 'totp', issuer: 'Bank', account: 'anna', … }]
 */
export function parseUriList(text: string): ParsedKeyUri[] {
  if (typeof text !== 'string') throw new InvalidKeyUriError(`URI list must be a string, got ${describeValue(text)}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > MAX_LINES)
    throw new InvalidKeyUriError(`URI list has ${lines.length} lines, at most ${MAX_LINES} are read`);
  const accounts: ParsedKeyUri[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    try {
      accounts.push(parseKeyUri(trimmed));
    } catch (error) {
      if (error instanceof TotpLabError)
        throw new InvalidKeyUriError(`line ${i + 1}: ${error.message}`, { cause: error });
      throw error;
    }
  });
  return accounts;
}

/**
 * Writes accounts as key URIs, one per line, ending with a newline.
 * @throws {InvalidArgumentError} naming the account (`accounts[2]`) and field when one is invalid
 */
export function formatUriList(accounts: readonly AccountInput[]): string {
  return checkList(accounts, 'accounts')
    .map((input, i) => `${buildKeyUri(toAccount(input, `accounts[${i}]`))}\n`)
    .join('');
}
