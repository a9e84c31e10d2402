/** Reading the pages' form posts and sending the pages, on Node's request and response. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyLimited } from '../listener.js';
import { PAGE_HEADERS } from './pages.js';

/** The largest form body read: a 4096-character password, percent-encoded, fits with room to spare. */
export const MAX_FORM_BYTES = 32 * 1024;

/** Why a form could not be read, with the HTTP status that says so. */
export type FormProblem = { status: 400 | 413 | 415 };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The fields of an `application/x-www-form-urlencoded` post, or the problem with it. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | FormProblem> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return { status: 415 };
  const body = await readBodyLimited(req, MAX_FORM_BYTES);
  if (body === undefined) return { status: 413 };
  try {
    return new URLSearchParams(utf8.decode(body));
  } catch {
    return { status: 400 };
  }
}

/** A field of a form: its value, or '' when it is missing. */
export function fieldOf(form: URLSearchParams, name: string): string {
  return form.get(name) ?? '';
}

/** Sends a page. A 413 closes the connection, so an unread rest of a body is never read. */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent) return void res.destroy();
  const headers: Record<string, string | number> = { ...PAGE_HEADERS, 'Content-Length': Buffer.byteLength(html) };
  if (status === 413) headers['Connection'] = 'close';
  res.writeHead(status, headers);
  res.end(html);
}

/** Sends the browser on to `location` (303: the next request is a GET). */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}
