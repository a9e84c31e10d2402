/**
 * Reading a JSON request body: the content type must be JSON, the body at most a set size (refused
 * on Content-Length before reading, and reading stops at the limit), valid UTF-8 and JSON, an object,
 * and only the fields the route knows.
 */
import { describeValue } from '../core/errors.js';
import type { ApiRequest } from './exchange.js';
import { HttpError } from './http-error.js';

// A decoder keeps no state between whole (non-streaming) decodes, so one serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The largest request body the API reads, in bytes (a password is at most 4096 characters). */
export const MAX_API_BODY_BYTES = 16 * 1024;

/**
 * The body of `request` as a JSON object with only `fields` in it.
 * @throws {HttpError} 415, 413 or 400 with a stable code
 */
export async function readJsonObject(
  request: ApiRequest,
  fields: readonly string[],
  maxBytes = MAX_API_BODY_BYTES,
): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type');
  if (
    type !== 'application/json' &&
    (type === null || type.split(';')[0]!.trim().toLowerCase() !== 'application/json')
  ) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'the body must be sent as application/json');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes)) throw tooLarge(maxBytes);
  const bytes = await request.bytes(maxBytes);
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'the body must be valid JSON in UTF-8');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'BAD_JSON', 'the body must be a JSON object');
  for (const key of Object.keys(value)) {
    if (!fields.includes(key))
      throw new HttpError(
        400,
        'UNKNOWN_FIELD',
        `unknown field ${describeValue(key)}; expected ${fields.join(', ') || 'none'}`,
      );
  }
  return value as Record<string, unknown>;
}

/** The 413 answer for a body over `maxBytes`; the connection is closed after it. */
export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', `the body must be at most ${maxBytes} bytes`, { Connection: 'close' });
}
