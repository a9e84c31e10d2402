/**
 * Runs a Fetch-API handler (`(Request) => Promise<Response>`) for a Node request: the body is read
 * here up to the listener's limit, so an oversized one is refused before the handler sees it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyLimited, refuseTooLarge } from './listener.js';

/** A Fetch-API request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

const TOO_LARGE = (max: number) =>
  JSON.stringify({ error: { code: 'BODY_TOO_LARGE', message: `the body must be at most ${max} bytes` } });

/** Answers `req` with `handler`. The URL's host is the Host header, which the listener has checked. */
export async function runFetchHandler(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
): Promise<void> {
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    body = await readBodyLimited(req, maxBodyBytes);
    if (body === undefined) return refuseTooLarge(req, res, TOO_LARGE(maxBodyBytes), 'application/json; charset=utf-8');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const url = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`;
  const response = await handler(
    new Request(url, { method, headers, ...(body !== undefined && { body: new Uint8Array(body) }) }),
  );
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  const bytes = method === 'HEAD' || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  if (bytes !== undefined) out['content-length'] = String(bytes.length);
  res.writeHead(response.status, out);
  res.end(bytes);
}
