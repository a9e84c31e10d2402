/**
 * Login tickets and sessions, kept in the provider's Store so every instance on it knows them.
 * Only a SHA-256 of each token is stored: a copy of the store does not let anyone in.
 *
 * - A login ticket is handed out after the right password (page one of the two-step login) and
 *   lets its holder try the one-time code a few times for a few minutes. An account holds at most
 *   a few at once, and expired ones are swept away.
 * - A session is handed out after the right code, as an HttpOnly, SameSite=Strict cookie. It ends
 *   after 30 minutes unused, and at the latest `sessionLifetimeMs` (12 hours) after the login,
 *   however often it is used: both on the simulated clock.
 * - A password change or a removed phone binding ends the account's tickets and sessions
 *   ({@link SessionBook.endAccountSessions}; see account-tokens.ts).
 */
import type { Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { digest } from '../core/hash/hash.js';
import { sha256 } from '../core/hash/sha256.js';
import { fromHex, toHex } from '../core/hex.js';
import { randomBytes, type RandomSource } from '../core/random.js';
import type { Store } from '../sim/store.js';
import { addTicket, endAccountSignIns, epochOf } from './account-tokens.js';
import { TicketSweeper } from './ticket-sweep.js';

/** How long a login ticket lives (simulated time). */
export const LOGIN_TICKET_TTL_MS = 5 * 60_000;
/** How many codes one ticket may try. */
export const LOGIN_TICKET_TRIES = 5;
/** How long a session lives without use (simulated time). */
export const SESSION_TTL_MS = 30 * 60_000;
/** How long a session lives at most, used or not (simulated time), unless the handler says otherwise. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;
/** The Store key prefix of login tickets (the rest is the SHA-256 of the ticket). */
export const TICKET_KEY_PREFIX = 'server:ticket:';
/** The Store key prefix of sessions (the rest is the SHA-256 of the session token). */
export const SESSION_KEY_PREFIX = 'server:session:';
/**
 * `sessionLifetimeMs` as an option gives it: a whole number of ms from a minute to 30 days, or
 * {@link SESSION_LIFETIME_MS} when absent.
 * @throws {InvalidArgumentError} for anything else
 */
export function checkSessionLifetime(value: unknown): number {
  const lifetime = value ?? SESSION_LIFETIME_MS;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 60_000 || lifetime > 30 * 86_400_000)
    throw new InvalidArgumentError(
      `"sessionLifetimeMs" must be a whole number of ms from 60000 to 2592000000, got ${describeValue(lifetime)}`,
    );
  return lifetime;
}

/** The name of the session cookie. */
export const SESSION_COOKIE = 'totp_lab_session';

/** A login ticket with one of its tries spent. */
export interface HeldTicket {
  readonly username: string;
  /** The account's epoch the ticket was issued in (a session opened with it carries it on). */
  readonly epoch: number;
  /** Ends the ticket (after a successful login). */
  drop(): Promise<void>;
}

// `epoch` and `endsAt` are absent in tickets and sessions of older versions: epoch 0, and the
// lifetime counted from the first use.
type Ticket = { username: string; expiresAt: number; tries: number; epoch?: number };
type Session = { username: string; expiresAt: number; endsAt?: number; epoch?: number };

