/**
 * Accounts: the stored record, registration and the "in person" unlock. What a trainer may see
 * about an account is in account-status.ts; the password step with its lockout is in password.ts.
 */
import { InvalidArgumentError, InvalidStateError, describeValue } from '../../core/errors.js';
import { encodePasswordHash, hashPassword } from '../../core/password-hash.js';
import type { ProviderContext, Refusal } from '../context.js';
import type { ThrottleState } from '../throttle.js';
import { readArguments, readCredentials, readUsername } from './credentials.js';
import { expiryOf, isPastExpiry } from './password-expiry.js';

/** An unfinished enrollment or device change. */
export type PendingEnrollment = {
  id: string;
  kind: 'enrollment' | 'device-change';
  secret: string;
  createdAt: number;
  expiresAt: number;
  /** The step of the code that confirmed it, or null before confirmation. */
  confirmedStep: number | null;
  /** The encoded hash of the deletion code shown at confirmation, or null before it. */
  deletionCode: string | null;
};

/**
 * One account as stored. Plain, flat JSON (flat records copy fastest on the hot second-factor
 * path): no password and no deletion code, only their salted hashes, encoded by encodePasswordHash.
 */
export type AccountRecord = {
  username: string;
  email: string;
  createdAt: number;
  /** The encoded salted password hash. */
  password: string;
  /** Wrong passwords in a row, as decided (attempts being checked are in passwordChecks). */
  passwordFailures: number;
  /** Password checks in flight, each holding one of the places the lock allows; absent in older files. */
  passwordChecks?: number;
  /** The TOTP binding: the phone's secret (base32), the one secret the service keeps readable; null when none. */
  secret: string | null;
  /** The last accepted time step of this secret (RFC 6238 §5.2 replay guard); -1 for none. */
  lastStep: number;
  /** When the binding starts working (ms): Befejezés plus the activation delay. */
  activeFrom: number;
  /** The encoded hash of the deletion code issued with the binding; null when none. */
  deletionCode: string | null;
  /** Throttle of wrong one-time codes (see throttle.ts). */
  codeFailures: number;
  codeBlockedUntil: number;
  /** Throttle of wrong deletion codes. */
  deletionFailures: number;
  deletionBlockedUntil: number;
  pending: PendingEnrollment | null;
  /** The chosen second factor; absent in older records, where it is 'app' with a binding, else null. */
  factor?: SecondFactorKind | null;
  /** When the password was last set (ms); absent in older records, where it is createdAt. */
  passwordChangedAt?: number;
  /** True once `unlock` lifted the lock of a long-expired password (a change is still required). */
  expiryLockLifted?: boolean;
  /** The warning point (ms) of the last expiry warning given, so each point of a schedule warns once. */
  passwordWarnedAt?: number;
  /** The e-mailed code now valid, stored hashed; null when none. */
  emailCode?: EmailCodeRecord | null;
  /** The last few spent or replaced e-mailed codes (hashed), so the audit log can say why one failed. */
  emailCodeHistory?: SpentEmailCode[];
  /** When e-mailed codes were sent in the last hour (ms), for the resend limit. */
  emailSends?: number[];
};

/** The second factors an account can choose: the authenticator app or a code by e-mail. */
export type SecondFactorKind = 'app' | 'email';

/** An e-mailed code as stored: only its salted SHA-256, never the code. */
export type EmailCodeRecord = {
  /** Hex salt and SHA-256 of salt + code. */
  salt: string;
  hash: string;
  sentAt: number;
  expiresAt: number;
  /** The 3-digit number the page shows and the mail repeats. */
  sessionNumber: string;
  /** A login code, or the confirmation code of choosing e-mail (then with its setup id). */
  purpose: 'login' | 'setup';
  setupId: string | null;
};

/** A code that no longer works, and why. */
export type SpentEmailCode = { salt: string; hash: string; fate: 'used' | 'superseded' };

/** The second factor an account has chosen (older records: the app when bound). */
export function factorOf(account: AccountRecord): SecondFactorKind | null {
  if (account.factor !== undefined) return account.factor;
  return account.secret !== null ? 'app' : null;
}

/** When the account's password expires (ms), or null when password age is off. */
export function passwordExpiresAt(ctx: ProviderContext, account: AccountRecord): number | null {
  return expiryOf(ctx, account.passwordChangedAt ?? account.createdAt);
}

