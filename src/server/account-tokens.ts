/**
 * What the server keeps about one account's tokens, in the Store so every instance knows it:
 *
 * - an epoch, stamped on every login ticket and session issued for the account. A password change
 *   or a removed phone binding moves it on, which ends every ticket and session issued before (a
 *   session may be stamped again, to keep the one the change was made in);
 * - the account's open login tickets, at most {@link MAX_OPEN_TICKETS}: issuing one more removes
 *   the oldest, and expired ones are removed as it is issued, so logins cannot fill the store.
 *
 * The record is only read when a ticket is issued, a session checked or the tokens ended, never
 * when a ticket is used (the hot path of a login): ending removes the listed tickets instead. It is
 * removed once it lists no open ticket and no epoch was ever moved on ({@link pruneAccountTokens}).
 */
import type { Store } from '../sim/store.js';

/** The most login tickets one account holds at once. */
export const MAX_OPEN_TICKETS = 8;

// `endedAt`: when (simulated ms) the epoch last moved on; absent in records of older versions.
type AccountTokens = { epoch: number; tickets: { key: string; expiresAt: number }[]; endedAt?: number };

const PREFIX = 'server:account:';

/** Store key of an account's token record. */
export const accountTokensKey = (username: string): string => PREFIX + username;

/** The account's epoch now (0 before anything ended its tokens). */
export async function epochOf(store: Store, username: string): Promise<number> {
  return (await store.get<AccountTokens>(accountTokensKey(username)))?.epoch ?? 0;
}

/**
 * Lists a new ticket of the account; returns the epoch to stamp on it and the Store keys of the
 * tickets that must go (expired ones, and the oldest beyond the cap).
 */
export async function addTicket(
  store: Store,
  username: string,
  key: string,
  expiresAt: number,
  now: number,
): Promise<{ epoch: number; dropped: string[] }> {
  let epoch = 0;
  let dropped: string[] = [];
  await store.update<AccountTokens>(accountTokensKey(username), (current) => {
    const listed = current?.tickets ?? [];
    const open = listed.filter((t) => t.expiresAt > now);
    const kept = [...open, { key, expiresAt }].slice(-MAX_OPEN_TICKETS);
    dropped = listed.filter((t) => !kept.includes(t)).map((t) => t.key);
    epoch = current?.epoch ?? 0;
    return { epoch, tickets: kept };
  });
  return { epoch, dropped };
}

/**
 * Ends every ticket and session of the account at `now` (simulated ms): a new epoch; returns it and
 * the tickets to remove.
 */
export async function endAccountTokens(
  store: Store,
  username: string,
  now: number,
): Promise<{ epoch: number; dropped: string[] }> {
  let epoch = 0;
  let dropped: string[] = [];
  await store.update<AccountTokens>(accountTokensKey(username), (current) => {
    epoch = (current?.epoch ?? 0) + 1;
    dropped = (current?.tickets ?? []).map((t) => t.key);
    return { epoch, tickets: [], endedAt: now };
  });
  return { epoch, dropped };
}

/**
 * Ends every login ticket and session of the account, wherever it signed in (the API, the OpenID
 * Connect front's pages): the epoch moves on and the listed tickets are removed. Returns the new epoch.
 */
export async function endAccountSignIns(store: Store, username: string, now: number): Promise<number> {
  const { epoch, dropped } = await endAccountTokens(store, username, now);
  for (const key of dropped) await store.update(key, () => undefined);
  return epoch;
}

/** When (simulated ms) the account's tokens were last ended, or null when never. */
export async function tokensEndedAt(store: Store, username: string): Promise<number | null> {
  return (await store.get<AccountTokens>(accountTokensKey(username)))?.endedAt ?? null;
}

/**
 * Drops the expired tickets of every account's record, and the records left with nothing to keep
 * (an epoch that was never moved on needs no record: a missing one reads 0).
 */
export async function pruneAccountTokens(store: Store, now: number): Promise<void> {
  for (const key of await store.keys(PREFIX)) {
    const record = await store.get<AccountTokens>(key);
    if (record === undefined || record.tickets.every((t) => t.expiresAt > now)) continue;
    await store.update<AccountTokens>(key, (current) => {
      if (current === undefined) return undefined;
      const tickets = current.tickets.filter((t) => t.expiresAt > now);
      return tickets.length === 0 && current.epoch === 0 ? undefined : { ...current, tickets };
    });
  }
}
