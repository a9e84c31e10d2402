/**
 * Proton Authenticator exports (plain JSON): `{ version, entries: [{ id, content: { uri,
 * entry_type ("Totp" or "Steam"), name }, note }] }`, each account a key URI (a Steam entry's as
 * `steam://SECRET` or a key URI), the note its detail.
 */
import { InvalidMigrationError } from '../errors.js';
import { toDetails } from './details.js';
import { emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson, MAX_ENTRIES } from './json.js';
import { addUriEntry } from './uri-entry.js';

/** True for a parsed object shaped like a Proton Authenticator export. */
export const isProtonExport = (value: unknown): value is Record<string, unknown> =>
  isObject(value) &&
  Array.isArray(value.entries) &&
  value.entries.length <= MAX_ENTRIES &&
  value.entries.every((e) => isObject(e) && isObject(e.content) && typeof e.content.uri === 'string');

/**
 * Reads a Proton Authenticator export (text or parsed object).
 * @throws {InvalidMigrationError} naming the entry when one is malformed
 */
export function parseProtonExport(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'Proton Authenticator export') : input;
  if (!isProtonExport(data))
    throw new InvalidMigrationError(
      'Proton Authenticator export must be an object with "entries" holding "content.uri"',
    );
  const result = emptyImport();
  entryList(data.entries, 'Proton Authenticator "entries"').forEach((entry, index) => {
    const { content, note } = entry as { content: Record<string, unknown>; note?: unknown };
    const name = typeof content.name === 'string' ? content.name : '';
    const where = `Proton Authenticator entry ${index}`;
    let uri = content.uri as string;
    // A Steam entry may hold a TOTP-typed URI; its type field is what says Steam.
    if (typeof content.entry_type === 'string' && content.entry_type.toLowerCase() === 'steam')
      uri = uri.replace(/^otpauth:\/\/totp\//i, 'otpauth://steam/');
    addUriEntry(result, index, where, uri, { issuer: name, account: '' }, toDetails({ note }));
  });
  return result;
}
