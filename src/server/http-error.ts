/**
 * JSON errors of the HTTP API. Every error answer is `{ "error": { "code", "message" } }` with a
 * stable `code` and a one-line message that never quotes a secret and never carries a stack trace.
 */
import { TotpLabError } from '../core/errors.js';
import type { ApiAnswer } from './exchange.js';

/** The stable error codes of the HTTP API (library error codes pass through unchanged). */
export type ApiErrorCode =
  | 'BAD_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNKNOWN_FIELD'
  | 'BODY_TOO_LARGE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN_ORIGIN'
  | 'LOGIN_TICKET_INVALID'
  | 'UNKNOWN_ACCOUNT'
  | 'NO_MAIL'
  | 'INTERNAL'
  | 'INVALID_ARGUMENT'
  | 'INVALID_STATE'
  | 'STORE_ERROR';

/** An error answer: thrown anywhere in a route, turned into JSON by the handler. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Headers every API answer carries. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** A JSON answer (its headers are its own object, which the handler may add to). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiAnswer {
  return { status, headers: { ...API_HEADERS, ...headers }, body: status === 204 ? null : JSON.stringify(body) };
}

/**
 * Any thrown value as a JSON error: misuse errors of the library keep their code and message (they
 * name the field, never a secret value); anything else is a generic 500 without detail.
 */
export function errorResponse(error: unknown): ApiAnswer {
  if (error instanceof HttpError)
    return json(error.status, { error: { code: error.code, message: error.message } }, error.headers);
  if (error instanceof TotpLabError) {
    if (error.code === 'STORE_ERROR')
      return json(503, { error: { code: 'STORE_ERROR', message: 'the store is not available; try again later' } });
    const status = error.code === 'INVALID_STATE' ? 409 : 400;
    return json(status, { error: { code: error.code, message: oneLine(error.message) } });
  }
  return json(500, { error: { code: 'INTERNAL', message: 'internal error' } });
}

function oneLine(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
