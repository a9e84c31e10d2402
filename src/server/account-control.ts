/**
 * Accounts in a stated state for the HTTP service, as POST /control/accounts and a seed file put
 * them, and their removal: the provider's part (provider.seedAccount, provider.removeAccount) plus
 * what the service keeps for an account itself, its login tickets, sessions and mail, and what the
 * OpenID Connect front keeps of it. A replaced account starts clean: a ticket, session, mailed code,
 * `sub` or token of the old one must not reach the new one.
 */
import type { Clock } from '../core/clock.js';
import type { Provider, SeedAccountInput, SeededAccount } from '../sim/provider.js';
import type { Store } from '../sim/store.js';
import { accountTokensKey, endAccountTokens } from './account-tokens.js';
import type { ControlMailbox } from './control-mailbox.js';
import { endOidcAccount } from './oidc-account-entries.js';
import { SESSION_KEY_PREFIX, TICKET_KEY_PREFIX } from './sessions.js';

/** What an account's removal took with it. */
export type AccountLeftovers = { tickets: number; sessions: number; messages: number };

/** Where the service keeps what belongs to an account. */
export interface AccountPlaces {
  provider: Provider;
  store: Store;
  mailbox: ControlMailbox | null;
  /** The service's clock (the real one when absent). */
  clock?: Clock | undefined;
}

/**
 * Creates or replaces an account in a stated state; a replaced account's tickets, sessions and the
 * mail to its address go with it (a stale code must not be the newest mail a test finds).
 * @throws {InvalidArgumentError} or {InvalidSecretError} naming the field, before anything changes
 */
export async function putAccount(places: AccountPlaces, input: SeedAccountInput): Promise<SeededAccount> {
  const seeded = await places.provider.seedAccount(input);
  if (seeded.replaced) await dropLeftovers(places, seeded.username, seeded.email);
  return seeded;
}

/**
 * Removes an account with its tickets, sessions and mail.
 * @returns what went, or null when there was no such account
 */
export async function dropAccount(
  places: AccountPlaces,
  username: string,
): Promise<({ username: string } & AccountLeftovers) | null> {
  const removed = await places.provider.removeAccount(username);
  if (removed === null) return null;
  const leftovers = await dropLeftovers(places, removed.username, removed.email);
  // Its tokens are gone: the record of them goes too, so nothing of the account stays in the store.
  await places.store.update(accountTokensKey(removed.username), () => undefined);
  return { username: removed.username, ...leftovers };
}

async function dropLeftovers(places: AccountPlaces, username: string, email: string | null): Promise<AccountLeftovers> {
  // A new epoch first, so a ticket or session issued while the store is being read ends too.
  await endAccountTokens(places.store, username, places.clock?.now() ?? Date.now());
  const tickets = await dropTokens(places.store, TICKET_KEY_PREFIX, username);
  const sessions = await dropTokens(places.store, SESSION_KEY_PREFIX, username);
  const messages = email && places.mailbox ? await places.mailbox.removeFor(email) : 0;
  // The OpenID Connect front's too: a new account of the name must not be signed in as the old one.
  await endOidcAccount(places.store, username);
  return { tickets, sessions, messages };
}

/**
 * Removes the tickets or sessions (by `prefix`) of `username`. Their keys are hashes of the tokens,
 * so every one is read: a control call, not a hot path.
 */
async function dropTokens(store: Store, prefix: string, username: string): Promise<number> {
  let dropped = 0;
  for (const key of await store.keys(prefix)) {
    await store.update<{ username: string }>(key, (token) => {
      if (token?.username !== username) return token;
      dropped++;
      return undefined;
    });
  }
  return dropped;
}
