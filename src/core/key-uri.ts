/**
 * otpauth:// key URIs (Google's Key Uri Format), the text inside every setup QR code.
 *
 *   otpauth://TYPE/LABEL?PARAMETERS, LABEL = issuer ":" *" " account
 *
 * Where apps disagree, the policy is: the `issuer` parameter wins over a different label prefix
 * (and the result says so in `issuerMismatch`); a `+` in a query value is a literal `+` (RFC 3986),
 * unless reading it as a space makes the value equal the label prefix (form-encoded URIs).
 *
 * Steam Guard accounts are the extension Aegis, andOTP and Ente Auth write, `otpauth://steam/…`,
 * or `otpauth://totp/…&encoder=steam` as KeePass-style tools write them: both read as type `steam`
 * (5-character codes from Steam's alphabet, SHA1, 30 s unless the URI says otherwise), written as
 * `otpauth://steam/…`, which an app that does not know Steam refuses instead of showing wrong codes.
 */
import { InvalidKeyUriError, InvalidArgumentError, TotpLabError, describeValue } from './errors.js';
import {
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  checkAlgorithm,
  checkCounter,
  checkDigits,
  checkPeriod,
  parseDecimal,
  type Algorithm,
  type Digits,
} from './options.js';
import { toAccount } from './account.js';
import { toSecretBase32, type SecretInput } from './secret.js';
import { STEAM_DIGITS, checkEncoder, checkSteamDigits, type CodeLength } from './steam.js';

/** Everything a key URI carries. */
export interface KeyUri {
  /** `steam`: a Steam Guard account (time-based, codes in Steam's alphabet). */
  type: 'totp' | 'hotp' | 'steam';
  /** The service (`Ügyfélkapu+`), or null when the URI names none. */
  issuer: string | null;
  /** The user's account name at the issuer. */
  account: string;
  /** Upper-case base32 without padding. */
  secret: string;
  algorithm: Algorithm;
  /** 6, 7 or 8 digits; a Steam code's characters (5). */
  digits: CodeLength;
  /** Seconds per step for TOTP and Steam; null for HOTP. */
  period: number | null;
  /** The next counter for HOTP; null for TOTP. */
  counter: number | null;
}

/** A parsed key URI: the fields, plus what a careful app would want to warn about. */
export interface ParsedKeyUri extends KeyUri {
  /** True when the label's issuer prefix and the `issuer` parameter are both given and differ. */
  issuerMismatch: boolean;
}

export interface BuildKeyUriInput {
  type?: 'totp' | 'hotp' | 'steam';
  issuer?: string | null;
  account: string;
  secret: SecretInput;
  algorithm?: Algorithm;
  digits?: Digits | CodeLength;
  period?: number | null;
  counter?: number | null;
}

