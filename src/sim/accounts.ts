/**
 * Accounts: registration, the password step with lockout, and the "in person" unlock.
 *
 * Lockout reserves before it checks: before the (async, slow) password hash is checked, one atomic
 * Store update reserves a place for the attempt; only a decided wrong password counts as a
 * failure, and a right one resets the count. So parallel guesses can never get more than
 * `maxPasswordFailures` checks between them, parallel right passwords are never taken for a lock,
 * and an attempt cut off half-way (a crash) keeps its place: the lock fails closed.
 */
import { InvalidArgumentError, InvalidStateError, describeValue } from '../core/errors.js';
import { decodePasswordHash, encodePasswordHash, hashPassword, verifyPassword } from '../core/password-hash.js';
import type { AuditEventType, RefusalReason } from './audit.js';
import { checkInput, type ProviderContext, type Refusal } from './context.js';
import { readCredentials, readUsername } from './credentials.js';
import type { ThrottleState } from './throttle.js';

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
};

/** The one-time-code throttle of an account. */
export const codeThrottleOf = (a: AccountRecord): ThrottleState => ({ failures: a.codeFailures, blockedUntil: a.codeBlockedUntil });
/** The deletion-code throttle of an account. */
export const deletionThrottleOf = (a: AccountRecord): ThrottleState => ({ failures: a.deletionFailures, blockedUntil: a.deletionBlockedUntil });

/** Store key of an account. */
export const accountKey = (username: string): string => `account:${username}`;
/** Store key of the index from an enrollment id to its account. */
export const enrollmentKey = (id: string): string => `enrollment:${id}`;

/** True when wrong passwords have locked the account. */
export function isLocked(ctx: ProviderContext, account: AccountRecord): boolean {
  return account.passwordFailures >= ctx.o.maxPasswordFailures;
}

/** The result of register: the new account, or `register.taken` (or a fault). */
export type RegisterResult = { ok: true; messageKey: 'register.ok'; message: string; username: string } | Refusal;

/** Creates an account; `register.taken` when the username exists. */
export async function register(ctx: ProviderContext, input: unknown): Promise<RegisterResult> {
  const args = checkInput(input, 'register');
  const { username, password } = readCredentials(args);
  const email = typeof args['email'] === 'string' ? args['email'].trim() : args['email'];
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new InvalidArgumentError(`"email" must be an e-mail address like name@example.hu, got ${describeValue(email)}`);
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
      username, email, createdAt: now, password: encodePasswordHash(hash), passwordFailures: 0,
      secret: null, lastStep: -1, activeFrom: 0, deletionCode: null,
      codeFailures: 0, codeBlockedUntil: 0, deletionFailures: 0, deletionBlockedUntil: 0, pending: null,
    };
  });
  if (!created) return ctx.refuse('register.taken');
  ctx.audit.record(now, 'registered', username);
  return { ok: true, messageKey: 'register.ok', message: ctx.message('register.ok'), username };
}

/**
 * The password step shared by login, enrollment, device change and deletion-code redemption.
 * Unknown and locked accounts are checked against a dummy hash, so they cost the same work.
 *
 * Each check first reserves a place in one atomic update (`passwordChecks` + 1), and only when
 * `passwordFailures + passwordChecks` stays below `maxPasswordFailures`: so no more checks than
 * the lock allows are ever in flight between decided failures. Only a decided wrong password
 * counts as a failure; a check that finds no free place waits for one of this provider's checks
 * of the account to be decided, instead of being mistaken for a lock. A check cut off half-way (a
 * crash) keeps its place until `unlock`: the limit fails closed.
 * @returns 'ok', or the reason for the refusal (for the audit log only)
 */
