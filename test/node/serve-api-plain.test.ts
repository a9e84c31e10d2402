// The Node listener calls createProviderHandler's plain-data entry instead of building Fetch
// objects. Two identical, deterministic services answer the same requests, one through the Fetch
// handler and one over HTTP through the listener: every answer must be the same (status, body,
// headers) and valid against the OpenAPI document.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, generateCode, manualClock } from '../../src/index.js';
import { serveHandler } from '../../src/node/index.js';
import { createProviderHandler, createSharedClock, type FetchHandler } from '../../src/server/index.js';
import { seededRandom } from '../../src/testing/index.js';
import { PASSWORD, T0, TOKEN, checkAnswer } from '../server/api-client.js';
import { raw } from './raw-http.js';

const ORIGIN = 'http://app.example';
// Headers only an HTTP server adds; everything else must match.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

function service(): FetchHandler {
  const store = new MemoryStore();
  const clock = createSharedClock(store, manualClock(T0 + 5_000));
  const provider = createProvider({
    store,
    clock,
    hashing: LOW_COST_HASHING_FOR_TESTS,
    language: 'en',
    random: seededRandom('provider'),
    wait: async () => undefined,
  });
  return createProviderHandler(provider, {
    store,
    clock,
    controlToken: TOKEN,
    corsOrigins: [ORIGIN],
    random: seededRandom('sessions'),
  });
}

type Sent = { method: string; path: string; body?: string; headers?: Record<string, string> };
type Seen = { status: number; text: string; headers: Map<string, string>; cookies: string[] };

let server: Awaited<ReturnType<typeof serveHandler>>;
let viaFetch: FetchHandler;
beforeAll(async () => {
  viaFetch = service();
  server = await serveHandler(service(), { port: 0, allowedOrigins: [ORIGIN] });
});
afterAll(() => server.close());

async function seen(response: Response): Promise<Seen> {
  const headers = new Map<string, string>();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers.set(name, value);
  });
  return { status: response.status, text: await response.text(), headers, cookies: response.headers.getSetCookie() };
}

/** Sends `sent` both ways, checks that the answers agree and are documented; the parsed body. */
async function both(sent: Sent): Promise<{ status: number; body: any; cookies: string[] }> {
  const url = new URL(sent.path, server.url).href;
  const init = (): RequestInit => ({
    method: sent.method,
    headers: sent.headers ?? {},
    ...(sent.body !== undefined && { body: sent.body }),
  });
  const fetchAnswer = await seen(await viaFetch(new Request(url, init())));
  const nodeResponse = await fetch(url, init());
  const nodeAnswer = await seen(nodeResponse.clone());
  // The document describes bodies; a HEAD answer has none and a CORS preflight is not an operation.
  if (sent.method !== 'HEAD' && sent.method !== 'OPTIONS') await checkAnswer(sent.method, url, nodeResponse);
  const what = `${sent.method} ${sent.path}`;
  expect(nodeAnswer.status, what).toBe(fetchAnswer.status);
  expect(nodeAnswer.cookies, what).toEqual(fetchAnswer.cookies);
  expect(sent.method === 'HEAD' ? '' : nodeAnswer.text, what).toBe(sent.method === 'HEAD' ? '' : fetchAnswer.text);
  for (const [name, value] of fetchAnswer.headers) expect(nodeAnswer.headers.get(name), `${what}: ${name}`).toBe(value);
  for (const name of nodeAnswer.headers.keys())
    if (!fetchAnswer.headers.has(name)) expect(TRANSPORT.has(name), `${what}: extra header ${name}`).toBe(true);
  return {
    status: fetchAnswer.status,
    body: fetchAnswer.text === '' ? null : JSON.parse(fetchAnswer.text),
    cookies: fetchAnswer.cookies,
  };
}

