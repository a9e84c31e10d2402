/**
 * The Node HTTP listener: serves a Fetch-API handler (totp-lab/server) and the demo page with the
 * guards a local tool needs. Host is checked against an allowlist on every request (the bound
 * address, the localhost names, this machine's addresses when bound to all of them, and any the
 * caller adds), so a web page cannot reach the server through a DNS name it re-points here; a
 * browser's Origin must name one of those hosts too. Bodies are refused on Content-Length and
 * reading stops at the limit; header and request time-outs are tight (a connection that sends no
 * complete headers in time, also none at all, is closed); connections are capped, in all and per
 * client address (connection-guard.ts). An API request refused here gets the API's JSON error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../core/errors.js';
import { HttpError, errorResponse } from '../server/http-error.js';
import { capConnectionsPerAddress } from './connection-guard.js';

/** Limits of the listener. */
export interface ListenerLimits {
  /** The largest request body read, in bytes (default 2 MiB). */
  maxBodyBytes: number;
  /** Time for a client to send the request headers; a connection silent that long is closed (default 5 s). */
  headersTimeoutMs: number;
  /** Time for a whole request (default 15 s). */
  requestTimeoutMs: number;
  /** Time an idle keep-alive connection is kept (default 5 s). */
  keepAliveTimeoutMs: number;
  /** Connections open at once (default 64). */
  maxConnections: number;
  /** Connections open at once from one client address (default 32). */
  maxConnectionsPerAddress: number;
}

export const DEFAULT_LISTENER_LIMITS: Readonly<ListenerLimits> = Object.freeze({
  maxBodyBytes: 2 * 1024 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
  maxConnectionsPerAddress: 32,
});

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** The host names (lower case, IPv6 in brackets) that requests to a server bound to `host` may use. */
export function allowedHostNames(host: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(LOCAL_NAMES);
  const add = (name: string) => names.add(bracket(name.toLowerCase()));
  add(host);
  if (WILDCARDS.has(host)) {
    add(hostname());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) add(a.address.replace(/%.*$/, ''));
  }
  for (const name of extra) add(name);
  return names;
}

function bracket(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

/** The host name of a Host header (without the port), or '' when it is missing or malformed. */
export function hostOf(header: string | undefined): string {
  if (header === undefined || header.length > 300) return '';
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header);
  return match ? match[1]!.toLowerCase() : '';
}

/** True when a browser's Origin (if any) names an allowed host, or is one of `origins`. */
export function originAllowed(
  origin: string | undefined,
  hosts: Set<string>,
  origins: readonly string[] = [],
): boolean {
  if (origin === undefined) return true;
  if (origins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && hosts.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/** Checks the limits given by a caller and fills in the defaults. */
export function resolveLimits(limits: Partial<ListenerLimits> = {}): ListenerLimits {
  const out = { ...DEFAULT_LISTENER_LIMITS, ...limits };
  for (const [name, value] of Object.entries(out)) {
    if (!Number.isInteger(value) || value < 1 || value > 2 ** 31)
      throw new InvalidArgumentError(`"limits.${name}" must be a positive integer, got ${describeValue(value)}`);
  }
  return out;
}

/**
 * A Node server with the limits applied and the Host guard in front of `handle`.
 * A request for a host not on the list gets 421, a foreign Origin 403, both before anything else:
 * as the API's JSON error (`MISDIRECTED_REQUEST`, `FORBIDDEN_ORIGIN`) when `isApiPath` says the
 * request is for the API, else as plain text.
 */
export function createGuardedServer(
  hosts: Set<string>,
  limits: ListenerLimits,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  origins: readonly string[] = [],
  isApiPath: (path: string) => boolean = () => false,
): Server {
  const refuse = (req: IncomingMessage, res: ServerResponse, error: HttpError): void => {
    if (!isApiPath((req.url ?? '/').split('?')[0]!)) return sendText(res, error.status, error.message);
    if (res.headersSent) return void res.destroy();
    const answer = errorResponse(error);
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body ?? '') });
    res.end(answer.body);
  };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often the time-outs above are checked (Node's default, 30 s, would let them run long).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      if (!hosts.has(hostOf(req.headers.host)))
        return refuse(req, res, new HttpError(421, 'MISDIRECTED_REQUEST', 'misdirected request: unknown Host'));
      if (!originAllowed(req.headers.origin, hosts, origins))
        return refuse(req, res, new HttpError(403, 'FORBIDDEN_ORIGIN', 'requests from other origins are not allowed'));
      handle(req, res);
    },
  );
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = 100;
  capConnectionsPerAddress(server, limits.maxConnectionsPerAddress);
  return server;
}

/**
 * Reads a request body up to `max` bytes: undefined when it is larger, decided on Content-Length
 * before reading, or when the data passes the limit (reading stops there).
 */
export function readBodyLimited(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > max) return Promise.resolve(undefined);
  // Listeners rather than `for await`: the async iterator a loop builds per request costs more than
  // reading the small bodies the API gets.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      settle();
      req.pause();
      resolve(undefined);
    };
    const onEnd = (): void => {
      settle();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (error: Error): void => {
      settle();
      reject(error);
    };
    // A client that goes away before the end of its body: 'close' comes without 'end'.
    const onClose = (): void => onError(new Error('the request was closed before its body ended'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Answers 413 and closes the connection: the rest of the body is never read. */
export function refuseTooLarge(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(413, { 'Content-Type': type, Connection: 'close', 'Cache-Control': 'no-store' });
  res.end(body, () => req.destroy());
}

/** A short plain-text answer. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(`${text}\n`);
}

/** A running server. */
export interface RunningServer {
  /** Its address, e.g. `http://127.0.0.1:6238/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts `server` on `host`:`port`.
 * @throws {InvalidStateError} when the port is in use or not allowed
 * @throws {InvalidArgumentError} when `host` is not an address of this machine
 */
export async function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(
          new InvalidStateError(
            `port ${port} on ${host} is already in use: choose another with --port, or --port 0 for any free port`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(new InvalidStateError(`port ${port} on ${host} needs privileges: choose a port above 1023 with --port`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new InvalidArgumentError(`"host" must be an address of this machine, got ${describeValue(host)}`));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Checks a list of host names or origins given by a caller. */
export function checkNames(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length > 100 ||
    !value.every((v) => typeof v === 'string' && /^[A-Za-z0-9.:[\]\/-]{1,255}$/.test(v))
  ) {
    throw new InvalidArgumentError(`"${field}" must be a list of host names or origins, got ${describeValue(value)}`);
  }
  return value as string[];
}
