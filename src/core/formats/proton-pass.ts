/**
 * Proton Pass exports: a zip holding `Proton Pass/data.json`, `{ version, encrypted: false, vaults:
 * { <id>: { name, items: [{ itemId, state, data: { type: "login", metadata: { name, note }, content: {
 * itemUsername, itemEmail, totpUri } } }] } } }`. A login item with a `totpUri` is one account
 * (the URI, or a bare base32 secret named after the item); the item's note and its vault's name
 * are the account's details; items in the trash (state 2) are skipped by name. Proton Pass's
 * PGP-encrypted export is recognised, not read.
 */
import { InvalidMigrationError } from '../errors.js';
import { toDetails } from './details.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson, MAX_ENTRIES } from './json.js';
import { addUriEntry } from './uri-entry.js';
import { PROTON_PASS_DATA, readZipEntry } from './zip.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Reads a Proton Pass export's `data.json` (text or parsed object).
 * @throws {InvalidMigrationError} for an encrypted or malformed export, naming the item
 */
export function parseProtonPass(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'Proton Pass export') : input;
  if (!isObject(data) || !isObject(data.vaults))
    throw new InvalidMigrationError('Proton Pass export must be an object with "vaults"');
  if (data.encrypted === true)
    throw new InvalidMigrationError(
      'Proton Pass export is encrypted; export it again from Proton Pass without a password',
    );
  const vaults = Object.values(data.vaults);
  if (vaults.length > MAX_ENTRIES)
    throw new InvalidMigrationError(`Proton Pass export has more than ${MAX_ENTRIES} vaults`);
  const result = emptyImport();
  let index = 0;
  for (const vault of vaults) {
    if (!isObject(vault)) throw new InvalidMigrationError('Proton Pass vault must be an object');
    for (const item of entryList(vault.items ?? [], 'Proton Pass "items"')) {
      const where = `Proton Pass item ${index}`;
      if (!isObject(item) || !isObject(item.data))
        throw new InvalidMigrationError(`${where} must be an object with "data"`);
      const { type, metadata, content } = item.data;
      const totp = isObject(content) ? text(content.totpUri).trim() : '';
      if (type !== 'login' || totp === '') continue;
      const title = isObject(metadata) ? text(metadata.name) : '';
      // State 2 is Proton Pass's trash: the export holds such items, the app no longer shows them.
      if (item.state === 2) {
        result.skipped.push({ index: index++, name: title, reason: "in Proton Pass's trash" });
        continue;
      }
      const user = isObject(content) ? text(content.itemUsername) || text(content.itemEmail) : '';
      const details = toDetails({ note: isObject(metadata) ? metadata.note : undefined, groups: [vault.name] });
      if (/^(otpauth|steam):\/\//i.test(totp))
        addUriEntry(result, index, where, withLabel(totp, title), { issuer: title, account: user }, details);
      else
        addEntry(result, index, where, {
          type: 'totp',
          issuer: title,
          account: user || title,
          secret: totp,
          ...details,
        });
      index++;
      if (result.accounts.length + result.skipped.length > MAX_ENTRIES)
        throw new InvalidMigrationError(`Proton Pass export has more than ${MAX_ENTRIES} accounts`);
    }
  }
  return result;
}

/** A key URI with an empty label gets the item's name, which Proton Pass shows for it. */
function withLabel(uri: string, title: string): string {
  return /^otpauth:\/\/[^/]*\/(?:[?#]|$)/i.test(uri) && title !== ''
    ? uri.replace(/^(otpauth:\/\/[^/]*\/)/i, `$1${encodeURIComponent(title)}`)
    : uri;
}

/**
 * Reads a Proton Pass export zip.
 * @throws {InvalidMigrationError} for a damaged archive or one without `Proton Pass/data.json`
 */
export async function readProtonPassZip(bytes: Uint8Array): Promise<FormatImport> {
  const data = await readZipEntry(bytes, PROTON_PASS_DATA);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new InvalidMigrationError(`Proton Pass export: ${PROTON_PASS_DATA} is not UTF-8 JSON`);
  }
  return parseProtonPass(json);
}
