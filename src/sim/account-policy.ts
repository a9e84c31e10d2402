/**
 * The settings of the e-mail second factor and of password age, as ProviderOptions takes them, with
 * their defaults and checks. Both profiles use the numbers of Ügyfélkapu+: a 6-digit e-mail code valid
 * for 10 minutes, passwords that expire after two calendar years, and an account locked once its
 * password has been expired for more than 60 days. The `ugyfelkapu` profile also warns as the real
 * service does: one month, one week and one day before a password expires.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** How e-mailed codes are sent. */
export interface EmailCodePolicy {
  /** How long an e-mailed code works (default 10 minutes, as on Ügyfélkapu+). */
  validityMs: number;
  /** The shortest time between two codes sent to one account (default 60 s). */
  resendAfterMs: number;
  /** The most codes one account is sent in any hour (default 5). */
  maxSendsPerHour: number;
  /**
   * The most codes one address is sent in any hour, whichever accounts ask (default 10: twice an
   * account's, so a family sharing an address still logs in). Kept in the Store, so every instance
   * on it counts together: registering many accounts with someone's address cannot flood it.
   */
  maxSendsPerAddressPerHour: number;
}

/** A point before a password expires, in calendar months or days (a week is `{ days: 7 }`). */
export type ExpiryWarning = { months: number } | { days: number };

/** How passwords age. */
export interface PasswordPolicy {
  /**
   * A password's life in calendar years, counted in the provider's `timeZone` (default 2, as on
   * Ügyfélkapu): set on 6 January 2027 at 09:00, it expires on 6 January 2029 at 09:00 there.
   */
  maxAgeYears: number;
  /** A fixed life in ms instead of calendar years (tests, demos); 0 turns password age off. */
  maxAgeMs?: number;
  /**
   * Without `warnings`: how long before expiry every right password is answered with a warning
   * (default 14 days, the `standard` profile).
   */
  warnBeforeMs: number;
  /**
   * The points before expiry at which the next right password gets a warning, each once (the
   * `ugyfelkapu` profile: one month, one week and one day, {@link UGYFELKAPU_PASSWORD_WARNINGS});
   * `null` for the `warnBeforeMs` window.
   */
  warnings?: readonly ExpiryWarning[] | null;
  /** How long after expiry the account is locked until `unlock` (default 60 days). */
  lockAfterExpiredMs: number;
}

/** The password policy after defaults and checks. */
export interface ResolvedPasswordPolicy {
  maxAgeYears: number;
  /** The fixed life when one was given, else null (calendar years). */
  maxAgeMs: number | null;
  warnBeforeMs: number;
  warnings: readonly ExpiryWarning[] | null;
  lockAfterExpiredMs: number;
}

const DAY = 86_400_000;
/** The e-mail code settings of both profiles. */
export const DEFAULT_EMAIL_CODE_POLICY: Readonly<EmailCodePolicy> = Object.freeze({
  validityMs: 10 * 60_000,
  resendAfterMs: 60_000,
  maxSendsPerHour: 5,
  maxSendsPerAddressPerHour: 10,
});
/** The password-age settings of both profiles (the `ugyfelkapu` profile adds its warnings). */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  maxAgeYears: 2,
  warnBeforeMs: 14 * DAY,
  lockAfterExpiredMs: 60 * DAY,
});
/** When Ügyfélkapu warns that a password expires: one month, one week and one day before. */
export const UGYFELKAPU_PASSWORD_WARNINGS: readonly ExpiryWarning[] = Object.freeze([
  Object.freeze({ months: 1 }),
  Object.freeze({ days: 7 }),
  Object.freeze({ days: 1 }),
]);
/** The sender of the service's mail unless `mailFrom` says otherwise. */
export const DEFAULT_MAIL_FROM = 'ugyfelkapu@example.hu';

const LONGEST = 10 * 366 * DAY;