const MAX_URI_LENGTH = 8192;
const URI_PATTERN = /^otpauth:\/\/([^/?#]*)\/([^?#]*)(?:\?([^#]*))?(?:#.*)?$/is;

/**
 * Builds a key URI. The label and every value are percent-encoded (RFC 3986), so `Ügyfélkapu+`
 * becomes `%C3%9Cgyf%C3%A9lkapu%2B`: never a raw `+`, which many apps read as a space.
 * Account and issuer are trimmed of surrounding white space (the format cannot keep it).
 * @throws {InvalidArgumentError} for an empty account, unpaired UTF-16 surrogates or bad options
 * @example
 * buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: 'JBSWY3DPEHPK3PXP' });
 * // 'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B&algorithm=SHA1&digits=6&period=30'
 */
export function buildKeyUri(input: BuildKeyUriInput): string {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidArgumentError(`"input" must be an object, got ${describeValue(input)}`);
  }
  // The same checks and canonical form as every exporter (trimmed names, empty issuer = none).
  const { type, issuer, account, secret, algorithm, digits, period, counter } = toAccount(input);

  // With no issuer, a leading ':' keeps a colon inside the account from reading as a prefix.
  const label =
    issuer === null ? (account.includes(':') ? ':' : '') + encode(account) : `${encode(issuer)}:${encode(account)}`;
  const params = [`secret=${secret}`];
  if (issuer !== null) params.push(`issuer=${encode(issuer)}`);
  params.push(`algorithm=${algorithm}`, `digits=${digits}`);
  params.push(type === 'hotp' ? `counter=${counter}` : `period=${period}`);
  return `otpauth://${type}/${label}?${params.join('&')}`;
}

/**
 * Parses a key URI as real apps and issuers write it (see the module comment for the policy).
 * @throws {InvalidKeyUriError} naming what is wrong; the secret is never quoted
 * @example
 * parseKeyUri('otpauth://totp/ACME%20Co:john@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co');
 * // { type: 'totp', issuer: 'ACME Co', account: 'john@example.com', secret: 'JBSWY3DPEHPK3PXP',
 * //   algorithm: 'SHA1', digits: 6, period: 30, counter: null, issuerMismatch: false }
 */
export function parseKeyUri(uri: string): ParsedKeyUri {
  const { counterAssumed: _assumed, ...parsed } = readKeyUri(uri, false);
  return parsed;
}

/**
 * {@link parseKeyUri} for export files: with `assumeCounter`, an HOTP URI without a counter reads
 * as counter 0 (as the apps that write such lines read them back) and says so in `counterAssumed`.
 */
export function readKeyUri(uri: string, assumeCounter: boolean): ParsedKeyUri & { counterAssumed: boolean } {
  if (typeof uri !== 'string') throw new InvalidKeyUriError(`key URI must be a string, got ${describeValue(uri)}`);
  const text = uri.trim();
  if (text.length > MAX_URI_LENGTH)
    throw new InvalidKeyUriError(`key URI is too long: ${text.length} characters (at most ${MAX_URI_LENGTH})`);
  const match = URI_PATTERN.exec(text);
  if (!match) {
    throw new InvalidKeyUriError(
      `key URI must start with otpauth://totp/, otpauth://hotp/ or otpauth://steam/, got ${describeValue(text.split('?')[0])}`,
    );
  }
  const params = readQuery(match[3] ?? '');
  const type = readType(match[1]!, params);
  const { issuer, account, issuerMismatch } = readLabel(match[2]!, params);
  const rawSecret = params.get('secret');
  if (rawSecret === undefined || rawSecret === '') throw new InvalidKeyUriError('key URI has no "secret" parameter');
  const secret = field('secret', () => toSecretBase32(decode(rawSecret, 'secret')));
  const algorithm = params.has('algorithm')
    ? field('algorithm', () => checkAlgorithm(decode(params.get('algorithm')!, 'algorithm')))
    : DEFAULT_ALGORITHM;
  const rawDigits = params.get('digits');
  const digitsValue = rawDigits === undefined ? undefined : (parseDecimal(rawDigits) ?? rawDigits);
  const digits: CodeLength =
    digitsValue === undefined
      ? type === 'steam'
        ? STEAM_DIGITS
        : DEFAULT_DIGITS
      : field('digits', () => (type === 'steam' ? checkSteamDigits : checkDigits)(digitsValue));
  const base = { issuer, account, secret, algorithm, digits, issuerMismatch };
  if (type !== 'hotp') {
    const period = params.has('period')
      ? field('period', () => checkPeriod(parseDecimal(params.get('period')!) ?? params.get('period')))
      : DEFAULT_PERIOD;
    return { type, ...base, period, counter: null, counterAssumed: false };
  }
  if (!params.has('counter')) {
    if (!assumeCounter) throw new InvalidKeyUriError('hotp key URI has no "counter" parameter');
    return { type, ...base, period: null, counter: 0, counterAssumed: true };
  }
  const counter = field('counter', () => checkCounter(parseDecimal(params.get('counter')!) ?? params.get('counter')));
  return { type, ...base, period: null, counter, counterAssumed: false };
}

/** `totp`, `hotp`, or `steam` for `otpauth://steam/` and a TOTP URI with `encoder=steam`. */
function readType(host: string, params: Map<string, string>): KeyUri['type'] {
  const type = host.toLowerCase();
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam')
    throw new InvalidKeyUriError(`key URI type must be totp, hotp or steam, got ${describeValue(host)}`);
  const encoder = params.get('encoder');
  if (encoder === undefined) return type;
  // An encoder this reader does not know would give wrong codes: refuse it rather than ignore it.
  field('encoder', () => checkEncoder(decode(encoder, 'encoder').toLowerCase()));
  if (type === 'hotp') throw new InvalidKeyUriError('key URI "encoder=steam" needs a time-based (totp) URI, got hotp');
  return 'steam';
}

/** The issuer and account from the label and the `issuer` parameter (see the module comment). */
function readLabel(rawLabel: string, params: Map<string, string>) {
  const label = decode(rawLabel, 'label');
  const colon = label.indexOf(':');
  const rawIssuer = params.get('issuer');
  // The issuer parameter may itself contain ':', so try it as the prefix before splitting at the first colon.
  let prefix: string | null = null;
  let account = label;
  const issuerParam = rawIssuer === undefined ? null : decode(rawIssuer, 'issuer');
  if (issuerParam && label.startsWith(`${issuerParam}:`)) {
    prefix = issuerParam;
    account = label.slice(issuerParam.length + 1);
  } else if (colon >= 0) {
    prefix = label.slice(0, colon);
    account = label.slice(colon + 1);
  }
  account = account.replace(/^\s+/, '').trimEnd();
  prefix = prefix === null ? null : prefix.trim() || null;
  if (account === '') throw new InvalidKeyUriError('key URI label must name an account');

  let issuer = issuerParam === null || issuerParam === '' ? null : issuerParam;
  if (
    issuer !== null &&
    rawIssuer!.includes('+') &&
    prefix !== null &&
    decode(rawIssuer!.replace(/\+/g, ' '), 'issuer') === prefix
  ) {
    issuer = prefix; // a form encoder wrote spaces as '+'
  }
  const issuerMismatch = issuer !== null && prefix !== null && issuer !== prefix;
  issuer ??= prefix;
  return { issuer, account, issuerMismatch };
}

/** Known parameters once each; unknown ones (image, color, …) are ignored, as apps do. */
function readQuery(query: string): Map<string, string> {
  const known = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).toLowerCase();
    if (!known.has(name)) continue;
    if (params.has(name)) throw new InvalidKeyUriError(`key URI has the parameter "${name}" more than once`);
    params.set(name, eq < 0 ? '' : part.slice(eq + 1));
  }
  return params;
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new InvalidKeyUriError(`key URI ${what} has an invalid percent-encoding`);
  }
}

/** Re-throws a field's error as a key-URI error, keeping its message (which names the field). */
function field<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidKeyUriError) throw error;
    if (error instanceof TotpLabError) throw new InvalidKeyUriError(`key URI ${error.message}`, { cause: error });
    throw new InvalidKeyUriError(`key URI "${name}" is invalid`);
  }
}

function encode(text: string): string {
  return encodeURIComponent(text);
}
