/**
 * The password step shared by login, enrollment, device change and deletion-code redemption, with
 * its lockout. Two verbs, two meanings: {@link recordPasswordAttempt} judges one password and
 * writes the outcome (the failure count); {@link decidePassword} is how a flow starts (the fault
 * check, then the password) and decides whether the flow may go on.
 *
 * Lockout reserves before it checks: before the (async, slow) password hash is checked, one atomic
 * Store update reserves a place for the attempt; only a decided wrong password counts as a
 * failure, and a right one resets the count. So parallel guesses can never get more than
 * `maxPasswordFailures` checks between them, parallel right passwords are never taken for a lock,
 * and an attempt cut off half-way (a crash) keeps its place: the lock fails closed.
 */
import { decodePasswordHash, verifyPassword } from '../../core/password-hash.js';
import type { AuditEventType, RefusalReason } from '../audit.js';
import type { ProviderContext, Refusal } from '../context.js';
import { accountKey, isExpiryLocked, isLocked, isPasswordExpired, type AccountRecord } from './accounts.js';

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
export async function recordPasswordAttempt(
  ctx: ProviderContext,
  username: string,
  password: string,
): Promise<'ok' | RefusalReason> {
  // Made on the first password check of any kind, so that first check costs the same for everyone.
  const dummy = await ctx.dummyHash();
  const key = accountKey(username);
  for (;;) {
    let state = 'unknown-user' as 'unknown-user' | 'locked' | 'expired-locked' | 'full' | 'reserved';
    const reserved = await ctx.o.store.update<AccountRecord>(key, (current) => {
      if (current === undefined) {
        state = 'unknown-user';
        return undefined;
      }
      if (isLocked(ctx, current)) {
        state = isExpiryLocked(ctx, current) ? 'expired-locked' : 'locked';
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
      return state === 'expired-locked' ? 'password-expired-locked' : state === 'locked' ? 'locked' : 'unknown-user';
    }
    // Settles once this check's outcome is recorded, so a waiting check then finds its place free.
    let release = (): void => undefined;
    const decided = new Promise<void>((resolve) => {
      release = resolve;
    });
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

/**
 * How every call that carries a password starts: the fault check, then the password, then its age.
 * Returns the refusal (the fault's, the generic one, or `password.expired` after a right but expired
 * password, with the reason in the audit log as `refusedType`), or null when the call may go on.
 */
export async function decidePassword(
  ctx: ProviderContext,
  operation: string,
  username: string,
  password: string,
  refusedType: AuditEventType,
): Promise<Refusal | null> {
  const fault = await ctx.faultRefusal(operation, username);
  if (fault) return fault;
  const verdict = await recordPasswordAttempt(ctx, username, password);
  if (verdict === 'ok') return refuseExpired(ctx, username, refusedType);
  ctx.audit.record(ctx.now(), refusedType, username, { reason: verdict });
  return ctx.refuse('login.refused');
}

/**
 * After a right password: `password.expired` (with the reason in the audit log as `refusedType`)
 * when it has expired, or null. An expired password opens nothing but its change.
 */
export async function refuseExpired(
  ctx: ProviderContext,
  username: string,
  refusedType: AuditEventType,
): Promise<Refusal | null> {
  const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
  if (!account || !isPasswordExpired(ctx, account)) return null;
  ctx.audit.record(ctx.now(), refusedType, username, { reason: 'password-expired' });
  return ctx.refuse('password.expired');
}
