/**
 * serveHandler(): serves a Fetch-API handler (such as createProviderHandler's) on Node, with the
 * listener's guards: the Host allowlist, Origin, body size, time-outs and the connection cap. With
 * `oidc`, the OpenID Connect front answers its paths on the same port.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { runFetchHandler, type FetchHandler } from './fetch-bridge.js';
import {
  allowedHostNames,
  checkNames,
  createGuardedServer,
  listen,
  resolveLimits,
  sendText,
  type ListenerLimits,
  type RunningServer,
} from './listener.js';
import { OidcMount, type OidcServeOptions } from './oidc/mount.js';

/** Options of {@link serveHandler}. */
export interface ServeHandlerOptions {
  /** TCP port; 0 picks a free one (default 0). */
  port?: number;
  /** Address to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** More host names requests may address (besides localhost, the bound address and, when bound to all, this machine's). */
  allowedHosts?: readonly string[];
  /** Browser origins allowed besides those hosts (the handler's CORS allowlist). */
  allowedOrigins?: readonly string[];
  /** Body size, time-outs and connection cap. */
  limits?: Partial<ListenerLimits>;
  /**
   * The OpenID Connect front (createOidcProvider's options; the issuer defaults to this server's
   * address): discovery and `/oidc/…` go to it, everything else to `handler`.
   */
  oidc?: OidcServeOptions;
}

/**
 * Serves `handler` until `close()`.
 * @throws {InvalidArgumentError} for a bad option
 * @throws {InvalidStateError} when the port is in use
 * @example
 * const server = await serveHandler(createProviderHandler(provider, { store }), { port: 0 });
 * console.log(server.url);
 */
export async function serveHandler(handler: FetchHandler, options: ServeHandlerOptions = {}): Promise<RunningServer> {
  if (typeof handler !== 'function')
    throw new InvalidArgumentError(
      `"handler" must be a function (Request) => Promise<Response>, got ${describeValue(handler)}`,
    );
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError(`"port" must be an integer from 0 to 65535, got ${describeValue(port)}`);
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || !/^[A-Za-z0-9.:[\]-]{1,255}$/.test(host))
    throw new InvalidArgumentError(`"host" must be a host name or address, got ${describeValue(host)}`);
  const limits = resolveLimits({ maxBodyBytes: 64 * 1024, ...options.limits });
  const oidc = options.oidc === undefined ? undefined : new OidcMount(options.oidc);
  const server = createGuardedServer(
    allowedHostNames(host, checkNames(options.allowedHosts, 'allowedHosts')),
    limits,
    (req, res) => {
      if (oidc?.route(req, res)) return;
      runFetchHandler(handler, req, res, limits.maxBodyBytes).catch(() => sendText(res, 500, 'Internal error'));
    },
    checkNames(options.allowedOrigins, 'allowedOrigins'),
  );
  const running = await listen(server, port, host);
  await startFront(oidc, running);
  return running;
}

/** Starts the front once the server listens; a front that cannot start closes the server. */
export async function startFront(oidc: OidcMount | undefined, running: RunningServer): Promise<void> {
  if (oidc === undefined) return;
  try {
    await oidc.start(running);
  } catch (error) {
    await running.close();
    throw error;
  }
}
