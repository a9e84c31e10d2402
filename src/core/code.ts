/**
 * One-time codes: HOTP (RFC 4226) by counter and TOTP (RFC 6238) by time.
 */
import { systemClock, checkTime, type Clock } from './clock.js';
import { checkClock } from './input.js';
import { constantTimeEqualInt } from './constant-time.js';
import { InvalidArgumentError, describeValue } from './errors.js';
import { HASHES, formatCode, hotpValue, transientKey, truncatedValue, type CounterKey } from './hmac.js';
import {
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  DEFAULT_WINDOW,
  checkAlgorithm,
  checkCounter,
  checkDigits,
  checkPeriod,
  checkWindow,
  type Algorithm,
  type Digits,
} from './options.js';
import { PreparedSecret, preparedKey } from './prepared-secret.js';
import { toSecretBytes, type SecretInput } from './secret.js';
import {
  STEAM_DIGITS,
  checkEncoder,
  checkSteamDigits,
  formatSteamCode,
  parseSteamCode,
  steamModulus,
  type CodeLength,
  type Encoder,
} from './steam.js';

export interface CodeOptions {
  /** HMAC hash (default SHA1). */
  algorithm?: Algorithm;
  /** Code length (default 6; Steam codes: 5). */
  digits?: CodeLength;
  /** TOTP time step in seconds (default 30). */
  period?: number;
  /** The time in ms since the epoch; wins over `clock`. */
  time?: number;
  /** Where the time comes from when `time` is not given (default {@link systemClock}). */
  clock?: Clock;
  /** Makes it HOTP: the counter to use instead of the time. */
  counter?: number;
  /**
   * `"steam"`: a Steam Guard code, five characters of Steam's alphabet (`otpauth://steam/…` or
   * `encoder=steam` in a key URI) instead of decimal digits.
   */
  encoder?: Encoder;
}

export interface VerifyOptions extends CodeOptions {
  /**
   * TOTP: steps accepted either side of the current one (default 1).
   * HOTP: how many counters after `counter` are also tried (look-ahead, default 1).
   */
  window?: number;
  /**
   * Counters below this are never accepted. A verifier that remembers the last accepted counter
   * passes `last + 1` here to refuse replays (RFC 6238 §5.2).
   */
  minCounter?: number;
}

/** The outcome of {@link verifyCode}: a wrong code is a result, not an exception. */
export type VerifyResult =
  | {
      valid: true;
      /** Steps between the code's counter and the expected one. */ delta: number;
      /** The counter the code belongs to. */ counter: number;
    }
  | { valid: false };

/** The TOTP time step (counter) that `time` falls in: floor(seconds / period) (RFC 6238 §4.2). */
export function stepAt(time: number, period: number = DEFAULT_PERIOD): number {
  return Math.floor(checkTime(time) / 1000 / checkPeriod(period));
}

/** Whole seconds left before the code shown at `time` changes (1 to `period`). */
export function secondsLeft(time: number, period: number = DEFAULT_PERIOD): number {
  const p = checkPeriod(period);
  return p - Math.floor((checkTime(time) / 1000) % p);
}

/**
 * Makes the code for a secret: TOTP at the given time by default, HOTP when `counter` is given.
 * @param secret base32 text, bytes, or a {@link PreparedSecret} (then `algorithm` defaults to its own)
 * @throws {InvalidSecretError} when the secret is not base32 or bytes
 * @throws {InvalidArgumentError} when an option is out of range, or `algorithm` differs from a prepared secret's
 * @example
 * generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { time: 59_000, digits: 8 }); // '94287082'
 * generateCode('ON2XAZLSMR2XAZLSONSWG4TFOQ', { time: 3_000_030_000, encoder: 'steam' }); // 'YRGQJ'
 */
export function generateCode(secret: SecretInput | PreparedSecret, options: CodeOptions = {}): string {
  const p = readOptions(options);
  const key = hmacKeyOf(secret, options, p.algorithm);
  const counter = p.counter ?? stepAt(p.time, p.period);
  if (p.steam) return formatSteamCode(truncatedValue(key, counter), p.digits);
  return formatCode(hotpValue(key, counter, p.digits as Digits), p.digits as Digits);
}

/**
 * Checks a typed code. Spaces inside it (`123 456`) are ignored; anything else that is not exactly
 * `digits` decimal digits (with `encoder: 'steam'`: Steam characters, in any case) is simply invalid. All candidates are computed and compared in constant
 * time, so the time taken does not reveal which step matched.
 * @param secret base32 text, bytes, or a {@link PreparedSecret} (then `algorithm` defaults to its own)
 * @returns `{ valid: true, delta, counter }` or `{ valid: false }`
 * @throws {InvalidSecretError} when the secret is not base32 or bytes
 * @throws {InvalidArgumentError} when an option is out of range, or `algorithm` differs from a prepared secret's
 * @example
 * verifyCode(secret, '287082', { time: 59_000 }); // { valid: true, delta: 0, counter: 1 }
 */
