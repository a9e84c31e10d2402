/**
 * Removing one account and what the provider keeps for it: the record (with its binding, e-mailed
 * code and counters), the index of its pending setup and of its e-mail setup, its attempt trail, and
 * the send count of its address (a test's or trainer's hand frees the address for the next account).
 * The HTTP service's tickets, sessions and mail are the service's to remove (see src/server/account-control.ts).
 */
import type { ProviderContext } from '../context.js';
import { accountKey, enrollmentKey, type AccountRecord } from './accounts.js';
import { attemptsKey } from './attempt-trail.js';
import { readUsername } from './credentials.js';
import { emailSetupKey } from './email-factor.js';
import { recipientKey } from './recipient-limit.js';

/** The account is gone; `email` is the address it had ('' for none), whose mail a caller may drop too. */
export type AccountRemoved = { ok: true; username: string; email: string };

/**
 * Removes the account `username`. Not subject to faults: it is the test's or trainer's hand.
 * @returns null when there was no such account
 */
export async function removeAccount(ctx: ProviderContext, username: unknown): Promise<AccountRemoved | null> {
  const name = readUsername(username);
  let removed: AccountRecord | undefined;
  await ctx.o.store.update<AccountRecord>(accountKey(name), (account) => {
    removed = account;
    return undefined;
  });
  const account = removed as AccountRecord | undefined;
  if (account === undefined) return null;
  if (account.pending) await ctx.o.store.update(enrollmentKey(account.pending.id), () => undefined);
  const setupId = account.emailCode?.setupId ?? null;
  if (setupId !== null) await ctx.o.store.update(emailSetupKey(setupId), () => undefined);
  if (account.email !== '') await ctx.o.store.update(recipientKey(account.email), () => undefined);
  // A new account of the same name must not inherit the old one's refusals in the trainer's view.
  await ctx.o.store.update(attemptsKey(name), () => undefined);
  ctx.audit.record(ctx.now(), 'account-removed', name);
  return { ok: true, username: name, email: account.email };
}
