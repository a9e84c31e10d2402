/**
 * The trainer's way into the control API from a browser, with nothing reusable left in its
 * history: a one-time link (printed by `totp-lab serve --api`, or asked for with the bearer token)
 * that the page exchanges once for a control session cookie (HttpOnly, SameSite=Strict, scoped to
 * /control). Links and sessions are kept in the Store as SHA-256 hashes, like login sessions, so
 * every instance on the store knows them. Their lifetimes run on real time: a trainer who moves
 * the simulated clock by a year must not lose the controls.
 */
import { systemClock, type Clock } from '../core/clock.js';
import { cryptoRandom, type RandomSource } from '../core/random.js';
import type { Store } from '../sim/store.js';
import { newToken, tokenKey } from './sessions.js';

/** How long a trainer link stays usable if nobody opens it (real time). */
export const TRAINER_LINK_TTL_MS = 24 * 3_600_000;
/** How long a control session lives (real time). */
export const CONTROL_SESSION_TTL_MS = 12 * 3_600_000;
/** The name of the control session cookie. */
export const CONTROL_COOKIE = 'totp_lab_control';

const LINK_PREFIX = 'server:trainer-link:';
const SESSION_PREFIX = 'server:control-session:';

type Expiring = { expiresAt: number };

/**
 * A new one-time trainer link code: put it after `#trainer=` in the page's address.
 * @example
 * const code = await issueTrainerLink(store);
 * console.log(`${url}#trainer=${code}`);
 */
export async function issueTrainerLink(
  store: Store,
  random: RandomSource = cryptoRandom,
  clock: Clock = systemClock,
): Promise<string> {
  const { token, key } = newToken(LINK_PREFIX, random);
  await store.update<Expiring>(key, () => ({ expiresAt: clock.now() + TRAINER_LINK_TTL_MS }));
  return token;
}

/** Spends `link` (once and for all) for a new control session token; null when it is unknown, spent or expired. */
export async function redeemTrainerLink(
  store: Store,
  link: string,
  random: RandomSource,
  clock: Clock = systemClock,
): Promise<string | null> {
  const key = tokenKey(LINK_PREFIX, link);
  if (key === null) return null;
  const now = clock.now();
  let live = false;
  // One atomic update reads and removes it: two tabs opening the same link cannot both get in.
  await store.update<Expiring>(key, (current) => {
    live = current !== undefined && current.expiresAt > now;
    return undefined;
  });
  if (!live) return null;
  const session = newToken(SESSION_PREFIX, random);
  await store.update<Expiring>(session.key, () => ({ expiresAt: now + CONTROL_SESSION_TTL_MS }));
  return session.token;
}

/** True when `token` is a live control session. */
export async function controlSessionLive(
  store: Store,
  token: string | null,
  clock: Clock = systemClock,
): Promise<boolean> {
  const key = token === null ? null : tokenKey(SESSION_PREFIX, token);
  if (key === null) return false;
  const session = await store.get<Expiring>(key);
  return session !== undefined && session.expiresAt > clock.now();
}

/** Ends a control session. */
export async function endControlSession(store: Store, token: string | null): Promise<void> {
  const key = token === null ? null : tokenKey(SESSION_PREFIX, token);
  if (key !== null) await store.update(key, () => undefined);
}

/** The control session token in a Cookie header, or null. */
export function controlCookieOf(header: string | null): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CONTROL_COOKIE) return rest.join('=');
  }
  return null;
}

/** The Set-Cookie value for a control session token (or for ending one, with null). */
export function controlCookie(token: string | null, secure: boolean): string {
  const attributes = `Path=/control; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return token === null ? `${CONTROL_COOKIE}=; Max-Age=0; ${attributes}` : `${CONTROL_COOKIE}=${token}; ${attributes}`;
}