export function verifyCode(
  secret: SecretInput | PreparedSecret,
  code: string,
  options: VerifyOptions = {},
): VerifyResult {
  const p = readOptions(options);
  const window = options.window === undefined ? DEFAULT_WINDOW : checkWindow(options.window);
  const minCounter = options.minCounter === undefined ? 0 : checkCounter(options.minCounter, 'minCounter');
  const key = hmacKeyOf(secret, options, p.algorithm);
  const typed = p.steam ? parseSteamCode(code, p.digits) : parseTypedCode(code, p.digits);
  const expected = p.counter ?? stepAt(p.time, p.period);
  // TOTP looks both ways (clock skew) in the order 0, -1, +1, -2, +2…; HOTP only ahead
  // (RFC 4226 §7.4 resynchronisation). The first match in that order wins.
  const totp = p.counter === undefined;
  const candidates = totp ? 2 * window + 1 : window + 1;
  let match: VerifyResult = { valid: false };
  for (let i = 0; i < candidates; i++) {
    const delta = !totp ? i : i & 1 ? -((i + 1) >> 1) : i >> 1;
    const counter = expected + delta;
    if (counter < minCounter || !Number.isSafeInteger(counter)) continue;
    const candidate = p.steam
      ? truncatedValue(key, counter) % steamModulus(p.digits)
      : hotpValue(key, counter, p.digits as Digits);
    // No early exit: every candidate is computed and compared whatever matched before. Comparing
    // the numbers rather than strings allocates nothing; a malformed code is -1, which matches none.
    if (constantTimeEqualInt(candidate, typed) && !match.valid) {
      match = { valid: true, delta, counter };
    }
  }
  return match;
}

/** Strips the spaces people type inside codes; returns undefined when the rest is not `digits` digits. */
export function normalizeTypedCode(code: unknown, digits: number): string | undefined {
  if (typeof code !== 'string' || code.length > 64) return undefined;
  const compact = code.replace(/\s+/g, '');
  return compact.length === digits && /^[0-9]+$/.test(compact) ? compact : undefined;
}

/**
 * The typed code as a number, or -1 when it is not a code (as {@link normalizeTypedCode} decides).
 * A plain run of `digits` digits, the usual case, is read without building any string.
 */
function parseTypedCode(code: unknown, digits: number): number {
  if (typeof code === 'string' && code.length === digits) {
    let value = 0;
    for (let i = 0; i < digits && value >= 0; i++) {
      const digit = code.charCodeAt(i) - 48;
      value = digit >= 0 && digit <= 9 ? value * 10 + digit : -1;
    }
    if (value >= 0) return value;
  }
  const compact = normalizeTypedCode(code, digits);
  return compact === undefined ? -1 : Number(compact);
}

/** The HMAC key for a secret in either form; a prepared one keeps its own algorithm. */
function hmacKeyOf(secret: SecretInput | PreparedSecret, options: CodeOptions, algorithm: Algorithm): CounterKey {
  if (secret instanceof PreparedSecret) {
    // Silently using another hash would give codes that never match; say so instead.
    if (options.algorithm !== undefined && algorithm !== secret.algorithm) {
      throw new InvalidArgumentError(
        `"algorithm" must be ${secret.algorithm} to match the prepared secret, got ${describeValue(options.algorithm)}`,
      );
    }
    return preparedKey(secret);
  }
  // Used within this call only, so the reusable key saves an allocation per code.
  return transientKey(HASHES[algorithm], toSecretBytes(secret));
}

interface ResolvedOptions {
  algorithm: Algorithm;
  digits: CodeLength;
  steam: boolean;
  period: number;
  time: number;
  counter: number | undefined;
}

function readOptions(options: CodeOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  }
  const algorithm = options.algorithm === undefined ? DEFAULT_ALGORITHM : checkAlgorithm(options.algorithm);
  const steam = options.encoder !== undefined && checkEncoder(options.encoder) === 'steam';
  const digits = steam
    ? options.digits === undefined
      ? STEAM_DIGITS
      : checkSteamDigits(options.digits)
    : options.digits === undefined
      ? DEFAULT_DIGITS
      : checkDigits(options.digits);
  const period = options.period === undefined ? DEFAULT_PERIOD : checkPeriod(options.period);
  const counter = options.counter === undefined ? undefined : checkCounter(options.counter);
  const time =
    counter !== undefined
      ? 0
      : options.time !== undefined
        ? checkTime(options.time)
        : checkTime((options.clock === undefined ? systemClock : checkClock(options.clock)).now(), 'clock.now()');
  return { algorithm, digits, steam, period, time, counter };
}
