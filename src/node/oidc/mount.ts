/**
 * The front on a server of totp-lab/node (serveHandler, and the CLI's serveStatic): its paths are
 * routed to it, everything else to the API, behind the listener's one set of guards. The issuer is
 * the server's own address unless one is given, so the front is made once the server listens.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText, type RunningServer } from '../listener.js';
import { createOidcProvider, isOidcPath, type OidcFront, type OidcProviderOptions } from './front.js';

/** The front's options on a server: the issuer defaults to the server's address. */
export type OidcServeOptions = Omit<OidcProviderOptions, 'issuer'> & { issuer?: string };

/** A front that starts when its server does. */
export class OidcMount {
  #front: OidcFront | undefined;

  constructor(private readonly options: OidcServeOptions) {}

  /** Answers `req` when it is for the front (true), or leaves it to the caller (false). */
  route(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isOidcPath((req.url ?? '/').split('?')[0]!)) return false;
    // Between listening and the front being made: a moment at start, before the address is printed.
    if (this.#front === undefined) sendText(res, 503, 'The OpenID Connect front is starting', { 'Retry-After': '1' });
    else void this.#front.handle(req, res);
    return true;
  }

  /** Makes the front for `server` (its address is the issuer unless the options name one). */
  async start(server: RunningServer): Promise<OidcFront> {
    this.#front = await createOidcProvider({ ...this.options, issuer: this.options.issuer ?? issuerOf(server.url) });
    return this.#front;
  }
}

/** The issuer for a server's address: without the trailing slash, a wildcard address as loopback. */
export function issuerOf(url: string): string {
  return url.replace(/\/$/, '').replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
}
