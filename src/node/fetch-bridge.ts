/**
 * Runs a Fetch-API handler (`(Request) => Promise<Response>`) for a Node request: the body is read
 * here up to the listener's limit, so an oversized one is refused before the handler sees it.
 * A handler from createProviderHandler is called through its plain-data entry instead, with the
 * body and headers as Node has them, and its answer written directly: no Fetch `Request` or
 * `Response` (each a stream and an abort signal) per request. Both give the same answer. Such
 * requests are handled, and answered, together with the others of the same event-loop turn
 * (./turn-batch.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLAIN_API, type ApiAnswer, type PlainApiHandler } from '../server/exchange.js';
import { afterTurn, writeSoon } from './turn-batch.js';
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
  const url = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`;
  const plain = (handler as { [PLAIN_API]?: PlainApiHandler })[PLAIN_API];
  if (typeof plain === 'function') {
    await afterTurn();
    const answer = await plain({ method, url, header: (name) => headerOf(req, name), body });
    return writeSoon(res, () => writeAnswer(res, method, answer));
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
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

/** A request header as a Fetch `Headers` would give it: repeated values joined with ", ". */
function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.join(', ');
}

/** Writes a plain answer as the Fetch path would: lower-case names, a Content-Length, no body for HEAD. */
function writeAnswer(res: ServerResponse, method: string, answer: ApiAnswer): void {
  // Names and values in one flat list, which Node writes as given (an object is copied first).
  const out: string[] = [];
  for (const name in answer.headers) out.push(name.toLowerCase(), answer.headers[name]!);
  const text = method === 'HEAD' ? null : answer.body;
  if (text !== null) out.push('content-length', String(Buffer.byteLength(text)));
  res.writeHead(answer.status, out);
  res.end(text ?? undefined);
}
