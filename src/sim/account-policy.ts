/**
 * The settings of the e-mail second factor and of password age, as ProviderOptions takes them, with
 * their defaults and checks. Both profiles use the numbers of Ügyfélkapu+: a 6-digit e-mail code valid
 * for 10 minutes, passwords that expire after two years, and an account locked once its password has
 * been expired for more than 60 days.
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
}

/** How passwords age. */
export interface PasswordPolicy {
  /** A password's life (default 730 days, the two years of Ügyfélkapu); 0 turns password age off. */
  maxAgeMs: number;
  /** How long before expiry a right password is answered with a warning (default 14 days). */
  warnBeforeMs: number;
  /** How long after expiry the account is locked until `unlock` (default 60 days). */
  lockAfterExpiredMs: number;
}

const DAY = 86_400_000;
/** The e-mail code settings of both profiles. */
export const DEFAULT_EMAIL_CODE_POLICY: Readonly<EmailCodePolicy> = Object.freeze({
  validityMs: 10 * 60_000,
  resendAfterMs: 60_000,
  maxSendsPerHour: 5,
});
/** The password-age settings of both profiles. */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  maxAgeMs: 730 * DAY,
  warnBeforeMs: 14 * DAY,
  lockAfterExpiredMs: 60 * DAY,
});
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
  const sends = merged.maxSendsPerHour;
  if (typeof sends !== 'number' || !Number.isInteger(sends) || sends < 1 || sends > 1000)
    throw new InvalidArgumentError(
      `"emailCode.maxSendsPerHour" must be an integer from 1 to 1000, got ${describeValue(sends)}`,
    );
  return {
    validityMs: checkDuration(merged.validityMs, 'emailCode.validityMs', 1),
    resendAfterMs: checkDuration(merged.resendAfterMs, 'emailCode.resendAfterMs', 0),
    maxSendsPerHour: sends,
  };
}

/** Applies the defaults to `passwordPolicy` and checks it. */
export function resolvePasswordPolicy(value: Partial<PasswordPolicy> | undefined): PasswordPolicy {
  if (value !== undefined && (typeof value !== 'object' || value === null))
    throw new InvalidArgumentError(`"passwordPolicy" must be an object, got ${describeValue(value)}`);
  const merged = { ...DEFAULT_PASSWORD_POLICY, ...value };
  return {
    maxAgeMs: checkDuration(merged.maxAgeMs, 'passwordPolicy.maxAgeMs', 0),
    warnBeforeMs: checkDuration(merged.warnBeforeMs, 'passwordPolicy.warnBeforeMs', 0),
    lockAfterExpiredMs: checkDuration(merged.lockAfterExpiredMs, 'passwordPolicy.lockAfterExpiredMs', 0),
  };
}

/** Checks the sender address of the service's mail. */
export function checkMailFrom(value: unknown): string {
  if (typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 254) return value;
  throw new InvalidArgumentError(`"mailFrom" must be an e-mail address, got ${describeValue(value)}`);
}
