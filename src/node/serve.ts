/**
 * A small static file server for the browser demo: loopback only by default, a strict
 * Content-Security-Policy (the page may load only its own files and talk to nobody), no
 * directory listing, no path outside the root, GET and HEAD only. With a state file, also
 * `/api/state` (see serve-state.ts), and the policy lets the page talk to its own server. With an
 * API handler, the simulated service's HTTP API on the same port. The guards (Host allowlist,
 * Origin, body size, time-outs, connection cap) are the listener's (listener.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../core/errors.js';
import { checkOptions } from '../core/input.js';
import { runFetchHandler, type FetchHandler } from './fetch-bridge.js';
import {
  allowedHostNames,
  checkNames,
  createGuardedServer,
  listen,
  resolveLimits,
  type ListenerLimits,
  type RunningServer,
} from './listener.js';
import { OidcMount, type OidcServeOptions } from './oidc/mount.js';
import { startFront } from './serve-api.js';
import { openStateEndpoint, STATE_PATH, type StateEndpoint } from './serve-state.js';
import { chooseCoding, etagFor, matchesIfNoneMatch, MAX_CACHED_FILE_BYTES, StaticFileCache } from './static-cache.js';

/**
 * The demo's Content-Security-Policy: scripts, styles and fonts only from the page's own origin,
 * pictures also from data: and blob: URLs (QR codes), the webcam's stream, no connections, no
 * forms, no frames, no plugins.
 */
export const DEMO_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'none'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy when the server keeps the page's state ({@link ServeOptions.state}): the same, except
 * that the page may fetch from its own origin (and nowhere else).
 */
export const DEMO_STATE_CONTENT_SECURITY_POLICY = DEMO_CONTENT_SECURITY_POLICY.replace(
  "connect-src 'none'",
  "connect-src 'self'",
);

/** The tag put into served HTML pages to tell the page that the server keeps its state. */
export const SERVER_STATE_META = '<meta name="totp-lab-state" content="server">';

/**
 * The tag put into served HTML pages when the simulated service's API answers on the same origin:
 * the page runs in room mode, its site talking to that service (see docs/browser-demo.md).
 */
export const ROOM_META = '<meta name="totp-lab-room" content="api">';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** The headers every answer carries. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': DEMO_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  'Cache-Control': 'no-cache',
};

/** Options of {@link serveStatic}. */
export interface ServeOptions {
  /** The directory to serve (the built page: dist/web). */
  root: string;
  /** TCP port; 0 picks a free one (default 6238, after RFC 6238). */
  port?: number;
  /** Address to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /**
   * A FileStore file for the page's state. When given, the page saves its state there through
   * `GET`/`PUT /api/state` as well as in the browser, so it survives a browser reset and a second
   * window opens the same state. The file is read at start: a corrupt one stops the server.
   */
  state?: string;
  /** The simulated service's HTTP API (createProviderHandler), answered on `/api/…` (but `/api/state`), `/control/…` and `/openapi.json`. */
  api?: FetchHandler;
  /** More host names that requests may address (besides localhost, the bound address, and, when bound to all, this machine's). */
  allowedHosts?: readonly string[];
  /** Browser origins allowed to call the API (its CORS allowlist): Origin is checked against these too. */
  allowedOrigins?: readonly string[];
  /** Body size, time-outs and connection cap (see {@link DEFAULT_LISTENER_LIMITS}). */
  limits?: Partial<ListenerLimits>;
  /** The OpenID Connect front on the same port (its discovery document and `/oidc/…`). */
  oidc?: OidcServeOptions;
}

/** A running server. */
export type StaticServer = RunningServer;

/** Where the API handler answers. */
function isApiPath(path: string): boolean {
  return path === '/openapi.json' || path.startsWith('/control/') || (path.startsWith('/api/') && path !== STATE_PATH);
}

/** The default port: the number of the TOTP RFC. */
export const DEFAULT_SERVE_PORT = 6238;