export async function checkPassword(ctx: ProviderContext, username: string, password: string): Promise<'ok' | RefusalReason> {
  // Made on the first password check of any kind, so that first check costs the same for everyone.
  const dummy = await ctx.dummyHash();
  const key = accountKey(username);
  for (;;) {
    let state = 'unknown-user' as 'unknown-user' | 'locked' | 'full' | 'reserved';
    const reserved = await ctx.o.store.update<AccountRecord>(key, (current) => {
      if (current === undefined) {
        state = 'unknown-user';
        return undefined;
      }
      if (isLocked(ctx, current)) {
        state = 'locked';
        return current;
      }
      const inFlight = current.passwordChecks ?? 0;
      if (current.passwordFailures + inFlight >= ctx.o.maxPasswordFailures) {
        state = 'full';
        return current;
      }
      state = 'reserved';
      return { ...current, passwordChecks: inFlight + 1 };
    });
    if (state === 'full') {
      const mine = ctx.passwordChecks.get(key);
      // Checks by this provider are in flight: wait until one is decided, then try again.
      if (mine && mine.size > 0) {
        await Promise.race(mine);
        continue;
      }
      // Only other processes' checks (or ones a crash cut off) hold the places: refuse, fail closed.
      await verifyPassword(password, dummy);
      return 'busy';
    }
    if (state !== 'reserved' || !reserved) {
      await verifyPassword(password, dummy);
      return state === 'locked' ? 'locked' : 'unknown-user';
    }
    // Settles once this check's outcome is recorded, so a waiting check then finds its place free.
    let release = (): void => undefined;
    const decided = new Promise<void>((resolve) => { release = resolve; });
    const mine = ctx.passwordChecks.get(key) ?? new Set<Promise<void>>();
    ctx.passwordChecks.set(key, mine.add(decided));
    let matches = false;
    let lockedNow = false;
    try {
      matches = await verifyPassword(password, decodePasswordHash(reserved.password));
      await ctx.o.store.update<AccountRecord>(key, (current) => {
        if (!current) return current;
        const passwordChecks = Math.max(0, (current.passwordChecks ?? 0) - 1);
        if (matches) return { ...current, passwordChecks, passwordFailures: 0 };
        const passwordFailures = current.passwordFailures + 1;
        // The decided failure that reached the limit is the one that locked the account.
        lockedNow = passwordFailures === ctx.o.maxPasswordFailures;
        return { ...current, passwordChecks, passwordFailures };
      });
    } finally {
      mine.delete(decided);
      if (mine.size === 0 && ctx.passwordChecks.get(key) === mine) ctx.passwordChecks.delete(key);
      release();
    }
    if (matches) return 'ok';
    if (lockedNow) ctx.audit.record(ctx.now(), 'locked', username);
    return 'wrong-password';
  }
}

/** The result of unlock. */
export type UnlockResult = { ok: true; username: string };

/**
 * The administrator's "in person" unlock: clears the wrong-password count. Not subject to faults.
 * @throws {InvalidStateError} when there is no such account
 */
export async function unlock(ctx: ProviderContext, username: unknown): Promise<UnlockResult> {
  const name = readUsername(username);
  let found = false;
  await ctx.o.store.update<AccountRecord>(accountKey(name), (current) => {
    found = current !== undefined;
    return current && { ...current, passwordFailures: 0, passwordChecks: 0 };
  });
  if (!found) throw new InvalidStateError(`"username" must name an existing account, got ${describeValue(name)}`);
  ctx.audit.record(ctx.now(), 'unlocked', name);
  return { ok: true, username: name };
}

/**
 * How every call that carries a password starts: the fault check, then the password. Returns the
 * refusal (the fault's, or the generic one, with the reason in the audit log as `refusedType`), or
 * null when the call may go on.
 */
export async function passwordGate(ctx: ProviderContext, operation: string, username: string, password: string, refusedType: AuditEventType): Promise<Refusal | null> {
  const fault = await ctx.faultRefusal(operation, username);
  if (fault) return fault;
  const verdict = await checkPassword(ctx, username, password);
  if (verdict === 'ok') return null;
  ctx.audit.record(ctx.now(), refusedType, username, { reason: verdict });
  return ctx.refuse('login.refused');
}
