/**
 * Password age on the simulated clock, as Ügyfélkapu has it: a right password is answered with a
 * warning before it expires (in the last `warnBeforeMs`, or once at each point of `warnings`: one
 * month, one week and one day before, in the `ugyfelkapu` profile); once expired, the right
 * password gets `password.expired` and only {@link changePassword} goes on; expired for more than
 * `lockAfterExpiredMs`, the account is locked (the generic refusal) until `unlock`, after which the
 * change is still required. The expiry answers come only after the right password: no oracle.
 */
import { encodePasswordHash, hashPassword } from '../../core/password-hash.js';
import { decodePasswordHash, verifyPassword } from '../../core/password-hash.js';
import type { ProviderContext, Refusal } from '../context.js';
import { accountKey, factorOf, isPasswordExpired, passwordExpiresAt, type AccountRecord } from './accounts.js';
import { readArguments, readCode, readCredentials, readSecret } from './credentials.js';
import { recordPasswordAttempt } from './password.js';
import { warningPoints, warnsOncePerPoint, type PasswordWarning } from './password-expiry.js';
import { acceptSecondFactor } from './second-factor.js';

const DAY = 86_400_000;

export type { PasswordWarning } from './password-expiry.js';

/** The password was changed; it works until `passwordExpiresAt` (null when password age is off). */
export type PasswordChanged = {
  ok: true;
  messageKey: 'password.changed';
  message: string;
  username: string;
  passwordExpiresAt: number | null;
};

/**
 * 'expired' when the account's password has expired (the caller has checked it was right), else
 * the warning or null. A warning of the `warnings` schedule is given once per point: the first
 * right password after it carries it, and that is written down.
 */
export async function passwordAge(ctx: ProviderContext, username: string): Promise<'expired' | PasswordWarning | null> {
  const key = accountKey(username);
  const account = await ctx.o.store.get<AccountRecord>(key);
  const expiresAt = account ? passwordExpiresAt(ctx, account) : null;
  if (expiresAt === null) return null;
  const now = ctx.now();
  if (now >= expiresAt) return 'expired';
  const due = warningPoints(ctx, expiresAt)
    .filter((point) => point <= now)
    .at(-1);
  if (due === undefined) return null;
  if (warnsOncePerPoint(ctx)) {
    let fresh = false;
    await ctx.o.store.update<AccountRecord>(key, (current) => {
      fresh = current !== undefined && (current.passwordWarnedAt ?? -Infinity) < due;
      return fresh ? { ...current!, passwordWarnedAt: due } : current;
    });
    if (!fresh) return null;
  }
  const daysLeft = Math.ceil((expiresAt - now) / DAY);
  ctx.audit.record(now, 'password-expiring', username);
  return {
    messageKey: 'password.expiring',
    message: ctx.message('password.expiring', { days: daysLeft }),
    expiresAt,
    daysLeft,
  };
}

/**
 * Username + the current password + a new one. Works at any age (also expired, and after `unlock`
 * of a long-expired one); a wrong password counts towards the lockout and gets the generic refusal.
 *
 * With `code`, the second factor is checked too (a current app code or an e-mailed one, spent and
 * throttled as at login), unless the password has expired (then the password alone opens the
 * change, and only the change) or the account has no second factor. A service without a session
 * of its own passes `code` always, so the password alone cannot lock the owner out; one whose
 * session has passed the second factor may leave it out.
 */
export async function changePassword(ctx: ProviderContext, input: unknown): Promise<PasswordChanged | Refusal> {
  const args = readArguments(input, 'changePassword');
  const { username, password } = readCredentials(args);
  const newPassword = readSecret(args['newPassword'], 'newPassword');
  const code = args['code'] === undefined ? null : readCode(args['code'], 'code');
  const fault = await ctx.faultRefusal('changePassword', username);
  if (fault) return fault;
  const verdict = await recordPasswordAttempt(ctx, username, password);
  const now = ctx.now();
  if (verdict !== 'ok') {
    ctx.audit.record(now, 'password-change-refused', username, { reason: verdict });
    return ctx.refuse('login.refused');
  }
  const current = await ctx.o.store.get<AccountRecord>(accountKey(username));
  // The same password again would restart the two years without a change: refused, as services do.
  if (current && (await verifyPassword(newPassword, decodePasswordHash(current.password)))) {
    ctx.audit.record(now, 'password-change-refused', username, { reason: 'password-reused' });
    return ctx.refuse('password.reused');
  }
  if (code !== null && current && factorOf(current) !== null && !isPasswordExpired(ctx, current, now)) {
    const proved = await acceptSecondFactor(ctx, username, code, now);
    if (!proved.ok) {
      ctx.audit.record(now, 'password-change-refused', username, { reason: proved.reason });
      return ctx.refuse('login.refused');
    }
  }
  const hash = encodePasswordHash(await hashPassword(newPassword, ctx.o.hashing, ctx.o.random));
  let changed: AccountRecord | undefined;
  await ctx.o.store.update<AccountRecord>(accountKey(username), (account) => {
    changed = account && { ...account, password: hash, passwordChangedAt: now, expiryLockLifted: false };
    return changed;
  });
  if (!changed) {
    ctx.audit.record(now, 'password-change-refused', username, { reason: 'unknown-user' });
    return ctx.refuse('login.refused');
  }
  ctx.audit.record(now, 'password-changed', username);
  return {
    ok: true,
    messageKey: 'password.changed',
    message: ctx.message('password.changed'),
    username,
    passwordExpiresAt: passwordExpiresAt(ctx, changed),
  };
}
