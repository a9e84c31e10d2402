/**
 * A small static file server for the browser demo: loopback only by default, a strict
 * Content-Security-Policy (the page may load only its own files and talk to nobody), no
 * directory listing, no path outside the root, GET and HEAD only.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../core/errors.js';
import { checkOptions } from '../core/input.js';

/**
 * The demo's Content-Security-Policy: scripts, styles and fonts only from the page's own origin,
 * pictures also from data: and blob: URLs (QR codes), the webcam's stream, no connections, no
 * forms, no frames, no plugins.
 */
export const DEMO_CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:", "connect-src 'none'", "font-src 'self'", "manifest-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
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
}

/** A running server. */
export interface StaticServer {
  /** The page's address, e.g. `http://127.0.0.1:6238/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function hostName(header: string | undefined): string {
  if (header === undefined) return '';
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!.toLowerCase();
}

/** The default port: the number of the TOTP RFC. */
export const DEFAULT_SERVE_PORT = 6238;

/**
 * Serves the files under `root`.
 * @throws {InvalidArgumentError} for a bad port
 * @throws {InvalidStateError} when `root` is not a directory, or the port is in use or not allowed
 * @example
 * const server = await serveStatic({ root: 'dist/web', port: 0 });
 * console.log(server.url);
 */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  options = checkOptions(options);
  if (typeof options.root !== 'string' || options.root === '' || options.root.length > 4096) {
    throw new InvalidArgumentError(`"root" must be the path of a directory, got ${describeValue(options.root)}`);
  }
  if (options.host !== undefined && (typeof options.host !== 'string' || !/^[A-Za-z0-9.:[\]-]{1,255}$/.test(options.host))) {
    throw new InvalidArgumentError(`"host" must be a host name or address, got ${describeValue(options.host)}`);
  }
  const port = options.port ?? DEFAULT_SERVE_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError(`"port" must be an integer from 0 to 65535, got ${describeValue(port)}`);
  const host = options.host ?? '127.0.0.1';
  let root: string;
  try {
    root = await realpath(options.root);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new InvalidStateError(`"root" must be a directory with the built page (run npm run build), got ${describeValue(options.root)}`);
  }
  const loopback = LOOPBACK.has(host);
  const server = createServer((req, res) => {
    // On a loopback address, answer only requests addressed to it: a web page cannot then reach
    // the demo through a DNS name that it re-points at 127.0.0.1.
    if (loopback && !LOOPBACK.has(hostName(req.headers.host))) return send(res, 421, 'Misdirected request');
    handle(root, req, res).catch(() => send(res, 500, 'Internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new InvalidStateError(`port ${port} on ${host} is already in use: choose another with --port, or --port 0 for any free port`));
      else if (error.code === 'EACCES') reject(new InvalidStateError(`port ${port} on ${host} needs privileges: choose a port above 1023 with --port`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new InvalidArgumentError(`"host" must be an address of this machine, got ${describeValue(host)}`));
      else reject(new InvalidStateError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`));
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  // Refuse anything that could step outside the root: "..", backslashes, NUL, drive letters.
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..' || /^[a-zA-Z]:/.test(part))) return send(res, 404, 'Not found');
  if (path.endsWith('/')) path += 'index.html';
  let file: string;
  try {
    file = await realpath(join(root, path));
  } catch {
    return send(res, 404, 'Not found');
  }
  // A symbolic link may still point outside: check the real path too.
  if (!file.startsWith(root + sep)) return send(res, 404, 'Not found');
  const info = await stat(file);
  if (!info.isFile()) return send(res, 404, 'Not found');
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': info.size });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function send(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(`${text}\n`);
}