/** True when the account's password has expired (a change is required before anything else). */
export function isPasswordExpired(ctx: ProviderContext, account: AccountRecord, now: number = ctx.now()): boolean {
  return isPastExpiry(ctx, account.passwordChangedAt ?? account.createdAt, now);
}

/** True when the password has been expired too long and `unlock` has not lifted that lock. */
export function isExpiryLocked(ctx: ProviderContext, account: AccountRecord, now: number = ctx.now()): boolean {
  if (account.expiryLockLifted === true) return false;
  const changedAt = account.passwordChangedAt ?? account.createdAt;
  return isPastExpiry(ctx, changedAt, now, ctx.o.passwordPolicy.lockAfterExpiredMs);
}

/** The one-time-code throttle of an account. */
export const codeThrottleOf = (a: AccountRecord): ThrottleState => ({
  failures: a.codeFailures,
  blockedUntil: a.codeBlockedUntil,
});
/** The deletion-code throttle of an account. */
export const deletionThrottleOf = (a: AccountRecord): ThrottleState => ({
  failures: a.deletionFailures,
  blockedUntil: a.deletionBlockedUntil,
});

/** Store key of an account. */
export const accountKey = (username: string): string => `account:${username}`;
/** Store key of the index from an enrollment id to its account. */
export const enrollmentKey = (id: string): string => `enrollment:${id}`;

/** True when wrong passwords, or a password expired too long ago, have locked the account. */
export function isLocked(ctx: ProviderContext, account: AccountRecord, now: number = ctx.now()): boolean {
  return account.passwordFailures >= ctx.o.maxPasswordFailures || isExpiryLocked(ctx, account, now);
}

/** The result of register: the new account, or `register.taken` (or a fault). */
export type RegisterResult = { ok: true; messageKey: 'register.ok'; message: string; username: string } | Refusal;

/** Creates an account; `register.taken` when the username exists. */
export async function register(ctx: ProviderContext, input: unknown): Promise<RegisterResult> {
  const args = readArguments(input, 'register');
  const { username, password } = readCredentials(args);
  const email = typeof args['email'] === 'string' ? args['email'].trim() : args['email'];
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new InvalidArgumentError(
      `"email" must be an e-mail address like name@example.hu, got ${describeValue(email)}`,
    );
  }
  const fault = await ctx.faultRefusal('register', username);
  if (fault) return fault;
  const hash = await hashPassword(password, ctx.o.hashing, ctx.o.random);
  const now = ctx.now();
  let created = false;
  await ctx.o.store.update<AccountRecord>(accountKey(username), (current) => {
    created = current === undefined;
    if (!created) return current;
    return {
      username,
      email,
      createdAt: now,
      password: encodePasswordHash(hash),
      passwordFailures: 0,
      secret: null,
      lastStep: -1,
      activeFrom: 0,
      deletionCode: null,
      codeFailures: 0,
      codeBlockedUntil: 0,
      deletionFailures: 0,
      deletionBlockedUntil: 0,
      pending: null,
      factor: null,
      passwordChangedAt: now,
    };
  });
  if (!created) return ctx.refuse('register.taken');
  ctx.audit.record(now, 'registered', username);
  return { ok: true, messageKey: 'register.ok', message: ctx.message('register.ok'), username };
}

/** The result of unlock. */
export type UnlockResult = { ok: true; username: string };

/**
 * The administrator's "in person" unlock: clears the wrong-password count and lifts the lock of a
 * long-expired password (its change is still required at the next login). Not subject to faults.
 * @throws {InvalidStateError} when there is no such account
 */
export async function unlock(ctx: ProviderContext, username: unknown): Promise<UnlockResult> {
  const name = readUsername(username);
  let found = false;
  await ctx.o.store.update<AccountRecord>(accountKey(name), (current) => {
    found = current !== undefined;
    if (!current) return current;
    const lifted = isExpiryLocked(ctx, current) || current.expiryLockLifted === true;
    return { ...current, passwordFailures: 0, passwordChecks: 0, expiryLockLifted: lifted };
  });
  if (!found) throw new InvalidStateError(`"username" must name an existing account, got ${describeValue(name)}`);
  ctx.audit.record(ctx.now(), 'unlocked', name);
  return { ok: true, username: name };
}
