/**
 * One account as the transfer formats (migration URIs, URI lists, Aegis vaults) carry it: the
 * fields of a key URI, checked and put in canonical form once, so every exporter agrees.
 */
import { InvalidArgumentError, TotpLabError, describeValue } from './errors.js';
import type { BuildKeyUriInput, KeyUri } from './key-uri.js';
import {
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  checkAlgorithm,
  checkCounter,
  checkDigits,
  checkPeriod,
} from './options.js';
import { toSecretBase32 } from './secret.js';
import { STEAM_DIGITS, checkSteamDigits } from './steam.js';

/** What exporters take: the fields of a key URI, with the same defaults as `buildKeyUri`. */
export type AccountInput = BuildKeyUriInput;

/**
 * Checks an account and returns it in canonical form: trimmed names, `issuer` null when empty,
 * upper-case base32 secret, `period` only for TOTP and Steam, `counter` only for HOTP; a Steam
 * account has 5 characters unless it says otherwise.
 * @param where names the account in error messages (`accounts[3]`)
 * @throws {InvalidArgumentError} (or {@link InvalidSecretError}) naming `where` and the field
 */
export function toAccount(input: AccountInput, where = 'account'): KeyUri {
  if (typeof input !== 'object' || input === null)
    throw new InvalidArgumentError(`${where} must be an object, got ${describeValue(input)}`);
  try {
    const type = input.type ?? (input.counter !== undefined && input.counter !== null ? 'hotp' : 'totp');
    if (type !== 'totp' && type !== 'hotp' && type !== 'steam')
      throw new InvalidArgumentError(`"type" must be totp, hotp or steam, got ${describeValue(type)}`);
    const account = checkName(input.account, 'account').trim();
    if (account === '') throw new InvalidArgumentError('"account" must not be empty');
    const issuer =
      input.issuer === undefined || input.issuer === null ? null : checkName(input.issuer, 'issuer').trim() || null;
    const secret = toSecretBase32(input.secret);
    const algorithm = input.algorithm === undefined ? DEFAULT_ALGORITHM : checkAlgorithm(input.algorithm);
    if (type === 'steam') {
      if (input.counter !== undefined && input.counter !== null)
        throw new InvalidArgumentError('"counter" does not apply to a Steam account (its codes are time-based)');
      const digits = input.digits === undefined ? STEAM_DIGITS : checkSteamDigits(input.digits);
      const period = input.period === undefined || input.period === null ? DEFAULT_PERIOD : checkPeriod(input.period);
      return { type, issuer, account, secret, algorithm, digits, period, counter: null };
    }
    const digits = input.digits === undefined ? DEFAULT_DIGITS : checkDigits(input.digits);
    if (type === 'totp') {
      const period = input.period === undefined || input.period === null ? DEFAULT_PERIOD : checkPeriod(input.period);
      return { type, issuer, account, secret, algorithm, digits, period, counter: null };
    }
    if (input.counter === undefined || input.counter === null)
      throw new InvalidArgumentError('"counter" is required for hotp');
    return { type, issuer, account, secret, algorithm, digits, period: null, counter: checkCounter(input.counter) };
  } catch (error) {
    if (error instanceof TotpLabError && where !== 'account') {
      const Same = error.constructor as new (message: string) => TotpLabError;
      throw new Same(`${where}: ${error.message}`);
    }
    throw error;
  }
}

/** A short description of an account for messages: `"Ügyfélkapu+: kovacs.janos"`. Never the secret. */
export function describeAccount(account: { issuer: string | null; account: string }): string {
  return JSON.stringify(account.issuer === null ? account.account : `${account.issuer}: ${account.account}`);
}

function checkName(value: unknown, name: string): string {
  if (typeof value !== 'string')
    throw new InvalidArgumentError(`"${name}" must be a string, got ${describeValue(value)}`);
  if (value.length > 1024)
    throw new InvalidArgumentError(`"${name}" must be at most 1024 characters, got ${value.length}`);
  if (!value.isWellFormed())
    throw new InvalidArgumentError(`"${name}" must be well-formed Unicode text (it has an unpaired surrogate)`);
  return value;
}
