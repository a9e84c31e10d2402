/**
 * The demo server's optional state endpoint, `/api/state`: the browser demo's saved state kept in a
 * {@link FileStore}, so a trainer's setup survives a browser reset and a second window (the
 * projector) opens the same state. Only same-origin page scripts can write it: a PUT must carry
 * `Content-Type: application/json` and the `X-Totp-Lab: 1` header, which a cross-site form cannot
 * send and a cross-site script cannot send without a CORS preflight this server never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidArgumentError } from '../core/errors.js';
import { FileStore } from './file-store.js';

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
  readonly store: FileStore;
  handle(req: IncomingMessage, res: ServerResponse, send: Send, headers: Readonly<Record<string, string>>): Promise<void>;
}

/**
 * Opens the store at `path` and reads it once, so a corrupt or foreign file stops the server
 * before it starts (never reset to empty).
 * @throws {StoreError} naming the file when it cannot be read or is not a valid store
 */
export async function openStateEndpoint(path: string): Promise<StateEndpoint> {
  const store = new FileStore(path);
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
        res.writeHead(200, { ...headers, 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      if (req.method !== 'PUT') return send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD, PUT' });
      if (!isJson(req.headers['content-type'])) return send(res, 415, 'The state must be sent as application/json');
      if (req.headers[STATE_HEADER] !== '1' || !sameOrigin(req)) return send(res, 403, 'Only the demo page may save its state');
      const text = await readBody(req);
      if (text === undefined) return send(res, 413, `The state must be at most ${MAX_STATE_BYTES} bytes`);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return send(res, 400, 'The state must be valid JSON');
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return send(res, 400, 'The state must be a JSON object');
      try {
        await store.update(STATE_KEY, () => value as Record<string, never>);
      } catch (error) {
        // Nesting too deep to check is bad input; anything else (the lock, the disk) is ours.
        if (error instanceof RangeError || error instanceof InvalidArgumentError) return send(res, 400, 'The state must be plain JSON data');
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

/** The body as text, or undefined once it passes {@link MAX_STATE_BYTES}. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit: leaving the loop early would destroy the socket before
  // the 413 answer is sent.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_STATE_BYTES) chunks.push(chunk);
  }
  return size > MAX_STATE_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}