const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}): Sent => ({
  method,
  path,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
const control = (method: string, path: string, body?: unknown): Sent =>
  body === undefined
    ? { method, path, headers: { authorization: `Bearer ${TOKEN}` } }
    : json(method, path, body, { authorization: `Bearer ${TOKEN}` });

describe('the Node listener on the plain-data entry', () => {
  it('answers a whole login exactly as the Fetch handler does', async () => {
    const username = 'kovacs.janos';
    expect((await both({ method: 'GET', path: '/openapi.json' })).status).toBe(200);
    expect((await both({ method: 'HEAD', path: '/openapi.json' })).status).toBe(200);
    expect(
      (await both(json('POST', '/api/register', { username, password: PASSWORD, email: 'j@example.hu' }))).status,
    ).toBe(201);
    expect(
      (await both(json('POST', '/api/register', { username, password: PASSWORD, email: 'j@example.hu' }))).status,
    ).toBe(409);
    const started = await both(json('POST', '/api/enrollment', { username, password: PASSWORD }));
    expect(started.status).toBe(200);
    const now = (await both(control('GET', '/control/clock'))).body.now as number;
    const code = generateCode(started.body.secret, { clock: { now: () => now } });
    const confirmed = await both(
      json('POST', '/api/enrollment/confirm', { enrollmentId: started.body.enrollmentId, code }),
    );
    expect(confirmed.status).toBe(200);
    const finished = await both(
      json('POST', '/api/enrollment/finish', { enrollmentId: started.body.enrollmentId, deletionCodeSaved: true }),
    );
    expect(finished.status).toBe(200);
    expect((await both(control('POST', '/control/clock/advance', { ms: 30_000 }))).status).toBe(200);
    const login = await both(json('POST', '/api/login', { username, password: PASSWORD }));
    expect(login.status).toBe(200);
    const right = generateCode(started.body.secret, { clock: { now: () => now + 30_000 } });
    const ok = await both(json('POST', '/api/login/code', { loginTicket: login.body.loginTicket, code: right }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.cookies).toHaveLength(1);
    expect(ok.cookies[0]).toMatch(/; HttpOnly; SameSite=Strict/);
    const cookie = ok.cookies[0]!.split(';')[0]!;
    const me = await both({ method: 'GET', path: '/api/me', headers: { cookie } });
    expect(me.body.username).toBe(username);
    expect((await both({ method: 'POST', path: '/api/logout', headers: { cookie } })).status).toBe(204);
    expect((await both({ method: 'GET', path: '/api/me', headers: { cookie } })).status).toBe(401);
    const again = await both(json('POST', '/api/login', { username, password: PASSWORD }));
    const wrong = await both(json('POST', '/api/login/code', { loginTicket: again.body.loginTicket, code: '000000' }));
    expect(wrong.status).toBe(401);
  });

  it('refuses bad requests with the same errors', async () => {
    const cases: Array<[Sent, number]> = [
      [{ method: 'POST', path: '/api/login', body: '{}', headers: { 'content-type': 'text/plain' } }, 415],
      [json('POST', '/api/login', '{"username":'), 400],
      [json('POST', '/api/login', { username: 'a', password: 'b', extra: 1 }), 400],
      [json('POST', '/api/login', { username: 'a', password: 'x'.repeat(20_000) }), 413],
      [json('POST', '/api/login', '"\u00e9"'.replace('\u00e9', '\ud800')), 400],
      [{ method: 'DELETE', path: '/api/login' }, 405],
      [{ method: 'GET', path: '/nope' }, 404],
      [{ method: 'GET', path: '/control/clock' }, 401],
      [{ method: 'GET', path: '/control/clock', headers: { authorization: 'Bearer wrong-token-of-some-length' } }, 401],
      [{ method: 'GET', path: '/control/accounts/%E0%A4%A', headers: { authorization: `Bearer ${TOKEN}` } }, 400],
    ];
    for (const [sent, status] of cases) expect((await both(sent)).status, `${sent.method} ${sent.path}`).toBe(status);
  });

  it('answers an allowed origin with the same CORS headers, preflight included', async () => {
    const preflight = await both({
      method: 'OPTIONS',
      path: '/api/login',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const answer = await both(json('POST', '/api/login', { username: 'nobody', password: 'x' }, { origin: ORIGIN }));
    expect(answer.status).toBe(401);
  });

  it('reads a body sent in pieces, and keeps serving after a client leaves in the middle of one', async () => {
    const body = JSON.stringify({ username: 'nobody', password: 'not-the-password' });
    const head = `POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const pieces = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        data += chunk;
        if (data.includes('\r\n\r\n{')) {
          socket.destroy();
          resolve(data);
        }
      });
      socket.on('error', reject);
      socket.write(head + body.slice(0, 10));
      setTimeout(() => socket.write(body.slice(10, 30)), 30);
      setTimeout(() => socket.write(body.slice(30)), 60);
    });
    expect(pieces).toMatch(/^HTTP\/1\.1 401 /);
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(head + body.slice(0, 10));
        setTimeout(() => socket.destroy(), 20);
      });
      socket.on('close', () => resolve());
    });
    const after = await raw(
      server.port,
      `GET /openapi.json HTTP/1.1\nHost: 127.0.0.1:${server.port}\nConnection: close\n`,
    );
    expect(after.status).toBe(200);
  });
});
