/**
 * JSON for export files, read with bounds: a size limit and a nesting limit checked by one linear
 * scan before parsing, so a hostile file is refused in one line instead of exhausting the stack or
 * memory of whatever walks the result.
 */
import { InvalidMigrationError, describeValue } from '../errors.js';

export const MAX_EXPORT_CHARS = 10_000_000;
export const MAX_JSON_DEPTH = 64;
/** More entries than any real authenticator holds. */
export const MAX_ENTRIES = 10_000;

/** @throws {InvalidMigrationError} for oversized, too deeply nested or malformed JSON */
export function parseJson(text: string, what: string): unknown {
  if (text.length > MAX_EXPORT_CHARS)
    throw new InvalidMigrationError(`${what} is too large: ${text.length} characters (at most ${MAX_EXPORT_CHARS})`);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH)
        throw new InvalidMigrationError(`${what} is nested more than ${MAX_JSON_DEPTH} levels deep`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidMigrationError(`${what} is not valid JSON (truncated or damaged?)`);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array at `field`, bounded in length. @throws {InvalidMigrationError} */
export function entryList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidMigrationError(`${field} must be an array, got ${describeValue(value)}`);
  if (value.length > MAX_ENTRIES)
    throw new InvalidMigrationError(`${field} has ${value.length} entries, at most ${MAX_ENTRIES} are read`);
  return value;
}

export const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
