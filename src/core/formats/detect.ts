/**
 * Recognises an export by its content before reading it, so `import` can say what it found, ask
 * for a password only when the format has one, and refuse a known format it cannot read with
 * advice on what to export instead. {@link detectFormat} answers at once; a zip archive needs
 * its entries listed, which {@link detectExport} does (loading the zip reader on demand).
 */
import { InvalidArgumentError, InvalidMigrationError, describeValue } from '../errors.js';
import { detectBinary, detectJson, detectOtherText, isBinaryFormat } from './detect-content.js';
import { known, readable, type DetectedFormat } from './formats.js';
import { parseJson, MAX_EXPORT_CHARS } from './json.js';
import { isZip, listZip, PROTON_PASS_DATA } from './zip.js';

export { FORMAT_NAMES } from './formats.js';
export type { AccountsFormat, DetectedFormat } from './formats.js';

function checkInput(input: unknown): asserts input is string | Uint8Array {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    throw new InvalidArgumentError(`"input" must be a string or a Uint8Array, got ${describeValue(input)}`);
  if (input.length > MAX_EXPORT_CHARS)
    throw new InvalidMigrationError(
      `export is too large: ${input.length} ${typeof input === 'string' ? 'characters' : 'bytes'} (at most ${MAX_EXPORT_CHARS})`,
    );
}

/**
 * Says which format an export is, from its content alone (never from a file name). A zip archive
 * is answered `{ readable: false, format: 'zip' }`: {@link detectExport} looks inside it.
 * @param input the file's text, or its bytes (binary formats: andOTP encrypted, zips, app databases)
 * @example
 * detectFormat(text); // { readable: true, format: 'aegis-encrypted', name: 'Aegis vault (encrypted JSON)', encrypted: true }
 */
export function detectFormat(input: string | Uint8Array): DetectedFormat {
  checkInput(input);
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (isBinaryFormat(input)) return detectBinary(input);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return detectBinary(input);
    }
  }
  const content = text.replace(/^\uFEFF/, '').trim();
  if (content.startsWith('{') || content.startsWith('[')) {
    let value: unknown;
    try {
      value = parseJson(content, 'export');
    } catch {
      return known(
        'damaged-json',
        'JSON that cannot be parsed (truncated, damaged or too deeply nested)',
        'export the file again',
      );
    }
    return detectJson(value);
  }
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length > 0 && lines.every((l) => /^otpauth-migration:/i.test(l))) return readable('migration');
  if (lines.some((l) => /^otpauth:\/\//i.test(l))) return readable('uri-list');
  return detectOtherText(content);
}

/**
 * {@link detectFormat}, and for a zip archive the format of what it holds: a Proton Pass export,
 * an Authenticator Plus backup (password-protected, named with what to do), or the files in it.
 * @throws {InvalidMigrationError} for a damaged archive
 * @example
 * await detectExport(zipBytes); // { readable: true, format: 'proton-pass', name: 'Proton Pass export (zip)', encrypted: false }
 */
export async function detectExport(input: string | Uint8Array): Promise<DetectedFormat> {
  checkInput(input);
  if (typeof input === 'string' || !isZip(input)) return detectFormat(input);
  const entries = await listZip(input);
  const names = entries.map((e) => e.name);
  if (names.includes(PROTON_PASS_DATA)) return readable('proton-pass');
  if (names.some((n) => /(^|\/)Accounts\.txt$/.test(n)))
    return known(
      'authenticator-plus',
      'Authenticator Plus backup (password-protected zip)',
      'open it with any unzip tool and your Authenticator Plus password, then import the Accounts.txt inside (a key-URI list)',
      true,
    );
  const shown = names.slice(0, 5).map((n) => JSON.stringify(n));
  return known(
    'zip',
    names.length === 0
      ? 'an empty zip archive'
      : `a zip archive holding ${shown.join(', ')}${names.length > 5 ? ', …' : ''}`,
    'unzip it and import the export file inside',
  );
}