/**
 * Serves the files under `root`.
 * @throws {InvalidArgumentError} for a bad port
 * @throws {InvalidStateError} when `root` is not a directory, or the port is in use or not allowed
 * @throws {StoreError} when the `state` file cannot be read or is not a valid store
 * @example
 * const server = await serveStatic({ root: 'dist/web', port: 0 });
 * console.log(server.url);
 */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  options = checkOptions(options);
  if (typeof options.root !== 'string' || options.root === '' || options.root.length > 4096) {
    throw new InvalidArgumentError(`"root" must be the path of a directory, got ${describeValue(options.root)}`);
  }
  if (
    options.host !== undefined &&
    (typeof options.host !== 'string' || !/^[A-Za-z0-9.:[\]-]{1,255}$/.test(options.host))
  ) {
    throw new InvalidArgumentError(`"host" must be a host name or address, got ${describeValue(options.host)}`);
  }
  const port = options.port ?? DEFAULT_SERVE_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError(`"port" must be an integer from 0 to 65535, got ${describeValue(port)}`);
  const host = options.host ?? '127.0.0.1';
  // With the API, a server without a built page still serves the API, and the page's address says what to run.
  let root: string | null = null;
  try {
    root = await realpath(options.root);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    root = null;
    if (options.api === undefined)
      throw new InvalidStateError(
        `"root" must be a directory with the built page (run npm run build), got ${describeValue(options.root)}`,
      );
  }
  if (options.api === undefined && root !== null && !(await isFile(join(root, 'index.html')))) {
    throw new InvalidStateError(
      `the demo page is not built: ${describeValue(join(root, 'index.html'))} is missing (run npm run build)`,
    );
  }
  if (
    options.state !== undefined &&
    (typeof options.state !== 'string' || options.state === '' || options.state.length > 4096)
  ) {
    throw new InvalidArgumentError(`"state" must be the path of a state file, got ${describeValue(options.state)}`);
  }
  if (options.api !== undefined && typeof options.api !== 'function')
    throw new InvalidArgumentError(`"api" must be a request handler, got ${describeValue(options.api)}`);
  const limits = resolveLimits(options.limits);
  const hosts = allowedHostNames(host, checkNames(options.allowedHosts, 'allowedHosts'));
  const state = options.state === undefined ? undefined : await openStateEndpoint(options.state, limits.maxBodyBytes);
  const api = options.api;
  // The page may fetch from its own server only when that server has something for it to fetch.
  const headers =
    state === undefined && api === undefined
      ? SECURITY_HEADERS
      : { ...SECURITY_HEADERS, 'Content-Security-Policy': DEMO_STATE_CONTENT_SECURITY_POLICY };
  const marks = (state === undefined ? '' : SERVER_STATE_META) + (api === undefined ? '' : ROOM_META);
  const cache = new StaticFileCache();
  const oidc = options.oidc === undefined ? undefined : new OidcMount(options.oidc);
  const server = createGuardedServer(
    hosts,
    limits,
    (req, res) => {
      if (oidc?.route(req, res)) return;
      const path = (req.url ?? '/').split('?')[0]!;
      const done =
        api !== undefined && isApiPath(path)
          ? runFetchHandler(api, req, res, limits.maxBodyBytes)
          : handle(root, req, res, headers, state, cache, marks);
      done.catch(() => send(res, 500, 'Internal error', {}, headers));
    },
    checkNames(options.allowedOrigins, 'allowedOrigins'),
  );
  const running = await listen(server, port, host);
  await startFront(oidc, running);
  return running;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const NOT_BUILT = 'The demo page is not built: run npm run build, then start totp-lab serve again';

async function handle(
  root: string | null,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
  state: StateEndpoint | undefined,
  cache: StaticFileCache,
  marks: string,
): Promise<void> {
  const reply = (status: number, text: string, extra: Record<string, string> = {}) =>
    send(res, status, text, extra, headers);
  if (state !== undefined && (req.url ?? '').split('?')[0] === STATE_PATH) {
    return state.handle(req, res, (r, status, text, extra = {}) => send(r, status, text, extra, headers), headers);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return reply(400, 'Bad request');
  }
  // Refuse anything that could step outside the root: "..", backslashes, NUL, drive letters.
  if (
    path.includes('\0') ||
    path.includes('\\') ||
    path.split('/').some((part) => part === '..' || /^[a-zA-Z]:/.test(part))
  )
    return reply(404, 'Not found');
  if (path.endsWith('/')) path += 'index.html';
  if (root === null) return reply(404, path === '/index.html' ? NOT_BUILT : 'Not found');
  let file: string;
  try {
    file = await realpath(join(root, path));
  } catch {
    if (path === '/index.html') return reply(404, NOT_BUILT);
    return reply(404, 'Not found');
  }
  // A symbolic link may still point outside: check the real path too.
  if (!file.startsWith(root + sep)) return reply(404, 'Not found');
  const info = await stat(file);
  if (!info.isFile()) return reply(404, 'Not found');
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (info.size > MAX_CACHED_FILE_BYTES) {
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': info.size });
    if (req.method === 'HEAD') return void res.end();
    return void createReadStream(file).pipe(res);
  }
  // Every file is revalidated (Cache-Control: no-cache from the common headers, as no file name
  // carries a content hash), so a reload costs a 304; the body goes compressed when the browser accepts it.
  const rewrite =
    marks !== '' && type.startsWith('text/html') ? (html: string) => withServerState(html, marks) : undefined;
  const cached = await cache.get(file, info.size, info.mtimeMs, type, rewrite);
  const acceptEncoding = req.headers['accept-encoding'];
  const coding = chooseCoding(Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding, {
    br: cached.br !== undefined,
    gzip: cached.gzip !== undefined,
  });
  const etag = etagFor(cached, coding);
  const common: Record<string, string> = { ...headers, 'Content-Type': type, ETag: etag };
  if (cached.br !== undefined || cached.gzip !== undefined) common['Vary'] = 'Accept-Encoding';
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    const { 'Content-Type': _type, ...rest } = common;
    res.writeHead(304, rest);
    return void res.end();
  }
  const body = coding === 'br' ? cached.br! : coding === 'gzip' ? cached.gzip! : cached.identity;
  if (coding !== 'identity') common['Content-Encoding'] = coding;
  res.writeHead(200, { ...common, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * An HTML page as served with a state file or the API: `marks` ({@link SERVER_STATE_META},
 * {@link ROOM_META}) added at the top of its head, and a `connect-src 'none'` in its own CSP meta tag opened to 'self' (a page obeys both
 * its header and its meta policy, so the meta tag would otherwise still forbid the fetch).
 */
export function withServerState(html: string, marks: string = SERVER_STATE_META): string {
  const opened = html.replace(
    /(<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="[^"]*?)connect-src 'none'/i,
    "$1connect-src 'self'",
  );
  const head = /<head(\s[^>]*)?>/i.exec(opened);
  if (head) return opened.slice(0, head.index + head[0].length) + marks + opened.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(opened);
  const at = doctype ? doctype[0].length : 0;
  return opened.slice(0, at) + marks + opened.slice(at);
}

function send(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
  headers: Readonly<Record<string, string>> = SECURITY_HEADERS,
): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(`${text}\n`);
}
