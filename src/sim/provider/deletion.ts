/**
 * Redeeming the törlőkód: username + password + deletion code remove the phone binding (never the
 * account), so a user whose phone is lost can enroll again. The code is spent with it.
 *
 * Wrong deletion codes are throttled like wrong one-time codes, and the attempt is counted BEFORE the
 * slow hash check (and forgiven on success), in one atomic update: parallel guesses cannot slip
 * through while one is being checked.
 *
 * The password, the code and the account are judged together: a wrong password, a wrong code, an
 * unknown or locked account and an account without a binding all get the same answer
 * (`deletionCode.wrong`, or `code.throttled` while the delay runs), count against the same
 * throttle and cost the same hashing, so the call cannot be used to test passwords without a code.
 */
import { constantTimeEqual } from '../../core/constant-time.js';
import { verifyDeletionCode } from '../../core/deletion-code.js';
import { decodePasswordHash } from '../../core/password-hash.js';
import type { ProviderContext, Refusal } from '../context.js';
import { afterFailure } from '../throttle.js';
import { accountKey, deletionThrottleOf, enrollmentKey, type AccountRecord } from './accounts.js';
import { readArguments, readCode, readCredentials } from './credentials.js';
import { recordPasswordAttempt, refuseExpired } from './password.js';

/** The binding is removed and the deletion code spent; the account remains. */
export type DeletionCodeRedeemed = { ok: true; messageKey: 'deletionCode.redeemed'; message: string; username: string };

/** Removes the phone binding with username + password + deletion code; the code is spent. */
export async function redeemDeletionCode(
  ctx: ProviderContext,
  input: unknown,
): Promise<DeletionCodeRedeemed | Refusal> {
  const args = readArguments(input, 'redeemDeletionCode');
  const { username, password } = readCredentials(args);
  const typed = readCode(args['deletionCode'], 'deletionCode', 256);
  const fault = await ctx.faultRefusal('redeemDeletionCode', username);
  if (fault) return fault;
  const verdict = await recordPasswordAttempt(ctx, username, password);
  // An expired password opens only its change: answered as login answers it, the törlőkód untouched.
  const expired = verdict === 'ok' ? await refuseExpired(ctx, username, 'deletion-code-refused') : null;
  if (expired) return expired;
  const now = ctx.now();
  const key = accountKey(username);
  let state = 'none' as 'none' | 'throttled' | 'reserved';
  let stored: string | null = null;
  let retryAt = 0;
  await ctx.o.store.update<AccountRecord>(key, (account) => {
    stored = null;
    if (!account || account.deletionCode === null) {
      state = 'none';
      return account;
    }
    if (now < account.deletionBlockedUntil) {
      state = 'throttled';
      retryAt = account.deletionBlockedUntil;
      return account;
    }
    state = 'reserved';
    stored = account.deletionCode;
    const next = afterFailure(deletionThrottleOf(account), now, ctx.o.throttle);
    return { ...account, deletionFailures: next.failures, deletionBlockedUntil: next.blockedUntil };
  });
  if (state === 'throttled') {
    ctx.audit.record(now, 'deletion-code-refused', username, { reason: verdict === 'ok' ? 'throttled' : verdict });
    return ctx.refuse('code.throttled', { retryAt }, { seconds: Math.ceil((retryAt - now) / 1000) });
  }
  const hash = stored as string | null;
  // No binding (never enrolled, or the code already spent): the same answer as a wrong code, and
  // the same hashing work (against the dummy hash), so the time does not tell either.
  const checked = await verifyDeletionCode(
    typed,
    hash !== null ? decodePasswordHash(hash) : await ctx.dummyHash(),
    ctx.o.deletionCode.length,
  );
  const matches = verdict === 'ok' && hash !== null && checked;
  let removedPending: string | null = null;
  let redeemed = false;
  if (matches) {
    await ctx.o.store.update<AccountRecord>(key, (account) => {
      redeemed = false;
      removedPending = null;
      // Only the binding whose code was checked: a concurrent redemption may have spent it already.
      if (!account || account.deletionCode === null || !constantTimeEqual(account.deletionCode, hash!)) return account;
      redeemed = true;
      removedPending = account.pending?.id ?? null;
      return {
        ...account,
        secret: null,
        lastStep: -1,
        activeFrom: 0,
        deletionCode: null,
        factor: null,
        pending: null,
        codeFailures: 0,
        codeBlockedUntil: 0,
        deletionFailures: 0,
        deletionBlockedUntil: 0,
      };
    });
  }
  if (!redeemed) {
    ctx.audit.record(now, 'deletion-code-refused', username, {
      reason: verdict === 'ok' ? 'wrong-deletion-code' : verdict,
    });
    return ctx.refuse('deletionCode.wrong');
  }
  const pendingId = removedPending as string | null;
  if (pendingId !== null) await ctx.o.store.update(enrollmentKey(pendingId), () => undefined);
  ctx.audit.record(now, 'deletion-code-redeemed', username);
  return { ok: true, messageKey: 'deletionCode.redeemed', message: ctx.message('deletionCode.redeemed'), username };
}
