/**
 * A participant's own inbox, for a page in a room: opened with the account's password (the login's
 * password step, with its lockout) and then kept by a cookie of its own, never by the control token.
 * It reads the service's mailbox (see control-mailbox.ts): with `totp-lab serve --api` that is the
 * mailbox kept in the Store, so the mail any instance on it sent shows on whichever one the
 * participant's browser reaches.
 */
import { systemClock } from '../core/clock.js';
import type { MailMessage } from '../sim/mailer.js';
import { readJsonObject } from './body.js';
import { refusalAnswer } from './email-routes.js';
import { HttpError, json } from './http-error.js';
import type { Route, RouteContext } from './route.js';
import { newToken, tokenKey } from './sessions.js';

/** A participant's inbox session (real time, like the trainer's: the simulated clock may jump). */
const INBOX_PREFIX = 'server:inbox:';
const INBOX_COOKIE = 'totp_lab_inbox';
const INBOX_TTL_MS = 12 * 3_600_000;

const inboxCookie = (token: string, secure: boolean) =>
  `${INBOX_COOKIE}=${token}; Path=/api/inbox; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

function inboxCookieOf(header: string | null): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === INBOX_COOKIE) return rest.join('=');
  }
  return null;
}

/** The username whose inbox this request's cookie opened. */
async function inboxHolder(c: RouteContext): Promise<string> {
  const token = inboxCookieOf(c.request.headers.get('cookie'));
  const key = token === null ? null : tokenKey(INBOX_PREFIX, token);
  const held = key === null ? undefined : await c.store.get<{ username: string; expiresAt: number }>(key);
  if (held === undefined || held.expiresAt <= systemClock.now())
    throw new HttpError(401, 'UNAUTHORIZED', 'open the inbox with POST /api/inbox/open first');
  return held.username;
}

export const INBOX_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/inbox/open',
    async run(c) {
      const body = await readJsonObject(c.request, ['username', 'password']);
      // The password step itself, with its lockout: the inbox is no way round it.
      const checked = await c.provider.verifyPassword(body as never);
      if (!checked.ok && checked.messageKey !== 'password.expired') return refusalAnswer(checked);
      const username = checked.ok ? checked.username : String(body['username']).trim();
      const { token, key } = newToken(INBOX_PREFIX, c.random);
      await c.store.update(key, () => ({ username, expiresAt: systemClock.now() + INBOX_TTL_MS }));
      return json(200, { ok: true, username }, { 'Set-Cookie': inboxCookie(token, c.secureCookies) });
    },
  },
  {
    method: 'GET',
    path: '/api/inbox',
    async run(c) {
      const username = await inboxHolder(c);
      if (c.mailbox === null)
        throw new HttpError(409, 'INVALID_STATE', 'this service sends its mail through SMTP, so no mail is kept here');
      const account = await c.store.get<{ email?: string }>(`account:${username}`);
      const email = typeof account?.email === 'string' && account.email !== '' ? account.email : null;
      const kept = email === null ? [] : await c.mailbox.messages(email);
      // The mail as a mail client shows it, with when it arrived (a late mail keeps the time it was
      // sent, as its Date header would): the codes read out of it are for test suites, not here.
      const messages: (MailMessage & { arrivedAt: number })[] = kept.map(
        ({ to, from, subject, text, sentAt, arrivedAt }) => ({ to, from, subject, text, sentAt, arrivedAt }),
      );
      return json(200, { username, messages });
    },
  },
];
