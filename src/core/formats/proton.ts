/**
 * Proton Authenticator exports (plain JSON): `{ version, entries: [{ id, content: { uri,
 * entry_type ("Totp" or "Steam"), name }, note }] }`, each account a key URI.
 */
import { InvalidMigrationError } from '../errors.js';
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
    const { content } = entry as { content: Record<string, unknown> };
    const name = typeof content.name === 'string' ? content.name : '';
    const where = `Proton Authenticator entry ${index}`;
    if (typeof content.entry_type === 'string' && content.entry_type.toLowerCase() === 'steam') {
      return void result.skipped.push({ index, name, reason: 'Steam Guard codes are not TOTP codes' });
    }
    addUriEntry(result, index, where, content.uri as string, name);
  });
  return result;
}
