/**
 * The e-mail second factor and password age over HTTP: the e-mailed login code for a login ticket
 * ("Kód küldése", answering the 3-digit session number the mail repeats), choosing e-mail as the
 * factor (the password and a proof of the current factor → a confirmation code by mail), and the
 * password change (in a session that passed the second factor, or with its code; with the password
 * alone only once it has expired). The control API's mailbox, where test suites read the mail, is
 * in mailbox-routes.ts.
 */
import type { Refusal } from '../sim/context.js';
import type { MessageKey } from '../sim/messages.js';
import { readUsername } from '../sim/provider/credentials.js';
import { readJsonObject } from './body.js';
import { HttpError, json } from './http-error.js';
import type { ApiAnswer } from './exchange.js';
import { resultResponse, type Route, type RouteContext } from './route.js';
import { sessionCookieOf, type HeldTicket } from './sessions.js';

const post = (path: string, run: Route['run']): Route => ({ method: 'POST', path, run });

/** A live login ticket, one of its tries spent, or a 401. */
export async function ticketUser(c: RouteContext, ticket: unknown): Promise<HeldTicket> {
  const held = typeof ticket === 'string' ? await c.sessions.useTicket(ticket) : null;
  if (held === null)
    throw new HttpError(
      401,
      'LOGIN_TICKET_INVALID',
      'the login ticket is unknown, used up or expired: log in with the password again',
    );
  return held;
}

/** A refusal whose kind has its own status: an expired password (403), mail not sent (502). */
export function refusalAnswer(result: Refusal): ApiAnswer {
  if (result.messageKey === 'password.expired') return json(403, result);
  if (result.messageKey === 'emailCode.notSent') return json(502, result);
  return resultResponse(result);
}

export const EMAIL_ROUTES: readonly Route[] = [
  post('/api/login/email-code', async (c) => {
    const body = await readJsonObject(c.request, ['loginTicket']);
    const { username } = await ticketUser(c, body['loginTicket']);
    const result = await c.provider.sendEmailCode({ username });
    return result.ok ? json(200, result) : refusalAnswer(result);
  }),
  post('/api/email-factor', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'code', 'deletionCode']);
    const result = await c.provider.startEmailFactor(body as never);
    // The törlőkód was redeemed unless its own check refused it (a later refusal, such as a resend
    // limit, comes after the binding is gone): the account's sessions and tickets end with it.
    if (body['deletionCode'] !== undefined && (result.ok || !isRedeemRefusal(result)))
      await c.sessions.endAccountSessions(readUsername(body['username']));
    return result.ok ? json(200, result) : refusalAnswer(result);
  }),
  post('/api/email-factor/confirm', async (c) => {
    const body = await readJsonObject(c.request, ['setupId', 'code']);
    return resultResponse(await c.provider.confirmEmailFactor(body as never));
  }),
  post('/api/password', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'newPassword', 'code']);
    const username = readUsername(body['username']);
    const token = sessionCookieOf(c.request.headers.get('cookie'));
    // A session of this account has passed the second factor; without one, its code is required
    // (the provider lets the password alone through only once it has expired, or without a factor).
    const inSession = token !== null && (await c.sessions.sessionUser(token)) === username;
    const { code, ...rest } = body;
    const result = await c.provider.changePassword((inSession ? rest : { ...rest, code: code ?? '' }) as never);
    if (!result.ok) return refusalAnswer(result);
    await c.sessions.endAccountSessions(username, inSession ? token : null);
    return json(200, result);
  }),
];

/** The refusals of the törlőkód's own check, after which the binding is still there. */
const REDEEM_REFUSALS: ReadonlySet<MessageKey> = new Set(['deletionCode.wrong', 'code.throttled', 'password.expired']);

function isRedeemRefusal(result: Refusal): boolean {
  return result.fault !== undefined || REDEEM_REFUSALS.has(result.messageKey);
}
