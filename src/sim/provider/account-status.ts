/**
 * What a trainer may see about an account ({@link accountStatus}): its lock, its second factor, an
 * unfinished setup, and its password's age; never a secret, hash or code.
 */
import type { ProviderContext } from '../context.js';
import {
  accountKey,
  factorOf,
  isExpiryLocked,
  isLocked,
  passwordExpiresAt,
  type AccountRecord,
  type SecondFactorKind,
} from './accounts.js';
import { readUsername } from './credentials.js';
import { warningPoints } from './password-expiry.js';

/** What a trainer may see about an account: never a secret, hash or code. */
export type AccountStatus = {
  exists: boolean;
  locked: boolean;
  passwordFailures: number;
  /** 'none', 'pending-activation' (between Befejezés and activeFrom) or 'active' (always, for e-mail). */
  secondFactor: 'none' | 'pending-activation' | 'active';
  activeFrom: number | null;
  /** The unfinished enrollment or device change, if any. */
  pending: { kind: 'enrollment' | 'device-change'; confirmed: boolean; expiresAt: number } | null;
  /** The chosen second factor: the app, e-mail, or none yet. */
  factor: SecondFactorKind | null;
  /** The password's state: 'ok', 'warning' (expiry near), 'expired' (a change is required) or 'expired-locked'. */
  password: 'ok' | 'warning' | 'expired' | 'expired-locked';
  /** When the password expires (ms), or null when password age is off or there is no account. */
  passwordExpiresAt: number | null;
  /** When the e-mailed code now valid expires (ms), or null when there is none. */
  emailCodeExpiresAt: number | null;
};

/** The state of an account's password at `now`. */
export function passwordStateOf(ctx: ProviderContext, account: AccountRecord, now: number): AccountStatus['password'] {
  const expiresAt = passwordExpiresAt(ctx, account);
  if (expiresAt === null) return 'ok';
  if (isExpiryLocked(ctx, account, now)) return 'expired-locked';
  if (now >= expiresAt) return 'expired';
  const firstWarning = warningPoints(ctx, expiresAt)[0];
  return firstWarning !== undefined && now >= firstWarning ? 'warning' : 'ok';
}

/** Reads what a trainer may see about an account; an unknown one is `exists: false`. */
export async function accountStatus(ctx: ProviderContext, username: unknown): Promise<AccountStatus> {
  const account = await ctx.o.store.get<AccountRecord>(accountKey(readUsername(username)));
  if (!account)
    return {
      exists: false,
      locked: false,
      passwordFailures: 0,
      secondFactor: 'none',
      activeFrom: null,
      pending: null,
      factor: null,
      password: 'ok',
      passwordExpiresAt: null,
      emailCodeExpiresAt: null,
    };
  const bound = account.secret !== null;
  const p = account.pending;
  const now = ctx.now();
  const code = account.emailCode ?? null;
  return {
    exists: true,
    locked: isLocked(ctx, account),
    passwordFailures: account.passwordFailures,
    secondFactor:
      factorOf(account) === 'email'
        ? 'active'
        : !bound
          ? 'none'
          : ctx.now() < account.activeFrom
            ? 'pending-activation'
            : 'active',
    activeFrom: bound ? account.activeFrom : null,
    pending: p && { kind: p.kind, confirmed: p.confirmedStep !== null, expiresAt: p.expiresAt },
    factor: factorOf(account),
    password: passwordStateOf(ctx, account, now),
    passwordExpiresAt: passwordExpiresAt(ctx, account),
    emailCodeExpiresAt: code !== null && now < code.expiresAt ? code.expiresAt : null,
  };
}
