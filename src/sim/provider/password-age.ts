/**
 * Password age on the simulated clock, as Ügyfélkapu has it: a right password is answered with a
 * warning in the last `warnBeforeMs` before it expires; once expired, the right password gets
 * `password.expired` and only {@link changePassword} goes on; expired for more than
 * `lockAfterExpiredMs`, the account is locked (the generic refusal) until `unlock`, after which the
 * change is still required. The expiry answers come only after the right password: no oracle.
 */
import { encodePasswordHash, hashPassword } from '../../core/password-hash.js';
import { decodePasswordHash, verifyPassword } from '../../core/password-hash.js';
import type { ProviderContext, Refusal } from '../context.js';
import { accountKey, passwordExpiresAt, type AccountRecord } from './accounts.js';
import { readArguments, readCredentials, readSecret } from './credentials.js';
import { recordPasswordAttempt } from './password.js';

const DAY = 86_400_000;

/** The warning a right password gets shortly before it expires. */
export type PasswordWarning = {
  messageKey: 'password.expiring';
  message: string;
  /** When the password expires (ms). */
  expiresAt: number;
  /** Whole days left, rounded up. */
  daysLeft: number;
};

/** The password was changed; it works until `passwordExpiresAt` (null when password age is off). */
export type PasswordChanged = {
  ok: true;
  messageKey: 'password.changed';
  message: string;
  username: string;
  passwordExpiresAt: number | null;
};

/** 'expired' when the account's password has expired (the caller has checked it was right), else the warning or null. */
export async function passwordAge(ctx: ProviderContext, username: string): Promise<'expired' | PasswordWarning | null> {
  const account = await ctx.o.store.get<AccountRecord>(accountKey(username));
  const expiresAt = account ? passwordExpiresAt(ctx, account) : null;
  if (expiresAt === null) return null;
  const now = ctx.now();
  if (now >= expiresAt) return 'expired';
  if (now < expiresAt - ctx.o.passwordPolicy.warnBeforeMs) return null;
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
 */
export async function changePassword(ctx: ProviderContext, input: unknown): Promise<PasswordChanged | Refusal> {
  const args = readArguments(input, 'changePassword');
  const { username, password } = readCredentials(args);
  const newPassword = readSecret(args['newPassword'], 'newPassword');
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
