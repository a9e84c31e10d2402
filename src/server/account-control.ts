/**
 * Accounts in a stated state for the HTTP service, as POST /control/accounts and a seed file put
 * them, and their removal: the provider's part (provider.seedAccount, provider.removeAccount) plus
 * what the service keeps for an account itself, its login tickets, sessions and mail. A replaced
 * account starts clean: a ticket, session or mailed code of the old one must not reach the new one.
 */
import type { Provider, SeedAccountInput, SeededAccount } from '../sim/provider.js';
import type { Store } from '../sim/store.js';
import type { ControlMailbox } from './control-mailbox.js';
import { SESSION_KEY_PREFIX, TICKET_KEY_PREFIX } from './sessions.js';

/** What an account's removal took with it. */
export type AccountLeftovers = { tickets: number; sessions: number; messages: number };

/** Where the service keeps what belongs to an account. */
export interface AccountPlaces {
  provider: Provider;
  store: Store;
  mailbox: ControlMailbox | null;
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
  return { username: removed.username, ...(await dropLeftovers(places, removed.username, removed.email)) };
}

async function dropLeftovers(places: AccountPlaces, username: string, email: string | null): Promise<AccountLeftovers> {
  const tickets = await dropTokens(places.store, TICKET_KEY_PREFIX, username);
  const sessions = await dropTokens(places.store, SESSION_KEY_PREFIX, username);
  const messages = email && places.mailbox ? await places.mailbox.removeFor(email) : 0;
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
