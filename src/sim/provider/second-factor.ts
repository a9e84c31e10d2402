/**
 * The second step of login: the TOTP code, checked against the account's binding with the replay
 * guard and the throttle, all inside ONE atomic Store update. verifyCode is synchronous, so the
 * check, the new last step and the failure count are decided together: two concurrent requests
 * with the same code cannot both be accepted, and concurrent wrong codes are all counted.
 *
 * No password hashing happens here, so it is cheap enough for a server that checks passwords
 * elsewhere to call it on every login.
 */
import { verifyCode, type VerifyOptions } from '../../core/code.js';
import type { RefusalReason } from '../audit.js';
import type { ProviderContext, Refusal } from '../context.js';
import { afterFailure } from '../throttle.js';
import {
  accountKey,
  codeThrottleOf,
  factorOf,
  isExpiryLocked,
  isLocked,
  isPasswordExpired,
  type AccountRecord,
} from './accounts.js';
import { judgeEmailCode } from './email-code.js';
import type { PasswordWarning } from './password-expiry.js';

/**
 * Accepted (with the step an app code belonged to; -1 for an e-mailed code), or refused with the
 * reason for the audit log; `retryAt` when an e-mailed code was refused unchecked by the throttle.
 */
export type SecondFactorOutcome = { ok: true; step: number } | { ok: false; reason: RefusalReason; retryAt?: number };

/** True for the refusals of an e-mailed code that the code page answers with "A megadott hitelesítő kód helytelen!". */
export const isEmailCodeReason = (reason: RefusalReason): boolean => reason.startsWith('email-code-');

/** A successful login (or second step); login adds the warning of a password about to expire. */
export type LoginOk = {
  ok: true;
  messageKey: 'login.ok';
  message: string;
  username: string;
  passwordWarning?: PasswordWarning;
};

/**
 * The second step as login, the second step alone and device change answer it: the code is
 * accepted or spent by {@link acceptSecondFactor}, the outcome goes to the audit log as `okType` or
 * `refusedType` (with the reason), and the user gets `login.ok` or the generic refusal.
 */
export async function passSecondFactor(
  ctx: ProviderContext,
  username: string,
  code: string,
  okType: 'login-ok' | 'second-factor-ok',
  refusedType: 'login-refused' | 'second-factor-refused',
  /** The code page alone answers a wrong e-mailed code with its own text; login and device change stay generic. */
  emailCodeAnswer = false,
): Promise<LoginOk | Refusal> {
  const now = ctx.now();
  const outcome = await acceptSecondFactor(ctx, username, code, now);
  if (!outcome.ok) {
    ctx.audit.record(now, refusedType, username, { reason: outcome.reason }, { code, key: 'current' });
    const retryAt = outcome.retryAt;
    // The code page says when to try again: a right code typed while the delay runs was not checked.
    if (emailCodeAnswer && retryAt !== undefined)
      return ctx.refuse('code.throttled', { retryAt }, { seconds: Math.ceil((retryAt - now) / 1000) });
    return ctx.refuse(emailCodeAnswer && isEmailCodeReason(outcome.reason) ? 'emailCode.wrong' : 'login.refused');
  }
  ctx.audit.record(now, okType, username);
  return { ok: true, messageKey: 'login.ok', message: ctx.message('login.ok'), username };
}

/**
 * Decides whether `code` is accepted for `username` at `now`, and writes that decision atomically:
 * the new last step (the replay guard) when accepted, the throttle's failure count when not.
 */
export async function acceptSecondFactor(
  ctx: ProviderContext,
  username: string,
  code: string,
  now: number,
): Promise<SecondFactorOutcome> {
  const o = ctx.o;
  let outcome: SecondFactorOutcome = { ok: false, reason: 'unknown-user' };
  await o.store.update<AccountRecord>(accountKey(username), (account) => {
    if (account === undefined) {
      outcome = { ok: false, reason: 'unknown-user' };
      return undefined;
    }
    const secret = account.secret;
    const factor = factorOf(account);
    if (isLocked(ctx, account, now))
      outcome = { ok: false, reason: isExpiryLocked(ctx, account, now) ? 'password-expired-locked' : 'locked' };
    // An expired password opens nothing but its change, not the code step alone either.
    else if (isPasswordExpired(ctx, account, now)) outcome = { ok: false, reason: 'password-expired' };
    else if (factor === 'email') {
      // Refused unchecked and not counted while a delay runs, exactly as app codes are.
      if (now < account.codeBlockedUntil)
        outcome = { ok: false, reason: 'throttled', retryAt: account.codeBlockedUntil };
      else {
        const judged = judgeEmailCode(account, code, now, 'login');
        if (judged.ok) {
          outcome = { ok: true, step: -1 };
          return { ...judged.account, codeFailures: 0, codeBlockedUntil: 0 };
        }
        outcome = judged;
        const next = afterFailure(codeThrottleOf(account), now, o.throttle);
        return { ...account, codeFailures: next.failures, codeBlockedUntil: next.blockedUntil };
      }
    } else if (secret === null) outcome = { ok: false, reason: 'not-enrolled' };
    else if (now < account.activeFrom) outcome = { ok: false, reason: 'activation-pending' };
    // Refused unchecked and not counted while a delay runs (see throttle.ts).
    else if (now < account.codeBlockedUntil) outcome = { ok: false, reason: 'throttled' };
    else {
      const params = {
        time: now,
        algorithm: o.algorithm,
        digits: o.digits,
        period: o.period,
        window: o.window,
      } as const;
      // RFC 6238 §5.2: never accept a code of the last accepted step or an earlier one.
      const result = verifyCode(secret, code, { ...params, minCounter: account.lastStep + 1 });
      if (result.valid) {
        outcome = { ok: true, step: result.counter };
        return { ...account, lastStep: result.counter, codeFailures: 0, codeBlockedUntil: 0 };
      }
      outcome = {
        ok: false,
        reason: isReplay(secret, code, account.lastStep, params) ? 'replayed-code' : 'wrong-code',
      };
      const next = afterFailure(codeThrottleOf(account), now, o.throttle);
      return { ...account, codeFailures: next.failures, codeBlockedUntil: next.blockedUntil };
    }
    return account;
  });
  return outcome;
}

/**
 * True when a refused code would have been valid without the replay guard: for the audit log only.
 * It costs extra HMACs only when the guard could have mattered (a step was accepted within the window).
 */
function isReplay(
  secret: string,
  code: string,
  lastStep: number,
  params: VerifyOptions & { time: number; period: number; window: number },
): boolean {
  const current = Math.floor(params.time / 1000 / params.period);
  if (lastStep < current - params.window) return false;
  return verifyCode(secret, code, params).valid;
}
