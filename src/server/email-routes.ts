/**
 * The e-mail second factor and password age over HTTP: the e-mailed login code for a login ticket
 * ("Kód küldése", answering the 3-digit session number the mail repeats), choosing e-mail as the
 * factor (the password and a proof of the current factor → a confirmation code by mail), and the
 * password change (required once a password has expired). The control API's mailbox, where test
 * suites read the mail, is in mailbox-routes.ts.
 */
import type { Refusal } from '../sim/context.js';
import { readJsonObject } from './body.js';
import { HttpError, json } from './http-error.js';
import type { ApiAnswer } from './exchange.js';
import { resultResponse, type Route, type RouteContext } from './route.js';
import type { HeldTicket } from './sessions.js';

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
    return result.ok ? json(200, result) : refusalAnswer(result);
  }),
  post('/api/email-factor/confirm', async (c) => {
    const body = await readJsonObject(c.request, ['setupId', 'code']);
    return resultResponse(await c.provider.confirmEmailFactor(body as never));
  }),
  post('/api/password', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'newPassword']);
    const result = await c.provider.changePassword(body as never);
    return result.ok ? json(200, result) : refusalAnswer(result);
  }),
];