function checkDuration(value: unknown, field: string, min: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= LONGEST) return value;
  throw new InvalidArgumentError(
    `"${field}" must be a whole number of ms from ${min} to ${LONGEST}, got ${describeValue(value)}`,
  );
}

/** Applies the defaults to `emailCode` and checks it. */
export function resolveEmailCodePolicy(value: Partial<EmailCodePolicy> | undefined): EmailCodePolicy {
  if (value !== undefined && (typeof value !== 'object' || value === null))
    throw new InvalidArgumentError(`"emailCode" must be an object, got ${describeValue(value)}`);
  const merged = { ...DEFAULT_EMAIL_CODE_POLICY, ...value };
  return {
    validityMs: checkDuration(merged.validityMs, 'emailCode.validityMs', 1),
    resendAfterMs: checkDuration(merged.resendAfterMs, 'emailCode.resendAfterMs', 0),
    maxSendsPerHour: checkInteger(merged.maxSendsPerHour, 'emailCode.maxSendsPerHour', 1, 1000),
    maxSendsPerAddressPerHour: checkInteger(
      merged.maxSendsPerAddressPerHour,
      'emailCode.maxSendsPerAddressPerHour',
      1,
      1000,
    ),
  };
}

function checkInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new InvalidArgumentError(`"${field}" must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
}

/** Applies the profile's defaults to `passwordPolicy` and checks it. */
export function resolvePasswordPolicy(
  value: Partial<PasswordPolicy> | undefined,
  profile: 'standard' | 'ugyfelkapu' = 'standard',
): ResolvedPasswordPolicy {
  if (value !== undefined && (typeof value !== 'object' || value === null))
    throw new InvalidArgumentError(`"passwordPolicy" must be an object, got ${describeValue(value)}`);
  const merged = { ...DEFAULT_PASSWORD_POLICY, ...value };
  const warnings =
    merged.warnings === undefined ? (profile === 'ugyfelkapu' ? UGYFELKAPU_PASSWORD_WARNINGS : null) : merged.warnings;
  return {
    maxAgeYears: checkInteger(merged.maxAgeYears, 'passwordPolicy.maxAgeYears', 1, 10),
    maxAgeMs: merged.maxAgeMs === undefined ? null : checkDuration(merged.maxAgeMs, 'passwordPolicy.maxAgeMs', 0),
    warnBeforeMs: checkDuration(merged.warnBeforeMs, 'passwordPolicy.warnBeforeMs', 0),
    warnings: warnings === null ? null : checkWarnings(warnings),
    lockAfterExpiredMs: checkDuration(merged.lockAfterExpiredMs, 'passwordPolicy.lockAfterExpiredMs', 0),
  };
}

function checkWarnings(value: unknown): readonly ExpiryWarning[] {
  if (!Array.isArray(value) || value.length > 20)
    throw new InvalidArgumentError(
      `"passwordPolicy.warnings" must be a list of at most 20 { months } or { days }, got ${describeValue(value)}`,
    );
  return Object.freeze(
    value.map((warning: unknown, i) => {
      const keys = typeof warning === 'object' && warning !== null ? Object.keys(warning) : [];
      const unit = keys.length === 1 && (keys[0] === 'months' || keys[0] === 'days') ? keys[0] : null;
      const count = unit === null ? undefined : (warning as Record<string, unknown>)[unit];
      if (unit === null || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 366)
        throw new InvalidArgumentError(
          `"passwordPolicy.warnings[${i}]" must be { months } or { days }, a whole number from 1 to 366, got ${describeValue(warning)}`,
        );
      return Object.freeze(unit === 'months' ? { months: count } : { days: count });
    }),
  );
}

/** Checks the sender address of the service's mail. */
export function checkMailFrom(value: unknown): string {
  if (typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 254) return value;
  throw new InvalidArgumentError(`"mailFrom" must be an e-mail address, got ${describeValue(value)}`);
}
