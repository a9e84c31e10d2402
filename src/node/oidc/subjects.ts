/**
 * The `sub` of each account: a random identifier made the first time the account signs in through
 * the front and kept in the Store (`oidc:subject:<username>` and its reverse `oidc:account:<sub>`),
 * so it is stable per account, the same on every instance, and says nothing about the username.
 * It goes with the account (server/oidc-account-entries.ts): a new account of the name gets another.
 * The other claims are read from the account when a token or userinfo asks for them.
 */
import { randomBytes } from 'node:crypto';
import { accountKey, type AccountRecord } from '../../sim/provider/accounts.js';
import type { Store } from '../../sim/store.js';
import { accountOfSubjectKey, subjectKey } from '../../server/oidc-account-entries.js';

/** The claims an account has, by the scope that asks for them (OIDC Core §5.4). */
export type AccountClaims = { sub: string; preferred_username: string; email?: string };

/** The account's `sub`, made (atomically, once) when it has none. */
export async function subjectOf(store: Store, username: string): Promise<string> {
  const candidate = randomBytes(16).toString('hex');
  const sub = (await store.update<string>(subjectKey(username), (current) => current ?? candidate))!;
  await store.update<string>(accountOfSubjectKey(sub), () => username);
  return sub;
}

/** The username behind `sub`, or null. */
export async function usernameOfSubject(store: Store, sub: string): Promise<string | null> {
  if (typeof sub !== 'string' || !/^[0-9a-f]{32}$/.test(sub)) return null;
  const username = await store.get<string>(accountOfSubjectKey(sub));
  return typeof username === 'string' ? username : null;
}

/** The claims of the account behind `sub`, or null when there is no such account (any more). */
export async function claimsOf(store: Store, sub: string): Promise<AccountClaims | null> {
  const username = await usernameOfSubject(store, sub);
  if (username === null) return null;
  const account = await store.get<AccountRecord>(accountKey(username));
  if (account === undefined) return null;
  return {
    sub,
    preferred_username: username,
    ...(typeof account.email === 'string' && account.email !== '' && { email: account.email }),
  };
}
