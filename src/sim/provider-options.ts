/**
 * The options of {@link createProvider} and their defaults, checked once at creation.
 */
import { systemClock, type Clock } from '../core/clock.js';
import { checkDeletionCodeLength } from '../core/deletion-code.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import {
  DEFAULT_ALGORITHM,
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  DEFAULT_WINDOW,
  checkAlgorithm,
  checkDigits,
  checkPeriod,
  checkWindow,
  type Algorithm,
  type Digits,
} from '../core/options.js';
import { checkIterations, DEFAULT_PASSWORD_HASH_ITERATIONS, type HashingOptions } from '../core/password-hash.js';
import { cryptoRandom, type RandomSource } from '../core/random.js';
import {
  DEFAULT_MAIL_FROM,
  checkMailFrom,
  resolveEmailCodePolicy,
  resolvePasswordPolicy,
  type EmailCodePolicy,
  type PasswordPolicy,
  type ResolvedPasswordPolicy,
} from './account-policy.js';
import { DEFAULT_ATTEMPT_HISTORY, DEFAULT_AUDIT_LIMIT, type AuditEvent } from './audit.js';
import { DEFAULT_LANGUAGE, checkLanguage, type Language } from './language.js';
import { createMemoryMailbox, type Mailer, type MemoryMailbox } from './mailer.js';
import { MemoryStore, type Store } from './store.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './throttle.js';

/**
 * A ready-made set of defaults.
 * - `standard` (the default): Ügyfélkapu+ behaviour, Hungarian, the factor active at once.
 * - `ugyfelkapu`: as `standard`, plus the 90-second activation delay users meet on the real site,
 *   for trainers showing why a login right after setup fails, and the real service's password
 *   warnings (one month, one week and one day before expiry, each once).
 * Both use the real service's numbers for the e-mail code (10 minutes) and password age (two
 * calendar years, the lock 60 days after expiry): see account-policy.ts.
 */
export type ProviderProfile = 'standard' | 'ugyfelkapu';

/** Options of createProvider; every one has a default. */
export interface ProviderOptions {
  profile?: ProviderProfile;
  /** Where the time comes from (default {@link systemClock}). */
  clock?: Clock;
  /** Where secrets, salts, ids and deletion codes come from (default: the platform CSPRNG). */
  random?: RandomSource;
  /** Where accounts live (default: a new {@link MemoryStore}). */
  store?: Store;
  /** The language of result messages (default `hu`). */
  language?: Language;
  /** The issuer shown in authenticator apps (default `Ügyfélkapu+`). */
  issuer?: string;
  /** Password and deletion-code hashing cost (default 600 000 PBKDF2 iterations). */
  hashing?: HashingOptions;
  /** TOTP parameters (defaults SHA1, 6 digits, 30 s, ±1 step, as Ügyfélkapu+ and RFC 6238 §5.2). */
  algorithm?: Algorithm;
  digits?: Digits;
  period?: number;
  window?: number;
  /** Wrong passwords in a row that lock the account (default 5). */
  maxPasswordFailures?: number;
  /** Delays after wrong one-time and deletion codes (default 1 s doubling, at most 15 min). */
  throttle?: Partial<ThrottlePolicy>;
  /** How long an unfinished enrollment or device change lives (default 10 minutes). */
  enrollmentTtlMs?: number;
  /** Time between "Befejezés" and the factor working (default 0; 90 s in the `ugyfelkapu` profile). */
  activationDelayMs?: number;
  /** Deletion-code length in digits and grouping (default 20, in groups of 4). */
  deletionCode?: { length?: number; groupSize?: number };
  /** How long a call hangs before a time-out fault fails it (default 30 s). */
  timeoutMs?: number;
  /**
   * How a time-out's delay passes. Default: a clock with `advance` (a manual clock) is moved on by
   * the delay, so simulated time passes at once; any other clock waits for real with setTimeout.
   */
  wait?: (ms: number) => Promise<void>;
  /** IANA time zone for times in messages (default `Europe/Budapest`). */
  timeZone?: string;
  /** Audit events kept in memory (default 10 000). */
  auditLimit?: number;
  /** Called with every audit event as it is recorded, synchronously; it must not throw. */
  onAudit?: (event: AuditEvent) => void;
  /**
   * Refusals kept per account in the store, for `explainAttempts` (default 20; 0 keeps none). Kept
   * in the store, so every instance sharing it sees them.
   */
  attemptHistory?: number;
  /** Where the service's mail goes (default: a new memory mailbox, readable as `provider.mailbox`). */
  mailer?: Mailer;
  /** The sender address of the service's mail (default `ugyfelkapu@example.hu`). */
  mailFrom?: string;
  /** The e-mail second factor: code life 10 min, resend after 60 s, at most 5 codes an hour (10 to one address). */
  emailCode?: Partial<EmailCodePolicy>;
  /**
   * Password age: expiry after two calendar years, a warning in the last 14 days (`ugyfelkapu`: one
   * month, one week and one day before), the lock 60 days after.
   */
  passwordPolicy?: Partial<PasswordPolicy>;
}

/** Options after defaults and checks. */
export interface ResolvedProviderOptions {
  profile: ProviderProfile;
  clock: Clock;
  random: RandomSource;
  store: Store;
  language: Language;
  issuer: string;
  hashing: Required<HashingOptions>;
  algorithm: Algorithm;
  digits: Digits;
  period: number;
  window: number;
  maxPasswordFailures: number;
  throttle: ThrottlePolicy;
  enrollmentTtlMs: number;
  activationDelayMs: number;
  deletionCode: { length: number; groupSize: number };
  timeoutMs: number;
  wait: (ms: number) => Promise<void>;
  timeZone: string;
  auditLimit: number;
  onAudit: ((event: AuditEvent) => void) | undefined;
  attemptHistory: number;
  mailer: Mailer;
  /** The mailer when it is the default memory mailbox, else null. */
  mailbox: MemoryMailbox | null;
  mailFrom: string;
  emailCode: EmailCodePolicy;
  passwordPolicy: ResolvedPasswordPolicy;
}

