/**
 * Recognises an export by its content before reading it, so `import` can say what it found, ask
 * for a password only when the format has one, and refuse a known format it cannot read with
 * advice on what to export instead.
 */
import { InvalidArgumentError, InvalidMigrationError, describeValue } from '../errors.js';
import { isObject, parseJson, MAX_EXPORT_CHARS } from './json.js';
import { isAndOtp } from './andotp.js';
import { isAuthenticatorPro } from './authenticator-pro.js';
import { isBitwardenCsv, isBitwardenJson } from './bitwarden.js';
import { isFreeOtpPlus } from './freeotp-plus.js';
import { isLastPass } from './lastpass.js';
import { isProtonExport } from './proton.js';
import { isEncryptedTwoFas, isTwoFas } from './two-fas.js';

/** The formats this library reads. */
export type AccountsFormat =
  | 'migration'
  | 'uri-list'
  | 'aegis'
  | 'aegis-encrypted'
  | '2fas'
  | '2fas-encrypted'
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | 'andotp'
  | 'andotp-encrypted'
  | 'freeotp-plus'
  | 'authenticator-pro'
  | 'proton'
  | 'lastpass';

/** What {@link detectFormat} found. */
export type DetectedFormat =
  | { readable: true; format: AccountsFormat; name: string; encrypted: boolean }
  | { readable: false; format: string; name: string; encrypted: boolean; advice: string };

/** Human names, for messages and the docs' table. */
export const FORMAT_NAMES: Record<AccountsFormat, string> = {
  migration: 'Google Authenticator transfer (otpauth-migration URIs)',
  'uri-list': 'key-URI list (otpauth:// per line; Aegis/Ente Auth text export)',
  aegis: 'Aegis vault (plain JSON)',
  'aegis-encrypted': 'Aegis vault (encrypted JSON)',
  '2fas': '2FAS backup (.2fas)',
  '2fas-encrypted': '2FAS backup (.2fas, encrypted)',
  'bitwarden-json': 'Bitwarden JSON export',
  'bitwarden-csv': 'Bitwarden CSV export',
  andotp: 'andOTP backup (plain JSON)',
  'andotp-encrypted': 'andOTP backup (encrypted)',
  'freeotp-plus': 'FreeOTP+ JSON export',
  'authenticator-pro': 'Authenticator Pro / Stratum backup (plain JSON)',
  proton: 'Proton Authenticator export (JSON)',
  lastpass: 'LastPass Authenticator export (JSON)',
};

const readable = (format: AccountsFormat, encrypted = false): DetectedFormat => ({
  readable: true,
  format,
  name: FORMAT_NAMES[format],
  encrypted,
});
const known = (format: string, name: string, advice: string, encrypted = false): DetectedFormat => ({
  readable: false,
  format,
  name,
  encrypted,
  advice,
});
const UNKNOWN = known(
  'unknown',
  'an unknown format',
  'export from your app as an Aegis vault, a 2FAS backup or a plain otpauth:// key-URI list',
);

const startsWith = (bytes: Uint8Array, magic: number[] | string) => {
  const m = typeof magic === 'string' ? Array.from(magic, (c) => c.charCodeAt(0)) : magic;
  return bytes.length >= m.length && m.every((b, i) => bytes[i] === b);
};

/** Formats that are not text: app databases and other apps' encrypted backups. */
function detectBinary(bytes: Uint8Array): DetectedFormat {
  if (startsWith(bytes, 'SQLite format 3\0')) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
    const app = /oath_secret_key/.test(head)
      ? 'Microsoft Authenticator'
      : /original_name/.test(head)
        ? 'Google Authenticator'
        : /duo/i.test(head)
          ? 'Duo Mobile'
          : 'an authenticator app';
    return known(
      'app-database',
      `${app} internal database (SQLite)`,
      'app databases are not exports; in Google Authenticator use "Transfer accounts" (QR codes), otherwise export from the app or re-enroll each account',
    );
  }
  if (startsWith(bytes, [0xac, 0xed, 0x00, 0x05])) {
    return known(
      'freeotp-backup',
      'FreeOTP 2 backup (Java serialized, encrypted)',
      'FreeOTP 2 backups cannot be read here; move the accounts with FreeOTP+ (JSON export) or re-enroll them',
      true,
    );
  }
  if (startsWith(bytes, 'AUTHENTICATORPRO') || startsWith(bytes, 'AuthenticatorPro')) {
    return known(
      'authenticator-pro-encrypted',
      'Authenticator Pro / Stratum backup (encrypted)',
      'export again from Authenticator Pro / Stratum without a password (Backup → plain JSON)',
      true,
    );
  }
  // andOTP's encrypted backup has no magic bytes: a binary file long enough to hold its header.
  if (bytes.length >= 4 + 12 + 12 + 16) return readable('andotp-encrypted', true);
  return UNKNOWN;
}

