/**
 * The demo server's optional state endpoint, `/api/state`: the browser demo's saved state kept in a
 * {@link FileStore}, so a trainer's setup survives a browser reset and a second window (the
 * projector) opens the same state. Only same-origin page scripts can write it: a PUT must carry
 * `Content-Type: application/json` and the `X-Totp-Lab: 1` header, which a cross-site form cannot
 * send and a cross-site script cannot send without a CORS preflight this server never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidArgumentError } from '../core/errors.js';
import type { Store } from '../sim/store.js';
import { readBodyLimited, refuseTooLarge } from './listener.js';

/** The address of the state endpoint on the demo server. */
export const STATE_PATH = '/api/state';
/** The header (and value) a PUT to {@link STATE_PATH} must carry. */
export const STATE_HEADER = 'x-totp-lab';
/** The largest state a PUT may send, in bytes. */
export const MAX_STATE_BYTES = 2 * 1024 * 1024;
/** The FileStore key the page state is kept under, so the file can share other keys. */
export const STATE_KEY = 'browser-demo';

type Send = (res: ServerResponse, status: number, text: string, extra?: Record<string, string>) => void;

/** The state endpoint bound to one store file. */
export interface StateEndpoint {
  readonly store: Store;
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    send: Send,
    headers: Readonly<Record<string, string>>,
  ): Promise<void>;
}

/**
 * Opens the store at `location` (a file, a `sqlite:` or a `postgres://` URL) and reads it once, so a
 * corrupt or foreign store stops the server before it starts (never reset to empty).
 * @throws {StoreError} naming the file when it cannot be read or is not a valid store
 */
export async function openStateEndpoint(location: string, maxBytes = MAX_STATE_BYTES): Promise<StateEndpoint> {
  const limit = Math.min(maxBytes, MAX_STATE_BYTES);
  // Loaded here, not with the module: a server without --state starts without the store code.
  const { openStore } = await import('./open-store.js');
  const store = await openStore(location);
  await store.get(STATE_KEY);
  return {
    store,
    async handle(req, res, send, headers) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        const value = await store.get(STATE_KEY);
        if (value === undefined) {
          res.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
          return void res.end();
        }
        const body = Buffer.from(JSON.stringify(value), 'utf8');
        res.writeHead(200, {
          ...headers,
          'Cache-Control': 'no-store',
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': body.length,
        });
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      if (req.method !== 'PUT') return send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD, PUT' });
      if (!isJson(req.headers['content-type'])) return send(res, 415, 'The state must be sent as application/json');
      if (req.headers[STATE_HEADER] !== '1' || !sameOrigin(req))
        return send(res, 403, 'Only the demo page may save its state');
      const body = await readBodyLimited(req, limit);
      if (body === undefined) return refuseTooLarge(req, res, `The state must be at most ${limit} bytes\n`);
      const text = body.toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return send(res, 400, 'The state must be valid JSON');
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return send(res, 400, 'The state must be a JSON object');
      try {
        await store.update(STATE_KEY, () => value as Record<string, never>);
      } catch (error) {
        // Nesting too deep to check is bad input; anything else (the lock, the disk) is ours.
        if (error instanceof RangeError || error instanceof InvalidArgumentError)
          return send(res, 400, 'The state must be plain JSON data');
        return send(res, 500, 'The state could not be saved; see the state file');
      }
      res.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
      res.end();
    },
  };
}

function isJson(type: string | undefined): boolean {
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** A browser sends Origin with every PUT; when present it must be the page's own origin. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return req.headers.host !== undefined && origin === `http://${req.headers.host}`;
}
