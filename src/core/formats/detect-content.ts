/**
 * The content checks behind detectFormat: binary files, JSON values and other text, each named
 * for what it is, with what to export instead when it cannot be read here.
 */
import { isAndOtp } from './andotp.js';
import { isAuthenticatorPro } from './authenticator-pro.js';
import { isBitwardenCsv, isBitwardenJson } from './bitwarden.js';
import { isCxf } from './cxf.js';
import { isEnteEncrypted } from './ente-encrypted.js';
import { isFreeOtpPlus } from './freeotp-plus.js';
import { isObject } from './json.js';
import { isLastPass } from './lastpass.js';
import { isProtonExport } from './proton.js';
import { isSteamMaFile } from './steam-mafile.js';
import { isTotpAuthenticatorBackup } from './totp-authenticator.js';
import { isEncryptedTwoFas, isTwoFas } from './two-fas.js';
import { isZip } from './zip.js';
import { known, readable, UNKNOWN, type DetectedFormat } from './formats.js';

const startsWith = (bytes: Uint8Array, magic: number[] | string) => {
  const m = typeof magic === 'string' ? Array.from(magic, (c) => c.charCodeAt(0)) : magic;
  return bytes.length >= m.length && m.every((b, i) => bytes[i] === b);
};

/** True for bytes that are a binary format even when they happen to decode as UTF-8. */
export const isBinaryFormat = (bytes: Uint8Array): boolean =>
  startsWith(bytes, 'SQLite format 3\0') ||
  startsWith(bytes, 'AUTHENTICATORPRO') ||
  startsWith(bytes, 'AuthenticatorPro') ||
  startsWith(bytes, [0xac, 0xed]) ||
  isZip(bytes);

/** Formats that are not text: zips (named by what they hold later), app databases, other apps' encrypted backups. */
export function detectBinary(bytes: Uint8Array): DetectedFormat {
  if (isZip(bytes))
    return known('zip', 'a zip archive', 'read it with readExport, which names and reads what is inside');
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
  if (startsWith(bytes, [0xac, 0xed, 0x00, 0x05]))
    return known(
      'freeotp-backup',
      'FreeOTP 2 backup (Java serialized, encrypted)',
      'FreeOTP 2 backups cannot be read here; move the accounts with FreeOTP+ (JSON export) or re-enroll them',
      true,
    );
  if (startsWith(bytes, 'AUTHENTICATORPRO') || startsWith(bytes, 'AuthenticatorPro'))
    return known(
      'authenticator-pro-encrypted',
      'Authenticator Pro / Stratum backup (encrypted)',
      'export again from Authenticator Pro / Stratum without a password (Backup → plain JSON)',
      true,
    );
  if (isPgpMessage(bytes)) return pgp();
  // andOTP's encrypted backup has no magic bytes: a binary file long enough to hold its header.
  if (bytes.length >= 4 + 12 + 12 + 16) return readable('andotp-encrypted', true);
  return UNKNOWN;
}

/**
 * OpenPGP (RFC 9580 §5.3): a password-encrypted file starts with a symmetric-key encrypted session
 * key packet, tag 3, in the old (0x8c) or new (0xc3) packet format, of version 4 to 6 with a known
 * cipher. The version 4 layout is checked to its S2K type, so random bytes seldom pass.
 */
function isPgpMessage(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || (bytes[0] !== 0x8c && bytes[0] !== 0xc3)) return false;
  const version = bytes[2]!;
  if (version === 4) return bytes[3]! >= 1 && bytes[3]! <= 13 && [0, 1, 3, 4].includes(bytes[4]!);
  // Versions 5 and 6 name an AES cipher (7 to 9) right after the version, or after a count byte.
  return (version === 5 || version === 6) && [bytes[3]!, bytes[4]!].some((b) => b >= 7 && b <= 9);
}

const pgp = () =>
  known(
    'pgp',
    'an OpenPGP-encrypted file (Proton Pass encrypted export?)',
    'export again from Proton Pass without encryption (a zip), or decrypt it first with gpg --decrypt and import the result',
    true,
  );

/** JSON exports, by the fields each format has. */
export function detectJson(value: unknown): DetectedFormat {
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
  if (isEnteEncrypted(value)) return readable('ente-encrypted', true);
  if (isSteamMaFile(value)) return readable('steam');
  if (isCxf(value)) return readable('cxf');
  if (isObject(value) && isObject(value.vaults) && 'userId' in value)
    return known(
      'proton-pass-data',
      'Proton Pass data.json',
      'import the whole Proton Pass export zip, not the file inside it',
    );
  const text = JSON.stringify(value).slice(0, 100_000);
  if (/"decryptedSecret"|"authy/i.test(text))
    return known('authy', 'Authy data', 'Authy has no export; re-enroll each account in the new app');
  if (/"otpGenerator"|"pkey"/.test(text))
    return known('duo', 'Duo Mobile data', 'Duo Mobile has no export of third-party accounts; re-enroll them');
  return UNKNOWN;
}

/** Android settings files (shared_prefs XML) that some apps keep their accounts in, read from rooted phones. */
const PREFS: Array<[RegExp, string, string]> = [
  [/com\.authy\.storage\.tokens/, 'Authy', 'Authy has no export; re-enroll each account in the new app'],
  [
    /com\.blizzard\.(messenger|bma)\.(AUTHENTICATOR|AUTH_STORE)/,
    'Battle.net Authenticator',
    'Battle.net has no export; remove the authenticator in your Battle.net account settings and attach a new one',
  ],
  [/STATIC_TOTP_CODES_LIST/, 'TOTP Authenticator', "export a backup from TOTP Authenticator's settings instead"],
  [/name="tokenOrder"/, 'FreeOTP', 'move the accounts with FreeOTP+ (JSON export) or re-enroll them'],
];

/** Text that is neither JSON nor key URIs: CSV, app settings files, PGP, base64 backups. */
export function detectOtherText(content: string): DetectedFormat {
  if (isBitwardenCsv(content)) return readable('bitwarden-csv');
  if (/^-----BEGIN PGP MESSAGE-----/.test(content)) return pgp();
  if (/^<\?xml[^>]*>\s*<map>|^<map>/.test(content)) {
    const [, app, advice] = PREFS.find(([pattern]) => pattern.test(content)) ?? [];
    return known(
      'app-settings',
      `${app ?? 'an Android app'}'s internal settings file (shared_prefs XML)`,
      app === undefined ? 'app settings files are not exports; export from the app or re-enroll each account' : advice!,
    );
  }
  if (isTotpAuthenticatorBackup(content)) return readable('totp-authenticator', true);
  return UNKNOWN;
}
