/**
 * Login tickets and sessions, kept in the provider's Store so every instance on it knows them.
 * Only a SHA-256 of each token is stored: a copy of the store does not let anyone in.
 *
 * - A login ticket is handed out after the right password (page one of the two-step login) and
 *   lets its holder try the one-time code a few times for a few minutes.
 * - A session is handed out after the right code, as an HttpOnly, SameSite=Strict cookie.
 */
import type { Clock } from '../core/clock.js';
import { digest } from '../core/hash/hash.js';
import { sha256 } from '../core/hash/sha256.js';
import { fromHex, toHex } from '../core/hex.js';
import { randomBytes, type RandomSource } from '../core/random.js';
import type { Store } from '../sim/store.js';

/** How long a login ticket lives (simulated time). */
export const LOGIN_TICKET_TTL_MS = 5 * 60_000;
/** How many codes one ticket may try. */
export const LOGIN_TICKET_TRIES = 5;
/** How long a session lives without use (simulated time). */
export const SESSION_TTL_MS = 30 * 60_000;
/** The Store key prefix of login tickets (the rest is the SHA-256 of the ticket). */
export const TICKET_KEY_PREFIX = 'server:ticket:';
/** The Store key prefix of sessions (the rest is the SHA-256 of the session token). */
export const SESSION_KEY_PREFIX = 'server:session:';
/** The name of the session cookie. */
export const SESSION_COOKIE = 'totp_lab_session';

/** A login ticket with one of its tries spent. */
export interface HeldTicket {
  readonly username: string;
  /** Ends the ticket (after a successful login). */
  drop(): Promise<void>;
}

type Ticket = { username: string; expiresAt: number; tries: number };
type Session = { username: string; expiresAt: number };

/** Tickets and sessions on one Store and clock. */
export class SessionBook {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  /** A new login ticket for `username`. */
  async issueTicket(username: string): Promise<{ ticket: string; expiresAt: number }> {
    const { token: ticket, key } = newToken(TICKET_KEY_PREFIX, this.random);
    const expiresAt = this.clock.now() + LOGIN_TICKET_TTL_MS;
    await this.store.update<Ticket>(key, () => ({
      username,
      expiresAt,
      tries: 0,
    }));
    return { ticket, expiresAt };
  }

  /** Spends one try of `ticket`: the ticket held, when it is valid, else null (and the spent ticket is gone). */
  async useTicket(ticket: string): Promise<HeldTicket | null> {
    const key = tokenKey(TICKET_KEY_PREFIX, ticket);
    if (key === null) return null;
    const now = this.clock.now();
    let username: string | null = null;
    await this.store.update<Ticket>(key, (current) => {
      if (current === undefined || current.expiresAt <= now || current.tries >= LOGIN_TICKET_TRIES) return undefined;
      username = current.username;
      return { ...current, tries: current.tries + 1 };
    });
    if (username === null) return null;
    // The key is kept for drop(): hashing the token again would cost as much as a store write.
    return { username, drop: () => this.store.update(key, () => undefined).then(() => undefined) };
  }

  /** A new session for `username`; returns its token. */
  async openSession(username: string): Promise<string> {
    const { token, key } = newToken(SESSION_KEY_PREFIX, this.random);
    const expiresAt = this.clock.now() + SESSION_TTL_MS;
    await this.store.update<Session>(key, () => ({ username, expiresAt }));
    return token;
  }

  /** The username of a live session (and its life extended), or null. */
  async sessionUser(token: string | null): Promise<string | null> {
    const key = token === null ? null : tokenKey(SESSION_KEY_PREFIX, token);
    if (key === null) return null;
    const now = this.clock.now();
    let username: string | null = null;
    await this.store.update<Session>(key, (current) => {
      if (current === undefined || current.expiresAt <= now) return undefined;
      username = current.username;
      return { ...current, expiresAt: now + SESSION_TTL_MS };
    });
    return username;
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