/** The Ügyfélkapu+ trainer profile's activation delay: users report 1–2 minutes. */
export const UGYFELKAPU_ACTIVATION_DELAY_MS = 90_000;

/**
 * Applies the profile's defaults and checks every option once, at creation.
 * @throws {InvalidArgumentError} naming the first option out of range
 */
export function resolveProviderOptions(options: ProviderOptions): ResolvedProviderOptions {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  const profile = options.profile ?? 'standard';
  if (profile !== 'standard' && profile !== 'ugyfelkapu')
    throw new InvalidArgumentError(`"profile" must be standard or ugyfelkapu, got ${describeValue(profile)}`);
  const clock = options.clock ?? systemClock;
  if (typeof clock?.now !== 'function')
    throw new InvalidArgumentError(`"clock" must have a now() method, got ${describeValue(clock)}`);
  const language = checkLanguage(options.language ?? DEFAULT_LANGUAGE);
  const issuer = options.issuer ?? 'Ügyfélkapu+';
  if (typeof issuer !== 'string' || issuer.trim() === '')
    throw new InvalidArgumentError(`"issuer" must be a non-empty string, got ${describeValue(issuer)}`);
  const throttle = { ...DEFAULT_THROTTLE, ...options.throttle };
  if (options.mailer !== undefined && typeof options.mailer?.send !== 'function')
    throw new InvalidArgumentError(`"mailer" must have a send() method, got ${describeValue(options.mailer)}`);
  const mailbox = options.mailer === undefined ? createMemoryMailbox({ clock }) : null;
  return {
    profile,
    clock,
    random: options.random ?? cryptoRandom,
    store: options.store ?? new MemoryStore(),
    language,
    issuer,
    hashing: {
      iterations: checkIterations(
        options.hashing?.iterations ?? DEFAULT_PASSWORD_HASH_ITERATIONS,
        'hashing.iterations',
      ),
    },
    algorithm: options.algorithm === undefined ? DEFAULT_ALGORITHM : checkAlgorithm(options.algorithm),
    digits: options.digits === undefined ? DEFAULT_DIGITS : checkDigits(options.digits),
    period: options.period === undefined ? DEFAULT_PERIOD : checkPeriod(options.period),
    window: options.window === undefined ? DEFAULT_WINDOW : checkWindow(options.window),
    maxPasswordFailures: checkCount(options.maxPasswordFailures ?? 5, 'maxPasswordFailures', 1, 1000),
    throttle: { baseMs: checkMs(throttle.baseMs, 'throttle.baseMs'), maxMs: checkMs(throttle.maxMs, 'throttle.maxMs') },
    enrollmentTtlMs: checkMs(options.enrollmentTtlMs ?? 10 * 60_000, 'enrollmentTtlMs', 1),
    activationDelayMs: checkMs(
      options.activationDelayMs ?? (profile === 'ugyfelkapu' ? UGYFELKAPU_ACTIVATION_DELAY_MS : 0),
      'activationDelayMs',
    ),
    deletionCode: {
      length: checkDeletionCodeLength(options.deletionCode?.length ?? 20, 'deletionCode.length'),
      groupSize: checkCount(options.deletionCode?.groupSize ?? 4, 'deletionCode.groupSize', 0, 64),
    },
    timeoutMs: checkMs(options.timeoutMs ?? 30_000, 'timeoutMs'),
    wait: options.wait ?? defaultWait(clock),
    timeZone: checkTimeZone(options.timeZone ?? 'Europe/Budapest'),
    auditLimit: checkCount(options.auditLimit ?? DEFAULT_AUDIT_LIMIT, 'auditLimit', 0, 10_000_000),
    onAudit: options.onAudit,
    attemptHistory: checkCount(options.attemptHistory ?? DEFAULT_ATTEMPT_HISTORY, 'attemptHistory', 0, 1000),
    mailer: options.mailer ?? mailbox!,
    mailbox,
    mailFrom: checkMailFrom(options.mailFrom ?? DEFAULT_MAIL_FROM),
    emailCode: resolveEmailCodePolicy(options.emailCode),
    passwordPolicy: resolvePasswordPolicy(options.passwordPolicy, profile),
  };
}

function defaultWait(clock: Clock): (ms: number) => Promise<void> {
  const manual = clock as Clock & { advance?: unknown };
  if (typeof manual.advance === 'function') {
    const advance = manual.advance.bind(clock) as (ms: number) => number;
    return async (ms) => void advance(ms);
  }
  return (ms) => new Promise((resolve) => globalThis.setTimeout(resolve, ms));
}

function checkMs(value: unknown, field: string, min = 0): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 366 * 86_400_000) return value;
  throw new InvalidArgumentError(
    `"${field}" must be a whole number of ms from ${min} to ${366 * 86_400_000}, got ${describeValue(value)}`,
  );
}

function checkCount(value: unknown, field: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new InvalidArgumentError(`"${field}" must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
}

function checkTimeZone(value: unknown): string {
  try {
    if (typeof value === 'string') return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    // fall through to the error below
  }
  throw new InvalidArgumentError(
    `"timeZone" must be an IANA time zone such as Europe/Budapest, got ${describeValue(value)}`,
  );
}
