/**
 * The user-facing flows of the simulated site, as on Ügyfélkapu+: register; login in two steps
 * (password → login ticket → one-time code → session cookie); me; logout; enrollment (start →
 * confirm, with the törlőkód shown once → finish, only with the saved acknowledgement); device change
 * ("Beállítás másik eszközre"); törlőkód redemption; and (email-routes.ts) the e-mail factor and the
 * password change. Passwords travel only in JSON bodies.
 */
import type { EnrollmentStarted } from '../sim/provider/enrollment.js';
import { readJsonObject } from './body.js';
import { CLOCK_ROUTE } from './clock-route.js';
import { EMAIL_ROUTES, refusalAnswer, ticketUser } from './email-routes.js';
import { HttpError, json } from './http-error.js';
import { resultResponse, type Route, type RouteContext } from './route.js';
import { sessionCookie, sessionCookieOf } from './sessions.js';

const post = (path: string, run: Route['run']): Route => ({ method: 'POST', path, run });

export const SITE_ROUTES: readonly Route[] = [
  CLOCK_ROUTE,
  post('/api/register', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'email']);
    return resultResponse(await c.provider.register(body as never), 201);
  }),
  post('/api/login', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password']);
    const result = await c.provider.verifyPassword(body as never);
    if (!result.ok) return refusalAnswer(result);
    const { ticket, expiresAt } = await c.sessions.issueTicket(result.username);
    return json(200, {
      ok: true,
      loginTicket: ticket,
      expiresAt,
      secondFactor: result.secondFactor,
      ...(result.passwordWarning !== undefined && { passwordWarning: result.passwordWarning }),
    });
  }),
  post('/api/login/code', async (c) => {
    const body = await readJsonObject(c.request, ['loginTicket', 'code']);
    const ticket = await ticketUser(c, body['loginTicket']);
    const result = await c.provider.verifySecondFactor({ username: ticket.username, code: body['code'] as string });
    if (!result.ok) return resultResponse(result);
    await ticket.drop();
    const token = await c.sessions.openSession(ticket.username, ticket.epoch);
    return resultResponse(result, 200, { 'Set-Cookie': sessionCookie(token, c.secureCookies) });
  }),
  {
    method: 'GET',
    path: '/api/me',
    async run(c) {
      const username = await c.sessions.sessionUser(sessionCookieOf(c.request.headers.get('cookie')));
      if (username === null) throw new HttpError(401, 'UNAUTHORIZED', 'not logged in');
      return json(200, { username, account: await c.provider.accountStatus(username) });
    },
  },
  post('/api/logout', async (c) => {
    await c.sessions.closeSession(sessionCookieOf(c.request.headers.get('cookie')));
    return json(204, null, { 'Set-Cookie': sessionCookie(null, c.secureCookies) });
  }),
  post('/api/enrollment', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'code']);
    return started(c, await c.provider.startEnrollment(body as never));
  }),
  post('/api/enrollment/confirm', async (c) => {
    const body = await readJsonObject(c.request, ['enrollmentId', 'code']);
    return resultResponse(await c.provider.confirmEnrollment(body as never));
  }),
  post('/api/enrollment/finish', async (c) => {
    const body = await readJsonObject(c.request, ['enrollmentId', 'deletionCodeSaved']);
    return resultResponse(await c.provider.finishEnrollment(body as never));
  }),
  post('/api/enrollment/abandon', async (c) => {
    const body = await readJsonObject(c.request, ['enrollmentId']);
    return resultResponse(await c.provider.abandonEnrollment(body as never));
  }),
  post('/api/device-change', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'code']);
    return started(c, await c.provider.startDeviceChange(body as never));
  }),
  post('/api/deletion-code', async (c) => {
    const body = await readJsonObject(c.request, ['username', 'password', 'deletionCode']);
    const result = await c.provider.redeemDeletionCode(body as never);
    if (!result.ok) return refusalAnswer(result);
    // The phone binding is gone: so are the sessions and login tickets that relied on it.
    await c.sessions.endAccountSessions(result.username);
    return resultResponse(result);
  }),
  ...EMAIL_ROUTES,
];

/** A started enrollment or device change, with the QR code when the handler can draw one. */
function started(c: RouteContext, result: Awaited<ReturnType<RouteContext['provider']['startEnrollment']>>) {
  if (!result.ok) return refusalAnswer(result);
  if (c.qr === undefined) return resultResponse(result);
  const picture = c.qr((result as EnrollmentStarted).keyUri);
  return json(200, { ...result, qr: { svg: picture.svg, png: toBase64(picture.png) } });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
