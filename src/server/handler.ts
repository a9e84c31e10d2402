/**
 * createProviderHandler(): the simulated service as a standard Fetch-API handler, `(request) =>
 * Promise<Response>`, that runs unchanged in Node 20+, Deno, Bun and edge runtimes and mounts in
 * any framework that speaks Request/Response.
 */
import { constantTimeEqual } from '../core/constant-time.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { cryptoRandom, type RandomSource } from '../core/random.js';
import type { Provider } from '../sim/provider.js';
import type { Store } from '../sim/store.js';
import { CONTROL_ROUTES } from './control-routes.js';
import { controlMailboxOf } from './control-mailbox.js';
import { checkOrigins } from './cors-origins.js';
import { PLAIN_API, type ApiAnswer, type ApiRequest, type PlainApiHandler } from './exchange.js';
import { fetchApiRequest, fetchResponse } from './fetch-exchange.js';
import { API_HEADERS, HttpError, errorResponse } from './http-error.js';
import { openApiDocument } from './openapi.js';
import type { QrRenderer, Route, RouteContext } from './route.js';
import { SessionBook, checkSessionLifetime } from './sessions.js';
import type { SharedClock } from './shared-clock.js';
import { INBOX_ROUTES } from './inbox-routes.js';
import { ROOM_ROUTES } from './room-routes.js';
import { SITE_ROUTES } from './site-routes.js';
import { controlCookieOf, controlSessionLive } from './trainer-link.js';

/** Options of {@link createProviderHandler}. */
export interface ProviderHandlerOptions {
  /** The provider's Store: login tickets and sessions are kept there too, so every instance knows them. */
  store: Store;
  /** The provider's clock when it is shared ({@link createSharedClock}); needed for the clock routes. */
  clock?: SharedClock;
  /** The bearer token of the control API (at least 16 characters); without one the control API is off. */
  controlToken?: string;
  /** Origins allowed to call the API from a browser (CORS); none by default, and never `null`. */
  corsOrigins?: readonly string[];
  /**
   * The longest a session lives after its login, used or not, on the simulated clock (default
   * 12 hours; from a minute to 30 days). Unused, it ends after 30 minutes.
   */
  sessionLifetimeMs?: number;
  /** Mark the session cookie Secure (default: unless the request was made to a loopback host). */
  secureCookies?: boolean;
  /** Draws key URIs as QR codes in enrollment answers. */
  qr?: QrRenderer;
  /** Where session tokens come from (default: the platform CSPRNG). */
  random?: RandomSource;
}

/** A Fetch-API request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The HTTP API of `provider`. Unknown paths answer a JSON 404, so the handler can sit in front of
 * other routes only when its caller sends it the API paths (`/api/…`, `/control/…`, `/openapi.json`).
 * @throws {InvalidArgumentError} for a bad option
 * @example
 * const store = new MemoryStore();
 * const clock = createSharedClock(store);
 * const provider = createProvider({ store, clock });
 * const handler = createProviderHandler(provider, { store, clock, controlToken: 'a-long-random-token' });
 * const response = await handler(new Request('http://127.0.0.1/openapi.json'));
 *
 * The returned function also carries a plain-data entry under {@link PLAIN_API}, which the Node
 * listener of totp-lab/node calls instead, without building Fetch objects; both run the same code.
 */
