/**
 * Bitwarden exports. JSON: `{ encrypted: false, items: [{ name, login: { username, totp } }] }`;
 * CSV: a header row naming the columns, `login_totp` among them. The TOTP field holds a key URI,
 * `steam://SECRET` (a Steam Guard account) or a bare base32 secret (30 s, 6 digits, SHA-1, named
 * after the item and its user name). An item's notes and folder are its details.
 */
import { InvalidArgumentError, InvalidMigrationError, describeValue } from '../errors.js';
import { toDetails, type AccountDetails } from './details.js';
import { addEntry, emptyImport, type FormatImport } from './entries.js';
import { entryList, isObject, parseJson, MAX_ENTRIES, MAX_EXPORT_CHARS } from './json.js';
import { addUriEntry } from './uri-entry.js';

/** True for a parsed object shaped like a Bitwarden JSON export. */
export const isBitwardenJson = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && Array.isArray(value.items) && typeof value.encrypted === 'boolean';

interface Item {
  totp: string;
  name: string;
  user: string;
  details: AccountDetails;
}

function addTotp(into: FormatImport, index: number, where: string, { totp, name, user, details }: Item): void {
  if (/^(otpauth|steam):\/\//i.test(totp.trim()))
    return addUriEntry(into, index, where, totp, { issuer: name, account: user }, details);
  addEntry(into, index, where, { type: 'totp', issuer: name, account: user || name, secret: totp, ...details });
}

/**
 * Reads a Bitwarden JSON export (text or parsed object). Items without a TOTP field are passed over.
 * @throws {InvalidMigrationError} for an encrypted export or a malformed item
 */
export function parseBitwardenJson(input: string | unknown): FormatImport {
  const data = typeof input === 'string' ? parseJson(input, 'Bitwarden export') : input;
  if (!isBitwardenJson(data))
    throw new InvalidMigrationError('Bitwarden export must be an object with "encrypted" and "items"');
  if (data.encrypted)
    throw new InvalidMigrationError('Bitwarden export is encrypted; export it again as .json (not "encrypted")');
  const result = emptyImport();
  const folders = new Map<unknown, unknown>();
  if (Array.isArray(data.folders))
    for (const f of entryList(data.folders, 'Bitwarden "folders"')) if (isObject(f)) folders.set(f.id, f.name);
  entryList(data.items, 'Bitwarden "items"').forEach((item, index) => {
    if (!isObject(item) || !isObject(item.login)) return;
    const { totp, username } = item.login;
    if (typeof totp !== 'string' || totp.trim() === '') return;
    addTotp(result, index, `Bitwarden item ${index}`, {
      totp,
      name: typeof item.name === 'string' ? item.name : '',
      user: typeof username === 'string' ? username : '',
      details: toDetails({ note: item.notes, groups: [folders.get(item.folderId)] }),
    });
  });
  return result;
}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
      if (rows.length > MAX_ENTRIES + 1) throw new InvalidMigrationError(`CSV has more than ${MAX_ENTRIES} rows`);
    } else field += c;
  }
  if (quoted) throw new InvalidMigrationError('CSV ends inside a quoted field (truncated?)');
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** True for text whose first line is a Bitwarden CSV header. */
export const isBitwardenCsv = (text: string): boolean =>
  /^\uFEFF?[^\n]*\blogin_totp\b/.test(text) && /^\uFEFF?[^\n]*\bname\b/.test(text);

/**
 * Reads a Bitwarden CSV export. Rows without a TOTP value are passed over.
 * @throws {InvalidMigrationError} for a missing `login_totp` column or a malformed value
 */
export function parseBitwardenCsv(text: string): FormatImport {
  if (typeof text !== 'string') throw new InvalidArgumentError(`"text" must be a string, got ${describeValue(text)}`);
  if (text.length > MAX_EXPORT_CHARS)
    throw new InvalidMigrationError(`Bitwarden CSV is too large: ${text.length} characters`);
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const column = (name: string) => header?.findIndex((h) => h.trim() === name) ?? -1;
  const totpAt = column('login_totp');
  if (totpAt < 0) throw new InvalidMigrationError('Bitwarden CSV has no "login_totp" column');
  const [nameAt, userAt, notesAt, folderAt] = ['name', 'login_username', 'notes', 'folder'].map(column);
  const result = emptyImport();
  rows.forEach((row, index) => {
    const totp = row[totpAt]?.trim() ?? '';
    if (totp === '') return;
    addTotp(result, index, `Bitwarden CSV row ${index + 2}`, {
      totp,
      name: row[nameAt!] ?? '',
      user: row[userAt!] ?? '',
      details: toDetails({ note: row[notesAt!], groups: [row[folderAt!]] }),
    });
  });
  return result;
}