function detectJson(value: unknown): DetectedFormat {
  if (isObject(value) && value.version === 1 && isObject(value.header) && 'db' in value) {
    return typeof value.db === 'string' || (value.header.slots !== null && value.header.slots !== undefined)
      ? readable('aegis-encrypted', true)
      : readable('aegis');
  }
  if (isTwoFas(value)) return isEncryptedTwoFas(value) ? readable('2fas-encrypted', true) : readable('2fas');
  if (isBitwardenJson(value)) {
    return value.encrypted
      ? known(
          'bitwarden-encrypted',
          'Bitwarden encrypted JSON export',
          'export again from Bitwarden as "JSON" (not "JSON (Encrypted)")',
          true,
        )
      : readable('bitwarden-json');
  }
  if (isAndOtp(value)) return readable('andotp');
  if (isFreeOtpPlus(value)) return readable('freeotp-plus');
  if (isAuthenticatorPro(value)) return readable('authenticator-pro');
  if (isProtonExport(value)) return readable('proton');
  if (isLastPass(value)) return readable('lastpass');
  if (isObject(value) && isObject(value.kdfParams) && 'encryptedData' in value) {
    return known(
      'ente-encrypted',
      'Ente Auth encrypted export',
      'export again from Ente Auth as plain text (Settings → Data → Export codes → Plain text)',
      true,
    );
  }
  const text = JSON.stringify(value).slice(0, 100_000);
  if (/"decryptedSecret"|"authy/i.test(text))
    return known('authy', 'Authy data', 'Authy has no export; re-enroll each account in the new app');
  if (/"otpGenerator"|"pkey"/.test(text))
    return known('duo', 'Duo Mobile data', 'Duo Mobile has no export of third-party accounts; re-enroll them');
  return UNKNOWN;
}

/**
 * Says which format an export is, from its content alone (never from a file name).
 * @param input the file's text, or its bytes (binary formats: andOTP encrypted, app databases)
 * @example
 * detectFormat(text); // { readable: true, format: 'aegis-encrypted', name: 'Aegis vault (encrypted JSON)', encrypted: true }
 */
export function detectFormat(input: string | Uint8Array): DetectedFormat {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    throw new InvalidArgumentError(`"input" must be a string or a Uint8Array, got ${describeValue(input)}`);
  if (input.length > MAX_EXPORT_CHARS)
    throw new InvalidMigrationError(
      `export is too large: ${input.length} ${typeof input === 'string' ? 'characters' : 'bytes'} (at most ${MAX_EXPORT_CHARS})`,
    );
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return detectBinary(input);
    }
    if (/^SQLite format 3\0|^AUTHENTICATORPRO/i.test(text) || startsWith(input, [0xac, 0xed]))
      return detectBinary(input);
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
  if (isBitwardenCsv(content)) return readable('bitwarden-csv');
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length > 0 && lines.every((l) => /^otpauth-migration:/i.test(l))) return readable('migration');
  if (lines.some((l) => /^otpauth:\/\//i.test(l))) return readable('uri-list');
  if (/^[A-Za-z0-9+/=\s]{64,}$/.test(content)) {
    return known(
      'totp-authenticator',
      'an encrypted backup (base64), as TOTP Authenticator writes',
      'export again as plain text or JSON, or re-enroll the accounts',
      true,
    );
  }
  return UNKNOWN;
}