/** Tickets and sessions on one Store and clock. */
export class SessionBook {
  readonly #sweeper: TicketSweeper;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly sessionLifetimeMs: number = SESSION_LIFETIME_MS,
  ) {
    this.#sweeper = new TicketSweeper(store, TICKET_KEY_PREFIX, LOGIN_TICKET_TTL_MS);
  }

  /** A new login ticket for `username`. */
  async issueTicket(username: string): Promise<{ ticket: string; expiresAt: number }> {
    const { token: ticket, key } = newToken(TICKET_KEY_PREFIX, this.random);
    const now = this.clock.now();
    const expiresAt = now + LOGIN_TICKET_TTL_MS;
    const { epoch, dropped } = await addTicket(this.store, username, key, expiresAt, now);
    await this.store.update<Ticket>(key, () => ({ username, expiresAt, tries: 0, epoch }));
    for (const old of dropped) await this.store.update(old, () => undefined);
    // The account's tickets were ended between listing this one and writing it: it goes too.
    if ((await epochOf(this.store, username)) !== epoch) await this.store.update(key, () => undefined);
    await this.#sweeper.maybeSweep(now);
    return { ticket, expiresAt };
  }

  /** Spends one try of `ticket`: the ticket held, when it is valid, else null (and the spent ticket is gone). */
  async useTicket(ticket: string): Promise<HeldTicket | null> {
    const key = tokenKey(TICKET_KEY_PREFIX, ticket);
    if (key === null) return null;
    const now = this.clock.now();
    let held: { username: string; epoch: number } | null = null;
    await this.store.update<Ticket>(key, (current) => {
      held = null;
      if (current === undefined || current.expiresAt <= now || current.tries >= LOGIN_TICKET_TRIES) return undefined;
      held = { username: current.username, epoch: current.epoch ?? 0 };
      return { ...current, tries: current.tries + 1 };
    });
    const found = held as { username: string; epoch: number } | null;
    if (found === null) return null;
    // Ending an account's tickets removes them (every open one is listed with the account), so a
    // ticket found here is live: no read of the account's epoch on this, the hot path of a login.
    // The key is kept for drop(): hashing the token again would cost as much as a store write.
    return { ...found, drop: () => this.store.update(key, () => undefined).then(() => undefined) };
  }

  /** A new session for `username` (in `epoch`, the held ticket's; else the account's now); returns its token. */
  async openSession(username: string, epoch?: number): Promise<string> {
    const { token, key } = newToken(SESSION_KEY_PREFIX, this.random);
    const now = this.clock.now();
    const stamp = epoch ?? (await epochOf(this.store, username));
    await this.store.update<Session>(key, () => ({
      username,
      expiresAt: Math.min(now + SESSION_TTL_MS, now + this.sessionLifetimeMs),
      endsAt: now + this.sessionLifetimeMs,
      epoch: stamp,
    }));
    return token;
  }

  /** The username of a live session (and its idle time restarted, up to its lifetime), or null. */
  async sessionUser(token: string | null): Promise<string | null> {
    const key = token === null ? null : tokenKey(SESSION_KEY_PREFIX, token);
    if (key === null) return null;
    const now = this.clock.now();
    let live: { username: string; epoch: number } | null = null;
    await this.store.update<Session>(key, (current) => {
      live = null;
      if (current === undefined || current.expiresAt <= now) return undefined;
      const endsAt = current.endsAt ?? now + this.sessionLifetimeMs;
      if (endsAt <= now) return undefined;
      live = { username: current.username, epoch: current.epoch ?? 0 };
      return { ...current, expiresAt: Math.min(now + SESSION_TTL_MS, endsAt), endsAt };
    });
    const found = live as { username: string; epoch: number } | null;
    if (found === null) return null;
    // Not removed when the epoch has moved on: it may be the session a change was made in, about
    // to be stamped again. It ends unused within SESSION_TTL_MS.
    return found.epoch === (await epochOf(this.store, found.username)) ? found.username : null;
  }

  /**
   * Ends every login ticket and session of `username` (after a password change or a removed phone
   * binding), but the session of `keep`, when it is one of that account's: the one the change was
   * made in.
   */
  async endAccountSessions(username: string, keep: string | null = null): Promise<void> {
    const epoch = await endAccountSignIns(this.store, username, this.clock.now());
    const kept = keep === null ? null : tokenKey(SESSION_KEY_PREFIX, keep);
    if (kept !== null)
      await this.store.update<Session>(kept, (current) =>
        current !== undefined && current.username === username ? { ...current, epoch } : current,
      );
  }

  /** Ends a session. */
  async closeSession(token: string | null): Promise<void> {
    const key = token === null ? null : tokenKey(SESSION_KEY_PREFIX, token);
    if (key !== null) await this.store.update(key, () => undefined);
  }
}

/** The session token in a Cookie header, or null. */
export function sessionCookieOf(header: string | null): string | null {
  if (header === null) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return null;
}

/** The Set-Cookie value for a session token (or for ending one, with null). */
export function sessionCookie(token: string | null, secure: boolean): string {
  const attributes = secure ? 'Path=/; HttpOnly; SameSite=Strict; Secure' : 'Path=/; HttpOnly; SameSite=Strict';
  if (token === null) return `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`;
  return `${SESSION_COOKIE}=${token}; ${attributes}`;
}

/** A new token (32 random bytes as hex) and its Store key under `prefix`. */
export function newToken(prefix: string, random: RandomSource): { token: string; key: string } {
  const bytes = randomBytes(32, random);
  return { token: toHex(bytes), key: keyOf(prefix, bytes) };
}

/** The Store key of a token: `prefix` and the SHA-256 of its bytes; null when it is not 64 lower-case hex digits. */
export function tokenKey(prefix: string, token: string): string | null {
  const bytes = token.length === 64 ? fromHex(token, true) : null;
  return bytes === null ? null : keyOf(prefix, bytes);
}

// Synchronous SHA-256 (the library's own, FIPS 180-4) of the token's 32 bytes: one compression,
// about half a microsecond, where WebCrypto's digest goes through a job queue and a promise and cost
// a fifth of a login check (and the token's 64 hex characters would take two compressions).
function keyOf(prefix: string, bytes: Uint8Array): string {
  return prefix + toHex(digest(sha256, bytes));
}