export function createProviderHandler(provider: Provider, options: ProviderHandlerOptions): FetchHandler {
  if (typeof provider !== 'object' || provider === null || typeof provider.verifySecondFactor !== 'function') {
    throw new InvalidArgumentError(`"provider" must be a provider from createProvider, got ${describeValue(provider)}`);
  }
  if (typeof options !== 'object' || options === null || typeof options.store?.update !== 'function') {
    throw new InvalidArgumentError('"options.store" must be the Store the provider uses');
  }
  const token = options.controlToken;
  if (
    token !== undefined &&
    (typeof token !== 'string' || token.length < 16 || token.length > 256 || /\s/.test(token))
  ) {
    throw new InvalidArgumentError('"controlToken" must be 16 to 256 characters without spaces');
  }
  const cors = new Set(checkOrigins(options.corsOrigins, 'corsOrigins'));
  const random = options.random ?? cryptoRandom;
  const clock = options.clock;
  const lifetime = checkSessionLifetime(options.sessionLifetimeMs);
  const sessions = new SessionBook(options.store, clock ?? { now: () => Date.now() }, random, lifetime);
  const routes = compile([
    ...SITE_ROUTES,
    ...INBOX_ROUTES,
    ...(token === undefined ? [] : [...CONTROL_ROUTES, ...ROOM_ROUTES]),
  ]);
  const mailbox = controlMailboxOf(provider);
  const document = JSON.stringify(openApiDocument({ control: token !== undefined }));

  async function answer(request: ApiRequest, url: URL): Promise<ApiAnswer> {
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== url.origin && !cors.has(origin))
      throw new HttpError(403, 'FORBIDDEN_ORIGIN', 'requests from other origins are not allowed');
    if (request.method === 'OPTIONS' && origin !== null && cors.has(origin))
      return { status: 204, headers: preflightHeaders(), body: null };
    if (url.pathname === '/openapi.json') {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
      return {
        status: 200,
        headers: { ...API_HEADERS, 'Cache-Control': 'no-cache' },
        body: request.method === 'HEAD' ? null : document,
      };
    }
    const { route, param, allowed } = match(routes, url.pathname, request.method);
    if (route === undefined) {
      if (allowed.length > 0) throw methodNotAllowed(allowed);
      throw new HttpError(404, 'NOT_FOUND', `no such route: ${request.method} ${url.pathname.slice(0, 100)}`);
    }
    if (route.path.startsWith('/control/') && route.open !== true)
      await authorizeControl(request, token!, options.store);
    await clock?.refresh(provider.faults);
    const secureCookies = options.secureCookies ?? (url.protocol === 'https:' || !LOOPBACK_HOSTS.has(url.hostname));
    const context: RouteContext = {
      request,
      url,
      provider,
      store: options.store,
      sessions,
      clock,
      qr: options.qr,
      random,
      secureCookies,
      param,
      mailbox,
    };
    return route.run(context);
  }

  /** The answer to `request` for the absolute URL `href`, CORS headers included. */
  async function serve(request: ApiRequest, href: string): Promise<ApiAnswer> {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return errorResponse(new HttpError(400, 'NOT_FOUND', 'the request URL is not valid'));
    }
    let out: ApiAnswer;
    try {
      out = await answer(request, url);
    } catch (error) {
      out = errorResponse(error);
    }
    const origin = request.headers.get('origin');
    if (origin !== null && cors.has(origin)) {
      const vary = out.headers['Vary'];
      out.headers = {
        ...out.headers,
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        Vary: vary === undefined ? 'Origin' : `${vary}, Origin`,
      };
    }
    return out;
  }

  const plain: PlainApiHandler = (request) =>
    serve(
      { method: request.method, headers: { get: request.header }, bytes: async () => request.body ?? EMPTY },
      request.url,
    );
  const handler: FetchHandler = async (request: Request) =>
    fetchResponse(await serve(fetchApiRequest(request), request.url));
  Object.defineProperty(handler, PLAIN_API, { value: plain });
  return handler;
}

const EMPTY = new Uint8Array(0);

/** A route with its path split around `{username}` (no suffix: the path is matched whole). */
type CompiledRoute = { route: Route; prefix: string; suffix: string | null };

const PARAM = '{username}';

function compile(routes: readonly Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const at = route.path.indexOf(PARAM);
    if (at < 0) return { route, prefix: route.path, suffix: null };
    return { route, prefix: route.path.slice(0, at), suffix: route.path.slice(at + PARAM.length) };
  });
}

function match(
  routes: readonly CompiledRoute[],
  path: string,
  method: string,
): { route: Route | undefined; param: string; allowed: string[] } {
  const allowed: string[] = [];
  for (const { route, prefix, suffix } of routes) {
    let param = '';
    if (suffix === null) {
      if (route.path !== path) continue;
    } else {
      if (path.length <= prefix.length + suffix.length || !path.startsWith(prefix) || !path.endsWith(suffix)) continue;
      const raw = path.slice(prefix.length, path.length - suffix.length);
      if (raw.includes('/')) continue;
      try {
        param = decodeURIComponent(raw);
      } catch {
        throw new HttpError(400, 'INVALID_ARGUMENT', 'the username in the path is not valid percent-encoding');
      }
    }
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, param, allowed };
    allowed.push(route.method);
  }
  return { route: undefined, param: '', allowed };
}

function methodNotAllowed(allowed: string[]): HttpError {
  return new HttpError(405, 'METHOD_NOT_ALLOWED', `method not allowed; use ${allowed.join(' or ')}`, {
    Allow: allowed.join(', '),
  });
}

/**
 * The control API answers the bearer token, or a trainer's control session cookie (see
 * trainer-link.ts) when no Authorization header is sent.
 */
async function authorizeControl(request: ApiRequest, token: string, store: Store): Promise<void> {
  if (request.headers.get('authorization') === null) {
    const cookie = controlCookieOf(request.headers.get('cookie'));
    if (cookie !== null && (await controlSessionLive(store, cookie))) return;
  }
  checkBearer(request, token);
}

function checkBearer(request: ApiRequest, token: string): void {
  const header = request.headers.get('authorization') ?? '';
  const given = /^Bearer (\S{1,256})$/.exec(header)?.[1] ?? '';
  // Compared in constant time; a missing token is compared too, so timing says nothing.
  if (!constantTimeEqual(given.padEnd(token.length, '\0'), token) || given.length !== token.length) {
    throw new HttpError(401, 'UNAUTHORIZED', 'the control API needs the bearer token given at start-up', {
      'WWW-Authenticate': 'Bearer',
    });
  }
}

function preflightHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Max-Age': '600',
  };
}
