/**
 * The training room over HTTP. Behind the control token: the room view (every account on the
 * service, its stage, and its last refusals with the hidden reason and what to tell the
 * participant, from the provider's attempt trail in the Store, so every instance answers alike),
 * and the trainer link (a one-time link exchanged for a control session cookie). A participant's
 * own inbox is in inbox-routes.ts.
 */
import { systemClock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { AccountStatus } from '../sim/provider/account-status.js';
import { isLanguage, type Language } from '../sim/language.js';
import { readJsonObject } from './body.js';
import { HttpError, json } from './http-error.js';
import type { Route, RouteContext } from './route.js';
import {
  controlCookie,
  controlCookieOf,
  controlSessionLive,
  endControlSession,
  issueTrainerLink,
  redeemTrainerLink,
} from './trainer-link.js';

/** Where an account is on its way to a working login, as the room view names it. */
export type RoomStage =
  'registered' | 'qr-shown' | 'confirmed' | 'deletion-code-saved' | 'active' | 'locked' | 'password-expired';

/** The most accounts one room view lists, and the refusals it shows of each. */
export const ROOM_MAX_ACCOUNTS = 200;
export const ROOM_ATTEMPTS = 5;

/** An account's stage: a lock or an expired password first, then how far its setup has come. */
export function stageOf(s: AccountStatus): RoomStage {
  if (s.locked || s.password === 'expired-locked') return 'locked';
  if (s.password === 'expired') return 'password-expired';
  if (s.pending) return s.pending.confirmed ? 'confirmed' : 'qr-shown';
  if (s.secondFactor === 'pending-activation') return 'deletion-code-saved';
  return s.secondFactor === 'active' ? 'active' : 'registered';
}

async function roomAccount(c: RouteContext, key: string, language: Language) {
  const username = key.slice('account:'.length);
  const [status, why, record] = await Promise.all([
    c.provider.accountStatus(username),
    c.provider.explainAttempts(username, { language, limit: ROOM_ATTEMPTS }),
    c.store.get<{ email?: string }>(key),
  ]);
  return {
    username,
    email: typeof record?.email === 'string' ? record.email : null,
    stage: stageOf(status),
    factor: status.factor,
    activeFrom: status.activeFrom,
    passwordFailures: status.passwordFailures,
    // Newest first: the one to act on is at the top.
    attempts: why.attempts
      .reverse()
      .map((a) => ({ time: a.time, event: a.event, reason: a.reason, text: a.text, advice: a.advice })),
  };
}

function languageOf(c: RouteContext): Language {
  const given = c.url.searchParams.get('lang');
  if (given === null) return c.provider.language;
  if (!isLanguage(given)) throw new InvalidArgumentError(`"lang" must be hu or en, got ${describeValue(given)}`);
  return given;
}

export const ROOM_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/control/room',
    async run(c) {
      const language = languageOf(c);
      const keys = (await c.store.keys('account:')).slice(0, ROOM_MAX_ACCOUNTS);
      const accounts = await Promise.all(keys.map((key) => roomAccount(c, key, language)));
      return json(200, {
        now: (c.clock ?? systemClock).now(),
        language,
        fault: c.provider.faults.active(),
        accounts,
      });
    },
  },
  {
    method: 'POST',
    path: '/control/trainer-link',
    run: async (c) => json(201, { link: await issueTrainerLink(c.store, c.random) }),
  },
  {
    method: 'POST',
    path: '/control/session',
    open: true,
    async run(c) {
      const body = await readJsonObject(c.request, ['link']);
      const token = typeof body['link'] === 'string' ? await redeemTrainerLink(c.store, body['link'], c.random) : null;
      if (token === null)
        throw new HttpError(401, 'UNAUTHORIZED', 'the trainer link is unknown, used already or expired');
      return json(200, { trainer: true }, { 'Set-Cookie': controlCookie(token, c.secureCookies) });
    },
  },
  {
    method: 'GET',
    path: '/control/session',
    open: true,
    run: async (c) =>
      json(200, { trainer: await controlSessionLive(c.store, controlCookieOf(c.request.headers.get('cookie'))) }),
  },
  {
    method: 'DELETE',
    path: '/control/session',
    open: true,
    async run(c) {
      await endControlSession(c.store, controlCookieOf(c.request.headers.get('cookie')));
      return json(204, null, { 'Set-Cookie': controlCookie(null, c.secureCookies) });
    },
  },
];
